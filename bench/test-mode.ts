/**
 * Imported first by bench/main.ts: runs zapier-platform-core as under its own test tools
 * (NODE_ENV=test, read when core loads), so every appTester call does not print core's
 * per-invocation memory line to stdout and its output checks are as strict as in the tests.
 */
process.env.NODE_ENV = 'test';
