// Bundles the compiled app (dist/) into minified files for the Zapier release zip, so the zip
// carries only the code the app runs: the app itself, zod and the phone library, without the rest
// of their packages. zapier-platform-core stays a package: Zapier's build wraps the app with it.
// zod and the phone library get files of their own next to the app's: the app requires them on
// first use (src/lazy-zod.ts, src/normalise.ts), so a cold start does not parse their ~300 KB.
const path = require('node:path');
const esbuild = require('esbuild');

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
const outdir = path.dirname(outfile);

/**
 * zod from its ES modules, so that only the parts the app builds its schemas from are kept (their
 * list, ZOD_PARTS, is in src/lazy-zod.ts, whose type lets the app use nothing else).
 */
function zodParts() {
  const { ZOD_PARTS } = require(path.resolve(path.dirname(entry), 'src', 'lazy-zod.js'));
  const imports = ZOD_PARTS.map((part, i) => `${part} as part${i}`).join(', ');
  const members = ZOD_PARTS.map((part, i) => `${part}: part${i}`).join(', ');
  return `import { ${imports} } from 'zod';\nexport const z = { ${members} };\n`;
}

/** The libraries the app loads on first use, each bundled into its own file beside the app's. */
const LAZY_LIBRARIES = {
  zod: { file: 'zod.js', contents: zodParts() },
  'libphonenumber-js/min': {
    file: 'libphonenumber.js',
    contents: "module.exports = require('libphonenumber-js/min');",
  },
};

/** The app's requires of those libraries point at their files. */
const lazyLibraries = {
  name: 'lazy-libraries',
  setup(build) {
    build.onResolve({ filter: /^(zod|libphonenumber-js\/min)$/ }, (args) => ({
      path: `./${LAZY_LIBRARIES[args.path].file}`,
      external: true,
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

Promise.all([
  esbuild.build({
    ...common,
    entryPoints: [entry],
    outfile,
    external: ['zapier-platform-core'],
    plugins: [lazyLibraries, operationFolders],
  }),
  ...Object.values(LAZY_LIBRARIES).map(({ file, contents }) =>
    esbuild.build({ ...common, stdin: { contents, resolveDir: process.cwd() }, outfile: path.join(outdir, file) }),
  ),
]).catch(() => process.exit(1));
