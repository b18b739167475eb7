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
      args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: path.join(path.dirname(args.importer), '..', 'locales', 'en.cjs') } : undefined,
    );
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
    plugins: [zodEnglishOnly],
    logLevel: 'warning',
  })
  .catch(() => process.exit(1));
