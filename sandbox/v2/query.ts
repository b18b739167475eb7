/**
 * `_query` (contract §3.4): filters with the full operator set and `and` / `or` / `not` groups,
 * one-level dot paths through references, sort on up to three sortable fields, and opaque cursors
 * bound to the record type, filters and sort that issued them.
 *
 * [assumed] (not published): `in` / `not_in` take a non-empty list and `between` a two-item list
 * (inclusive); `exists` / `not_exists` take no value (or null / true); `not` takes one filter or
 * group; text comparisons ignore case; without `sort` records come oldest first (`created_at`);
 * records with equal sort values come in id order, and empty values sort last either way.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Workspace } from '../store';
import { type AttributeSpec, comparables, type ValueType } from './attributes';
import { v2Error } from './errors';
import { type AnyRecordKind, attributesOf, kindOf, type StoredRecord } from './kinds';

const OPERATORS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'ends_with',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'exists',
  'not_exists',
] as const;
type Operator = (typeof OPERATORS)[number];

const EQUALITY: Operator[] = ['eq', 'ne', 'in', 'not_in'];
const TEXT: Operator[] = ['contains', 'starts_with', 'ends_with'];
const ORDER: Operator[] = ['gt', 'gte', 'lt', 'lte', 'between'];
const EMPTY: Operator[] = ['exists', 'not_exists'];

const TEXT_TYPES: ValueType[] = [
  'string',
  'long_text',
  'rich_text',
  'email',
  'phone_number',
  'url',
  'account_domain',
  'contact_email',
  'contact_phone_number',
];
const ORDERED_TYPES: ValueType[] = ['number', 'currency', 'timestamp'];
const SORTABLE_TYPES: ValueType[] = [
  'uuid',
  'string',
  'email',
  'phone_number',
  'url',
  'number',
  'currency',
  'timestamp',
  'enum',
];

export function filterOperators(spec: AttributeSpec): Operator[] {
  if (spec.value_type === 'address') return [];
  if (TEXT_TYPES.includes(spec.value_type)) return [...EQUALITY, ...TEXT, ...EMPTY];
  if (ORDERED_TYPES.includes(spec.value_type)) return [...EQUALITY, ...ORDER, ...EMPTY];
  if (spec.value_type === 'boolean') return ['eq', 'ne', ...EMPTY];
  return [...EQUALITY, ...EMPTY];
}

export const isSortable = (spec: AttributeSpec): boolean =>
  !spec.is_array && !spec.is_custom && SORTABLE_TYPES.includes(spec.value_type);

export interface SortField {
  field: string;
  direction: 'asc' | 'desc';
}

export interface QueryBody {
  filters?: unknown[];
  sort?: SortField[];
  limit: number;
  cursor?: string | null;
}

type Predicate = (record: StoredRecord) => boolean;

interface Context {
  ws: Workspace;
  kind: AnyRecordKind;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// ---- filters ----

function parseFilter(node: unknown, ctx: Context, path: string): Predicate {
  if (!isObject(node)) throw v2Error('invalid_filter_value', `${path} must be a filter object`, { path, filter: node });
  const keys = Object.keys(node);
  if (keys.length === 1 && (keys[0] === 'and' || keys[0] === 'or')) {
    const list = node[keys[0]];
    if (!Array.isArray(list) || list.length === 0) {
      throw v2Error('invalid_filter_value', `${path}.${keys[0]} takes a non-empty list of filters`, {
        path,
        filter: node,
      });
    }
    const parts = list.map((child, i) => parseFilter(child, ctx, `${path}.${keys[0]}[${i}]`));
    return keys[0] === 'and' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
  }
  if (keys.length === 1 && keys[0] === 'not') {
    const inner = parseFilter(node.not, ctx, `${path}.not`);
    return (r) => !inner(r);
  }
  return parseCondition(node, ctx, path);
}

/** The attribute a field names, and how to read it from a record (through one reference at most). */
function resolveField(
  field: string,
  ctx: Context,
  path: string,
): { spec: AttributeSpec; read: (r: StoredRecord) => unknown } {
  const steps = field.split('.');
  if (steps.length > 2) {
    throw v2Error(
      'filter_depth_exceeded',
      `${path}: '${field}' goes ${steps.length - 1} relationships deep; at most 1 is supported`,
      { path, field },
    );
  }
  const attributes = attributesOf(ctx.kind, ctx.ws);
  const first = attributes.find((a) => a.api_name === steps[0]);
  const unknown = () =>
    v2Error('invalid_filter_field', `${path}: '${field}' is not a filterable ${ctx.kind.type} field`, { path, field });
  if (!first) throw unknown();
  if (steps.length === 1) return { spec: first, read: (r) => first.get(r, ctx.ws) };
  const related = first.value_type === 'record_reference' && !first.is_array ? kindOf(first.target ?? '') : undefined;
  const second = related ? attributesOf(related, ctx.ws).find((a) => a.api_name === steps[1]) : undefined;
  if (!related || !second) throw unknown();
  return {
    spec: second,
    read: (r) => {
      const id = first.get(r, ctx.ws) as string | null;
      const target = id === null ? undefined : related.find(ctx.ws, id);
      return target === undefined ? null : second.get(target, ctx.ws);
    },
  };
}

type Scalar = string | number | boolean;

function parseCondition(node: Record<string, unknown>, ctx: Context, path: string): Predicate {
  const { field, operator, value, ...rest } = node;
  if (typeof field !== 'string' || Object.keys(rest).length > 0) {
    throw v2Error('invalid_filter_value', `${path} must be {"field", "operator", "value"} or an and / or / not group`, {
      path,
      filter: node,
    });
  }
  const { spec, read } = resolveField(field, ctx, path);
  const allowed = filterOperators(spec);
  if (allowed.length === 0)
    throw v2Error('invalid_filter_field', `${path}: '${field}' is not filterable`, { path, field });
  if (!(OPERATORS as readonly unknown[]).includes(operator) || !allowed.includes(operator as Operator)) {
    throw v2Error(
      'invalid_filter_operator',
      `${path}: '${String(operator)}' does not apply to '${field}' (${spec.value_type}); use one of ${allowed.join(', ')}`,
      {
        path,
        field,
        operator,
        allowed_operators: allowed,
      },
    );
  }
  const op = operator as Operator;
  const badValue = (expected: string) =>
    v2Error('invalid_filter_value', `${path}: '${op}' on '${field}' takes ${expected}`, {
      path,
      field,
      operator: op,
      value,
    });
  const compare = comparator(spec.value_type);
  const scalar = (v: unknown): Scalar => {
    if (ORDERED_TYPES.includes(spec.value_type)) {
      if (
        spec.value_type === 'timestamp' ? typeof v !== 'string' || Number.isNaN(Date.parse(v)) : typeof v !== 'number'
      ) {
        throw badValue(spec.value_type === 'timestamp' ? 'an ISO-8601 date-time' : 'a number');
      }
      return v as Scalar;
    }
    if (spec.value_type === 'boolean' ? typeof v !== 'boolean' : typeof v !== 'string')
      throw badValue(spec.value_type === 'boolean' ? 'true or false' : 'a string');
    return v as Scalar;
  };
  const values = (r: StoredRecord) => comparables(spec, read(r)).filter((v) => v !== null && v !== undefined);
  const anyValue = (test: (v: unknown) => boolean) => (r: StoredRecord) => values(r).some(test);

  switch (op) {
    case 'exists':
    case 'not_exists': {
      if (value !== undefined && value !== null && value !== true) throw badValue('no value');
      return op === 'exists' ? (r) => values(r).length > 0 : (r) => values(r).length === 0;
    }
    case 'in':
    case 'not_in': {
      if (!Array.isArray(value) || value.length === 0) throw badValue('a non-empty list');
      const wanted = value.map(scalar);
      const hit = anyValue((v) => wanted.some((w) => compare(v, w) === 0));
      return op === 'in' ? hit : (r) => !hit(r);
    }
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) throw badValue('a list of two values [low, high]');
      const [low, high] = value.map(scalar);
      return anyValue((v) => compare(v, low) >= 0 && compare(v, high) <= 0);
    }
    case 'contains':
    case 'starts_with':
    case 'ends_with': {
      if (typeof value !== 'string') throw badValue('a string');
      const needle = value.toLowerCase();
      const test = {
        contains: (s: string) => s.includes(needle),
        starts_with: (s: string) => s.startsWith(needle),
        ends_with: (s: string) => s.endsWith(needle),
      }[op];
      return anyValue((v) => typeof v === 'string' && test(v.toLowerCase()));
    }
    case 'eq':
    case 'ne': {
      const wanted = scalar(value);
      const equal = anyValue((v) => compare(v, wanted) === 0);
      return op === 'eq' ? equal : (r) => !equal(r);
    }
    default: {
      const bound = scalar(value);
      const test = {
        gt: (c: number) => c > 0,
        gte: (c: number) => c >= 0,
        lt: (c: number) => c < 0,
        lte: (c: number) => c <= 0,
      }[op];
      return anyValue((v) => test(compare(v, bound)));
    }
  }
}

function comparator(type: ValueType): (a: unknown, b: unknown) => number {
  if (type === 'timestamp') return (a, b) => Math.sign(Date.parse(String(a)) - Date.parse(String(b)));
  if (type === 'number' || type === 'currency') return (a, b) => Math.sign(Number(a) - Number(b));
  return (a, b) => {
    const [x, y] = [String(a).toLowerCase(), String(b).toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  };
}

// ---- sort ----

interface SortKey {
  read: (r: StoredRecord) => unknown;
  compare: (a: unknown, b: unknown) => number;
  sign: 1 | -1;
}

const DEFAULT_SORT: SortField[] = [{ field: 'created_at', direction: 'asc' }];

function sortKeys(sort: readonly SortField[], ctx: Context): SortKey[] {
  if (sort.length > 3)
    throw v2Error('sort_too_many_fields', `Sort on at most 3 fields (got ${sort.length})`, {
      count: sort.length,
      max: 3,
    });
  const attributes = attributesOf(ctx.kind, ctx.ws);
  return (sort.length > 0 ? sort : DEFAULT_SORT).map(({ field, direction }, i) => {
    const spec = attributes.find((a) => a.api_name === field);
    if (!spec || !isSortable(spec)) {
      throw v2Error('unsortable_field', `sort[${i}]: '${field}' is not a sortable ${ctx.kind.type} field`, { field });
    }
    return {
      read: (r) => comparables(spec, spec.get(r, ctx.ws))[0] ?? null,
      compare: comparator(spec.value_type),
      sign: direction === 'desc' ? -1 : 1,
    };
  });
}

type Position = { values: unknown[]; id: string };

function positionOf(record: StoredRecord, keys: readonly SortKey[]): Position {
  return { values: keys.map((k) => k.read(record)), id: record.id };
}

/** Total order: the sort keys (empty values last), then the id. */
function comparePositions(a: Position, b: Position, keys: readonly SortKey[]): number {
  for (const [i, key] of keys.entries()) {
    const [x, y] = [a.values[i], b.values[i]];
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      continue;
    }
    const c = key.compare(x, y) * key.sign;
    if (c !== 0) return c;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// ---- cursors ----

interface CursorState {
  type: string;
  filters: unknown[];
  sort: SortField[];
  after: Position;
}

/** Cursors are signed so that an edited or forged one is refused; a restarted sandbox refuses old ones. */
const CURSOR_SECRET = randomBytes(32);
const sign = (payload: string) => createHmac('sha256', CURSOR_SECRET).update(payload).digest('base64url').slice(0, 22);

function encodeCursor(state: CursorState): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

function decodeCursor(cursor: string, type: string): CursorState {
  const invalid = () =>
    v2Error(
      'invalid_cursor',
      'Cursor is malformed, expired, or used with another query: restart the query from the first page',
      {},
    );
  const [payload, signature, ...rest] = cursor.split('.');
  if (rest.length > 0 || !payload || signature !== sign(payload)) throw invalid();
  const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CursorState;
  if (state.type !== type) throw invalid();
  return state;
}

// ---- the query ----

export function runQuery(
  ws: Workspace,
  kind: AnyRecordKind,
  body: QueryBody,
): { records: StoredRecord[]; nextCursor: string | null } {
  const ctx = { ws, kind };
  let filters = body.filters ?? [];
  let sort = body.sort ?? [];
  let after: Position | undefined;
  if (body.cursor) {
    const state = decodeCursor(body.cursor, kind.type);
    // A next page needs only {cursor, limit}; filters or sort sent beside it must be the cursor's own.
    if (
      (body.filters !== undefined && !isDeepStrictEqual(body.filters, state.filters)) ||
      (body.sort !== undefined && !isDeepStrictEqual(body.sort, state.sort))
    ) {
      throw v2Error(
        'invalid_cursor',
        'This cursor belongs to a query with other filters or sort: send only {cursor, limit}, or restart from the first page',
        {},
      );
    }
    ({ filters, sort, after } = state);
  }
  const predicates = filters.map((filter, i) => parseFilter(filter, ctx, `filters[${i}]`));
  const keys = sortKeys(sort, ctx);
  const matching: { record: StoredRecord; position: Position }[] = [];
  for (const record of kind.list(ws)) {
    if (!predicates.every((p) => p(record))) continue;
    const position = positionOf(record, keys);
    if (after && comparePositions(position, after, keys) <= 0) continue;
    matching.push({ record, position });
  }
  matching.sort((a, b) => comparePositions(a.position, b.position, keys));
  const page = matching.slice(0, body.limit);
  const last = page[page.length - 1];
  return {
    records: page.map((m) => m.record),
    nextCursor:
      matching.length > page.length && last
        ? encodeCursor({ type: kind.type, filters, sort, after: last.position })
        : null,
  };
}
