/**
 * The v2 subset (contract §3): health, `_query` with filters/sort/opaque cursors, and `_schema`.
 * A v2 record's attributes are the v1 keys of §2.2 except `id` (the record's top-level id) and
 * `custom_fields`, which is flattened into one attribute per custom field (is_custom in _schema).
 */
import { createHash } from 'node:crypto';
import { V2_RECORD_TYPES, type V2RecordType, type WireInput, wireSchemas } from './contract';
import { notFound, unprocessable, type ValidationDetail, validationError } from './errors';
import { endpoint } from './http';
import { read, type Resource } from './keys';
import type { CustomFieldValues } from './records';
import type { Workspace } from './store';

type ValueType = 'string' | 'email' | 'uuid' | 'url' | 'number' | 'datetime' | 'enum';

interface AttributeDefinition {
  api_name: string;
  display_name: string;
  is_creatable: boolean;
  is_updatable: boolean;
  is_custom: boolean;
  is_required_on_create: boolean;
  type_info: { is_array: boolean; value_type: ValueType };
}

/** [api_name, value_type, creatable, updatable, required on create, is_array] */
type Row = [string, ValueType, boolean, boolean, boolean, boolean?];

const TIMESTAMPS: Row[] = [
  ['created_at', 'datetime', false, false, false],
  ['updated_at', 'datetime', false, false, false],
];
const SOCIAL: Row[] = ['linkedin_url', 'facebook_url', 'zoominfo_url', 'x_url'].map((name) => [name, 'url', true, true, false]);

const STANDARD: Record<V2RecordType, Row[]> = {
  account: [
    ['name', 'string', true, true, true],
    ['domain_name', 'string', true, false, false],
    ['official_website', 'url', true, true, false],
    ['status', 'enum', false, false, false],
    ['owner_email', 'email', true, true, false],
    ...SOCIAL,
    ...TIMESTAMPS,
  ],
  contact: [
    ['email', 'email', true, false, true],
    ['first_name', 'string', true, true, false],
    ['middle_name', 'string', true, true, false],
    ['last_name', 'string', true, true, false],
    ['phone_number', 'string', true, true, false],
    ['title', 'string', true, true, false],
    ['department', 'string', true, true, false],
    ['account_id', 'uuid', true, true, false],
    ['owner_email', 'email', true, true, false],
    ...SOCIAL,
    ...TIMESTAMPS,
  ],
  opportunity: [
    ['display_name', 'string', true, true, true],
    ['account_id', 'uuid', true, true, true],
    ['owner_email', 'email', true, true, false],
    ['primary_contact_email', 'email', true, true, false],
    ['additional_contact_emails', 'email', false, true, false, true],
    ['amount', 'number', true, true, false],
    ['pipeline_name', 'string', true, false, false],
    ['stage_name', 'string', false, false, false],
    ['status', 'enum', false, false, false],
    ['next_step_details', 'string', false, true, false],
    ['next_step_due_at', 'datetime', false, true, false],
    ['closed_reason_names', 'string', false, false, false, true],
    ...TIMESTAMPS,
  ],
  // v1 has no task update, and a task has no updated_at of its own (v2 reports created_at).
  task: [
    ['title', 'string', true, false, true],
    ['owner_email', 'email', true, false, true],
    ['status', 'enum', true, false, false],
    ['priority', 'enum', true, false, false],
    ['type', 'enum', true, false, false],
    ['due_at', 'datetime', true, false, false],
    ['note', 'string', true, false, false],
    ['account_id', 'uuid', true, false, false],
    ['contact_emails', 'email', true, false, false, true],
    ['opportunity_name', 'string', true, false, false],
    ['created_at', 'datetime', false, false, false],
  ],
};

const RESOURCE: Record<V2RecordType, Resource> = {
  account: 'accounts',
  contact: 'contacts',
  opportunity: 'opportunities',
  task: 'tasks',
};

const displayName = (apiName: string) =>
  apiName
    .split('_')
    .map((word, i) => (i === 0 ? word[0].toUpperCase() + word.slice(1) : word))
    .join(' ')
    .replace(/\bx url\b/i, 'X URL')
    .replace(/\burl\b/, 'URL');

function attributes(ws: Workspace, type: V2RecordType): AttributeDefinition[] {
  const standard = STANDARD[type].map(([api_name, value_type, is_creatable, is_updatable, is_required_on_create, is_array = false]) => ({
    api_name,
    display_name: displayName(api_name),
    is_creatable,
    is_updatable,
    is_custom: false,
    is_required_on_create,
    type_info: { is_array, value_type },
  }));
  const custom = type === 'task' ? [] : ws.customFieldsOf(type).map((field) => ({
    api_name: field.api_name,
    display_name: field.display_name,
    is_creatable: true,
    is_updatable: true,
    is_custom: true,
    is_required_on_create: false,
    type_info: { is_array: field.is_array, value_type: (field.options ? 'enum' : 'string') as ValueType },
  }));
  return [...standard, ...custom];
}

type StoredRecord = { id: string; created_at: string; updated_at?: string; custom_fields?: CustomFieldValues } & Record<string, unknown>;

function recordsOf(ws: Workspace, type: V2RecordType): Iterable<StoredRecord> {
  const maps = { account: ws.accounts, contact: ws.contacts, opportunity: ws.opportunities, task: ws.tasks };
  return maps[type].values() as Iterable<StoredRecord>;
}

const valueOf = (record: StoredRecord, attribute: AttributeDefinition): unknown =>
  attribute.is_custom ? (record.custom_fields?.[attribute.api_name] ?? null) : (record[attribute.api_name] ?? null);

function toV2(record: StoredRecord, type: V2RecordType, attrs: AttributeDefinition[]) {
  const out: Record<string, { value_type: ValueType; value: unknown }> = {};
  for (const attribute of attrs) out[attribute.api_name] = { value_type: attribute.type_info.value_type, value: valueOf(record, attribute) };
  return { id: record.id, record_type: type, attributes: out, created_at: record.created_at, updated_at: record.updated_at ?? record.created_at };
}

type Query = WireInput<'v2Query'>;
type Filter = Query['filters'][number];

function matches(value: unknown, filter: Filter, attribute: AttributeDefinition): boolean {
  const values = Array.isArray(value) ? value : [value];
  if (filter.operator === 'eq') {
    const caseless = attribute.type_info.value_type === 'email' && typeof filter.value === 'string';
    return values.some((v) =>
      caseless && typeof v === 'string' ? v.toLowerCase() === (filter.value as string).toLowerCase() : v === filter.value,
    );
  }
  const needle = String(filter.value).toLowerCase();
  return values.some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}

interface Cursor {
  offset: number;
  query: string;
}

/** Ties a cursor to the filters and sort it was issued for, so it cannot be replayed elsewhere. */
const fingerprint = (type: V2RecordType, query: Query) =>
  createHash('sha256').update(JSON.stringify([type, query.filters, query.sort])).digest('base64url').slice(0, 16);

function decodeCursor(cursor: string, expected: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (parsed.query === expected && Number.isInteger(parsed.offset) && parsed.offset! >= 0) return parsed.offset!;
  } catch {
    // fall through to the 422
  }
  throw unprocessable(['body', 'cursor'], 'Invalid cursor: pass the next_cursor of the previous page of the same query', cursor);
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function recordType(params: Record<string, string>): V2RecordType | undefined {
  return (V2_RECORD_TYPES as readonly string[]).includes(params.record_type) ? (params.record_type as V2RecordType) : undefined;
}

function requireRecordType(params: Record<string, string>): V2RecordType {
  const type = recordType(params);
  if (!type) throw notFound(`Unknown record type '${params.record_type}' (record types: ${V2_RECORD_TYPES.join(', ')})`);
  return type;
}

const readPermission = (params: Record<string, string>) => {
  const type = recordType(params);
  return type ? [read(RESOURCE[type])] : [];
};

export const v2Endpoints = [
  endpoint({
    method: 'GET',
    url: '/api/v2/health',
    auth: 'none',
    permissions: [],
    handle: () => ({ data: { status: 'healthy' } }),
  }),

  endpoint({
    method: 'GET',
    url: '/api/v2/_schema/:record_type',
    auth: 'v2',
    permissions: readPermission,
    handle: ({ ws, params }) => {
      const type = requireRecordType(params);
      return { data: { api_name: type, attributes: attributes(ws, type) } };
    },
  }),

  endpoint({
    method: 'POST',
    url: '/api/v2/:record_type/_query',
    auth: 'v2',
    permissions: readPermission,
    body: wireSchemas.v2Query,
    handle: ({ ws, params, body }) => {
      const type = requireRecordType(params);
      const attrs = attributes(ws, type);
      const byName = new Map(attrs.map((a) => [a.api_name, a]));
      const problems: ValidationDetail[] = [];
      body.filters.forEach((filter, index) => {
        if (!byName.has(filter.field)) {
          problems.push({ type: 'value_error', loc: ['body', 'filters', index, 'field'], msg: `Unknown field '${filter.field}' for ${type} records`, input: filter.field });
        }
      });
      if (problems.length > 0) throw validationError(problems);

      const print = fingerprint(type, body);
      const offset = body.cursor ? decodeCursor(body.cursor, print) : 0;
      let found: StoredRecord[] = [];
      for (const record of recordsOf(ws, type)) {
        if (body.filters.every((f) => matches(valueOf(record, byName.get(f.field)!), f, byName.get(f.field)!))) found.push(record);
      }
      for (const { field, order } of [...body.sort].reverse()) {
        const sign = order === 'asc' ? 1 : -1;
        // Stable sorts applied last key first give a multi-key sort.
        const at = (r: StoredRecord) => String(r[field] ?? r.created_at);
        found = found.sort((a, b) => (at(a) < at(b) ? -sign : at(a) > at(b) ? sign : 0));
      }
      const pageRecords = found.slice(offset, offset + body.limit);
      const nextOffset = offset + pageRecords.length;
      return {
        data: pageRecords.map((r) => toV2(r, type, attrs)),
        next_cursor: nextOffset < found.length ? encodeCursor({ offset: nextOffset, query: print }) : null,
      };
    },
  }),
];
