// Runs the release zip on its own, as Zapier would: unpacked, with only the files it holds.
// A create with a bad email must fail validation with a message naming the field, which needs
// the lazily loaded zod inside the zip; a phone search input needs the phone library.
const { execFileSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const dir = mkdtempSync(path.join(tmpdir(), 'reevo-zip-'));
execFileSync('python3', ['-m', 'zipfile', '-e', process.argv[2], dir]);
const app = require(path.join(dir, 'index.js'));
const { createAppHandler } = require(path.join(dir, 'node_modules/zapier-platform-core'));
const handler = createAppHandler(app);

async function expectInputError(method, inputData, field) {
  const event = {
    command: 'execute',
    method,
    bundle: { authData: { api_key: 'smoke' }, inputData },
    calledFromCli: true,
  };
  try {
    await handler(event);
  } catch (error) {
    const { message } = JSON.parse(error.message);
    if (!message.includes(`(${field})`)) throw new Error(`${method}: unexpected message ${message}`, { cause: error });
    return message;
  }
  throw new Error(`${method} accepted bad input`);
}

(async () => {
  console.log(
    await expectInputError(
      'creates.create_task.operation.perform',
      { title: 'x', owner_email: 'not-an-email' },
      'owner_email',
    ),
  );
  console.log(
    await expectInputError(
      'searches.find_contact_and_account.operation.perform',
      { contact_phone_number: '12' },
      'contact_phone_number',
    ),
  );
  console.log('release zip runs on its own');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
