import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { send } from './client';
import { V1, type Permission } from './endpoints';
import { outputFieldsOf } from './output-fields';
import { v2Permissions } from './v2-permissions';
import { queryRecords } from './v2';
import {
  eventTimeOf,
  staticSample,
  toOutput,
  triggerOutputFields,
  type Changes,
  type TriggerEvent,
  type TriggerRecord,
} from './trigger-output';

/**
 * Reevo webhooks as Zapier REST hooks: the one module that knows the webhook contract.
 *
 * [assumed] Reevo publishes the Webhooks key permission but no webhook API (docs/reevo-api.md §4):
 * on Reevo as published, the subscription endpoint answers 404 like any unknown path, and the
 * instant triggers then point the user at their polling twins (src/polling.ts). Everything below
 * that rests on the assumed API lives in this file, so a workspace whose webhook API differs is a
 * one-file change (see triggers/README.md):
 * - subscriptions: `GET {WEBHOOKS_PATH}` → a list of `{id, target_url, …}`;
 *   `POST {WEBHOOKS_PATH}` `{target_url, event_types, description}` → `{id, secret, …}`;
 *   `DELETE {WEBHOOKS_PATH}/{id}` (404 when already gone);
 * - event type names, kept in src/trigger-output.ts (EVENT_TYPES) because polling triggers report them too;
 * - deliveries: `{id, event_type, occurred_at, data: <record>, changes: {field: {old, new}}}`, or
 *   the record at the top level (with the event id only in the unsigned `x-reevo-event-id` header);
 * - signatures: `x-reevo-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 *   keyed by the subscription's secret.
 */

export const WEBHOOKS_PATH = `${V1}/webhooks`;

export const SIGNATURE_HEADER = 'x-reevo-signature';

/**
 * How long a processed event id is remembered, and so also how old a delivery's signed timestamp
 * may be. The two must be equal: a shorter window would refuse late deliveries whose id is still
 * remembered (and lose them, since Reevo already got its 2xx); a shorter memory would let a
 * captured delivery be replayed once its id is forgotten. A day covers Reevo's retries and
 * Zapier's queue on a slow day.
 */
export const REPLAY_WINDOW_SECONDS = 24 * 60 * 60;

const WEBHOOK_PERMISSIONS: readonly Permission[] = ['Webhooks (write)'];

/** The statuses of a server that has no webhook API at all: unknown path, method or feature. */
const NO_WEBHOOK_API = [404, 405, 501];

/** What performSubscribe returns and Zapier hands back as `bundle.subscribeData`. */
export interface SubscribeData {
  readonly id: string;
  readonly secret: string;
  readonly event_types: readonly string[];
  readonly target_url: string;
}

/** One instant trigger: its event, its label and the polling trigger to use where Reevo has no webhooks. */
export interface HookSpec extends TriggerEvent {
  /** The trigger's label, which names the subscription in Reevo. */
  readonly label: string;
  /** The label of the polling trigger reporting the same event. */
  readonly pollingLabel: string;
  /** Offer "Only When These Fields Change" (updates), so a Zap writing back to its record cannot loop. */
  readonly filtersChangedFields?: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

// ---------------------------------------------------------------------------------------------
// Subscriptions

/** Where the polling twin is the way out, this says so, with the one permission it needs. */
function useInstead(spec: HookSpec): string {
  return `use the "${spec.pollingLabel}" trigger instead: it checks Reevo for changes every few minutes and needs only the ${v2Permissions(spec.recordType, 'read').join(' and ')} permission`;
}

/** Turns an answer of the webhook API that says "no webhooks here" into what to do about it. */
function refuseUnavailable(z: ZObject, spec: HookSpec, status: number, body: unknown): void {
  if (NO_WEBHOOK_API.includes(status)) {
    throw new z.errors.Error(
      `This Reevo workspace offers no webhook subscriptions (Reevo answered HTTP ${status} to ${WEBHOOKS_PATH}), so the "${spec.label}" trigger cannot run here; ${useInstead(spec)}.`,
      'webhooks_unavailable',
      status,
    );
  }
  if (status === 403) {
    const said = isObject(body) ? (text(body.message) ?? text(body.detail)) : undefined;
    throw new z.errors.Error(
      `Your Reevo API key may not manage webhook subscriptions${said ? ` (Reevo said: ${said.slice(0, 200)})` : ''}, so the "${spec.label}" trigger cannot run: it needs the Webhooks (write) permission. A Reevo workspace admin can add it under Settings → API Keys and then reconnect the key in Zapier; or ${useInstead(spec)}.`,
      'missing_permission',
      status,
    );
  }
}

const UNAVAILABLE_STATUSES = [403, ...NO_WEBHOOK_API];

/** The workspace's subscriptions; throws the "no webhooks here" message when there is no webhook API. */
async function listSubscriptions(z: ZObject, spec: HookSpec): Promise<Array<Record<string, unknown>>> {
  const { status, data } = await send<unknown>(
    z,
    { method: 'GET', path: WEBHOOKS_PATH, query: {} },
    { noun: 'webhook subscription', permissions: WEBHOOK_PERMISSIONS, passStatuses: UNAVAILABLE_STATUSES },
  );
  refuseUnavailable(z, spec, status, data);
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.data) ? data.data : [];
  return list.filter(isObject);
}

async function deleteSubscription(z: ZObject, id: string): Promise<boolean> {
  const { status } = await send(
    z,
    { method: 'DELETE', path: `${WEBHOOKS_PATH}/${encodeURIComponent(id)}`, query: {} },
    { noun: 'webhook subscription', id, permissions: WEBHOOK_PERMISSIONS, passStatuses: [404, 410] },
  );
  return status !== 404 && status !== 410;
}

/**
 * Creates this Zap's subscription at Zapier's target URL and keeps its id and signing secret.
 * Zapier retries a subscribe whose answer it lost, and the first attempt may have made a
 * subscription: any subscription already sending to this Zap's URL is removed first, so the Zap
 * never has two.
 */
export function subscribe(spec: HookSpec) {
  return async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
    const targetUrl = bundle.targetUrl;
    if (!targetUrl) {
      throw new z.errors.Error(
        'Zapier gave no URL to send Reevo events to, so no subscription was made. Turn the Zap off and on again.',
        'missing_target_url',
        400,
      );
    }
    for (const stale of await listSubscriptions(z, spec)) {
      if (stale.target_url === targetUrl && (typeof stale.id === 'string' || typeof stale.id === 'number'))
        await deleteSubscription(z, String(stale.id));
    }
    const zapId = bundle.meta?.zap?.id;
    const body = {
      target_url: targetUrl,
      event_types: [spec.eventType],
      description: `Zapier: ${spec.label} trigger${zapId ? ` of Zap ${zapId}` : ''}`,
    };
    const { status, data } = await send<unknown>(
      z,
      { method: 'POST', path: WEBHOOKS_PATH, query: {}, body },
      { noun: 'webhook subscription', permissions: WEBHOOK_PERMISSIONS, passStatuses: UNAVAILABLE_STATUSES },
    );
    refuseUnavailable(z, spec, status, data);
    const id = isObject(data) ? data.id : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new z.errors.Error(
        'Reevo accepted the webhook subscription but did not say its ID, so this Zap could not turn it off later. Nothing was turned on; try again, and contact Reevo support if it keeps happening.',
        'invalid_response',
        502,
      );
    }
    const secret = isObject(data) ? text(data.secret) : undefined;
    if (!secret) {
      // Unsigned deliveries could come from anyone who learns the URL: refuse the subscription.
      await deleteSubscription(z, String(id));
      throw new z.errors.Error(
        `Reevo made the webhook subscription without a signing secret, so its deliveries could not be told apart from forged ones. The subscription was removed again and the "${spec.label}" trigger was not turned on; ${useInstead(spec)}.`,
        'unsigned_subscription',
        502,
      );
    }
    const eventTypes =
      isObject(data) && Array.isArray(data.event_types) ? data.event_types.map(String) : body.event_types;
    return { id: String(id), secret, event_types: eventTypes, target_url: targetUrl };
  };
}

/** Deletes this Zap's subscription; one that is already gone (404, or 410 Gone) is fine. */
export async function unsubscribe(z: ZObject, bundle: Bundle): Promise<{ id: string | null; deleted: boolean }> {
  const id = bundle.subscribeData?.id;
  if (id === undefined || id === null || String(id) === '') return { id: null, deleted: false };
  return { id: String(id), deleted: await deleteSubscription(z, String(id)) };
}

// ---------------------------------------------------------------------------------------------
// Signatures

/** The `x-reevo-signature` value Reevo sends for a body at a time (used by tests and tools). */
export function signatureFor(secret: string, rawBody: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

export type SignatureCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'missing' | 'malformed' | 'mismatch' }
  | { readonly ok: false; readonly reason: 'stale'; readonly ageSeconds: number };

/**
 * Checks a delivery's signature: HMAC first (so the timestamp is trusted only when signed), in
 * constant time, against every `v1=` given (a secret being rotated may sign twice); then its age.
 */
export function checkSignature(
  secret: string,
  rawBody: string,
  header: string | undefined,
  nowSeconds: number,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = parts.find(([name]) => name === 't')?.[1];
  const candidates = parts
    .filter(([name, value]) => name === 'v1' && /^[0-9a-f]{64}$/i.test(value ?? ''))
    .map(([, value]) => value);
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || candidates.length === 0) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const matches = candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  if (!matches) return { ok: false, reason: 'mismatch' };
  const ageSeconds = nowSeconds - Number(timestamp);
  if (Math.abs(ageSeconds) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'stale', ageSeconds };
  return { ok: true };
}

/**
 * A delivery that fails verification is REJECTED BY THROWING, not dropped by returning []:
 * nothing of it reaches the Zap either way, but a thrown error shows in the Zap history with what
 * to do. A silent [] would hide a forged delivery, and would make a Zap whose subscription secret
 * no longer matches simply stop triggering, with nothing anywhere to say why.
 */
function rejectDelivery(z: ZObject, check: Exclude<SignatureCheck, { ok: true }>): never {
  if (check.reason === 'stale') {
    const hours = Math.round(Math.abs(check.ageSeconds) / 3600);
    throw new z.errors.Error(
      `Rejected a Reevo webhook delivery signed ${hours} hours ${check.ageSeconds < 0 ? 'in the future' : 'ago'}; deliveries older than ${REPLAY_WINDOW_SECONDS / 3600} hours are refused so a captured delivery cannot be replayed. Nothing was processed. If this happens often, check the clock of the sending system.`,
      'stale_delivery',
      401,
    );
  }
  const why = {
    missing: 'had no signature',
    malformed: 'had an unreadable signature',
    mismatch: 'had a signature that does not match',
  }[check.reason];
  throw new z.errors.Error(
    `Rejected a webhook delivery that ${why} (header ${SIGNATURE_HEADER}): it may not come from Reevo, so nothing was processed. If genuine Reevo events keep being rejected, turn this Zap off and on again to make a new subscription with a new signing secret.`,
    'invalid_signature',
    401,
  );
}

/** Throws unless the delivery is signed with this subscription's secret, recently. */
function verify(z: ZObject, spec: HookSpec, bundle: Bundle, headers: Map<string, string>): void {
  const secret = text((bundle.subscribeData as Partial<SubscribeData> | undefined)?.secret);
  if (!secret) {
    throw new z.errors.Error(
      `This Zap's webhook subscription has no signing secret, so its deliveries cannot be verified and none is accepted. Turn the Zap off and on again to make a new subscription; if that fails, ${useInstead(spec)}.`,
      'unsigned_subscription',
      401,
    );
  }
  const raw = bundle.rawRequest?.content;
  if (typeof raw !== 'string') {
    throw new z.errors.Error(
      'A webhook delivery could not be verified because Zapier passed on no raw body to check its signature against, so nothing was processed.',
      'unverifiable_delivery',
      400,
    );
  }
  const check = checkSignature(secret, raw, headers.get(SIGNATURE_HEADER), Math.floor(Date.now() / 1000));
  if (!check.ok) rejectDelivery(z, check);
}

// ---------------------------------------------------------------------------------------------
// Deliveries

interface Delivery {
  /** Only an id inside the signed body; null when the body has none. */
  readonly eventId: string | null;
  readonly eventType: string;
  readonly occurredAt: string;
  readonly record: Record<string, unknown>;
  /** Undefined when the delivery did not say what changed. */
  readonly changes: Changes | undefined;
}

/** Header names as Zapier passes them (`Http-X-Reevo-Signature`) or as sent (`x-reevo-signature`). */
function headersOf(bundle: Bundle): Map<string, string> {
  const headers = new Map<string, string>();
  const raw = bundle.rawRequest?.headers ?? {};
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    const key = name
      .toLowerCase()
      .replace(/_/g, '-')
      .replace(/^http-/, '');
    headers.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return headers;
}

function unreadable(z: ZObject, what: string): never {
  throw new z.errors.Error(
    `Received a webhook delivery this trigger cannot read (${what}), so nothing was processed. If Reevo keeps sending these, contact Reevo support with the event from the Zap history.`,
    'invalid_payload',
    400,
  );
}

/** The delivery's body: the raw text Zapier passes, which is what was signed. */
function bodyOf(z: ZObject, bundle: Bundle): unknown {
  const content = bundle.rawRequest?.content;
  if (typeof content !== 'string' || content.trim() === '') return unreadable(z, 'the body was empty');
  try {
    return JSON.parse(content);
  } catch {
    return unreadable(z, 'the body was not JSON');
  }
}

const ENVELOPE_KEYS = new Set(['event_id', 'event_type', 'occurred_at', 'changes']);

function changesOf(value: unknown): Changes | undefined {
  if (!isObject(value)) return undefined;
  const changes: Changes = {};
  for (const [field, change] of Object.entries(value)) {
    changes[field] =
      isObject(change) && ('old' in change || 'new' in change)
        ? { old: change.old ?? null, new: change.new }
        : { old: null, new: change };
  }
  return changes;
}

/**
 * One event in any of the shapes the contract lists: enveloped, or the record at the top level.
 * Its id comes from the signed body only: an `x-reevo-event-id` header is not signed, so whoever
 * replays a delivery could set it to anything and slip past the memory of seen events. Without an
 * id in the body, one is derived from what the event is (see toOutput).
 */
function readEvent(z: ZObject, item: unknown, spec: HookSpec): Delivery {
  if (!isObject(item)) return unreadable(z, 'the body was not one JSON object');
  const enveloped = isObject(item.data);
  const record: Record<string, unknown> = enveloped
    ? (item.data as Record<string, unknown>)
    : Object.fromEntries(Object.entries(item).filter(([key]) => !ENVELOPE_KEYS.has(key)));
  const recordId = record.id;
  if (typeof recordId !== 'string' && typeof recordId !== 'number')
    return unreadable(z, 'the event holds no record with an ID');
  const eventType = text(item.event_type) ?? spec.eventType;
  const occurredAt =
    text(item.occurred_at) ??
    eventTimeOf(spec, record) ??
    text(record.updated_at) ??
    text(record.created_at) ??
    new Date().toISOString();
  const eventId = (enveloped ? text(item.id) : undefined) ?? text(item.event_id) ?? null;
  return { eventId, eventType, occurredAt, record, changes: changesOf(item.changes) };
}

/** True the first time an event id is seen by this subscription; a redelivery is false. */
async function firstDelivery(z: ZObject, bundle: Bundle, eventId: string): Promise<boolean> {
  const key = `reevo:webhook-event:${bundle.subscribeData?.id ?? 'no-subscription'}:${eventId}`;
  try {
    if (await z.cache.get(key)) return false;
    // nx: only if not yet set, so two concurrent deliveries of one event cannot both pass.
    return (await z.cache.set(key, true, REPLAY_WINDOW_SECONDS, undefined, true)) !== false;
  } catch (error) {
    // Without Zapier's cache (e.g. a local run) an event is processed rather than lost.
    z.console.log(
      `Could not check whether Reevo event ${eventId} was already processed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return true;
  }
}

export const ONLY_WHEN_CHANGED_KEY = 'only_when_changed';

/**
 * "Only When These Fields Change": true when the Zap asked for none, or the delivery reports one of
 * them changed. A delivery that does not say what changed cannot show it, so it does not pass:
 * a Zap that writes back to its record would otherwise trigger itself forever.
 */
function changedWhatWasAsked(bundle: Bundle, delivery: Delivery): boolean {
  const asked = ([] as unknown[])
    .concat(bundle.inputData?.[ONLY_WHEN_CHANGED_KEY] ?? [])
    .map(String)
    .filter((field) => field.trim() !== '');
  if (asked.length === 0) return true;
  return Object.keys(delivery.changes ?? {}).some((field) => asked.includes(field));
}

/** perform: verifies, reads and filters a delivery, and returns its records. */
export function receive(spec: HookSpec) {
  return async (z: ZObject, bundle: Bundle): Promise<TriggerRecord[]> => {
    verify(z, spec, bundle, headersOf(bundle));
    const delivery = readEvent(z, bodyOf(z, bundle), spec);
    // Each Zap subscribes to its own event type; anything else is not for this trigger.
    if (delivery.eventType !== spec.eventType) return [];
    if (spec.filtersChangedFields && !changedWhatWasAsked(bundle, delivery)) return [];
    const record = toOutput(spec, delivery.record, delivery, delivery.changes);
    if (spec.accepts && !spec.accepts(record, bundle)) return [];
    // The contract allows the same event twice (retries): it triggers the Zap once.
    if (!(await firstDelivery(z, bundle, String(record.event_id)))) return [];
    return [record];
  };
}

// ---------------------------------------------------------------------------------------------
// The Zap editor: samples, and the "only when these fields change" input

/** How many recent records a sample request reads; a filtered trigger keeps those that match. */
export const SAMPLE_PAGE_SIZE = 50;

/**
 * performList: first one cheap request to the webhook API, so a workspace without webhooks (or a
 * key without the permission) hears it at the test step rather than when the Zap is turned on;
 * then real recent records, newest first, shaped as perform shapes a live event, nothing reported
 * as changed except what the event implies.
 */
export function listSamples(spec: HookSpec) {
  return async (z: ZObject, bundle: Bundle): Promise<TriggerRecord[]> => {
    await listSubscriptions(z, spec);
    const { records } = await queryRecords(z, spec.recordType, { limit: SAMPLE_PAGE_SIZE, newestBy: spec.occurredBy });
    const samples = records.map((record) =>
      toOutput(
        spec,
        record,
        {
          eventId: `sample-${String(record.id)}`,
          occurredAt: eventTimeOf(spec, record) ?? text(record.created_at) ?? new Date().toISOString(),
        },
        {},
      ),
    );
    return spec.accepts ? samples.filter((sample) => spec.accepts!(sample, bundle)) : samples;
  };
}

/** The optional "Only When These Fields Change" input of an instant update trigger. */
export function onlyWhenChangedInput(spec: HookSpec): PlainInputField {
  const fields = outputFieldsOf(spec.recordType).filter(
    (field) => !['id', 'created_at', 'updated_at'].includes(field.key),
  );
  return {
    key: ONLY_WHEN_CHANGED_KEY,
    label: 'Only When These Fields Change',
    helpText:
      'Optional: trigger only when Reevo reports that one of these fields changed. Use it when this Zap writes back to the same record, so its own update does not trigger it again. Leave empty to trigger on every update.',
    list: true,
    required: false,
    choices: Object.fromEntries(fields.map((field) => [field.key, field.label])),
  };
}

/** Everything a REST-hook trigger's operation needs, for one trigger. */
export function reevoHook(spec: HookSpec) {
  return {
    perform: receive(spec),
    performList: listSamples(spec),
    performSubscribe: subscribe(spec),
    performUnsubscribe: unsubscribe,
    inputFields: spec.filtersChangedFields ? [onlyWhenChangedInput(spec)] : [],
    outputFields: triggerOutputFields(spec),
    sample: staticSample(spec),
  };
}
