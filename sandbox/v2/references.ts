/**
 * Record references on write (contract §3.1): a bare UUID, `{"related_record_id"}` or
 * `{"related_record_match": {<unique field>: value}}`. The match keys Reevo names are `email` for
 * users; for the other targets the sandbox takes the field that is unique in its `_schema`
 * (`domain_name` for accounts, `primary_email` for contacts) [assumed].
 */
import { z } from 'zod';
import type { Workspace } from '../store';
import type { AttributeSpec } from './attributes';
import { accountsWithDomain } from './domains';
import { v2Error } from './errors';

/** `team` is only ever read (a note's owner team): the sandbox has no teams. */
export type ReferenceTarget = 'user' | 'account' | 'contact' | 'opportunity' | 'team';

const MATCH_KEYS: Record<ReferenceTarget, readonly string[]> = {
  user: ['email'],
  account: ['domain_name'],
  contact: ['primary_email'],
  opportunity: [],
  team: [],
};

const uuid = z.guid();
const lower = (value: unknown) => String(value).trim().toLowerCase();

function byId(ws: Workspace, target: ReferenceTarget, id: string): boolean {
  switch (target) {
    case 'user':
      return ws.users.some((u) => u.id === id);
    case 'account':
      return ws.accounts.has(id);
    case 'contact':
      return ws.contacts.has(id);
    case 'opportunity':
      return ws.opportunities.has(id);
    case 'team':
      return false;
  }
}

function byMatch(ws: Workspace, target: ReferenceTarget, value: unknown): string[] {
  switch (target) {
    case 'user':
      return ws.users.filter((u) => lower(u.email) === lower(value)).map((u) => u.id);
    case 'account':
      return accountsWithDomain(ws, String(value)).map((a) => a.id);
    case 'contact': {
      const contact = ws.contactByEmail(String(value).trim());
      return contact ? [contact.id] : [];
    }
    case 'opportunity':
    case 'team':
      return [];
  }
}

/** The id of the record a written reference points at; Reevo's errors when there is none or several. */
export function resolveReference(spec: AttributeSpec, written: unknown, ws: Workspace): string {
  const target = spec.target!;
  const field = spec.api_name;
  const isObject = typeof written === 'object' && written !== null && !Array.isArray(written);
  const entry = isObject ? (written as Record<string, unknown>) : undefined;
  if (entry && 'related_record_id' in entry && 'related_record_match' in entry) {
    throw v2Error(
      'field_value_invalid',
      `'${field}': send either related_record_id or related_record_match, not both`,
      { field },
    );
  }
  if (entry && 'related_record_match' in entry) return matchOne(ws, target, field, entry.related_record_match);
  const id =
    entry && 'related_record_id' in entry && Object.keys(entry).length === 1 ? entry.related_record_id : written;
  if (typeof id !== 'string' || !uuid.safeParse(id).success) {
    throw v2Error(
      'field_value_invalid',
      `'${field}' takes a ${target} id, {"related_record_id"} or {"related_record_match"}`,
      { field, value: written },
    );
  }
  if (!byId(ws, target, id))
    throw v2Error('target_record_not_found', `No ${target} with id ${id} for '${field}'`, {
      field,
      related_record_id: id,
    });
  return id;
}

function matchOne(ws: Workspace, target: ReferenceTarget, field: string, match: unknown): string {
  const keys = typeof match === 'object' && match !== null && !Array.isArray(match) ? Object.keys(match) : [];
  const allowed = MATCH_KEYS[target];
  if (keys.length !== 1 || !allowed.includes(keys[0])) {
    const expected = allowed.length > 0 ? `exactly one of: ${allowed.join(', ')}` : 'nothing: match by id instead';
    throw v2Error('invalid_matching_field', `'${field}': a ${target} can be matched by ${expected}`, {
      field,
      match,
      allowed_fields: allowed,
    });
  }
  const value = (match as Record<string, unknown>)[keys[0]];
  const found = byMatch(ws, target, value);
  if (found.length === 0) {
    throw v2Error('target_record_not_found', `No ${target} with ${keys[0]} '${String(value)}' for '${field}'`, {
      field,
      match,
    });
  }
  if (found.length > 1) {
    throw v2Error(
      'ambiguous_match',
      `${found.length} ${target} records have ${keys[0]} '${String(value)}' ('${field}')`,
      { field, match, count: found.length },
    );
  }
  return found[0];
}
