import type { ZObject } from 'zapier-platform-core';
import { send } from './client';
import type { Permission } from './endpoints';
import { sampleAccount, sampleContact, sampleOpportunity, sampleTask } from './samples';

/**
 * Reevo's v2 record API (contract §3), used where v1 has no endpoint: listing recent records for
 * trigger samples (`performList`) and for the account / opportunity dropdowns.
 *
 * v2 records come as `{id, record_type, attributes: {name: {value_type, value}}, created_at, updated_at}`;
 * everything the app hands to Zapier is flattened into the v1 record shapes of contract §2.2, so a
 * record listed here has exactly the keys of the same record in a webhook or a v1 response.
 *
 * [assumed] Not published, and therefore kept in this one module:
 * - the sort body `"sort": [{"field": "created_at", "order": "desc"}]`;
 * - the `{data, next_cursor}` envelope of `_query` for records other than activities;
 * - v2 attribute names equal the v1 field names, and an attribute that is not a v1 field is a
 *   custom field (unless the attribute says `is_custom: false`).
 */

export const V2 = '/api/v2';

export type V2RecordType = 'account' | 'contact' | 'opportunity' | 'task';

export type V1Record = Record<string, unknown>;

/** Each record type's v1 shape (contract §2.2), as the samples (and so the sandbox) hold it. */
const SHAPES: Record<V2RecordType, Readonly<Record<string, unknown>>> = {
  account: sampleAccount,
  contact: sampleContact,
  opportunity: sampleOpportunity,
  task: sampleTask,
};

/** The keys of a record type's v1 shape, in the contract's order. */
export function shapeKeys(type: V2RecordType): readonly string[] {
  return Object.keys(SHAPES[type]);
}

/** What a key must allow to list records of a type, named as in Reevo's key settings. */
export const READ_PERMISSION: Record<V2RecordType, Permission> = {
  account: 'Accounts (read)',
  contact: 'Contacts (read)',
  opportunity: 'Opportunities (read)',
  task: 'Tasks (read)',
};

/** An empty value of the same kind as the sample's: lists stay lists, custom fields an object. */
function emptyLike(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (value && typeof value === 'object') return {};
  return null;
}

/**
 * A record in its v1 shape: every key of the shape present (missing ones empty), unknown keys
 * kept as Reevo sent them. Webhook records and listed records both pass through here, so the
 * keys a Zap maps from a sample are the keys of every live record.
 */
export function inV1Shape(type: V2RecordType, record: Readonly<Record<string, unknown>>): V1Record {
  const shape = SHAPES[type];
  const out: V1Record = {};
  for (const key of Object.keys(shape)) out[key] = record[key] === undefined ? emptyLike(shape[key]) : record[key];
  for (const [key, value] of Object.entries(record)) if (!(key in out)) out[key] = value;
  return out;
}

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** `{value_type, value}` → value; a bare value (should v2 ever send one) as it is. */
function attributeValue(attribute: unknown): unknown {
  return isObject(attribute) && 'value' in attribute ? attribute.value : attribute;
}

/** A v2 record flattened into its v1 shape; custom attributes go under `custom_fields`. */
export function fromV2Record(type: V2RecordType, record: unknown): V1Record {
  const v2 = isObject(record) ? record : {};
  const shape = SHAPES[type];
  const flat: V1Record = { id: v2.id };
  const custom: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(isObject(v2.attributes) ? v2.attributes : {})) {
    const value = attributeValue(attribute);
    if (name in shape && name !== 'custom_fields') flat[name] = value;
    else if (name === 'custom_fields' && isObject(value)) Object.assign(custom, value);
    // v1 leaves an unset custom field out of custom_fields; v2 reports it as null.
    else if (!(isObject(attribute) && attribute.is_custom === false) && value !== null && value !== undefined) custom[name] = value;
  }
  // The record's own timestamps win over attributes of the same name; a task has no updated_at in v1.
  for (const key of ['created_at', 'updated_at'] as const) if (key in shape && v2[key] !== undefined) flat[key] = v2[key];
  if ('custom_fields' in shape) flat.custom_fields = custom;
  const shaped = inV1Shape(type, flat);
  // Only the shape's keys: unknown v2 attributes already went to custom_fields (or, for tasks, nowhere).
  return Object.fromEntries(Object.keys(shape).map((key) => [key, shaped[key]]));
}

export interface V2Filter {
  readonly field: string;
  readonly operator: 'eq' | 'contains';
  readonly value: string | number | boolean | null;
}

export interface V2Query {
  readonly filters?: readonly V2Filter[];
  readonly limit: number;
  /** The opaque `next_cursor` of the previous page. */
  readonly cursor?: string;
  /** Newest first by this timestamp. */
  readonly newestBy: 'created_at' | 'updated_at';
}

export interface V2Page {
  readonly records: V1Record[];
  /** Null on the last page. */
  readonly nextCursor: string | null;
}

/** One page of `POST /api/v2/{record_type}/_query`, newest first, flattened into v1 shapes. */
export async function queryRecords(z: ZObject, type: V2RecordType, query: V2Query): Promise<V2Page> {
  const body = {
    filters: query.filters ?? [],
    limit: query.limit,
    sort: [{ field: query.newestBy, order: 'desc' }],
    ...(query.cursor ? { cursor: query.cursor } : {}),
  };
  const { data } = await send<unknown>(
    z,
    { method: 'POST', path: `${V2}/${type}/_query`, query: {}, body },
    { noun: type, permissions: [READ_PERMISSION[type]] },
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
  const nextCursor = typeof envelope.next_cursor === 'string' && envelope.next_cursor !== '' ? envelope.next_cursor : null;
  return { records: newestFirst(records, query.newestBy), nextCursor };
}

/**
 * The page in newest-first order even if the server ignored the (assumed) sort body, so a sample
 * is never the oldest record. Stable: records without the timestamp keep their place at the end.
 */
function newestFirst(records: V1Record[], by: 'created_at' | 'updated_at'): V1Record[] {
  const time = (record: V1Record) => {
    const value = record[by] ?? record.created_at;
    const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed;
  };
  return records
    .map((record, index) => ({ record, index, time: time(record) }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .map(({ record }) => record);
}

/** Records per dropdown page. */
export const DROPDOWN_PAGE_SIZE = 100;

/**
 * One page of a dynamic dropdown, newest first. Zapier asks for page 0, then page 1, 2, … as the
 * user scrolls; v2 pages by opaque cursor, kept between those calls in `z.cursor` (the trigger
 * needs `canPaginate: true`). A later page without a stored cursor means the last page was shown.
 */
export async function dropdownPage(z: ZObject, page: number, type: V2RecordType): Promise<Array<V1Record & { id: string }>> {
  let cursor: string | undefined;
  if (page > 0) {
    cursor = (await z.cursor.get()) || undefined;
    if (!cursor) return [];
  }
  const { records, nextCursor } = await queryRecords(z, type, { limit: DROPDOWN_PAGE_SIZE, newestBy: 'created_at', ...(cursor ? { cursor } : {}) });
  await z.cursor.set(nextCursor ?? '');
  // A record without an id cannot be chosen; Zapier keys choices by a string id.
  return records.filter((record) => record.id !== null && record.id !== undefined).map((record) => ({ ...record, id: String(record.id) }));
}
