/**
 * POST /account_contact: upsert a contact by email and its account in one call (contract §2 #1).
 * The account side is matched by the domain of `account_website`, else by `company` name, else
 * the contact's current account, else the contact email's domain [assumed: Reevo does not publish
 * how it matches]. Only the keys sent change anything.
 */
import { upsertQuerySchema, type WireInput, wireSchemas } from '../contract';
import { endpoint } from '../http';
import { write } from '../keys';
import { accountRecord, contactRecord, type Account, type Contact, type CustomFieldValues } from '../records';
import { ReferenceCheck } from '../references';
import type { Workspace } from '../store';
import type { WebhookDispatcher } from '../webhooks';
import { applyPatch, definedOnly, domainOf, hasChanges, isoNow, newId, normalizePhone } from '../values';

type UpsertBody = WireInput<'upsertAccountContact'>;

function matchAccount(
  ws: Workspace,
  body: UpsertBody,
  websiteDomain: string | null,
  existing: Contact | undefined,
): Account | undefined {
  if (websiteDomain) {
    const byDomain = ws.accountByDomain(websiteDomain);
    if (byDomain) return byDomain;
  }
  if (body.company) {
    const byName = ws.accountByName(body.company);
    if (byName) return byName;
  }
  if (websiteDomain || body.company) return undefined;
  if (existing?.account_id) return ws.accounts.get(existing.account_id);
  const emailDomain = domainOf(body.email.split('@')[1] ?? '');
  return emailDomain ? ws.accountByDomain(emailDomain) : undefined;
}

function upsertAccount(
  ws: Workspace,
  events: WebhookDispatcher,
  body: UpsertBody,
  existingContact: Contact | undefined,
  customFields: CustomFieldValues | undefined,
): Account {
  const website = body.account_website ?? null;
  const websiteDomain = website ? domainOf(website) : null;
  const fields = definedOnly({
    owner_email: body.account_owner_email,
    linkedin_url: body.account_linkedin_url,
    facebook_url: body.account_facebook_url,
    zoominfo_url: body.account_zoominfo_url,
    x_url: body.account_x_url,
  });
  const now = isoNow();
  const account = matchAccount(ws, body, websiteDomain, existingContact);
  if (!account) {
    const domain = websiteDomain ?? domainOf(body.email.split('@')[1] ?? '');
    const created = accountRecord({
      id: newId(),
      name: body.company ?? domain ?? body.email,
      domain_name: domain,
      official_website: website,
      custom_fields: customFields ?? {},
      created_at: now,
      ...fields,
    });
    ws.addAccount(created);
    events.emit(ws, 'account.created', created);
    return created;
  }
  const patch: Partial<Account> = { ...fields };
  if (body.company) patch.name = body.company;
  if (website) patch.official_website = website;
  if (websiteDomain && account.domain_name === null) patch.domain_name = websiteDomain;
  if (customFields) patch.custom_fields = { ...account.custom_fields, ...customFields };
  const changes = applyPatch(account, patch);
  if (hasChanges(changes)) {
    account.updated_at = now;
    ws.indexAccountDomain(account);
    events.emit(ws, 'account.updated', account, changes);
  }
  return account;
}

export const upsertEndpoints = [
  endpoint({
    method: 'POST',
    url: '/api/v1/public/account_contact',
    auth: 'v1',
    permissions: [write('accounts'), write('contacts')],
    query: upsertQuerySchema,
    body: wireSchemas.upsertAccountContact,
    writes: true,
    handle: ({ ws, body, events }) => {
      const check = new ReferenceCheck(ws)
        .user(body.contact_owner_email, ['contact_owner_email'])
        .user(body.account_owner_email, ['account_owner_email']);
      const accountCustomFields = check.customFields('account', body.account_custom_fields, ['account_custom_fields']);
      const contactCustomFields = check.customFields('contact', body.contact_custom_fields, ['contact_custom_fields']);
      check.done();

      const existing = ws.contactByEmail(body.email);
      const account = upsertAccount(ws, events, body, existing, accountCustomFields);
      const fields: Partial<Contact> = definedOnly({
        first_name: body.first_name,
        middle_name: body.middle_name,
        last_name: body.last_name,
        phone_number: typeof body.phone_number === 'string' ? normalizePhone(body.phone_number) : body.phone_number,
        title: body.title,
        department: body.department,
        owner_email: body.contact_owner_email,
        linkedin_url: body.contact_linkedin_url,
        facebook_url: body.contact_facebook_url,
        zoominfo_url: body.contact_zoominfo_url,
        x_url: body.contact_x_url,
        account_id: account.id,
      });
      const now = isoNow();

      if (!existing) {
        const contact = contactRecord({
          id: newId(),
          email: body.email,
          custom_fields: contactCustomFields ?? {},
          created_at: now,
          ...fields,
        });
        ws.addContact(contact);
        events.emit(ws, 'contact.created', contact);
        return { account, contact, account_id: account.id, contact_id: contact.id, action: 'created' };
      }

      if (contactCustomFields) fields.custom_fields = { ...existing.custom_fields, ...contactCustomFields };
      const changes = applyPatch(existing, fields);
      if (hasChanges(changes)) {
        existing.updated_at = now;
        events.emit(ws, 'contact.updated', existing, changes);
      }
      return { account, contact: existing, account_id: account.id, contact_id: existing.id, action: 'updated' };
    },
  }),
];
