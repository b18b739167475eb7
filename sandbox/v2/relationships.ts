/**
 * Reading relationship edges (contract §3.3): `GET /{type}/{id}/relationship/{api_name}` for the
 * typed relationships Reevo names (contact ↔ accounts, contact ↔ opportunities, account →
 * contacts, opportunity → contacts), derived from the v1 links (a contact's `account_id`, an
 * opportunity's contact emails). Each item has the shape of Reevo's published edge
 * (`{related_record_id, related_record_type, through: {id, record_type, attributes}}`); the list
 * envelope `{parent, api_name, items, next_cursor}` is [assumed] (Reevo describes it, shows none).
 * Adding, changing and removing edges is not emulated.
 */
import type { Contact, Opportunity } from '../records';
import type { Workspace } from '../store';
import { stableId } from '../values';
import { v2Error } from './errors';
import type { AnyRecordKind, StoredRecord } from './kinds';

interface Edge {
  related: StoredRecord;
  related_type: string;
  is_primary: boolean;
}

const contactsOf = (ws: Workspace, o: Opportunity): Edge[] =>
  [o.primary_contact_email, ...o.additional_contact_emails].flatMap((email, i) => {
    const contact = email ? ws.contactByEmail(email) : undefined;
    return contact ? [{ related: contact, related_type: 'contact', is_primary: i === 0 }] : [];
  });

const EDGES: Record<string, (ws: Workspace, record: StoredRecord) => Edge[]> = {
  'contact.accounts': (ws, c) => {
    const account = ws.accounts.get((c as Contact).account_id ?? '');
    return account ? [{ related: account, related_type: 'account', is_primary: true }] : [];
  },
  'contact.opportunities': (ws, c) =>
    [...ws.opportunities.values()].flatMap((o) =>
      contactsOf(ws, o)
        .filter((e) => e.related.id === c.id)
        .map((e) => ({ ...e, related: o, related_type: 'opportunity' })),
    ),
  'account.contacts': (ws, a) =>
    [...ws.contacts.values()]
      .filter((c) => c.account_id === a.id)
      .map((c) => ({ related: c, related_type: 'contact', is_primary: true })),
  'opportunity.contacts': (ws, o) => contactsOf(ws, o as Opportunity),
};

export function listRelationship(ws: Workspace, kind: AnyRecordKind, record: StoredRecord, apiName: string) {
  const relationship = kind.relationships.find((r) => r.api_name === apiName);
  const edges = relationship && EDGES[`${kind.type}.${apiName}`];
  if (!relationship || !edges) {
    const known = kind.relationships.map((r) => r.api_name).join(', ') || 'none';
    throw v2Error('unknown_relationship', `'${apiName}' is not a ${kind.type} relationship (relationships: ${known})`, {
      relationship: apiName,
    });
  }
  return {
    parent: { id: record.id, record_type: kind.type },
    api_name: apiName,
    items: edges(ws, record).map((edge) => ({
      related_record_id: edge.related.id,
      related_record_type: edge.related_type,
      through: {
        id: stableId(relationship.junction_object_api_name ?? apiName, record.id, edge.related.id),
        record_type: relationship.junction_object_api_name,
        attributes: {
          // Only contact ↔ account edges have a role (Reevo's relationship pages).
          ...(relationship.junction_object_api_name === 'contact_account_role'
            ? { role: { value: null, value_type: 'string' } }
            : {}),
          is_primary: { value: edge.is_primary, value_type: 'boolean' },
        },
      },
    })),
    next_cursor: null,
  };
}
