import type { Bundle, HttpResponse, ZObject } from 'zapier-platform-core';
import { cleanApiKey, redactKey } from './api-key';
import { v2Failure } from './v2-errors';

/**
 * What Reevo's answers mean, in two layers:
 * - `classifyResponse`, pure: status, headers and body text → the kind of failure, its message in
 *   words, whether a later try may succeed and after how long. The Clay sender uses it as is.
 * - `afterResponse`, the app's middleware: throws the Zapier error for that classification.
 *
 * [assumed] Not published by Reevo, and therefore kept in this one module:
 * - a missing permission is a 403 whose `message` or `detail` names the permission;
 * - an expired key is a 401 whose message contains "API key has expired";
 * - rate limiting is a 429 with an optional `Retry-After`, and a 429 whose message mentions
 *   "quota" means the organization's quota of public requests is spent;
 * - every answer of Reevo's own is JSON in one of its envelopes (`{message}`, FastAPI's `{detail}`,
 *   `{error}`), so a 4xx without one (a web page, a bare text) came from something in between.
 */

export type FailureKind =
  /** 3xx: never followed, so the key never goes to another address. */
  | 'redirect'
  /** A 2xx whose body is not JSON. */
  | 'unreadable'
  | 'invalid_key'
  | 'expired'
  | 'permission'
  | 'not_found'
  | 'validation'
  | 'quota'
  | 'throttled'
  | 'server'
  /** A 4xx that is none of Reevo's envelopes: a proxy's or a firewall's page. */
  | 'not_reevo'
  /** Any other 4xx of Reevo's (405, 409…). */
  | 'rejected';

/** A header by name, in any case: core's `getHeader`, fetch's `headers.get`, or a plain object. */
export type HeaderSource = ((name: string) => string | null | undefined) | Readonly<Record<string, string | undefined>>;

export interface ResponseFacts {
  readonly status: number;
  readonly headers: HeaderSource;
  /** The body as text, as received. */
  readonly body: string;
}

/** What a request tells the error mapping about itself (passed as `middlewareData`). */
export interface RequestContext {
  /** e.g. "account", for "No account with ID …". */
  readonly noun?: string;
  /** The ID in the path, if any. */
  readonly id?: string;
  /** The permissions the endpoint needs, named as in Reevo's key settings. */
  readonly permissions?: readonly string[];
  /** Input labels by field key, so a 422 names fields the way the Zap editor does. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Statuses the caller handles itself, e.g. 404 for a search by ID that found nothing. Only Reevo's own answers pass. */
  readonly passStatuses?: readonly number[];
  /** The connection test: a refused key is "invalid", not "reconnect". */
  readonly connectionTest?: boolean;
  /** A request to a URL that is not Reevo's API (a workflow's Webhook Received URL): no key, and the caller reads every answer. */
  readonly external?: boolean;
}

export interface ClassifyOptions extends RequestContext {
  /** Removed from every message, in any encoding. */
  readonly apiKey?: string;
  /** For a `Retry-After` given as a date; `Date.now()` unless said. */
  readonly now?: number;
}

export interface Failure {
  readonly kind: FailureKind;
  readonly status: number;
  /** What happened and what to do, in words; never holds the key. */
  readonly message: string;
  /** Reevo's own words, clipped, when it gave any. */
  readonly reevoMessage?: string;
  /** A later try may succeed (throttling, trouble on Reevo's side). Whether repeating is safe is the caller's to judge. */
  readonly retryable: boolean;
  /** Seconds to wait before trying again, from `Retry-After` (seconds or an HTTP date), at most {@link MAX_RETRY_AFTER}. */
  readonly retryAfter?: number;
  /** Reevo may have carried the request out although it did not confirm it. */
  readonly mayHaveHappened: boolean;
}

const KEY_SETTINGS_HINT =
  'A Reevo workspace admin can change what a key may do under Settings → API Keys (or make a new key with the permission and reconnect with it).';

const MAY_HAVE_HAPPENED = 'The action may or may not have happened in Reevo: check there before you try again.';

const MAX_MESSAGE = 300;
/** A 422 lists its problems up to this length; the rest are counted. */
const MAX_DETAILS = 1_000;
/** Longer waits are capped: a step is retried within the hour rather than left for days. */
export const MAX_RETRY_AFTER = 900;

/** The failure a response stands for, or `undefined` when it is a readable success. */
export function classifyResponse(response: ResponseFacts, options: ClassifyOptions = {}): Failure | undefined {
  const found = classify(response, options);
  if (!found) return undefined;
  // A server may echo the request back: nothing of the key may reach a message. Redacted in the
  // words finally shown, so escapes the JSON parser undid and cut-off runs are caught too.
  const { apiKey } = options;
  return {
    ...found,
    message: redactKey(found.message, apiKey),
    ...(found.reevoMessage !== undefined ? { reevoMessage: redactKey(found.reevoMessage, apiKey) } : {}),
  };
}

function classify(response: ResponseFacts, options: ClassifyOptions): Failure | undefined {
  const { status } = response;
  const header = (name: string) => headerOf(response.headers, name);
  if (status >= 300 && status < 400) return redirect(status, header('location'));

  const content = response.body;
  const body = tryParse(content);
  if (status < 300) {
    if (content.trim() === '' || body !== undefined) return undefined;
    return failure(
      'unreadable',
      status,
      `Reevo answered with HTTP ${status} but its response could not be read (it was not complete JSON). ${MAY_HAVE_HAPPENED}`,
      {
        mayHaveHappened: true,
      },
    );
  }

  const said = reevoMessage(body);
  const words = said && !looksLikeHtml(content) ? clip(said) : undefined;
  const own = words ? { reevoMessage: words } : {};

  if (status === 401) {
    return /expired/i.test(said ?? '')
      ? failure('expired', status, 'The Reevo API key has expired. Ask a Reevo workspace admin for a new key.', own)
      : failure(
          'invalid_key',
          status,
          'Invalid API key: Reevo did not accept the key. Check that it was copied whole (Reevo shows a key only once), or make a new key in Reevo under Settings → API Keys.',
          own,
        );
  }
  if (status === 429) {
    if (/quota/i.test(said ?? '')) {
      return failure(
        'quota',
        status,
        `Your Reevo organization has used up its quota of API requests (${words ?? 'HTTP 429'}). Contact your Reevo account manager to raise it.`,
        own,
      );
    }
    const retryAfter = retryAfterSeconds(header('retry-after'), options.now);
    return failure('throttled', status, 'Reevo is limiting how fast requests may be made.', {
      ...own,
      retryable: true,
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });
  }
  if (status >= 500) {
    // A 503 says the server did not take the request on; any other 5xx may have come after the write.
    return failure('server', status, `Reevo had a problem on its side (HTTP ${status}${words ? `: ${words}` : ''}).`, {
      ...own,
      retryable: true,
      mayHaveHappened: status !== 503,
    });
  }
  const v2 = status === 403 ? undefined : v2Failure(body, options);
  if (v2) return failure(v2.kind, status, v2.message, own);
  if (!isReevoEnvelope(body)) {
    return failure(
      'not_reevo',
      status,
      `Reevo could not be reached properly: the answer (HTTP ${status}) was ${describeBody(content)}, not one of Reevo's, so something between this app and Reevo (a proxy or a firewall) probably answered. Nothing was confirmed as done; if it keeps happening, check the network path to Reevo or contact Reevo support.`,
    );
  }
  if (status === 403) return failure('permission', status, permissionMessage(said, options.permissions), own);
  if (status === 422) {
    return failure(
      'validation',
      status,
      `Reevo rejected the request: ${validationMessage(body, said ?? '', options.labels)}`,
      own,
    );
  }
  if (status === 404 && options.noun && options.id) {
    return failure('not_found', status, `No ${options.noun} with ID ${options.id} was found in Reevo.`, own);
  }
  const what = words ? withClosedReasonHint(words) : describeBody(content);
  return failure(status === 404 ? 'not_found' : 'rejected', status, `Reevo returned HTTP ${status}: ${what}`, own);
}

function failure(
  kind: FailureKind,
  status: number,
  message: string,
  rest: Partial<Pick<Failure, 'reevoMessage' | 'retryable' | 'retryAfter' | 'mayHaveHappened'>> = {},
): Failure {
  return { kind, status, message, retryable: false, mayHaveHappened: false, ...rest };
}

function redirect(status: number, location: string | undefined): Failure {
  const to = location ? hostOf(location) : undefined;
  return failure(
    'redirect',
    status,
    `Reevo answered with a redirect (HTTP ${status}${to ? ` to ${to}` : ''}) instead of an answer. Redirects are not followed, so nothing was sent there and the API key stayed with Reevo; Reevo did not confirm the action. Check that the Reevo API address is right, or contact Reevo support.`,
  );
}

function hostOf(location: string): string | undefined {
  try {
    return new URL(location).host || undefined;
  } catch {
    return undefined;
  }
}

function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers === 'function') return headers(name) ?? undefined;
  const found = Object.keys(headers).find((key) => key.toLowerCase() === name);
  return found === undefined ? undefined : headers[found];
}

/** `Retry-After` in seconds or as an HTTP date → seconds from now, at least 1 and at most {@link MAX_RETRY_AFTER}. */
export function retryAfterSeconds(value: string | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  let seconds: number;
  if (/^\d+$/.test(text)) seconds = Number(text);
  else if (/[a-z]/i.test(text)) seconds = Math.ceil((Date.parse(text) - now) / 1000);
  else return undefined;
  return Number.isFinite(seconds) ? Math.min(MAX_RETRY_AFTER, Math.max(1, seconds)) : undefined;
}

function permissionMessage(said: string | undefined, permissions: readonly string[] = []): string {
  const missing = said
    ? clip(said)
    : `this action needs ${listOf(permissions) || 'a permission the key does not have'}`;
  // Reevo's own message may not name the permission (e.g. a bare "Forbidden"): then say which it is.
  const unnamed =
    said && permissions.some((p) => !said.toLowerCase().includes(p.replace(/\s*\(.*$/, '').toLowerCase()));
  const needs = unnamed
    ? ` (this step needs the ${listOf(permissions)} permission${permissions.length > 1 ? 's' : ''})`
    : '';
  return `Your Reevo API key may not do this: ${missing}${needs}. ${KEY_SETTINGS_HINT}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** One of Reevo's error bodies: its own `{message}`, FastAPI's `{detail}`, or `{error}` (text, or v2's `{code, message}`). */
function isReevoEnvelope(body: unknown): boolean {
  if (!isObject(body)) return false;
  return (
    'error_response_type' in body ||
    typeof body.message === 'string' ||
    typeof body.detail === 'string' ||
    Array.isArray(body.detail) ||
    typeof body.error === 'string' ||
    isObject(body.error)
  );
}

/** The message of any envelope: Reevo's `{message}`, FastAPI's `{detail}` (text or list), `{error}`. */
export function reevoMessage(body: unknown): string | undefined {
  if (!isObject(body)) return typeof body === 'string' && body.trim() ? body.trim() : undefined;
  if (typeof body.message === 'string' && body.message.trim()) return body.message.trim();
  if (typeof body.detail === 'string' && body.detail.trim()) return body.detail.trim();
  if (Array.isArray(body.detail)) return validationMessage(body, '', {});
  if (typeof body.error === 'string' && body.error.trim()) return body.error.trim();
  if (isObject(body.error)) return v2ErrorMessage(body.error);
  return undefined;
}

/** v2's `{"error": {"code", "message"}}`. */
function v2ErrorMessage(error: Record<string, unknown>): string | undefined {
  const message = typeof error.message === 'string' && error.message.trim() ? error.message.trim() : undefined;
  const code = typeof error.code === 'string' && error.code.trim() ? error.code.trim() : undefined;
  return message ?? code;
}

/** FastAPI's `detail` list as "Contact Email (email): value is not a valid email address.", the first few only. */
function validationMessage(body: unknown, fallback: string, labels: RequestContext['labels'] = {}): string {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (!Array.isArray(detail) || detail.length === 0)
    return withClosedReasonHint(clip(fallback || 'the request was not valid.'));
  const lines: string[] = [];
  let length = 0;
  for (const item of detail) {
    const line = detailLine(item, labels);
    if (lines.length > 0 && length + line.length + 1 > MAX_DETAILS) break;
    lines.push(line);
    length += line.length + 1;
  }
  const more = detail.length - lines.length;
  const rest = more > 0 ? ` …and ${more.toLocaleString('en-US')} more problem${more > 1 ? 's' : ''}.` : '';
  return withClosedReasonHint(`${lines.join(' ')}${rest}`);
}

function detailLine(item: unknown, labels: Readonly<Record<string, string>>): string {
  const { loc, msg } = isObject(item) ? item : {};
  const path = Array.isArray(loc)
    ? loc.filter((part) => part !== 'body' && part !== 'query' && part !== 'path').map(String)
    : [];
  const key = path.at(-1) ?? '';
  const why = clip(String(msg ?? 'is not valid'), 200);
  return key ? `${clip(labels[key] ?? key, 80)} (${clip(path.join('.'), 80)}): ${why}.` : `${why}.`;
}

const CLOSED_REASON_HINT =
  'Closed won and closed lost stages need at least one closed reason, named as in your Reevo workspace: fill in Closed Reasons.';

/**
 * [assumed] How Reevo words its refusal of a closed stage without closed reasons is not published
 * (a 422 on `closed_reason_names`, a FastAPI text `detail`, Reevo's `message`, even a 400), so any
 * rejection that mentions closed reasons gets the hint once.
 */
function withClosedReasonHint(text: string): string {
  return /closed[ _]reason/i.test(text) && !text.includes(CLOSED_REASON_HINT) ? `${text} ${CLOSED_REASON_HINT}` : text;
}

function tryParse(content: string): unknown {
  if (content.trim() === '') return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}

function looksLikeHtml(content: string): boolean {
  return /^\s*</.test(content);
}

function describeBody(content: string): string {
  if (content.trim() === '') return 'empty';
  if (looksLikeHtml(content)) return 'a web page instead of an API response';
  return 'a response that could not be read';
}

function clip(text: string, max = MAX_MESSAGE): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

function listOf(items: readonly string[] | undefined): string {
  if (!items || items.length === 0) return '';
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Zapier's error code for each kind. */
const CODES: Record<FailureKind, string> = {
  redirect: 'redirect',
  unreadable: 'invalid_response',
  invalid_key: 'invalid_api_key',
  expired: 'expired_api_key',
  permission: 'missing_permission',
  not_found: 'not_found',
  validation: 'invalid_input',
  quota: 'quota_exhausted',
  throttled: 'throttled',
  server: 'server_error',
  not_reevo: 'not_reevo',
  rejected: 'api_error',
};

/** Throws the Zapier error for every response that is not a readable success (or a status the caller handles). */
export const afterResponse = (response: HttpResponse, z: ZObject, bundle: Bundle): HttpResponse => {
  const context: RequestContext = response.request.middlewareData ?? {};
  if (context.external) return response;
  const apiKey = cleanApiKey(bundle.authData?.api_key) ?? bundle.authData?.api_key;
  const found = classifyResponse(
    { status: response.status, headers: (name) => response.getHeader(name), body: response.content },
    { ...context, apiKey },
  );
  if (!found) return response;
  if (context.passStatuses?.includes(response.status) && found.kind !== 'not_reevo')
    return withoutKey(response, apiKey);
  throw zapierError(z, found, context);
};

/** An error answer handed to its caller loses any echo of the key first, since callers quote from it. */
function withoutKey(response: HttpResponse, apiKey: string | undefined): HttpResponse {
  const content = redactKey(response.content, apiKey);
  if (content === response.content) return response;
  return Object.assign(response, { content, data: tryParse(content) });
}

function zapierError(z: ZObject, failure: Failure, context: RequestContext): Error {
  switch (failure.kind) {
    case 'invalid_key':
      if (context.connectionTest)
        return new z.errors.Error(`${failure.message} Then reconnect.`, CODES.invalid_key, failure.status);
      // During a Zap run a refused key is a connection to renew, whatever Reevo's words.
      return new z.errors.ExpiredAuthError(
        'Reevo no longer accepts the API key of this connection (it may have been expired or deleted in Reevo). Reconnect your Reevo account in Zapier with a valid key.',
      );
    case 'expired':
      return new z.errors.ExpiredAuthError(
        'Your Reevo API key has expired. Ask a Reevo workspace admin for a new key and reconnect your Reevo account in Zapier.',
      );
    case 'throttled':
      return new z.errors.ThrottledError(
        `${failure.message} Zapier will retry this step shortly.`,
        failure.retryAfter ?? 60,
      );
    case 'server':
      return new z.errors.Error(
        `${failure.message} Nothing was confirmed as done; try again in a few minutes or replay this run.`,
        CODES.server,
        failure.status,
      );
    default:
      return new z.errors.Error(failure.message, CODES[failure.kind], failure.status);
  }
}
