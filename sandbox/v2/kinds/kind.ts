/**
 * What a v2 record type is to the sandbox (RecordKind), and the builders its attribute lists are
 * written with: a v1 key under a v2 name (`field`), a v2-only value kept beside the v1 record
 * (`extra`), owners kept as emails by v1 (`ownerFromEmail`), stages written by name.
 */
import type { CustomFieldRecordType } from '../../records';
import type { Workspace } from '../../store';
import type { WebhookEventType } from '../../contract';
import type { Attribute, AttributeSpec, ValueType } from '../attributes';
import { v2Error } from '../errors';
import { extraAttribute, setExtraAttribute } from '../extras';
import type { ReferenceTarget } from '../references';
import { namesStage, type StageValue } from '../stages';

export const V2_RECORD_TYPES = ['account', 'contact', 'opportunity', 'task', 'note'] as const;
export type V2RecordType = (typeof V2_RECORD_TYPES)[number];

export interface StoredRecord {
  id: string;
  created_at: string;
}

export interface RelationshipSpec {
  api_name: string;
  display_name: string;
  related_object_api_name: string;
  is_creatable: boolean;
  is_updatable: boolean;
  description: string;
  related_object_relationship_api_name: string;
  junction_object_api_name: string | null;
  is_custom: boolean;
  is_array: boolean;
}

export interface RecordKind<R extends StoredRecord> {
  type: V2RecordType;
  display_name: string;
  description: string;
  /** Whose custom field definitions become attributes; null when the type has none. */
  customFields: CustomFieldRecordType | null;
  relationships: readonly RelationshipSpec[];
  attributes: readonly Attribute<R>[];
  /** Names a write may use for an attribute besides its api_name. */
  aliases?: Readonly<Record<string, string>>;
  list(ws: Workspace): Iterable<R>;
  find(ws: Workspace, id: string): R | undefined;
  /** A new record with only its id and timestamps; the write fills it, then `insert` stores it. */
  blank(ws: Workspace, id: string, now: string): R;
  insert(ws: Workspace, record: R): void;
  remove(ws: Workspace, record: R): void;
  updatedAt(ws: Workspace, record: R): string;
  touch(ws: Workspace, record: R, now: string): void;
  /** Rules across attributes, run on the values about to be written, before any is. */
  check?(ws: Workspace, record: R | undefined, values: ReadonlyMap<string, unknown>): void;
  /** Webhook events (contract §4) a v2 write fires; the payload is the v1 record. */
  events?: { created?: WebhookEventType; updated?: WebhookEventType; stageChanged?: WebhookEventType };
}

interface Flags {
  /** creatable */
  c?: boolean;
  /** updatable */
  u?: boolean;
  required?: boolean;
  /** False when PATCH may not clear it with null (enums and flags that always have a value). */
  nullable?: boolean;
  unique?: boolean;
  array?: boolean;
  target?: ReferenceTarget;
  options?: readonly string[];
  resolve?: AttributeSpec['resolve'];
  display?: string;
}

export const RW: Flags = { c: true, u: true };
/** Written on create and PATCH, never cleared. */
export const SET: Flags = { ...RW, nullable: false };

function titleCase(apiName: string): string {
  const words = apiName
    .replace(/_id$/, '')
    .replace(/_id_list$/, 's')
    .split('_');
  return words
    .map((w) => ({ url: 'URL', x: 'X', html: 'HTML', sms: 'SMS' })[w] ?? w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

export function attribute<R>(
  api_name: string,
  value_type: ValueType,
  flags: Flags,
  get: Attribute<R>['get'],
  set?: Attribute<R>['set'],
): Attribute<R> {
  return {
    api_name,
    display_name: flags.display ?? titleCase(api_name),
    value_type,
    is_array: flags.array ?? false,
    is_creatable: flags.c ?? false,
    is_updatable: flags.u ?? false,
    is_required_on_create: flags.required ?? false,
    nullable: !(flags.required ?? false) && (flags.nullable ?? true),
    is_unique: flags.unique ?? false,
    is_custom: false,
    ...(flags.target ? { target: flags.target } : {}),
    ...(flags.options ? { options: flags.options } : {}),
    ...(flags.resolve ? { resolve: flags.resolve } : {}),
    get,
    ...(set ? { set } : {}),
  };
}

/** A key of the v1 record, same name or not. */
export function field<R>(api_name: string, value_type: ValueType, flags: Flags, key = api_name): Attribute<R> {
  const setter = flags.c || flags.u ? (r: R, v: unknown) => void ((r as Record<string, unknown>)[key] = v) : undefined;
  return attribute<R>(api_name, value_type, flags, (r) => (r as Record<string, unknown>)[key] ?? null, setter);
}

/** A v2 attribute v1 has no key for, kept in the workspace's v2 attribute store. */
export function extra<R extends StoredRecord>(
  api_name: string,
  value_type: ValueType,
  flags: Flags,
  fallback: unknown = flags.array ? [] : null,
): Attribute<R> {
  const setter =
    flags.c || flags.u ? (r: R, v: unknown, ws: Workspace) => setExtraAttribute(ws, r.id, api_name, v) : undefined;
  return attribute<R>(api_name, value_type, flags, (r, ws) => extraAttribute(ws, r.id, api_name, fallback), setter);
}

export function common<R extends StoredRecord>(updatedAt: (ws: Workspace, r: R) => string) {
  return {
    id: attribute<R>('id', 'uuid', { display: 'Record ID' }, (r) => r.id),
    organization_id: attribute<R>('organization_id', 'uuid', {}, (_r, ws) => ws.organizationId),
    created_at: attribute<R>('created_at', 'timestamp', {}, (r) => r.created_at),
    updated_at: attribute<R>('updated_at', 'timestamp', {}, (r, ws) => updatedAt(ws, r)),
    created_by_user_id: extra<R>('created_by_user_id', 'record_reference', { target: 'user' }),
    participant_user_id_list: extra<R>('participant_user_id_list', 'record_reference', {
      ...RW,
      array: true,
      target: 'user',
      display: 'Participants',
    }),
  };
}

/** v1 keeps owners as emails; v2 shows and takes user references. */
export function ownerFromEmail<R extends { owner_email: string | null }>(flags: Flags = RW): Attribute<R> {
  return attribute<R>(
    'owner_user_id',
    'record_reference',
    { ...flags, target: 'user', display: 'Owner' },
    (r, ws) => (r.owner_email ? (ws.userByEmail(r.owner_email)?.id ?? null) : null),
    (r, v, ws) => void (r.owner_email = v === null ? null : ws.users.find((u) => u.id === v)!.email),
  );
}

export function stageResolver(stages: () => readonly StageValue[], what: string) {
  return (written: unknown): StageValue => {
    const name = stageName(written);
    const found = name === undefined ? [] : stages().filter((s) => namesStage(name, s));
    if (found.length !== 1) {
      throw v2Error(
        'field_value_invalid',
        `Unknown ${what} '${String(name ?? JSON.stringify(written))}' (stages: ${stages()
          .map((s) => s.api_name)
          .join(', ')})`,
        {
          value: written,
        },
      );
    }
    return found[0];
  };
}

/** A stage is written as its id, api_name or display value, or an object holding one of them. */
export function stageName(written: unknown): string | undefined {
  if (typeof written === 'string') return written;
  if (typeof written === 'object' && written !== null) {
    const { id, api_name, display_value } = written as Record<string, unknown>;
    const name = id ?? api_name ?? display_value;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

export const SOCIAL = ['linkedin_url', 'x_url', 'facebook_url', 'zoominfo_url'] as const;

export function relationship(
  api_name: string,
  related: V2RecordType,
  inverse: string,
  junction: string,
): RelationshipSpec {
  return {
    api_name,
    display_name: titleCase(api_name),
    related_object_api_name: related,
    is_creatable: true,
    is_updatable: true,
    description: `The ${api_name} linked to this record.`,
    related_object_relationship_api_name: inverse,
    junction_object_api_name: junction,
    is_custom: false,
    is_array: true,
  };
}
