import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { BAD_KEY_MESSAGE, cleanApiKey, logForms } from './api-key';
import { reevoBaseUrl } from './config';
import type { Endpoint } from './endpoints';
import type { RequestContext } from './errors';
import { networkFailure } from './network';
import { buildRequest, describeProblems, type ReevoRequest } from './request-builder';
import { isWrite, unconfirmedWrite } from './write-confirmation';

/**
 * The one way the app talks to Reevo: relative paths resolve against the configured base URL,
 * and only requests to that base carry the key, never one marked external (a workflow's URL,
 * which may sit on Reevo's host and has a key of its own).
 */
export const beforeRequest = (request: HttpRequestOptions & { url: string }, z: ZObject, bundle: Bundle) => {
  const base = reevoBaseUrl();
  if (request.url.startsWith('/')) request.url = `${base}${request.url}`;
  const external = (request as { middlewareData?: RequestContext }).middlewareData?.external === true;
  // One deadline for every request, set here, after core has merged (and so cloned) the request's options.
  (request as { signal?: AbortSignal }).signal = AbortSignal.timeout(requestTimeoutMs());
  if (request.url.startsWith(`${base}/`) && !external) {
    const key = cleanApiKey(bundle.authData.api_key);
    if (key === undefined) throw new z.errors.Error(BAD_KEY_MESSAGE, 'invalid_api_key', 401);
    hideFromLogs(bundle, key);
    // v2 takes the key as a bearer token, v1 in x-api-key (docs/reevo-api.md §1, §3.1).
    const auth: Record<string, string> = request.url.startsWith(`${base}/api/v2/`)
      ? { authorization: `Bearer ${key}` }
      : { 'x-api-key': key };
    request.headers = { accept: 'application/json', ...request.headers, ...auth };
  }
  // Let 429s reach afterResponse, which tells a spent quota apart from plain throttling.
  (request as { throwForThrottlingEarly?: boolean }).throwForThrottlingEarly = false;
  // A redirect would carry the key to wherever it points: afterResponse reports it instead.
  request.redirect = 'manual';
  return request;
};

/**
 * Core's request log censors what `bundle.authData` holds, but only verbatim; an answer that echoes
 * the key escaped, encoded or in part would be logged as is. The log is shown every form of it.
 */
function hideFromLogs(bundle: Bundle, key: string): void {
  const authData = bundle.authData as Record<string, unknown>;
  if (authData[LEAK_FORMS] === undefined) authData[LEAK_FORMS] = logForms(key);
}

const LEAK_FORMS = 'api_key_leak_forms';

/**
 * Every request gives up after this long, headers and body together; the step then fails with
 * "the request timed out". Zapier stops a step after 30 s, and node-fetch 2 (under core's
 * z.request) never notices a connection that closes before the promised Content-Length arrived.
 * Its own `timeout` restarts for the body, so a slow body could take twice as long: one abort
 * signal is the one deadline. The environment variable REEVO_REQUEST_TIMEOUT_MS shortens it
 * (tests of cut-off responses).
 */
export const REQUEST_TIMEOUT_MS = 25_000;

function requestTimeoutMs(): number {
  const fromEnv = Number(process.env.REEVO_REQUEST_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : REQUEST_TIMEOUT_MS;
}

export interface SendOptions {
  /** Statuses handed back to the caller instead of thrown, e.g. 404 for "nothing found". */
  readonly passStatuses?: readonly number[];
}

/** Validates the input against the endpoint's fields and sends it; throws before sending on bad input. */
export async function callEndpoint<T = unknown>(
  z: ZObject,
  endpoint: Endpoint,
  input: Readonly<Record<string, unknown>>,
  options: SendOptions = {},
): Promise<{ status: number; data: T; notes: string[] }> {
  const built = buildRequest(endpoint, input);
  if (!built.ok) throw new z.errors.Error(describeProblems(built.problems), 'invalid_input', 400);
  const answer = await send<T>(z, built.request, contextOf(endpoint, built.request, options));
  if (isWrite(endpoint)) confirmWrite(z, endpoint.noun, answer);
  return { ...answer, notes: built.notes };
}

/** The key under which an action's output lists the optional values it sent as typed. */
export const INPUT_NOTES = 'input_notes';

/** Reevo's answer, with the notes on values sent as typed (if any) for the Zap history and later steps. */
export const withNotes = <T extends Record<string, unknown>>(data: T, notes: readonly string[]) =>
  notes.length > 0 ? { ...data, [INPUT_NOTES]: [...notes] } : data;

/** Throws unless Reevo's answer confirms the write (src/write-confirmation.ts says when it does). */
export function confirmWrite(z: ZObject, noun: string, answer: { status: number; data: unknown }): void {
  const why = unconfirmedWrite(noun, answer);
  if (why === undefined) return;
  throw new z.errors.Error(
    `Reevo did not confirm the write: ${why}. The action may or may not have happened in Reevo: check there before you replay this run.`,
    'unconfirmed_write',
    502,
  );
}

/** The perform of an action that sends its inputs to one endpoint and returns what Reevo answered. */
export const performEndpoint = (endpoint: Endpoint) => async (z: ZObject, bundle: Bundle) => {
  const { data, notes } = await callEndpoint<Record<string, unknown>>(z, endpoint, bundle.inputData);
  return withNotes(data, notes);
};

/** Sends a prepared request; network failures become errors that say what happened. */
export async function send<T = unknown>(
  z: ZObject,
  request: ReevoRequest,
  context: RequestContext = {},
): Promise<{ status: number; data: T }> {
  try {
    const response = await z.request<T>({
      method: request.method,
      url: withQuery(request.path, request.query),
      ...(request.body ? { body: asJson(request.body), headers: { 'content-type': 'application/json' } } : {}),
      skipThrowForStatus: Boolean(context.passStatuses?.length),
      middlewareData: context,
    });
    return { status: response.status, data: response.status === 204 ? (undefined as T) : response.data };
  } catch (error) {
    throw networkError(z, error);
  }
}

/*
 * Core refuses a request whose body, query or URL holds `{{bundle.…}}` or `{{process.…}}` (and
 * would fill them in if asked to), but here they are the user's own text. So the body goes as JSON
 * text with every `{{` written `\u007b\u007b`, and the query percent-encoded (`%7B`): the same
 * values to Reevo, and nothing core takes for a template.
 */
export const asJson = (body: Readonly<Record<string, unknown>>) =>
  JSON.stringify(body).replace(/\{\{/g, '\\u007b\\u007b');

function withQuery(path: string, query: Readonly<Record<string, string>>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

function contextOf(endpoint: Endpoint, request: ReevoRequest, options: SendOptions): RequestContext {
  return {
    noun: endpoint.noun,
    ...(request.id ? { id: request.id } : {}),
    permissions: endpoint.permissions,
    labels: Object.fromEntries(endpoint.params.map((param) => [param.field.key, param.field.label])),
    ...(options.passStatuses ? { passStatuses: options.passStatuses } : {}),
  };
}

/**
 * Zapier's own errors pass through; a network failure gets a message a person can act on, which
 * says whether the request can have reached Reevo.
 */
function networkError(z: ZObject, error: unknown): unknown {
  const failure = networkFailure(error);
  if (!failure) return error;
  const consequence = failure.maybeSent
    ? 'The action may or may not have happened in Reevo: check there before you replay this run.'
    : 'Nothing was sent, so it is safe to try again (replay this run).';
  return new z.errors.Error(`Could not reach Reevo: ${failure.reason}. ${consequence}`, 'network_error', 503);
}
