import type * as Zod from 'zod';

export type Z = typeof Zod.z;
let loaded: Z | undefined;

/**
 * zod, loaded on first use. Loading it is the largest part of the app's cold start, and most
 * invocations (webhook deliveries, dropdowns, samples) never validate anything.
 */
export function zod(): Z {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('zod') as typeof Zod).z;
  return loaded;
}

/** A schema built on its first use. */
export function lazySchema<T extends Zod.ZodType>(build: (z: Z) => T): () => T {
  let schema: T | undefined;
  return () => (schema ??= build(zod()));
}
