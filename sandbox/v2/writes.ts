/**
 * v2 writes (contract §3.1): create, PATCH and `_assert` bodies are `{"attributes": {...}}` with raw
 * or enveloped values. Every attribute is checked before any is written, so a refused write
 * changes nothing. PATCH leaves omitted attributes alone, `null` clears a nullable one, and an
 * array replaces the whole list.
 */
import type { Workspace } from '../store';
import type { WebhookDispatcher } from '../webhooks';
import { type Changes, isoNow, newId } from '../values';
import { type Attribute, envelope, readWrite } from './attributes';
import { v2Error } from './errors';
import { dropExtraAttributes, setExtraAttribute } from './extras';
import { type AnyRecordKind, attributesOf, type StoredRecord } from './kinds';

type Mode = 'create' | 'update';

/** The record of that id, else Reevo's `record_not_found`. */
export function existing(kind: AnyRecordKind, ws: Workspace, id: string): StoredRecord {
  const record = kind.find(ws, id);
  if (!record)
    throw v2Error('record_not_found', `No ${kind.type} with id ${id} in this workspace`, {
      record_type: kind.type,
      id,
    });
  return record;
}

/** The record as v2 shows it: `{id, record_type, created_at, updated_at, attributes}`. */
export function recordView(
  kind: AnyRecordKind,
  ws: Workspace,
  record: StoredRecord,
  definitions = attributesOf(kind, ws),
) {
  const attributes: Record<string, unknown> = {};
  for (const attribute of definitions) attributes[attribute.api_name] = envelope(attribute, attribute.get(record, ws));
  return {
    id: record.id,
    record_type: kind.type,
    created_at: record.created_at,
    updated_at: kind.updatedAt(ws, record),
    attributes,
  };
}

function checkWrite(
  kind: AnyRecordKind,
  ws: Workspace,
  record: StoredRecord | undefined,
  written: Record<string, unknown>,
  mode: Mode,
) {
  const attributes = attributesOf(kind, ws);
  const byName = new Map(attributes.map((a) => [a.api_name, a]));
  const values = new Map<Attribute<StoredRecord>, unknown>();
  for (const [name, value] of Object.entries(written)) {
    const attribute = byName.get(kind.aliases?.[name] ?? name);
    if (!attribute) {
      throw v2Error('unknown_field', `'${name}' is not a ${kind.type} field (see GET /api/v2/_schema/${kind.type})`, {
        field: name,
      });
    }
    if (mode === 'create' && !attribute.is_creatable)
      throw v2Error('field_not_creatable', `'${name}' cannot be set on create: it is set by Reevo`, { field: name });
    if (mode === 'update' && !attribute.is_updatable)
      throw v2Error('field_not_updatable', `'${name}' cannot be changed`, { field: name });
    const read = readWrite(attribute, value, ws);
    const empty = read === null || (Array.isArray(read) && read.length === 0);
    if (empty && mode === 'create' && attribute.is_required_on_create) {
      throw v2Error('field_required_missing', `'${attribute.api_name}' is required`, { field: attribute.api_name });
    }
    if (empty && mode === 'update' && !attribute.nullable) {
      throw v2Error('field_value_invalid', `'${attribute.api_name}' always has a value and cannot be cleared`, {
        field: attribute.api_name,
        value,
      });
    }
    // On create, null is "not given": the attribute keeps its default.
    if (mode === 'create' && read === null) continue;
    values.set(attribute, read);
  }
  if (mode === 'create') {
    const missing = attributes.find((a) => a.is_required_on_create && !values.has(a));
    if (missing)
      throw v2Error('field_required_missing', `'${missing.api_name}' is required to create a ${kind.type}`, {
        field: missing.api_name,
      });
  }
  kind.check?.(ws, record, new Map([...values].map(([a, v]) => [a.api_name, v])));
  return values;
}

function apply(ws: Workspace, record: StoredRecord, values: Map<Attribute<StoredRecord>, unknown>): void {
  for (const [attribute, value] of values) attribute.set!(record, value, ws);
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = { old: before[key], new: after[key] };
  }
  return changes;
}

export function createRecord(
  kind: AnyRecordKind,
  ws: Workspace,
  events: WebhookDispatcher,
  written: Record<string, unknown>,
): StoredRecord {
  const values = checkWrite(kind, ws, undefined, written, 'create');
  const record: StoredRecord = kind.blank(ws, newId(), isoNow());
  // The key's own user is not known; the workspace's first user (its admin) stands in [assumed].
  setExtraAttribute(ws, record.id, 'created_by_user_id', ws.users[0]?.id ?? null);
  apply(ws, record, values);
  kind.insert(ws, record);
  if (kind.events?.created) events.emit(ws, kind.events.created, record);
  return record;
}

export function updateRecord(
  kind: AnyRecordKind,
  ws: Workspace,
  events: WebhookDispatcher,
  record: StoredRecord,
  written: Record<string, unknown>,
): void {
  const values = checkWrite(kind, ws, record, written, 'update');
  const before = structuredClone(record) as unknown as Record<string, unknown>;
  const viewBefore = JSON.stringify(recordView(kind, ws, record).attributes);
  apply(ws, record, values);
  if (JSON.stringify(recordView(kind, ws, record).attributes) === viewBefore) return;
  kind.touch(ws, record, isoNow());
  const changes = diff(before, record as unknown as Record<string, unknown>);
  delete changes.updated_at;
  const stageChanged = 'stage_name' in changes || 'pipeline_name' in changes;
  if (stageChanged && kind.events?.stageChanged) events.emit(ws, kind.events.stageChanged, record, changes);
  const otherChanged = Object.keys(changes).some(
    (key) => !['stage_name', 'pipeline_name', 'status', 'closed_reason_names'].includes(key),
  );
  if ((otherChanged || !stageChanged) && kind.events?.updated) events.emit(ws, kind.events.updated, record, changes);
}

/** v2's archive: the record is gone from every read, v1 and v2 alike. */
export function archiveRecord(kind: AnyRecordKind, ws: Workspace, record: StoredRecord): void {
  kind.remove(ws, record);
  dropExtraAttributes(ws, record.id);
}
