/**
 * Reevo's public API v2 as published (contract §3): health, `_schema`, `_query`, create / read /
 * PATCH / archive for account, contact, opportunity, task and note, `_assert` for contacts and
 * accounts, and reading relationship edges. v2 takes the key as `Authorization: Bearer` or `X-Api-Key`; which key permission each
 * route needs is the app's [assumed] mapping (src/v2-permissions.ts), used here as is.
 */
import { v2Permissions } from '../../src/v2-permissions';
import { routeNotFound } from '../errors';
import { Answer, endpoint } from '../http';
import { type Permission, RESOURCE_NAMES, type Resource } from '../keys';
import type { Workspace } from '../store';
import type { WebhookDispatcher } from '../webhooks';
import { assertBody, v2QueryBody, writeBody } from './bodies';
import { v2Error } from './errors';
import { accountsWithDomain } from './domains';
import { type AnyRecordKind, kindOf, type StoredRecord, type V2RecordType } from './kinds';
import { runQuery } from './query';
import { listRelationship } from './relationships';
import { publicSchema } from './schema';
import { archiveRecord, createRecord, recordView, updateRecord } from './writes';

/** An unknown record type is an unknown path. */
function requireKind(params: Record<string, string>): AnyRecordKind {
  const kind = kindOf(params.record_type);
  if (!kind) throw routeNotFound();
  return kind;
}

const RESOURCE_BY_NAME = new Map(Object.entries(RESOURCE_NAMES).map(([resource, name]) => [name, resource as Resource]));

/** "Accounts (read)" (the app's naming) → the sandbox's permission. */
function toPermission(name: string): Permission {
  const match = /^(.+) \((read|write)\)$/.exec(name);
  const resource = match && RESOURCE_BY_NAME.get(match[1]);
  if (!resource) throw new Error(`sandbox: unknown permission '${name}' in src/v2-permissions.ts`);
  return { resource, access: match[2] as Permission['access'] };
}

const permissions = (access: 'read' | 'write') => (params: Record<string, string>) => {
  const kind = kindOf(params.record_type);
  return kind ? v2Permissions(kind.type as V2RecordType, access).map(toPermission) : [];
};

function existing(kind: AnyRecordKind, ws: Workspace, id: string): StoredRecord {
  const record = kind.find(ws, id);
  if (!record) throw v2Error('record_not_found', `No ${kind.type} with id ${id} in this workspace`, { record_type: kind.type, id });
  return record;
}

export const ASSERT_MATCH_KEYS: Partial<Record<V2RecordType, readonly string[]>> = {
  // Reevo's pages name both (contract §3.3).
  contact: ['primary_email', 'contact_emails'],
  // The page title says domain_name, its example id; `domains` is the attribute itself.
  account: ['domain_name', 'domains', 'id'],
};

/** The records an `_assert` match names. */
function matching(kind: AnyRecordKind, ws: Workspace, match: Record<string, unknown>): { key: string; value: string; found: StoredRecord[] } {
  const allowed = ASSERT_MATCH_KEYS[kind.type as V2RecordType] ?? [];
  const keys = Object.keys(match);
  const value = match[keys[0]];
  if (keys.length !== 1 || !allowed.includes(keys[0]) || typeof value !== 'string' || value.trim() === '') {
    throw v2Error('invalid_matching_field', `match takes exactly one of ${allowed.join(', ')}, with a string value`, { match, allowed_fields: allowed });
  }
  const key = keys[0];
  if (kind.type === 'contact') {
    const contact = ws.contactByEmail(value.trim());
    return { key, value, found: contact ? [contact] : [] };
  }
  if (key === 'id') return { key, value, found: [existing(kind, ws, value)] };
  return { key, value, found: accountsWithDomain(ws, value) };
}

/** What an `_assert` that creates writes: its attributes, and the match value where they do not set it. */
function creationAttributes(kind: AnyRecordKind, match: { key: string; value: string }, attributes: Record<string, unknown>) {
  if (kind.type === 'contact') return { primary_email: match.value, ...attributes };
  return { domains: [match.value], ...attributes };
}

function assertRecord(kind: AnyRecordKind, ws: Workspace, events: WebhookDispatcher, body: { match: Record<string, unknown>; attributes: Record<string, unknown> }) {
  const match = matching(kind, ws, body.match);
  if (match.found.length > 1) {
    throw v2Error('ambiguous_match', `${match.found.length} ${kind.type} records match ${match.key} '${match.value}'`, {
      match: body.match,
      record_ids: match.found.map((r) => r.id),
    });
  }
  const [found] = match.found;
  if (found) {
    updateRecord(kind, ws, events, found, body.attributes);
    return new Answer(200, { data: recordView(kind, ws, found), meta: { action: 'updated' } });
  }
  const created = createRecord(kind, ws, events, creationAttributes(kind, match, body.attributes));
  return new Answer(201, { data: recordView(kind, ws, created), meta: { action: 'created' } });
}

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
    permissions: permissions('read'),
    handle: ({ ws, params }) => publicSchema(requireKind(params), ws),
  }),

  endpoint({
    method: 'POST',
    url: '/api/v2/:record_type/_query',
    auth: 'v2',
    permissions: permissions('read'),
    body: v2QueryBody,
    handle: ({ ws, params, body }) => {
      const kind = requireKind(params);
      const { records, nextCursor } = runQuery(ws, kind, body);
      return { data: records.map((r) => recordView(kind, ws, r)), next_cursor: nextCursor };
    },
  }),

  ...(['contact', 'account'] as const).map((type) =>
    endpoint({
      method: 'POST',
      url: `/api/v2/${type}/_assert`,
      auth: 'v2',
      permissions: v2Permissions(type, 'write').map(toPermission),
      body: assertBody,
      writes: true,
      handle: ({ ws, body, events }) => assertRecord(kindOf(type)!, ws, events, body),
    }),
  ),

  endpoint({
    method: 'POST',
    url: '/api/v2/:record_type',
    auth: 'v2',
    permissions: permissions('write'),
    body: writeBody,
    status: 201,
    writes: true,
    handle: ({ ws, params, body, events }) => {
      const kind = requireKind(params);
      return { data: recordView(kind, ws, createRecord(kind, ws, events, body.attributes)) };
    },
  }),

  endpoint({
    method: 'GET',
    url: '/api/v2/:record_type/:id',
    auth: 'v2',
    permissions: permissions('read'),
    handle: ({ ws, params }) => {
      const kind = requireKind(params);
      return { data: recordView(kind, ws, existing(kind, ws, params.id)) };
    },
  }),

  endpoint({
    method: 'GET',
    url: '/api/v2/:record_type/:id/relationship/:api_name',
    auth: 'v2',
    permissions: permissions('read'),
    handle: ({ ws, params }) => {
      const kind = requireKind(params);
      return listRelationship(ws, kind, existing(kind, ws, params.id), params.api_name);
    },
  }),

  endpoint({
    method: 'PATCH',
    url: '/api/v2/:record_type/:id',
    auth: 'v2',
    permissions: permissions('write'),
    body: writeBody,
    writes: true,
    handle: ({ ws, params, body, events }) => {
      const kind = requireKind(params);
      const record = existing(kind, ws, params.id);
      updateRecord(kind, ws, events, record, body.attributes);
      return { data: recordView(kind, ws, record) };
    },
  }),

  endpoint({
    method: 'DELETE',
    url: '/api/v2/:record_type/:id',
    auth: 'v2',
    permissions: permissions('write'),
    status: 204,
    writes: true,
    handle: ({ ws, params }) => {
      const kind = requireKind(params);
      archiveRecord(kind, ws, existing(kind, ws, params.id));
      return undefined;
    },
  }),
];
