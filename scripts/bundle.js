// Bundles the compiled app (dist/) into one minified file for the Zapier release zip, so the zip
// carries only the code the app runs: zod, the phone library and the app itself, without the
// rest of their packages. zapier-platform-core stays a package: Zapier's build wraps the app with it.
const path = require('node:path');
const esbuild = require('esbuild');

/** zod loads every message locale through one index; the app speaks English only. */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]locales[\\/]index\.cjs$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.cjs') }
        : undefined,
    );
  },
};

/**
 * creates/ and searches/ register every file of their folder, read at run time (src/operation-folder.ts);
 * in the bundle there is no folder, so their index becomes static requires of the same files.
 */
const operationFolders = {
  name: 'operation-folders',
  setup(build) {
    build.onLoad({ filter: /[\\/](creates|searches)[\\/]index\.js$/ }, (args) => {
      const dir = path.dirname(args.path);
      const { operationFiles } = require(path.join(dir, '..', 'src', 'operation-folder.js'));
      const requires = operationFiles(dir).map((file) => `require(${JSON.stringify(`./${file}`)}).default`);
      return {
        contents: `const { keyedByKey } = require('../src/operation-folder');\nexports.__esModule = true;\nexports.default = keyedByKey([${requires.join(', ')}]);\n`,
        loader: 'js',
        resolveDir: dir,
      };
    });
  },
};

const [entry, outfile] = process.argv.slice(2);
esbuild
  .build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: ['zapier-platform-core'],
    plugins: [zodEnglishOnly, operationFolders],
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
