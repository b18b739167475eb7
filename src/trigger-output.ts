import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';
import { customFieldOutputs } from './custom-fields';
import { outputFieldsOf, type OutputField } from './output-fields';
import { toOutputRecord } from './output-records';
import { sampleOf } from './samples';
import { shapeKeys } from './v2';

/**
 * What every trigger returns, instant or polling: one shape per event, so a Zap built on one
 * trigger of a pair ("New Contact" and "New Contact (Instant)") keeps its field mappings on the other.
 *
 * - The record's fields, every key present (an empty value is null).
 * - `event_id`, `event_type` (e.g. `contact.updated`) and `occurred_at`.
 * - `id`: what tells one event of this trigger from another, which is what Zapier deduplicates a
 *   polling trigger on. For a new record, the record's id. For a change (an update, a stage entry),
 *   `<record id>:<time of the change>`, since the same record changes again and again; the record's
 *   own id is then `record_id`.
 * - For changes, `changed_fields` and `changes.<field>.old/new` for every tracked field.
 */

/**
 * [assumed] Reevo's webhook event names (docs/reevo-api.md §4: `opportunity.stage_changed` and
 * `task.created` are this project's own). The instant triggers subscribe to them; every trigger,
 * polling ones included, reports its event under this name in `event_type`.
 */
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

export type Changes = Record<string, { old: unknown; new: unknown }>;

/** The record types the app triggers on. */
export type TriggerRecordType = 'account' | 'contact' | 'opportunity' | 'task';

/** What a trigger returns for one event. */
export type TriggerRecord = Record<string, unknown>;

/** The record timestamp that marks when a trigger's event happened. */
export type EventTime = 'created_at' | 'updated_at' | 'stage_last_shifted_at';

/** One trigger's event, shared by the instant and the polling trigger that report it. */
export interface TriggerEvent {
  readonly recordType: TriggerRecordType;
  readonly eventType: EventType;
  /** `created_at` for new records (the id is the record's); otherwise the event is the record at this time. */
  readonly occurredBy: EventTime;
  /** Updates and stage changes report which fields changed, with old and new values. */
  readonly reportsChanges: boolean;
  /** Keeps only what this Zap asked for (e.g. one stage). */
  readonly accepts?: (record: TriggerRecord, bundle: Bundle) => boolean;
  /** Changes the event implies even when nothing says what changed (a stage change: the stage). */
  readonly impliedChanges?: (record: TriggerRecord) => Changes;
  /** Realistic changes for the trigger's static sample. */
  readonly exampleChanges?: Changes;
}

export interface EventMeta {
  /** Null when Reevo gave none: then one is derived from what the event is. */
  readonly eventId: string | null;
  readonly occurredAt: string;
}

const UNTRACKED = ['id', 'created_at', 'updated_at'];

/** The fields whose change is reported: everything but the record's id and timestamps. */
function trackedFields(type: TriggerRecordType): string[] {
  return shapeKeys(type).filter((key) => !UNTRACKED.includes(key));
}

const safeKey = (key: string) => key.replace(/[^A-Za-z0-9_]/g, '_');
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** When the event happened by the record itself; undefined when the record does not say. */
export function eventTimeOf(event: TriggerEvent, record: Readonly<Record<string, unknown>>): string | undefined {
  return text(record[event.occurredBy]);
}

/** Tells a change of a record from its other changes: the record id and the time of this one. */
const changeId = (recordId: unknown, at: string) => `${String(recordId)}:${at}`;

/**
 * A record (v2, or flat as a delivery brings it) as every trigger returns it. `reported` is what
 * the event said changed; undefined when it did not say, and then the old values are unknown
 * (null). For a field reported unchanged, the old value is the current one.
 */
export function toOutput(
  event: TriggerEvent,
  record: unknown,
  meta: EventMeta,
  reported: Changes | undefined,
): TriggerRecord {
  const shaped: TriggerRecord = toOutputRecord(event.recordType, record);
  const eventId = meta.eventId ?? `${event.eventType}:${String(shaped.id)}:${meta.occurredAt}`;
  const base: TriggerRecord = {
    ...shaped,
    event_id: eventId,
    event_type: event.eventType,
    occurred_at: meta.occurredAt,
  };
  if (event.occurredBy === 'created_at') return base;
  const out: TriggerRecord = {
    ...base,
    id: changeId(shaped.id, eventTimeOf(event, shaped) ?? meta.occurredAt),
    record_id: shaped.id,
  };
  if (!event.reportsChanges) return out;
  const effective: Changes = { ...event.impliedChanges?.(shaped), ...reported };
  const changes: Changes = {};
  const changed: string[] = [];
  for (const field of trackedFields(event.recordType)) {
    const change = effective[field];
    if (change) {
      changed.push(field);
      changes[field] = { old: change.old ?? null, new: change.new === undefined ? shaped[field] : change.new };
    } else {
      changes[field] = { old: reported ? shaped[field] : null, new: shaped[field] };
    }
  }
  for (const [field, change] of Object.entries(effective)) {
    if (field in changes || UNTRACKED.includes(field)) continue;
    changed.push(field);
    changes[safeKey(field)] = { old: change.old ?? null, new: change.new ?? null };
  }
  return { ...out, changed_fields: changed, changes };
}

/** An event id as Reevo might send one, for static samples. */
const SAMPLE_EVENT_ID = '0c5e8b3a-7f21-4d96-b4a8-2e9f6d1c7b50';

/** The trigger's static sample: the catalog's sample record as its event would bring it. */
export function staticSample(event: TriggerEvent): TriggerRecord {
  const record = sampleOf(event.recordType);
  const occurredAt = eventTimeOf(event, record) ?? String(record.created_at);
  return toOutput(
    event,
    record,
    { eventId: SAMPLE_EVENT_ID, occurredAt },
    event.reportsChanges ? (event.exampleChanges ?? {}) : undefined,
  );
}

const NOUN: Record<TriggerRecordType, string> = {
  account: 'Account',
  contact: 'Contact',
  opportunity: 'Opportunity',
  task: 'Task',
};

/** Labelled output fields: the record's, the event's and, for changes, each field's old and new value. */
export function triggerOutputFields(
  event: TriggerEvent,
): Array<OutputField | ((z: ZObject, bundle: Bundle) => Promise<PlainOutputField[]>)> {
  const recordFields = outputFieldsOf(event.recordType);
  const noun = NOUN[event.recordType];
  const ids: OutputField[] =
    event.occurredBy === 'created_at'
      ? []
      : [
          { key: 'id', label: event.occurredBy === 'updated_at' ? `${noun} Update ID` : 'Stage Entry ID' },
          { key: 'record_id', label: `${noun} ID` },
        ];
  const record = ids.length ? recordFields.filter((field) => field.key !== 'id') : recordFields;
  const meta: OutputField[] = [
    { key: 'event_id', label: 'Event ID' },
    { key: 'event_type', label: 'Event Type' },
    { key: 'occurred_at', label: 'Occurred At', type: 'datetime' },
  ];
  const changes: OutputField[] = [];
  if (event.reportsChanges) {
    changes.push({ key: 'changed_fields', label: 'Changed Fields', list: true });
    const tracked = trackedFields(event.recordType);
    for (const field of recordFields) {
      if (!tracked.includes(field.key)) continue;
      const { key, label, ...kind } = field;
      changes.push(
        { key: `changes__${key}__old`, label: `Old ${label}`, ...kind },
        { key: `changes__${key}__new`, label: `New ${label}`, ...kind },
      );
    }
  }
  const custom =
    event.recordType === 'task'
      ? []
      : [customFieldOutputs({ recordType: event.recordType, inputKey: 'custom_fields', mode: 'update' })];
  return [...ids, ...record, ...meta, ...changes, ...custom];
}
