/**
 * The sandbox's transcription of Reevo's v2 record shapes (contract §3.2), one RecordKind per record
 * type, each in its own module: the attributes in the order of Reevo's reference pages, then the
 * ones the pages cut off but Reevo's v1 records or the contract name [assumed]. Written by hand
 * from the contract, never derived from the app, so that the app and the sandbox cannot agree on a
 * wrong reading.
 *
 * Records are stored in their v1 form (one store for both APIs, so a v1 write is seen by v2 and the
 * other way round); what v1 has no key for lives in the workspace's v2 attribute store (extras.ts).
 */
import type { Workspace } from '../../store';
import type { Attribute } from '../attributes';
import { account } from './account';
import { contact } from './contact';
import type { RecordKind, StoredRecord, V2RecordType } from './kind';
import { V2_RECORD_TYPES } from './kind';
import { note } from './note';
import { opportunity } from './opportunity';
import { task } from './task';

export type { RecordKind, RelationshipSpec, StoredRecord, V2RecordType } from './kind';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table of kinds whose record types differ
export type AnyRecordKind = RecordKind<any>;

export const KINDS: Record<V2RecordType, AnyRecordKind> = { account, contact, opportunity, task, note };

export function kindOf(type: string): AnyRecordKind | undefined {
  return (V2_RECORD_TYPES as readonly string[]).includes(type) ? KINDS[type as V2RecordType] : undefined;
}

/** Record types with custom fields keep them in v1's `custom_fields` object. */
const customValues = (record: unknown) => (record as { custom_fields: Record<string, unknown> }).custom_fields;

/** The standard attributes, then one per custom field of the workspace (`is_custom: true`). */
export function attributesOf<R extends StoredRecord>(kind: RecordKind<R>, ws: Workspace): Attribute<R>[] {
  if (!kind.customFields) return [...kind.attributes];
  const custom = ws.customFieldsOf(kind.customFields).map((definition): Attribute<R> => ({
    api_name: definition.api_name,
    display_name: definition.display_name,
    value_type: definition.options ? 'select' : 'string',
    is_array: definition.is_array,
    is_creatable: true,
    is_updatable: true,
    is_required_on_create: false,
    nullable: true,
    is_unique: false,
    is_custom: true,
    ...(definition.options ? { options: definition.options } : {}),
    get: (r) => customValues(r)[definition.api_name] ?? (definition.is_array ? [] : null),
    set: (r, v) => {
      const values = customValues(r);
      if (v === null || (Array.isArray(v) && v.length === 0)) delete values[definition.api_name];
      else values[definition.api_name] = v;
    },
  }));
  return [...kind.attributes, ...custom];
}
