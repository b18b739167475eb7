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
  const named = (options.headerStyle ?? 'zapier') === 'zapier'
    ? Object.fromEntries(Object.entries(headers).map(([name, value]) => [`Http-${name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())}`, value]))
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
  options: DeliveryOptions & { subscribeData?: Record<string, unknown> | null; inputData?: Record<string, unknown> } = {},
): Partial<Bundle> {
  const subscribeData =
    options.subscribeData === null ? undefined : options.subscribeData ?? { id: 'f1c7e9a3-5d2b-4e8f-9a6c-4d0b8e2f7a95', secret: SECRET };
  return bundleWith(options.inputData ?? {}, {
    ...(subscribeData ? { subscribeData: subscribeData as Bundle['subscribeData'] } : {}),
    ...delivery(body, options),
  });
}

let counter = 0;
/** A fresh event id per call, so the event-id memory of one test never hides another's event. */
export const eventId = () => `evt-${process.pid}-${Date.now()}-${++counter}`;

/** A v2 record as contract §3 shapes it: attributes `{value_type, value}`, custom fields as attributes. */
export function v2Record(type: string, record: Record<string, unknown>): Record<string, unknown> {
  const attributes: Record<string, { value_type: string; value: unknown }> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id') continue;
    if (key === 'custom_fields') {
      for (const [name, custom] of Object.entries(value as Record<string, unknown>)) attributes[name] = { value_type: 'string', value: custom };
      continue;
    }
    attributes[key] = { value_type: typeof value === 'number' ? 'number' : 'string', value };
  }
  const created = record.created_at as string;
  return { id: record.id, record_type: type, attributes, created_at: created, updated_at: (record.updated_at as string | undefined) ?? created };
}

/**
 * The key paths of an output as Zapier flattens it (`changes__amount__old`), without descending
 * into custom fields (their names are the workspace's) or lists.
 */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}__${key}` : key;
    const opaque = key === 'custom_fields' || !child || typeof child !== 'object' || Array.isArray(child);
    return opaque ? [path] : [path, ...keyPaths(child, path)];
  }).sort();
}


type HookModule = Pick<typeof new_account, 'perform' | 'performList' | 'performSubscribe' | 'performUnsubscribe'>;

export interface HookCase {
  readonly key: string;
  readonly trigger: HookModule;
  readonly event: string;
  readonly recordType: 'account' | 'contact' | 'opportunity' | 'task';
  readonly record: Record<string, unknown>;
  readonly reportsChanges: boolean;
}

/** Every instant trigger, with the event it subscribes to and a record of its kind. */
export const HOOKS: readonly HookCase[] = [
  { key: 'new_account', trigger: new_account, event: 'account.created', recordType: 'account', record: sampleAccount, reportsChanges: false },
  { key: 'updated_account', trigger: updated_account, event: 'account.updated', recordType: 'account', record: sampleAccount, reportsChanges: true },
  { key: 'new_contact', trigger: new_contact, event: 'contact.created', recordType: 'contact', record: sampleContact, reportsChanges: false },
  { key: 'updated_contact', trigger: updated_contact, event: 'contact.updated', recordType: 'contact', record: sampleContact, reportsChanges: true },
  { key: 'new_opportunity', trigger: new_opportunity, event: 'opportunity.created', recordType: 'opportunity', record: sampleOpportunity, reportsChanges: false },
  { key: 'updated_opportunity', trigger: updated_opportunity, event: 'opportunity.updated', recordType: 'opportunity', record: sampleOpportunity, reportsChanges: true },
  { key: 'opportunity_stage_changed', trigger: opportunity_stage_changed, event: 'opportunity.stage_changed', recordType: 'opportunity', record: sampleOpportunity, reportsChanges: true },
  { key: 'new_task', trigger: new_task, event: 'task.created', recordType: 'task', record: sampleTask, reportsChanges: false },
];
