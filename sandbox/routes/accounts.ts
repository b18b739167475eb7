/** v1 accounts: create, update, get, search by domain (contract §2 #2–5). */
import { wireSchemas } from '../contract';
import { endpoint } from '../http';
import { read, write } from '../keys';
import type { Account } from '../records';
import { existingAccount, ReferenceCheck } from '../references';
import { page } from './paging';
import { applyPatch, definedOnly, domainOf, hasChanges, isoNow, newId } from '../values';

const BASE = '/api/v1/public/accounts';

/** A domain as sent, normalized the way websites are (case, scheme, "www."). */
const normalizeDomain = (value: string): string => domainOf(value) ?? value.trim().toLowerCase();

export const accountEndpoints = [
  endpoint({
    method: 'POST',
    url: BASE,
    auth: 'v1',
    permissions: [write('accounts')],
    body: wireSchemas.createAccount,
    status: 201,
    writes: true,
    handle: ({ ws, body, events }) => {
      const check = new ReferenceCheck(ws).user(body.owner_email, ['owner_email']);
      const customFields = check.customFields('account', body.custom_fields, ['custom_fields']);
      check.done();
      const now = isoNow();
      const website = body.official_website ?? null;
      const account: Account = {
        id: newId(),
        name: body.name,
        domain_name: body.domain_name ? normalizeDomain(body.domain_name) : website ? domainOf(website) : null,
        official_website: website,
        status: 'PROSPECT',
        owner_email: body.owner_email ?? null,
        linkedin_url: body.linkedin_url ?? null,
        facebook_url: body.facebook_url ?? null,
        zoominfo_url: body.zoominfo_url ?? null,
        x_url: body.x_url ?? null,
        custom_fields: customFields ?? {},
        created_at: now,
        updated_at: now,
      };
      ws.addAccount(account);
      events.emit(ws, 'account.created', account);
      return account;
    },
  }),

  endpoint({
    method: 'PATCH',
    url: `${BASE}/:account_id`,
    auth: 'v1',
    permissions: [write('accounts')],
    uuidParams: ['account_id'],
    body: wireSchemas.updateAccount,
    writes: true,
    handle: ({ ws, body, params, events }) => {
      const account = existingAccount(ws, params.account_id);
      const check = new ReferenceCheck(ws).user(body.owner_email, ['owner_email']);
      const customFields = check.customFields('account', body.custom_fields, ['custom_fields']);
      check.done();
      const { custom_fields: _ignored, ...fields } = body;
      const patch: Partial<Account> = definedOnly(fields);
      if (customFields) patch.custom_fields = { ...account.custom_fields, ...customFields };
      if (body.official_website && account.domain_name === null) patch.domain_name = domainOf(body.official_website);
      const changes = applyPatch(account, patch);
      if (hasChanges(changes)) {
        account.updated_at = isoNow();
        ws.indexAccountDomain(account);
        events.emit(ws, 'account.updated', account, changes);
      }
      return account;
    },
  }),

  endpoint({
    method: 'GET',
    url: `${BASE}/:account_id`,
    auth: 'v1',
    permissions: [read('accounts')],
    uuidParams: ['account_id'],
    handle: ({ ws, params }) => existingAccount(ws, params.account_id),
  }),

  endpoint({
    method: 'POST',
    url: `${BASE}/search`,
    auth: 'v1',
    permissions: [read('accounts')],
    body: wireSchemas.searchAccounts,
    handle: ({ ws, body }) => {
      const needle = body.domain_name.trim().toLowerCase();
      return page(
        ws.accounts.values(),
        (a) => a.domain_name !== null && a.domain_name.toLowerCase().includes(needle),
        body,
      );
    },
  }),
];
