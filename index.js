// Zapier loads the app from the package root; the TypeScript sources compile to dist/.
module.exports = require('./dist/index.js').default;
