/**
 * Reevo's public API v2 as published (contract §3): health, `_schema`, `_query`, create / read /
 * PATCH / archive for account, contact, opportunity, task and note, `_assert` for contacts and
 * accounts, an account's domains one at a time, and reading relationship edges. v2 takes the key as `Authorization: Bearer` or
 * `X-Api-Key`; which key permission each route needs is the app's [assumed] mapping
 * (src/v2-permissions.ts), used here as is.
 */
import { v2Permissions } from '../../src/v2-permissions';
import { routeNotFound } from '../errors';
import { endpoint } from '../http';
import { type Permission, RESOURCE_NAMES, type Resource } from '../keys';
import { assertRecord } from './assert';
import { assertBody, v2QueryBody, writeBody } from './bodies';
import { type AnyRecordKind, attributesOf, kindOf, type V2RecordType } from './kinds';
import { runQuery } from './query';
import { listRelationship } from './relationships';
import { publicSchema } from './schema';
import { domainEndpoints } from './subresources';
import { archiveRecord, createRecord, existing, recordView, updateRecord } from './writes';

/** An unknown record type is an unknown path. */
function requireKind(params: Record<string, string>): AnyRecordKind {
  const kind = kindOf(params.record_type);
  if (!kind) throw routeNotFound();
  return kind;
}

const RESOURCE_BY_NAME = new Map(
  Object.entries(RESOURCE_NAMES).map(([resource, name]) => [name, resource as Resource]),
);

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
      const definitions = attributesOf(kind, ws);
      return { data: records.map((r) => recordView(kind, ws, r, definitions)), next_cursor: nextCursor };
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

  ...domainEndpoints,
];
