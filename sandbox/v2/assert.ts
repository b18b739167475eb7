/**
 * `_assert` (contract §3.3): create-or-update a contact or an account by one unique field.
 * Reevo's pages disagree on the match keys, so the sandbox takes every one they name.
 */
import { Answer } from '../http';
import type { Workspace } from '../store';
import type { WebhookDispatcher } from '../webhooks';
import { accountsWithDomain } from './domains';
import { v2Error } from './errors';
import type { AnyRecordKind, StoredRecord, V2RecordType } from './kinds';
import { createRecord, existing, recordView, updateRecord } from './writes';

export const ASSERT_MATCH_KEYS: Partial<Record<V2RecordType, readonly string[]>> = {
  // Reevo's pages name both (contract §3.3).
  contact: ['primary_email', 'contact_emails'],
  // The page title says domain_name, its example id; `domains` is the attribute itself.
  account: ['domain_name', 'domains', 'id'],
};

/** The records an `_assert` match names. */
function matching(
  kind: AnyRecordKind,
  ws: Workspace,
  match: Record<string, unknown>,
): { key: string; value: string; found: StoredRecord[] } {
  const allowed = ASSERT_MATCH_KEYS[kind.type as V2RecordType] ?? [];
  const keys = Object.keys(match);
  const value = match[keys[0]];
  if (keys.length !== 1 || !allowed.includes(keys[0]) || typeof value !== 'string' || value.trim() === '') {
    throw v2Error('invalid_matching_field', `match takes exactly one of ${allowed.join(', ')}, with a string value`, {
      match,
      allowed_fields: allowed,
    });
  }
  const key = keys[0];
  if (kind.type === 'contact') {
    const contact = ws.contactByEmail(value.trim());
    return { key, value, found: contact ? [contact] : [] };
  }
  if (key === 'id') return { key, value, found: [existing(kind, ws, value)] };
  return { key, value, found: accountsWithDomain(ws, value) };
}

/** What an `_assert` that creates writes: its attributes, and the match value where they do not set it. */
function creationAttributes(
  kind: AnyRecordKind,
  match: { key: string; value: string },
  attributes: Record<string, unknown>,
) {
  if (kind.type === 'contact') return { primary_email: match.value, ...attributes };
  return { domains: [match.value], ...attributes };
}

export function assertRecord(
  kind: AnyRecordKind,
  ws: Workspace,
  events: WebhookDispatcher,
  body: { match: Record<string, unknown>; attributes: Record<string, unknown> },
) {
  const match = matching(kind, ws, body.match);
  if (match.found.length > 1) {
    throw v2Error('ambiguous_match', `${match.found.length} ${kind.type} records match ${match.key} '${match.value}'`, {
      match: body.match,
      record_ids: match.found.map((r) => r.id),
    });
  }
  const [found] = match.found;
  if (found) {
    updateRecord(kind, ws, events, found, body.attributes);
    return new Answer(200, { data: recordView(kind, ws, found), meta: { action: 'updated' } });
  }
  const created = createRecord(kind, ws, events, creationAttributes(kind, match, body.attributes));
  return new Answer(201, { data: recordView(kind, ws, created), meta: { action: 'created' } });
}
