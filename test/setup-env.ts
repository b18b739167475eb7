// Every test talks to a fake Reevo unless it points the app somewhere else itself.
process.env.REEVO_API_BASE_URL = 'https://api.reevo.test';
