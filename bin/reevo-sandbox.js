#!/usr/bin/env node
// The local Reevo sandbox. Build first (`npm run build`); `npm run sandbox` does both.
require('../dist/sandbox/cli.js').run();
