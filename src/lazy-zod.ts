import type * as Zod from 'zod';

/**
 * The parts of zod the app builds its schemas from. The release bundle (scripts/bundle.js) carries
 * only these (less than half of zod), so a schema may only use what this list names.
 */
export const ZOD_PARTS = [
  'NEVER',
  'array',
  'boolean',
  'email',
  'enum',
  'iso',
  'number',
  'object',
  'record',
  'string',
  'union',
  'unknown',
  'url',
] as const;

export type Z = Pick<typeof Zod.z, (typeof ZOD_PARTS)[number]>;

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
