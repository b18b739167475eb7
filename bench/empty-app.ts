/**
 * The baseline: an empty app as `zapier-platform init --template custom-auth` makes it (CLI 19.1.0),
 * on the same zapier-platform-core. The CLI is not a dependency of this project (see the README's
 * Publishing section), so the generated files are written out here: the `index.js` of the
 * CLI's `index.template.js` with auth, and an `authentication.js` and `middleware.js` with what
 * the generator puts in them for custom auth (an `apiKey` field, a test request, a `beforeRequest`
 * adding the key header and an `afterResponse` turning a 401 into an error). Its node_modules is a
 * symlink to this project's, so both apps load the very same core.
 */
import fs from 'node:fs';
import path from 'node:path';

export const EMPTY_APP_DESCRIPTION =
  'the files of `zapier-platform init --template custom-auth` (CLI 19.1.0: index.js from its index.template.js, ' +
  'authentication.js with an `apiKey` field and a test request, middleware.js adding the key header and mapping a 401) ' +
  "written by bench/empty-app.ts into a temp dir, with `node_modules` symlinked to this project's node_modules " +
  '(same zapier-platform-core 19.1.0)';

const INDEX_JS = `const authentication = require('./authentication');
const { befores = [], afters = [] } = require('./middleware');

module.exports = {
  // This is just shorthand to reference the installed dependencies you have.
  // Zapier will need to know these before we can upload.
  version: require('./package.json').version,
  platformVersion: require('zapier-platform-core').version,

  authentication,

  beforeRequest: [...befores],

  afterResponse: [...afters],

  // If you want your trigger to show up, you better include it here!
  triggers: {},

  // If you want your searches to show up, you better include it here!
  searches: {},

  // If you want your creates to show up, you better include it here!
  creates: {},

  resources: {},
};
`;

const AUTHENTICATION_JS = `'use strict';

// You want to make a request to an endpoint that is either specifically designed
// to test auth, or one that every user will have access to. eg: \`/me\`.
// By returning the entire request object, you have access to the request and
// response data for testing purposes. Your connection label can access any data
// from the returned response using the \`json.\` prefix. eg: \`{{json.username}}\`.
const test = (z, bundle) =>
  z.request({ url: 'https://auth-json-server.zapier-staging.com/me' });

module.exports = {
  // "custom" is the catch-all auth type. The user supplies some info and Zapier can
  // pass it along with each request.
  type: 'custom',

  // Define any input app's auth requires here. The user will be prompted to enter
  // this info when they connect their account.
  fields: [{ key: 'apiKey', label: 'API Key', required: true }],

  // The test method allows Zapier to verify that the credentials a user provides
  // are valid. We'll execute this method whenever a user connects their account for
  // the first time.
  test,

  // This template string can access all the data returned from the auth test. If
  // you return the test object, you'll access the returned data with a label like
  // \`{{json.X}}\`. If you return \`response.data\` from your test, then your label can
  // be \`{{X}}\`. This can also be a function that returns a label. That function has
  // the standard args \`(z: ZObject, bundle: Bundle)\` and data returned from the
  // test can be accessed in \`bundle.inputData.X\`.
  connectionLabel: '{{json.username}}',
};
`;

const MIDDLEWARE_JS = `'use strict';

// This function runs after every outbound request. You can use it to check for
// errors or modify the response. You can have as many as you need. They'll need
// to each be registered in your index.js file.
const handleBadResponses = (response, z, bundle) => {
  if (response.status === 401) {
    throw new z.errors.Error(
      // This message is surfaced to the user
      'The API Key you supplied is incorrect',
      'AuthenticationError',
      response.status
    );
  }

  return response;
};

// This function runs before every outbound request. You can have as many as you
// need. They'll need to each be registered in your index.js file.
const includeApiKey = (request, z, bundle) => {
  if (bundle.authData.apiKey) {
    // Use these lines to include the API key in the querystring
    // request.params = request.params || {};
    // request.params.api_key = bundle.authData.apiKey;

    // If you want to include the API key in the header instead, uncomment this:
    request.headers['X-API-KEY'] = bundle.authData.apiKey;
  }

  return request;
};

module.exports = {
  befores: [includeApiKey],
  afters: [handleBadResponses],
};
`;

/** Writes the empty app into `dir` (replacing what is there) and returns its root. */
export function writeEmptyApp(dir: string, projectRoot: string, options: { linkNodeModules: boolean }): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const corePackage = JSON.parse(
    fs.readFileSync(path.join(projectRoot, 'node_modules/zapier-platform-core/package.json'), 'utf8'),
  ) as { version: string };
  const packageJson = {
    name: 'empty-custom-auth-app',
    version: '1.0.0',
    description: 'An empty Zapier app from the custom-auth template (benchmark baseline).',
    main: 'index.js',
    scripts: { test: 'jest --testTimeout 10000' },
    dependencies: { 'zapier-platform-core': corePackage.version },
    private: true,
    zapier: { convertedByCLIVersion: '19.1.0' },
  };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'index.js'), INDEX_JS);
  fs.writeFileSync(path.join(dir, 'authentication.js'), AUTHENTICATION_JS);
  fs.writeFileSync(path.join(dir, 'middleware.js'), MIDDLEWARE_JS);
  // The same fix this project needs for `zapier-platform build` on Node >= 22.12 (see .zapierapprc).
  fs.copyFileSync(path.join(projectRoot, '.zapierapprc'), path.join(dir, '.zapierapprc'));
  if (options.linkNodeModules)
    fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
