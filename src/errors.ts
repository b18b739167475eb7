import type { Bundle, HttpResponse, ZObject } from 'zapier-platform-core';

/**
 * Turns every Reevo error response into an error a Zap builder can act on.
 *
 * [assumed] Not published by Reevo, and therefore kept in this one module:
 * - a missing permission is a 403 whose `message` or `detail` names the permission;
 * - an expired key is a 401 whose message contains "API key has expired";
 * - rate limiting is a 429 with an optional `Retry-After` in seconds, and a 429 whose message
 *   mentions "quota" means the organization's quota of public requests is spent.
 */

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
  /** Statuses the caller handles itself, e.g. 404 for a search by ID that found nothing. */
  readonly passStatuses?: readonly number[];
}

const KEY_SETTINGS_HINT =
  'A Reevo workspace admin can change what a key may do under Settings → API Keys (or make a new key with the permission) and then reconnect the key in Zapier.';

const MAX_MESSAGE = 300;

export const afterResponse = (response: HttpResponse, z: ZObject, bundle: Bundle): HttpResponse => {
  const context: RequestContext = response.request.middlewareData ?? {};
  if (context.passStatuses?.includes(response.status)) return response;
  if (response.status < 400) {
    if (response.content.trim() !== '' && tryParse(response.content) === undefined) {
      throw new z.errors.Error(
        `Reevo answered with HTTP ${response.status} but its response could not be read (it was not complete JSON). The action may or may not have happened in Reevo: check there before you replay this run.`,
        'invalid_response',
        response.status,
      );
    }
    return response;
  }

  // A server may echo the request back; nothing of the key may reach a message.
  const secret = bundle.authData?.api_key;
  const content = secret ? response.content.split(secret).join('[API key]') : response.content;
  const body = tryParse(content);
  const message = reevoMessage(body) ?? '';
  const status = response.status;

  if (status === 401) {
    if (/expired/i.test(message)) {
      throw new z.errors.ExpiredAuthError(
        'Your Reevo API key has expired. Ask a Reevo workspace admin for a new key and reconnect your Reevo account in Zapier.',
      );
    }
    throw new z.errors.Error(
      'Invalid API key: Reevo did not accept the key of this connection. Check that it was copied whole (Reevo shows a key only once) and reconnect, or make a new key in Reevo under Settings → API Keys.',
      'invalid_api_key',
      status,
    );
  }
  if (status === 403) {
    const missing = message || `this action needs ${listOf(context.permissions) || 'a permission the key does not have'}`;
    // Reevo's own message may not name the permission (e.g. a bare "Forbidden"): then say which it is.
    const unnamed = message && (context.permissions ?? []).some((p) => !message.toLowerCase().includes(p.replace(/\s*\(.*$/, '').toLowerCase()));
    const needs = unnamed ? ` (this step needs the ${listOf(context.permissions)} permission${context.permissions!.length > 1 ? 's' : ''})` : '';
    throw new z.errors.Error(`Your Reevo API key may not do this: ${clip(missing)}${needs}. ${KEY_SETTINGS_HINT}`, 'missing_permission', status);
  }
  if (status === 422) {
    throw new z.errors.Error(`Reevo rejected the request: ${validationMessage(body, message, context.labels)}`, 'invalid_input', status);
  }
  if (status === 404 && context.noun && context.id) {
    throw new z.errors.Error(`No ${context.noun} with ID ${context.id} was found in Reevo.`, 'not_found', status);
  }
  if (status === 429) {
    if (/quota/i.test(message)) {
      throw new z.errors.Error(
        `Your Reevo organization has used up its quota of API requests (${clip(message)}). Contact your Reevo account manager to raise it; runs can be replayed afterwards.`,
        'quota_exhausted',
        status,
      );
    }
    const retryAfter = Number.parseInt(response.getHeader('retry-after') ?? '', 10);
    throw new z.errors.ThrottledError(
      'Reevo is limiting how fast requests may be made. Zapier will retry this step shortly.',
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60,
    );
  }
  if (status >= 500) {
    throw new z.errors.Error(
      `Reevo had a problem on its side (HTTP ${status}${message && !looksLikeHtml(content) ? `: ${clip(message)}` : ''}). Nothing was confirmed as done; try again in a few minutes or replay this run.`,
      'server_error',
      status,
    );
  }
  const what = message && !looksLikeHtml(content) ? withClosedReasonHint(clip(message)) : describeBody(content);
  throw new z.errors.Error(`Reevo returned HTTP ${status}: ${what}`, 'api_error', status);
};

/** The message of either envelope: Reevo's `{message}` or FastAPI's `{detail}` (text or list). */
export function reevoMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body.trim() ? body.trim() : undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string' && record.message.trim()) return record.message.trim();
  if (typeof record.detail === 'string' && record.detail.trim()) return record.detail.trim();
  if (Array.isArray(record.detail)) return validationMessage(body, '', {});
  if (typeof record.error === 'string' && record.error.trim()) return record.error.trim();
  return undefined;
}

/** FastAPI's `detail` list as "Contact Email (email): value is not a valid email address". */
function validationMessage(body: unknown, fallback: string, labels: RequestContext['labels'] = {}): string {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (!Array.isArray(detail) || detail.length === 0) return withClosedReasonHint(clip(fallback || 'the request was not valid.'));
  return withClosedReasonHint(
    detail
      .map((item: { loc?: unknown[]; msg?: unknown }) => {
        const loc = Array.isArray(item.loc) ? item.loc.filter((part) => part !== 'body' && part !== 'query' && part !== 'path') : [];
        const key = String(loc.at(-1) ?? '');
        const msg = clip(String(item.msg ?? 'is not valid'));
        return key ? `${labels[key] ?? key} (${loc.join('.')}): ${msg}.` : `${msg}.`;
      })
      .join(' '),
  );
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
  if (content.trim() === '') return 'no details were given.';
  if (looksLikeHtml(content)) return 'an unexpected web page instead of an API response.';
  return 'a response that could not be read.';
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE - 1)}…` : oneLine;
}

function listOf(items: readonly string[] | undefined): string {
  if (!items || items.length === 0) return '';
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
