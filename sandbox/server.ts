/** Builds the fastify app: parsers, request log, faults, every endpoint, 404/405 in FastAPI's form. */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ApiError, methodNotAllowed, rateLimited, routeNotFound } from './errors';
import { type FaultInjector, faultLabel, isLateFault, type PlannedFaults, serverErrorResponse } from './faults';
import { type Endpoint, type PipelineDeps, registerEndpoint, respond, respondError } from './http';
import type { RequestLogEntry, RingLog } from './log';
import { accountEndpoints } from './routes/accounts';
import { activityEndpoints } from './routes/activities';
import { contactEndpoints } from './routes/contacts';
import { enrollmentEndpoints } from './routes/enrollments';
import { opportunityEndpoints } from './routes/opportunities';
import { peopleEndpoints } from './routes/people';
import { retrievalEndpoints } from './routes/retrieval';
import { taskEndpoints } from './routes/tasks';
import { upsertEndpoints } from './routes/upsert';
import { webhookEndpoints } from './routes/webhooks';
import { v2Endpoints } from './v2';
import { registerWorkflows } from './workflows';

export interface ServerDeps extends PipelineDeps {
  faults: FaultInjector;
  requestLog: RingLog<RequestLogEntry>;
  /** False for Reevo as published: the webhook routes do not exist. */
  webhookApi: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list of endpoints whose bodies differ
type AnyEndpoint = Endpoint<any, any>;

/** Every route the sandbox answers besides the webhook API and workflows; the tests find the route of an app endpoint here. */
export const ENDPOINTS: readonly AnyEndpoint[] = [
  ...upsertEndpoints,
  ...accountEndpoints,
  ...contactEndpoints,
  ...opportunityEndpoints,
  ...taskEndpoints,
  ...activityEndpoints,
  ...peopleEndpoints,
  ...enrollmentEndpoints,
  ...retrievalEndpoints,
  ...v2Endpoints,
];

const ALL_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function jsonInvalid(error: unknown): ApiError {
  const message = error instanceof Error ? error.message : String(error);
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
  return new ApiError(422, {
    detail: [
      { type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error: message } },
    ],
  });
}

/** [assumed] Reevo's nesting limit is not published; FastAPI refuses what its parser cannot take. */
const MAX_JSON_DEPTH = 64;

/** Where a JSON text first nests deeper than `max` objects and arrays; -1 when it never does. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > max) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return -1;
}

function parseJson(body: string): unknown {
  if (body === '') return undefined;
  const deep = tooDeepAt(body, MAX_JSON_DEPTH);
  if (deep !== -1) {
    throw new ApiError(422, {
      detail: [
        {
          type: 'json_invalid',
          loc: ['body', deep],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: `Nesting too deep (more than ${MAX_JSON_DEPTH} levels)` },
        },
      ],
    });
  }
  try {
    return JSON.parse(body);
  } catch (error) {
    throw jsonInvalid(error);
  }
}

function registerParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJson(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // Like FastAPI: no content type → try JSON; another type → the raw text, which then fails validation.
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    try {
      done(null, request.headers['content-type'] === undefined ? parseJson(body as string) : body || undefined);
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

/**
 * Logs each response as it is sent, so a test that has just read a response finds its entry.
 * Responses that faults write by hand log themselves through `request.logResponse`.
 */
function logRequests(app: FastifyInstance, log: RingLog<RequestLogEntry>): void {
  app.decorateRequest('logResponse', function (this: FastifyRequest, status: number) {
    const queryAt = this.url.indexOf('?');
    log.push({
      method: this.method,
      path: queryAt === -1 ? this.url : this.url.slice(0, queryAt),
      query: this.query as Record<string, unknown>,
      status,
      key: this.keyLabel,
      fault: this.faultLabel,
      timestamp: new Date().toISOString(),
    });
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    request.logResponse(reply.statusCode);
    done(null, payload);
  });
}

function applyEarlyFault(
  request: FastifyRequest,
  reply: FastifyReply,
  failure: NonNullable<PlannedFaults['failure']>,
): boolean {
  request.faultLabel = faultLabel(failure);
  if (isLateFault(failure)) {
    request.lateFault = failure;
    return false;
  }
  switch (failure.kind) {
    case 'status': {
      const { contentType, body } = serverErrorResponse(failure.status);
      reply.code(failure.status).type(contentType).send(body);
      return true;
    }
    case 'rate-limit': {
      const error = rateLimited(failure.retryAfter ?? null);
      reply.code(429).headers(error.headers).send(error.body);
      return true;
    }
    case 'drop':
      request.logResponse(0);
      reply.hijack();
      request.raw.socket.destroy();
      return true;
  }
}

function injectFaults(app: FastifyInstance, faults: FaultInjector): void {
  app.addHook('onRequest', (request, reply, done) => {
    const planned = faults.plan();
    if (planned.latencyMs === 0 && planned.failure === null) {
      done();
      return;
    }
    if (planned.failure === null) request.faultLabel = 'latency';
    const apply = () => {
      if (planned.failure === null || !applyEarlyFault(request, reply, planned.failure)) done();
    };
    if (planned.latencyMs > 0) setTimeout(apply, planned.latencyMs);
    else apply();
  });
}

/** Every path gets all methods: the unused ones answer 405 like FastAPI's router. */
function registerMethodNotAllowed(app: FastifyInstance, endpoints: readonly AnyEndpoint[]): void {
  const methodsByUrl = new Map<string, Set<string>>();
  for (const { url, method } of endpoints) {
    const methods = methodsByUrl.get(url) ?? new Set<string>();
    methods.add(method);
    if (method === 'GET') methods.add('HEAD');
    methodsByUrl.set(url, methods);
  }
  for (const [url, methods] of methodsByUrl) {
    const allow = [...methods].filter((m) => m !== 'HEAD').join(', ');
    const others = ALL_METHODS.filter((m) => !methods.has(m));
    app.route({
      method: others,
      url,
      handler: (request, reply) => {
        const error = methodNotAllowed();
        respond(request, reply, error.status, error.body, { allow });
      },
    });
  }
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, forceCloseConnections: true });
  app.decorateRequest('keyLabel', null);
  app.decorateRequest('faultLabel', null);
  app.decorateRequest('lateFault', null);
  registerParsers(app);
  logRequests(app, deps.requestLog);
  injectFaults(app, deps.faults);
  const endpoints = deps.webhookApi ? [...ENDPOINTS, ...webhookEndpoints] : ENDPOINTS;
  for (const def of endpoints) registerEndpoint(app, def, deps);
  registerMethodNotAllowed(app, endpoints);
  registerWorkflows(app);
  app.setNotFoundHandler((request, reply) => {
    const error = routeNotFound();
    respond(request, reply, error.status, error.body);
  });
  app.setErrorHandler((error, request, reply) => respondError(request, reply, error));
  return app;
}
