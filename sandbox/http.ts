/**
 * The request pipeline every endpoint shares, in FastAPI's order: the key dependency first
 * (a missing header is a 422 collected with the other validation errors; a bad or expired key a
 * 401; then the org's quota; then a 403 naming missing permissions), then path, query and body
 * validation, then the handler, then persistence of writes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ApiError,
  expiredKey,
  forbidden,
  invalidKey,
  missingApiKeyHeader,
  missingKeyV2,
  toValidationDetails,
  type ValidationDetail,
  validationError,
} from './errors';
import type { LateFault } from './faults';
import { describePermissions, type KeyRing, missingPermissions, type Permission } from './keys';
import type { Limits } from './limits';
import type { Store, Workspace } from './store';
import type { WebhookDispatcher } from './webhooks';

declare module 'fastify' {
  interface FastifyRequest {
    /** The key's label for the request log; never the key. */
    keyLabel: string | null;
    faultLabel: string | null;
    lateFault: LateFault | null;
    /** Appends this request's entry to the request log; 0 when no complete response was sent. */
    logResponse(status: number): void;
  }
}

export type AuthMode = 'v1' | 'v2' | 'none';
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HandlerContext<Body, Query> {
  ws: Workspace;
  body: Body;
  query: Query;
  params: Record<string, string>;
  events: WebhookDispatcher;
}

export interface Endpoint<Body = unknown, Query = unknown> {
  method: Method;
  url: string;
  auth: AuthMode;
  /** What the key needs; a function when it depends on the path (v2's record type). */
  permissions: readonly Permission[] | ((params: Record<string, string>) => readonly Permission[]);
  /** Path parameters that must be UUIDs (FastAPI `UUID` path params). */
  uuidParams?: readonly string[];
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /** Success status; a handler returning undefined sends it without a body. Default 200. */
  status?: number;
  /** Persist the state after the handler. */
  writes?: boolean;
  handle(ctx: HandlerContext<Body, Query>): unknown;
}

/** A handler's answer whose status depends on what happened (v2 `_assert`: 201 created, 200 updated). */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

/** Lets TypeScript infer Body and Query from the schemas. */
export const endpoint = <Body = undefined, Query = undefined>(def: Endpoint<Body, Query>): Endpoint<Body, Query> => def;

export interface PipelineDeps {
  store: Store;
  keys: KeyRing;
  limits: Limits;
  events: WebhookDispatcher;
  persist: () => Promise<void>;
}

const guid = z.guid();

function keyOf(request: FastifyRequest, auth: AuthMode): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string') return header;
  if (auth === 'v2') {
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (match) return match[1].trim();
  }
  return undefined;
}

function validate<T>(schema: z.ZodType<T> | undefined, value: unknown, root: string, details: ValidationDetail[]): T {
  if (!schema) return undefined as T;
  if (root === 'body' && value === undefined) {
    details.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null });
    return undefined as T;
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  details.push(...toValidationDetails(result.error.issues, root, value));
  return undefined as T;
}

export function registerEndpoint<Body, Query>(
  app: FastifyInstance,
  def: Endpoint<Body, Query>,
  deps: PipelineDeps,
): void {
  app.route({
    method: def.method,
    url: def.url,
    handler: async (request, reply) => {
      const details: ValidationDetail[] = [];
      const params = request.params as Record<string, string>;
      let ws: Workspace | undefined;
      if (def.auth !== 'none') {
        const key = keyOf(request, def.auth);
        if (key === undefined) {
          if (def.auth === 'v2') throw missingKeyV2();
          details.push(missingApiKeyHeader());
        } else {
          const spec = deps.keys.lookup(key);
          request.keyLabel = spec?.label ?? 'invalid';
          if (!spec) throw invalidKey();
          if (spec.expired) throw expiredKey();
          const limited = deps.limits.admit(spec.org);
          if (limited) throw limited;
          const needed = typeof def.permissions === 'function' ? def.permissions(params) : def.permissions;
          const missing = missingPermissions(spec.grants, needed);
          if (missing.length > 0)
            throw forbidden(`API key is missing required permissions: ${describePermissions(missing)}`);
          ws = deps.store.workspace(spec.org);
        }
      }
      for (const name of def.uuidParams ?? []) {
        if (!guid.safeParse(params[name]).success) {
          details.push({
            type: 'uuid_parsing',
            loc: ['path', name],
            msg: 'Input should be a valid UUID',
            input: params[name],
          });
        }
      }
      const query = validate(def.query, request.query, 'query', details);
      const body = validate(def.body, request.body, 'body', details);
      if (details.length > 0) throw validationError(details);

      const result = await def.handle({ ws: ws as Workspace, body, query, params, events: deps.events });
      if (def.writes) await deps.persist();
      if (result instanceof Answer) respond(request, reply, result.status, result.body);
      else respond(request, reply, def.status ?? 200, result);
    },
  });
}

/**
 * Sends a JSON response, unless a late fault (one that lets the request be handled) asks for the
 * response to be corrupted, cut short or never sent.
 */
export function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const fault = request.lateFault;
  if (!fault) {
    reply.code(status).headers(headers);
    if (body === undefined) reply.send();
    else reply.type('application/json').send(JSON.stringify(body));
    return;
  }
  const payload = body === undefined ? '{}' : JSON.stringify(body);
  const raw = reply.raw;
  reply.hijack();
  switch (fault.kind) {
    case 'malformed-json': {
      const cut = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
      request.logResponse(status === 204 ? 200 : status);
      raw.writeHead(status === 204 ? 200 : status, {
        ...headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(cut),
      });
      raw.end(cut);
      return;
    }
    case 'truncated': {
      request.logResponse(0);
      raw.writeHead(status === 204 ? 200 : status, {
        ...headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(payload),
      });
      raw.write(payload.slice(0, Math.floor(payload.length / 2)), () => raw.destroy());
      return;
    }
    case 'drop':
      request.logResponse(0);
      request.raw.socket.destroy();
      return;
  }
}

/** For the error handler: ApiErrors become their response; anything else is a sandbox bug → 500. */
export function respondError(request: FastifyRequest, reply: FastifyReply, error: unknown): void {
  if (error instanceof ApiError) {
    respond(request, reply, error.status, error.body, error.headers);
    return;
  }
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    respond(request, reply, status, { detail: (error as Error).message });
    return;
  }
  console.error('[reevo-sandbox] unexpected error', error);
  reply.code(500).type('text/plain; charset=utf-8').send('Internal Server Error');
}
