import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import { send } from './client';
import { customFieldOutputs } from './custom-fields';
import { V1, type Permission } from './endpoints';
import {
  accountOutputFields,
  contactOutputFields,
  opportunityOutputFields,
  taskOutputFields,
  type OutputField,
} from './output-fields';
import { sampleAccount, sampleContact, sampleOpportunity, sampleTask } from './samples';
import { inV1Shape, queryRecords, shapeKeys, type V1Record, type V2RecordType } from './v2';

/**
 * Reevo webhooks as Zapier REST hooks: the one module that knows the webhook contract.
 *
 * [assumed] Reevo publishes the Webhooks key permission but not its webhook API (contract §4).
 * Everything below that rests on that assumption lives in this file, so a workspace whose
 * webhook API differs is a one-file change (see triggers/README.md):
 * - subscriptions: `POST {WEBHOOKS_PATH}` `{target_url, event_types, description}` → `{id, secret, …}`,
 *   `DELETE {WEBHOOKS_PATH}/{id}` (404 when already gone);
 * - event type names (EVENT_TYPES);
 * - deliveries: `{id, event_type, occurred_at, data: <record>, changes: {field: {old, new}}}`, or
 *   the record at the top level with the event id in the `x-reevo-event-id` header;
 * - signatures: `x-reevo-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 *   keyed by the subscription's secret.
 */

export const WEBHOOKS_PATH = `${V1}/webhooks`;

export const EVENT_TYPES = [
  'account.created',
  'account.updated',
  'contact.created',
  'contact.updated',
  'opportunity.created',
  'opportunity.updated',
  'opportunity.stage_changed',
  'task.created',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const SIGNATURE_HEADER = 'x-reevo-signature';
export const EVENT_ID_HEADER = 'x-reevo-event-id';

/**
 * How far a delivery's signed timestamp may be from now. Long enough for Zapier's queue on a
 * slow day (a delivery rejected here is lost: Reevo already got its 2xx), short enough that a
 * captured delivery cannot be replayed later; within it, replays are caught by the event id.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 15 * 60;

/** How long a processed event id is remembered, so a redelivery does not trigger the Zap twice. */
export const SEEN_EVENT_TTL_SECONDS = 24 * 60 * 60;

const WEBHOOK_PERMISSIONS: readonly Permission[] = ['Webhooks (write)'];

/** What performSubscribe returns and Zapier hands back as `bundle.subscribeData`. */
export interface SubscribeData {
  readonly id: string;
  /** Signs deliveries; without one (an API that does not sign), deliveries are not verified. */
  readonly secret?: string;
  readonly event_types: readonly string[];
  readonly target_url: string;
}

export type Changes = Record<string, { old: unknown; new: unknown }>;

/** One instant trigger: the record it reports and the event that fires it. */
export interface HookSpec {
  readonly recordType: V2RecordType;
  readonly eventType: EventType;
  /** The trigger's label, which names the subscription in Reevo. */
  readonly label: string;
  /** Updates and stage changes report which fields changed, with old and new values. */
  readonly reportsChanges: boolean;
  /** The timestamp that makes a record recent, for samples. */
  readonly newestBy: 'created_at' | 'updated_at';
  /** Keeps only what this Zap asked for (e.g. one stage); applied to deliveries and samples alike. */
  readonly accepts?: (record: V1Record, bundle: Bundle) => boolean;
  /** Changes the event implies even when a delivery leaves `changes` out (a stage change: the stage). */
  readonly impliedChanges?: (record: V1Record) => Changes;
  /** Realistic changes for the trigger's static sample. */
  readonly exampleChanges?: Changes;
}

const isObject = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

// ---------------------------------------------------------------------------------------------
// Subscriptions

/** Creates this Zap's subscription at Zapier's target URL; keeps its id and signing secret. */
export function subscribe(spec: HookSpec) {
  return async (z: ZObject, bundle: Bundle): Promise<SubscribeData> => {
    const targetUrl = bundle.targetUrl;
    if (!targetUrl) {
      throw new z.errors.Error('Zapier gave no URL to send Reevo events to, so no subscription was made. Turn the Zap off and on again.', 'missing_target_url', 400);
    }
    const zapId = bundle.meta?.zap?.id;
    const body = {
      target_url: targetUrl,
      event_types: [spec.eventType],
      description: `Zapier: ${spec.label} trigger${zapId ? ` of Zap ${zapId}` : ''}`,
    };
    const { data } = await send<unknown>(
      z,
      { method: 'POST', path: WEBHOOKS_PATH, query: {}, body },
      { noun: 'webhook subscription', permissions: WEBHOOK_PERMISSIONS },
    );
    const id = isObject(data) ? data.id : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw new z.errors.Error(
        'Reevo accepted the webhook subscription but did not say its ID, so this Zap could not turn it off later. Nothing was turned on; try again, and contact Reevo support if it keeps happening.',
        'invalid_response',
        502,
      );
    }
    const secret = isObject(data) ? text(data.secret) : undefined;
    const eventTypes = isObject(data) && Array.isArray(data.event_types) ? data.event_types.map(String) : body.event_types;
    return { id: String(id), ...(secret ? { secret } : {}), event_types: eventTypes, target_url: targetUrl };
  };
}

/** Deletes this Zap's subscription; one that is already gone (404, or 410 Gone) is fine. */
export async function unsubscribe(z: ZObject, bundle: Bundle): Promise<{ id: string | null; deleted: boolean }> {
  const id = bundle.subscribeData?.id;
  if (id === undefined || id === null || String(id) === '') return { id: null, deleted: false };
  const { status } = await send(
    z,
    { method: 'DELETE', path: `${WEBHOOKS_PATH}/${encodeURIComponent(String(id))}`, query: {} },
    { noun: 'webhook subscription', id: String(id), permissions: WEBHOOK_PERMISSIONS, passStatuses: [404, 410] },
  );
  return { id: String(id), deleted: status !== 404 && status !== 410 };
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
export function checkSignature(secret: string, rawBody: string, header: string | undefined, nowSeconds: number): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = parts.find(([name]) => name === 't')?.[1];
  const candidates = parts.filter(([name, value]) => name === 'v1' && /^[0-9a-f]{64}$/i.test(value ?? '')).map(([, value]) => value);
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || candidates.length === 0) return { ok: false, reason: 'malformed' };
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const matches = candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  if (!matches) return { ok: false, reason: 'mismatch' };
  const ageSeconds = nowSeconds - Number(timestamp);
  if (Math.abs(ageSeconds) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale', ageSeconds };
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
    const minutes = Math.round(Math.abs(check.ageSeconds) / 60);
    throw new z.errors.Error(
      `Rejected a Reevo webhook delivery signed ${minutes} minutes ${check.ageSeconds < 0 ? 'in the future' : 'ago'}; deliveries older than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes are refused so a captured delivery cannot be replayed. Nothing was processed. If this happens often, check the clock of the sending system.`,
      'stale_delivery',
      401,
    );
  }
  const why = { missing: 'had no signature', malformed: 'had an unreadable signature', mismatch: 'had a signature that does not match' }[check.reason];
  throw new z.errors.Error(
    `Rejected a webhook delivery that ${why} (header ${SIGNATURE_HEADER}): it may not come from Reevo, so nothing was processed. If genuine Reevo events keep being rejected, turn this Zap off and on again to make a new subscription with a new signing secret.`,
    'invalid_signature',
    401,
  );
}

// ---------------------------------------------------------------------------------------------
// Deliveries

interface Delivery {
  readonly eventId: string;
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
    const key = name.toLowerCase().replace(/_/g, '-').replace(/^http-/, '');
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

/** The delivery's body: the raw text when Zapier passes it (what was signed), else the parsed body. */
function bodyOf(z: ZObject, bundle: Bundle): unknown {
  const content = bundle.rawRequest?.content;
  if (typeof content === 'string' && content.trim() !== '') {
    try {
      return JSON.parse(content);
    } catch {
      return unreadable(z, 'the body was not JSON');
    }
  }
  const cleaned: unknown = bundle.cleanedRequest;
  if (typeof cleaned === 'string') {
    try {
      return JSON.parse(cleaned);
    } catch {
      return unreadable(z, 'the body was not JSON');
    }
  }
  if (cleaned === undefined || cleaned === null || (isObject(cleaned) && Object.keys(cleaned).length === 0)) {
    return unreadable(z, 'the body was empty');
  }
  return cleaned;
}

const ENVELOPE_KEYS = new Set(['event_id', 'event_type', 'occurred_at', 'changes']);

function changesOf(value: unknown): Changes | undefined {
  if (!isObject(value)) return undefined;
  const changes: Changes = {};
  for (const [field, change] of Object.entries(value)) {
    changes[field] = isObject(change) && ('old' in change || 'new' in change)
      ? { old: change.old ?? null, new: change.new }
      : { old: null, new: change };
  }
  return changes;
}

/** One event in any of the shapes the contract lists: enveloped, or the record at the top level. */
function readEvent(z: ZObject, item: unknown, headers: Map<string, string>, spec: HookSpec): Delivery {
  if (!isObject(item)) return unreadable(z, 'the body was not one JSON object');
  const enveloped = isObject(item.data);
  const record: Record<string, unknown> = enveloped
    ? (item.data as Record<string, unknown>)
    : Object.fromEntries(Object.entries(item).filter(([key]) => !ENVELOPE_KEYS.has(key)));
  const recordId = record.id;
  if (typeof recordId !== 'string' && typeof recordId !== 'number') return unreadable(z, 'the event holds no record with an ID');
  const headerId = text(headers.get(EVENT_ID_HEADER));
  const eventType = text(item.event_type) ?? spec.eventType;
  const occurredAt = text(item.occurred_at) ?? text(record.updated_at) ?? text(record.created_at) ?? new Date().toISOString();
  // Without an event id, one derived from what the event is still spots the same event sent twice.
  const eventId = (enveloped ? text(item.id) : undefined) ?? text(item.event_id) ?? headerId ?? `${eventType}:${String(recordId)}:${occurredAt}`;
  return { eventId, eventType, occurredAt, record, changes: changesOf(item.changes) };
}

/** True the first time an event id is seen by this subscription; a redelivery is false. */
async function firstDelivery(z: ZObject, bundle: Bundle, eventId: string): Promise<boolean> {
  const key = `reevo:webhook-event:${bundle.subscribeData?.id ?? 'no-subscription'}:${eventId}`;
  try {
    if (await z.cache.get(key)) return false;
    // nx: only if not yet set, so two concurrent deliveries of one event cannot both pass.
    return (await z.cache.set(key, true, SEEN_EVENT_TTL_SECONDS, undefined, true)) !== false;
  } catch (error) {
    // Without Zapier's cache (e.g. a local run) an event is processed rather than lost.
    z.console.log(`Could not check whether Reevo event ${eventId} was already processed: ${error instanceof Error ? error.message : String(error)}`);
    return true;
  }
}

/** perform: verifies, reads and filters a delivery, and returns its records. */
export function receive(spec: HookSpec) {
  return async (z: ZObject, bundle: Bundle): Promise<V1Record[]> => {
    const headers = headersOf(bundle);
    const secret = text((bundle.subscribeData as Partial<SubscribeData> | undefined)?.secret);
    if (secret) {
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
    const delivery = readEvent(z, bodyOf(z, bundle), headers, spec);
    // Each Zap subscribes to its own event type; anything else is not for this trigger.
    if (delivery.eventType !== spec.eventType) return [];
    const record = toOutput(spec, delivery.record, delivery, delivery.changes);
    if (spec.accepts && !spec.accepts(record, bundle)) return [];
    // The contract allows the same event twice (retries): it triggers the Zap once.
    if (!(await firstDelivery(z, bundle, delivery.eventId))) return [];
    return [record];
  };
}

// ---------------------------------------------------------------------------------------------
// Output: the same shape from deliveries, from listed samples and in the static sample

/** The fields whose change is reported: everything but the record's id and timestamps. */
function trackedFields(type: V2RecordType): string[] {
  return shapeKeys(type).filter((key) => !['id', 'created_at', 'updated_at'].includes(key));
}

const safeKey = (key: string) => key.replace(/[^A-Za-z0-9_]/g, '_');

interface EventMeta {
  readonly eventId: string;
  readonly eventType: string;
  readonly occurredAt: string;
}

/**
 * A record as every trigger returns it: the record in its v1 shape, the event's metadata, and for
 * updates `changed_fields` plus `changes.<field>.old/new` for EVERY tracked field, so the keys are
 * the same whatever changed. `old` is the value before the event: the reported old value for a
 * changed field, the current value for a field Reevo reported unchanged, null when Reevo did not
 * say what changed.
 */
function toOutput(spec: HookSpec, record: Readonly<Record<string, unknown>>, meta: EventMeta, reported: Changes | undefined): V1Record {
  const shaped = inV1Shape(spec.recordType, record);
  const out: V1Record = { ...shaped, event_id: meta.eventId, event_type: meta.eventType, occurred_at: meta.occurredAt };
  if (!spec.reportsChanges) return out;
  const effective: Changes = { ...spec.impliedChanges?.(shaped), ...reported };
  const changes: Changes = {};
  const changed: string[] = [];
  for (const field of trackedFields(spec.recordType)) {
    const change = effective[field];
    if (change) {
      changed.push(field);
      changes[field] = { old: change.old ?? null, new: change.new === undefined ? shaped[field] : change.new };
    } else {
      changes[field] = { old: reported ? shaped[field] : null, new: shaped[field] };
    }
  }
  for (const [field, change] of Object.entries(effective)) {
    if (field in changes || ['id', 'created_at', 'updated_at'].includes(field)) continue;
    changed.push(field);
    changes[safeKey(field)] = { old: change.old ?? null, new: change.new ?? null };
  }
  return { ...out, changed_fields: changed, changes };
}

/** How many recent records a sample request reads; a filtered trigger keeps those that match. */
export const SAMPLE_PAGE_SIZE = 50;

/**
 * performList: real recent records, newest first, in exactly the shape perform returns, with the
 * event metadata a live event would carry (`event_id` "sample-<record id>", the trigger's event
 * type, the record's timestamp) and, for updates, nothing reported as changed except what the
 * event implies.
 */
export function listSamples(spec: HookSpec) {
  return async (z: ZObject, bundle: Bundle): Promise<V1Record[]> => {
    const { records } = await queryRecords(z, spec.recordType, { limit: SAMPLE_PAGE_SIZE, newestBy: spec.newestBy });
    const samples = records.map((record) => toOutput(spec, record, sampleMeta(spec, record, `sample-${String(record.id)}`), {}));
    return spec.accepts ? samples.filter((sample) => spec.accepts!(sample, bundle)) : samples;
  };
}

function sampleMeta(spec: HookSpec, record: Readonly<Record<string, unknown>>, eventId: string): EventMeta {
  const occurredAt = text(record[spec.newestBy]) ?? text(record.created_at) ?? new Date().toISOString();
  return { eventId, eventType: spec.eventType, occurredAt };
}

const SAMPLE_RECORDS: Record<V2RecordType, Readonly<Record<string, unknown>>> = {
  account: sampleAccount,
  contact: sampleContact,
  opportunity: sampleOpportunity,
  task: sampleTask,
};

/** An event id as Reevo might send one, for static samples. */
const SAMPLE_EVENT_ID = '0c5e8b3a-7f21-4d96-b4a8-2e9f6d1c7b50';

/** The trigger's static sample: the sample record of src/samples.ts as a live event would bring it. */
export function staticSample(spec: HookSpec): V1Record {
  const record = SAMPLE_RECORDS[spec.recordType];
  return toOutput(spec, record, sampleMeta(spec, record, SAMPLE_EVENT_ID), spec.reportsChanges ? spec.exampleChanges ?? {} : undefined);
}

const RECORD_OUTPUT_FIELDS: Record<V2RecordType, readonly OutputField[]> = {
  account: accountOutputFields,
  contact: contactOutputFields,
  opportunity: opportunityOutputFields,
  task: taskOutputFields,
};

/** Labelled output fields: the record's, the event's and, for updates, each field's old and new value. */
export function hookOutputFields(spec: HookSpec): Array<OutputField | ((z: ZObject, bundle: Bundle) => Promise<PlainOutputField[]>)> {
  const recordFields = RECORD_OUTPUT_FIELDS[spec.recordType];
  const event: OutputField[] = [
    { key: 'event_id', label: 'Event ID' },
    { key: 'event_type', label: 'Event Type' },
    { key: 'occurred_at', label: 'Occurred At', type: 'datetime' },
  ];
  const changes: OutputField[] = [];
  if (spec.reportsChanges) {
    changes.push({ key: 'changed_fields', label: 'Changed Fields', list: true });
    for (const field of recordFields) {
      if (!trackedFields(spec.recordType).includes(field.key)) continue;
      const { key, label, ...kind } = field;
      changes.push({ key: `changes__${key}__old`, label: `Old ${label}`, ...kind }, { key: `changes__${key}__new`, label: `New ${label}`, ...kind });
    }
  }
  const custom = spec.recordType === 'task' ? [] : [customFieldOutputs({ recordType: spec.recordType, inputKey: 'custom_fields', mode: 'update' })];
  return [...recordFields, ...event, ...changes, ...custom];
}

/** Everything a REST-hook trigger's operation needs, for one trigger. */
export function reevoHook(spec: HookSpec) {
  return {
    perform: receive(spec),
    performList: listSamples(spec),
    performSubscribe: subscribe(spec),
    performUnsubscribe: unsubscribe,
    outputFields: hookOutputFields(spec),
    sample: staticSample(spec),
  };
}
