import { createHmac } from 'node:crypto';
import type { Bundle } from 'zapier-platform-core';
import { bundleWith } from '../helpers/zapier';
import * as new_account from '../../triggers/new_account';
import * as new_contact from '../../triggers/new_contact';
import * as new_opportunity from '../../triggers/new_opportunity';
import * as new_task from '../../triggers/new_task';
import * as opportunity_stage_changed from '../../triggers/opportunity_stage_changed';
import * as updated_account from '../../triggers/updated_account';
import * as updated_contact from '../../triggers/updated_contact';
import * as updated_opportunity from '../../triggers/updated_opportunity';
import * as new_account_poll from '../../triggers/new_account_poll';
import * as new_contact_poll from '../../triggers/new_contact_poll';
import * as new_opportunity_poll from '../../triggers/new_opportunity_poll';
import * as new_task_poll from '../../triggers/new_task_poll';
import * as opportunity_entered_stage_poll from '../../triggers/opportunity_entered_stage_poll';
import * as updated_account_poll from '../../triggers/updated_account_poll';
import * as updated_contact_poll from '../../triggers/updated_contact_poll';
import * as updated_opportunity_poll from '../../triggers/updated_opportunity_poll';
import { sampleAccount, sampleContact, sampleOpportunity, sampleTask } from '../../src/samples';

/** A signing secret as Reevo would return it with a subscription. */
export const SECRET = 'whsec_test_2f9d81c4b7e6a5d3_not_real';

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Signs like contract §4 says Reevo does, written out here rather than taken from src/webhooks.ts. */
export function sign(secret: string, rawBody: string, t = nowSeconds()): string {
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`;
}

export interface DeliveryOptions {
  /** Sign with this secret (default SECRET); null sends no signature header. */
  secret?: string | null;
  /** Signature timestamp, unix seconds. */
  t?: number;
  /** Header names as Zapier hands them to perform (`Http-X-Reevo-Signature`) or as sent. */
  headerStyle?: 'zapier' | 'plain';
  eventIdHeader?: string;
  /** Overrides the signature header. */
  signature?: string;
}

/** The parts of a bundle Zapier fills for a hook delivery: the raw request and the parsed body. */
export function delivery(body: unknown, options: DeliveryOptions = {}): Pick<Bundle, 'rawRequest' | 'cleanedRequest'> {
  const content = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const secret = options.secret === undefined ? SECRET : options.secret;
  if (options.signature !== undefined) headers['x-reevo-signature'] = options.signature;
  else if (secret !== null) headers['x-reevo-signature'] = sign(secret, content, options.t);
  if (options.eventIdHeader) headers['x-reevo-event-id'] = options.eventIdHeader;
  const named =
    (options.headerStyle ?? 'zapier') === 'zapier'
      ? Object.fromEntries(
          Object.entries(headers).map(([name, value]) => [
            `Http-${name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())}`,
            value,
          ]),
        )
      : headers;
  let cleaned: unknown;
  try {
    cleaned = JSON.parse(content);
  } catch {
    cleaned = {};
  }
  return { rawRequest: { method: 'POST', querystring: '', headers: named, content }, cleanedRequest: cleaned };
}

/** A bundle for perform: the subscription Zapier kept, the trigger's input, the delivery. */
export function hookBundle(
  body: unknown,
  options: DeliveryOptions & {
    subscribeData?: Record<string, unknown> | null;
    inputData?: Record<string, unknown>;
  } = {},
): Partial<Bundle> {
  const subscribeData =
    options.subscribeData === null
      ? undefined
      : (options.subscribeData ?? { id: 'f1c7e9a3-5d2b-4e8f-9a6c-4d0b8e2f7a95', secret: SECRET });
  return bundleWith(options.inputData ?? {}, {
    ...(subscribeData ? { subscribeData: subscribeData as Bundle['subscribeData'] } : {}),
    ...delivery(body, options),
  });
}

let counter = 0;
/** A fresh event id per call, so the event-id memory of one test never hides another's event. */
export const eventId = () => `evt-${process.pid}-${Date.now()}-${++counter}`;

type Envelope = { readonly value_type: string; readonly value: unknown };

/** A value envelope of Reevo's v2 (docs/reevo-api.md §3.1). */
export const envelope = (value_type: string, value: unknown): Envelope => ({ value_type, value });

/** A v2 record as contract §3 shapes it: attributes `{value_type, value}`, custom fields as attributes. */
export function v2Record(type: string, record: Record<string, unknown>): Record<string, unknown> {
  const attributes: Record<string, { value_type: string; value: unknown }> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id') continue;
    if (key === 'custom_fields') {
      for (const [name, custom] of Object.entries(value as Record<string, unknown>))
        attributes[name] = { value_type: 'string', value: custom };
      continue;
    }
    attributes[key] = { value_type: typeof value === 'number' ? 'number' : 'string', value };
  }
  const created = record.created_at as string;
  return {
    id: record.id,
    record_type: type,
    attributes,
    created_at: created,
    updated_at: (record.updated_at as string | undefined) ?? created,
  };
}

type Attributes = Record<string, Envelope | Envelope[] | null | undefined>;

/** A v2 record as Reevo's pages show it: its id and timestamps, and attributes as value envelopes. */
export function publishedRecord(
  type: string,
  record: { id: string; created_at: string; updated_at?: string },
  attributes: Attributes = {},
): Record<string, unknown> {
  return {
    id: record.id,
    record_type: type,
    created_at: record.created_at,
    updated_at: record.updated_at ?? record.created_at,
    attributes,
  };
}

/** An opportunity_stage envelope: Reevo's stage object, read as its display value. */
export const stageEnvelope = (displayValue: string) =>
  envelope('opportunity_stage', {
    id: 'b5e2c8f1-9a4d-4b7e-8c3f-6d1a0e9b2c47',
    api_name: displayValue.toLowerCase().replace(/ /g, '_'),
    display_value: displayValue,
    color: '#4f46e5',
    closing_probability: 60,
    expected_days: 14,
  });

/**
 * The key paths of an output as Zapier flattens it (`changes__amount__old`), without descending
 * into custom fields (their names are the workspace's) or lists.
 */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>)
    .flatMap(([key, child]) => {
      const path = prefix ? `${prefix}__${key}` : key;
      const opaque = key === 'custom_fields' || !child || typeof child !== 'object' || Array.isArray(child);
      return opaque ? [path] : [path, ...keyPaths(child, path)];
    })
    .sort();
}

type HookModule = Pick<typeof new_account, 'perform' | 'performList' | 'performSubscribe' | 'performUnsubscribe'>;
type PollModule = Pick<typeof new_account_poll, 'perform'>;

export type EventTime = 'created_at' | 'updated_at' | 'stage_last_shifted_at';

export interface HookCase {
  readonly key: string;
  readonly label: string;
  readonly trigger: HookModule;
  readonly event: string;
  readonly recordType: 'account' | 'contact' | 'opportunity' | 'task';
  readonly record: Record<string, unknown>;
  readonly reportsChanges: boolean;
  /** The record timestamp that marks the event: for created_at the id is the record's, otherwise `<id>:<time>`. */
  readonly occurredBy: EventTime;
  /** The polling trigger reporting the same event. */
  readonly twin: { readonly key: string; readonly label: string; readonly trigger: PollModule };
}

const hook = (
  key: string,
  trigger: HookModule,
  event: string,
  recordType: HookCase['recordType'],
  record: Record<string, unknown>,
  occurredBy: EventTime,
  twin: HookCase['twin'],
): HookCase => ({
  key,
  label: `${twin.label} (Instant)`,
  trigger,
  event,
  recordType,
  record,
  reportsChanges: event.endsWith('updated') || event.endsWith('stage_changed'),
  occurredBy,
  twin,
});

/** Every instant trigger, with the event it subscribes to, a record of its kind and its polling twin. */
export const HOOKS: readonly HookCase[] = [
  hook('new_account', new_account, 'account.created', 'account', sampleAccount, 'created_at', {
    key: 'new_account_poll',
    label: 'New Account',
    trigger: new_account_poll,
  }),
  hook('updated_account', updated_account, 'account.updated', 'account', sampleAccount, 'updated_at', {
    key: 'updated_account_poll',
    label: 'Updated Account',
    trigger: updated_account_poll,
  }),
  hook('new_contact', new_contact, 'contact.created', 'contact', sampleContact, 'created_at', {
    key: 'new_contact_poll',
    label: 'New Contact',
    trigger: new_contact_poll,
  }),
  hook('updated_contact', updated_contact, 'contact.updated', 'contact', sampleContact, 'updated_at', {
    key: 'updated_contact_poll',
    label: 'Updated Contact',
    trigger: updated_contact_poll,
  }),
  hook('new_opportunity', new_opportunity, 'opportunity.created', 'opportunity', sampleOpportunity, 'created_at', {
    key: 'new_opportunity_poll',
    label: 'New Opportunity',
    trigger: new_opportunity_poll,
  }),
  hook(
    'updated_opportunity',
    updated_opportunity,
    'opportunity.updated',
    'opportunity',
    sampleOpportunity,
    'updated_at',
    {
      key: 'updated_opportunity_poll',
      label: 'Updated Opportunity',
      trigger: updated_opportunity_poll,
    },
  ),
  hook(
    'opportunity_stage_changed',
    opportunity_stage_changed,
    'opportunity.stage_changed',
    'opportunity',
    sampleOpportunity,
    'stage_last_shifted_at',
    {
      key: 'opportunity_entered_stage_poll',
      label: 'Opportunity Entered Stage',
      trigger: opportunity_entered_stage_poll,
    },
  ),
  hook('new_task', new_task, 'task.created', 'task', sampleTask, 'created_at', {
    key: 'new_task_poll',
    label: 'New Task',
    trigger: new_task_poll,
  }),
];

/** The id a trigger gives an event of a record: the record's own for new records, else `<id>:<time of the event>`. */
export function expectedId(occurredBy: EventTime, record: Record<string, unknown>, fallbackTime?: string): string {
  if (occurredBy === 'created_at') return String(record.id);
  return `${String(record.id)}:${String(record[occurredBy] ?? fallbackTime)}`;
}
