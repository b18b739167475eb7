import type { ZObject } from 'zapier-platform-core';
import { send } from './client';
import { OUTPUT_CATALOG, type V2RecordType } from './record-catalog';
import { fromV2Record, type OutputRecord } from './output-records';
import { isInvalidCursorError } from './v2-errors';
import { v2Permissions } from './v2-permissions';

/**
 * Reading records through Reevo's v2 `_query` (docs/reevo-api.md §3.4), for trigger samples,
 * polling triggers and dropdowns.
 *
 * Contract of this module, which other modules rely on:
 * - `queryRecords(z, type, query)` sends one `POST /api/v2/{type}/_query` (two when Reevo refuses
 *   the cursor, see below) and resolves to
 *   `{records, nextCursor, restarted}`: `records` already in the app's output shape (as
 *   `toOutputRecord` of src/output-records.ts makes it: every catalog key present, custom
 *   attributes under `custom_fields`, no value envelopes), newest first by `query.newestBy`;
 *   `nextCursor` is Reevo's opaque `next_cursor`, null on the last page. A first page sends
 *   `{filters?, sort: [{field: newestBy, direction: "desc"}], limit}`; a next page (`query.cursor`)
 *   sends ONLY `{cursor, limit}`. When Reevo answers `invalid_cursor`, the query restarts once
 *   from the first page and `restarted` is true. `limit` must be 1–100. Errors are thrown as
 *   src/errors.ts maps them (v2 codes in words by src/v2-errors.ts).
 * - `fromV2Record(type, record)` turns one published v2 record into the output record of its type;
 *   `toOutputRecord(type, record)` (src/output-records.ts) does the same for a v2 record or a flat
 *   one (v1 answers, webhook deliveries), so every source gives the same keys.
 * - `dropdownPage(z, page, type)` is one page of a dynamic dropdown (cursor kept in `z.cursor`).
 *
 * [assumed] Not published, and therefore kept in this one module: `_query` answers
 * `{"data": [records], "next_cursor"}` for every record type (Reevo shows the `data` key for the
 * activity timeline only), and accepts a `limit` of up to 100.
 */

export { fromV2Record };
export type { V2RecordType, OutputRecord };

const V2 = '/api/v2';

/** The most records one `_query` page is asked for. */
const MAX_QUERY_LIMIT = 100;

type V2Operator =
  | 'eq'
  | 'ne'
  | 'in'
  | 'not_in'
  | 'contains'
  | 'starts_with'
  | 'ends_with'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'between'
  | 'exists'
  | 'not_exists';

type V2Condition = { readonly field: string; readonly operator: V2Operator; readonly value?: unknown };
/** A condition, or an `or` / `not` group (top-level filters are ANDed). */
export type V2Filter = V2Condition | { readonly or: readonly V2Filter[] } | { readonly not: V2Filter };

export interface V2Query {
  readonly filters?: readonly V2Filter[];
  /** Newest first by this timestamp attribute, e.g. `created_at` or `updated_at`. */
  readonly newestBy: string;
  /** Records per page, 1–100. */
  readonly limit: number;
  /** The opaque `next_cursor` of the previous page: asks for the next page. */
  readonly cursor?: string;
}

interface V2Page {
  readonly records: OutputRecord[];
  /** Null on the last page. */
  readonly nextCursor: string | null;
  /** Reevo refused the cursor, so these records are the first page again. */
  readonly restarted: boolean;
}

/** One page of `POST /api/v2/{type}/_query`, in the app's output shape. */
export async function queryRecords(z: ZObject, type: V2RecordType, query: V2Query): Promise<V2Page> {
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_QUERY_LIMIT) {
    throw new RangeError(`A v2 query limit must be a whole number from 1 to ${MAX_QUERY_LIMIT}, not ${query.limit}.`);
  }
  if (query.cursor) {
    try {
      return { ...(await queryPage(z, type, query, { cursor: query.cursor, limit: query.limit })), restarted: false };
    } catch (error) {
      // A cursor is bound to the query that made it and may expire: Reevo says to start over.
      if (!isInvalidCursorError(error)) throw error;
    }
  }
  const first = {
    ...(query.filters?.length ? { filters: query.filters } : {}),
    sort: [{ field: query.newestBy, direction: 'desc' }],
    limit: query.limit,
  };
  return { ...(await queryPage(z, type, query, first)), restarted: Boolean(query.cursor) };
}

async function queryPage(z: ZObject, type: V2RecordType, query: V2Query, body: Record<string, unknown>) {
  const { data } = await send<unknown>(
    z,
    { method: 'POST', path: `${V2}/${type}/_query`, query: {}, body },
    { noun: type, permissions: v2Permissions(type, 'read') },
  );
  const envelope = isObject(data) ? data : {};
  if (!Array.isArray(envelope.data)) {
    throw new z.errors.Error(
      `Reevo answered the ${type} list with something other than a list of records, so no ${type}s can be shown. Try again; if it keeps happening, contact Reevo support.`,
      'invalid_response',
      502,
    );
  }
  const records = envelope.data.filter(isObject).map((record) => fromV2Record(type, record));
  const nextCursor =
    typeof envelope.next_cursor === 'string' && envelope.next_cursor !== '' ? envelope.next_cursor : null;
  return { records: newestFirst(records, query.newestBy), nextCursor };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * The page newest first even if the server ignored the sort, so a sample is never the oldest
 * record. Stable: records without the timestamp keep their place at the end.
 */
function newestFirst(records: OutputRecord[], by: string): OutputRecord[] {
  const time = (record: OutputRecord) => {
    const value = record[by] ?? record.created_at;
    const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
  };
  return records
    .map((record, index) => ({ record, index, time: time(record) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map(({ record }) => record);
}

/** The top-level output keys of a record type, in the catalog's order. */
export function shapeKeys(type: V2RecordType): readonly string[] {
  return [...new Set(OUTPUT_CATALOG[type].map((entry) => entry.key.split('__')[0]))];
}

/** Records per dropdown page. */
export const DROPDOWN_PAGE_SIZE = MAX_QUERY_LIMIT;

/**
 * One page of a dynamic dropdown, newest first. Zapier asks for page 0, then page 1, 2, … as the
 * user scrolls; v2 pages by opaque cursor, kept between those calls in `z.cursor` (the trigger
 * needs `canPaginate: true`). A later page without a stored cursor means the last page was shown;
 * a refused cursor shows the first page again rather than an error.
 */
export async function dropdownPage(
  z: ZObject,
  page: number,
  type: V2RecordType,
): Promise<Array<OutputRecord & { id: string }>> {
  let cursor: string | undefined;
  if (page > 0) {
    cursor = (await z.cursor.get()) || undefined;
    if (!cursor) return [];
  }
  const { records, nextCursor } = await queryRecords(z, type, {
    limit: DROPDOWN_PAGE_SIZE,
    newestBy: 'created_at',
    ...(cursor ? { cursor } : {}),
  });
  await z.cursor.set(nextCursor ?? '');
  // A record without an id cannot be chosen; Zapier keys choices by a string id.
  return records
    .filter((record) => record.id !== null && record.id !== undefined)
    .map((record) => ({ ...record, id: String(record.id) }));
}
