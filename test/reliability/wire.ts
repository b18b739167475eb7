/**
 * The contract's routes, checked with the sandbox's own wire schemas (sandbox/contract.ts, a
 * transcription independent of the app's field catalog), and answered with the sample records
 * the sandbox is seeded with. Used by the property tests to judge every request the app sends.
 */
import { z } from 'zod';
import { wireSchemas } from '../../sandbox/contract';
import { assertBody, writeBody } from '../../sandbox/v2/bodies';
import * as samples from '../../src/samples';

const V1 = '/api/v1/public';
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export interface SentRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
}

interface Route {
  method: string;
  path: RegExp;
  body?: z.ZodType;
  query?: z.ZodType;
  /** A rule the schema cannot state, e.g. "exactly one of". Returns a problem or undefined. */
  rule?: (request: SentRequest) => string | undefined;
  status?: number;
  reply: unknown;
}

/** Reevo's answer to a v2 write: the record, with its ID, in `{data}`. */
const V2_WRITTEN = {
  data: {
    id: '5b0c8e2a-7d4f-4a9b-8c1e-2f6a9d3b7e40',
    created_at: '2026-12-01T09:30:00Z',
    updated_at: '2026-12-01T09:30:00Z',
    attributes: {},
  },
};

const atLeastOne = (keys: string[]) => (request: SentRequest) => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return keys.some((key) => body[key] !== undefined && body[key] !== null)
    ? undefined
    : `none of ${keys.join(', ')} was sent`;
};

const route = (method: string, path: string, rest: Omit<Route, 'method' | 'path'>): Route => ({
  method,
  path: new RegExp(`^${path.replace(/\{id\}/g, UUID)}$`),
  ...rest,
});

export const ROUTES: readonly Route[] = [
  route('POST', `${V1}/account_contact`, {
    body: wireSchemas.upsertAccountContact,
    query: z.object({ payload_type: z.literal('json') }),
    reply: samples.sampleUpsertResult,
  }),
  route('POST', `${V1}/accounts`, { body: wireSchemas.createAccount, status: 201, reply: samples.sampleAccount }),
  route('POST', `${V1}/accounts/search`, { body: wireSchemas.searchAccounts, reply: [samples.sampleAccount] }),
  route('PATCH', `${V1}/accounts/{id}`, { body: wireSchemas.updateAccount, reply: samples.sampleAccount }),
  route('GET', `${V1}/accounts/{id}`, { reply: samples.sampleAccount }),
  route('GET', `${V1}/contacts/{id}`, { reply: samples.sampleContact }),
  route('POST', `${V1}/contacts/search`, {
    body: wireSchemas.searchContacts,
    rule: atLeastOne(['contact_email', 'owner_email']),
    reply: [samples.sampleContact],
  }),
  route('POST', `${V1}/opportunities`, {
    body: wireSchemas.createOpportunity,
    status: 201,
    reply: samples.sampleOpportunity,
  }),
  route('POST', `${V1}/opportunities/search`, {
    body: wireSchemas.searchOpportunities,
    rule: atLeastOne(['display_name', 'account_id', 'owner_email', 'status', 'stage_name']),
    reply: [samples.sampleOpportunity],
  }),
  route('PATCH', `${V1}/opportunities/{id}`, { body: wireSchemas.updateOpportunity, reply: samples.sampleOpportunity }),
  route('GET', `${V1}/opportunities/{id}`, { reply: samples.sampleOpportunity }),
  route('POST', `${V1}/opportunities/{id}/shift_stage`, {
    body: wireSchemas.shiftStage,
    reply: samples.sampleOpportunity,
  }),
  route('POST', `${V1}/tasks`, { body: wireSchemas.createTask, status: 201, reply: samples.sampleTask }),
  route('POST', `${V1}/manual_activities`, {
    body: wireSchemas.createManualActivity,
    status: 201,
    reply: samples.sampleManualActivity,
  }),
  route('POST', `${V1}/users/search`, { body: wireSchemas.searchUsers, reply: [samples.sampleUser] }),
  route('POST', `${V1}/mailboxes/search`, { body: wireSchemas.searchMailboxes, reply: [samples.sampleMailbox] }),
  route('POST', `${V1}/sequence_enrollments`, {
    body: wireSchemas.createSequenceEnrollment,
    status: 201,
    reply: samples.sampleEnrollment,
  }),
  route('GET', `${V1}/account_and_contact_retrieval`, {
    query: wireSchemas.accountAndContactRetrieval,
    rule: (request) => {
      const given = ['contact_email', 'account_domain', 'contact_phone_number'].filter(
        (key) => request.query[key] !== undefined,
      );
      return given.length === 1 ? undefined : `exactly one identifier must be sent, got ${given.length}`;
    },
    reply: samples.sampleRetrieval,
  }),
  route('POST', `${V1}/webhooks`, {
    body: wireSchemas.createWebhook,
    status: 201,
    reply: samples.sampleWebhookSubscription,
  }),
  route('DELETE', `${V1}/webhooks/{id}`, { status: 204, reply: '' }),
  route('GET', '/api/v2/_schema/(account|contact|opportunity|task)', {
    reply: { data: { api_name: 'x', attributes: [] } },
  }),
  route('POST', '/api/v2/(account|contact|opportunity|task)/_query', {
    body: wireSchemas.v2Query,
    reply: { data: [], next_cursor: null },
  }),
  // v2 writes of any record type (the sandbox's top-level v2 bodies), so a new v2 action is judged without a route of its own.
  route('POST', '/api/v2/(account|contact|opportunity|task|note)', { body: writeBody, status: 201, reply: V2_WRITTEN }),
  route('PATCH', '/api/v2/(account|contact|opportunity|task|note)/{id}', { body: writeBody, reply: V2_WRITTEN }),
  route('POST', '/api/v2/(account|contact)/_assert', {
    body: assertBody,
    status: 201,
    reply: { ...V2_WRITTEN, meta: { action: 'created' } },
  }),
];

export interface Verdict {
  route?: Route;
  problems: string[];
}

/** Whether a request is one the contract allows, with a body and query its schemas accept. */
export function judge(request: SentRequest): Verdict {
  const found = ROUTES.find((r) => r.method === request.method && r.path.test(request.path));
  if (!found) return { problems: [`${request.method} ${request.path} is not a route of the contract`] };
  const problems: string[] = [];
  if (found.body) {
    const parsed = found.body.safeParse(request.body);
    if (!parsed.success) problems.push(`body: ${z.prettifyError(parsed.error)}`);
  }
  if (found.query) {
    const parsed = found.query.safeParse(request.query);
    if (!parsed.success) problems.push(`query: ${z.prettifyError(parsed.error)}`);
  }
  const broken = found.rule?.(request);
  if (broken) problems.push(broken);
  return { route: found, problems };
}
