/** v1 GET /account_and_contact_retrieval (contract §2 #18): account + contact by exactly one identifier. */
import { wireSchemas } from '../contract';
import { unprocessable } from '../errors';
import { endpoint } from '../http';
import { read } from '../keys';
import type { Account, Contact } from '../records';
import type { Workspace } from '../store';
import { domainOf, normalizePhone } from '../values';

const IDENTIFIERS = ['contact_email', 'account_domain', 'contact_phone_number'] as const;

function contactByPhone(ws: Workspace, phone: string): Contact | undefined {
  // An unencoded "+" arrives as a space; Reevo then finds nothing, and so does the sandbox [assumed].
  if (phone !== phone.trim()) return undefined;
  const wanted = normalizePhone(phone);
  for (const contact of ws.contacts.values()) {
    if (contact.phone_number === wanted) return contact;
  }
  return undefined;
}

const accountOf = (ws: Workspace, contact: Contact | undefined): Account | null =>
  (contact?.account_id && ws.accounts.get(contact.account_id)) || null;

export const retrievalEndpoints = [
  endpoint({
    method: 'GET',
    url: '/api/v1/public/account_and_contact_retrieval',
    auth: 'v1',
    permissions: [read('accounts'), read('contacts')],
    query: wireSchemas.accountAndContactRetrieval,
    handle: ({ ws, query }) => {
      const given = IDENTIFIERS.filter((name) => query[name] !== undefined && query[name] !== '');
      if (given.length !== 1) {
        throw unprocessable(
          ['query'],
          `Exactly one of ${IDENTIFIERS.join(', ')} is required (got ${given.length})`,
          query,
        );
      }
      if (query.contact_email !== undefined) {
        const contact = ws.contactByEmail(query.contact_email);
        return { account: accountOf(ws, contact), contact: contact ?? null };
      }
      if (query.account_domain !== undefined) {
        const domain = domainOf(query.account_domain) ?? query.account_domain.trim().toLowerCase();
        return { account: ws.accountByDomain(domain) ?? null, contact: null };
      }
      const contact = contactByPhone(ws, query.contact_phone_number!);
      return { account: accountOf(ws, contact), contact: contact ?? null };
    },
  }),
];
