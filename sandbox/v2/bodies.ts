/**
 * v2 request bodies at the top level, as pydantic would check them before Reevo's own rules: a
 * wrong shape here is a FastAPI 422, while what is inside `attributes`, `match` and `filters` is
 * judged by the v2 rules and answered with v2 error codes.
 */
import { z } from 'zod';

const attributes = z.record(z.string(), z.unknown());

export const writeBody = z.strictObject({ attributes });

export const assertBody = z.strictObject({
  match: z.record(z.string(), z.unknown()),
  attributes: attributes.default({}),
});

const QUERY_LIMIT = { default: 50, max: 100 } as const;

/** [assumed] limit: 1 to 100, default 50 (not published; the contract asks clients for at most 100). */
export const v2QueryBody = z.strictObject({
  filters: z.array(z.unknown()).optional(),
  sort: z.array(z.strictObject({ field: z.string(), direction: z.enum(['asc', 'desc']) })).optional(),
  limit: z.int().min(1).max(QUERY_LIMIT.max).default(QUERY_LIMIT.default),
  cursor: z.string().nullish(),
});
