#!/usr/bin/env node
// The reevo-clay CLI (clay/cli.ts), from the build in dist/: run `npm run build` first.
const { run } = require('../dist/clay/cli.js');

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`reevo-clay failed unexpectedly: ${(error && error.stack) || String(error)}\n`);
    process.exitCode = 2;
  },
);
