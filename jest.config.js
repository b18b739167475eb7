/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // `../../index` must be the TypeScript app, not the root index.js that loads the build in dist/.
  moduleFileExtensions: ['ts', 'js', 'json', 'node'],
  // Type errors are caught once, up front, by `tsc -p tsconfig.test.json` in `npm test`.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }] },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-nock.ts', '<rootDir>/test/setup-core.ts'],
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  testTimeout: 20000,
};
