import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The operation files of a folder (creates/, searches/): every module but its index, as TypeScript
 * sources (tests) or compiled JavaScript (dist/). scripts/bundle.js asks the same question when it
 * bundles the app, where the folder no longer exists at run time.
 */
export const operationFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => /^[a-z0-9_]+\.(ts|js)$/.test(name) && !/^index\./.test(name))
    .sort();

/** Operations keyed by their Zapier key, which is also their file's name. */
export const keyedByKey = <T extends { key: string }>(operations: readonly T[]): Record<string, T> =>
  Object.fromEntries(operations.map((operation) => [operation.key, operation]));

/** Every operation of a folder, keyed by its Zapier key: adding a file is registering it. */
export const operationsIn = <T extends { key: string }>(dir: string): Record<string, T> =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the folder's files are known only at run time
  keyedByKey(operationFiles(dir).map((file) => (require(join(dir, file)) as { default: T }).default));
