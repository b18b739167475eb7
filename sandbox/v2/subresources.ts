/**
 * An account's domains one at a time (contract §3.3): add (`{"domain_name"}`), set or unset the
 * primary flag (`{"is_primary"}`) and remove. Each answers the one affected domain as
 * `{"data": {"domain_name", "is_primary"}}`, a removal 204. The statuses of add (201) and set (200)
 * are [assumed]; so is that an account with domains always has a primary: unsetting the primary
 * promotes the next domain, as Reevo promotes the first domain added. Contact emails and phone
 * numbers one at a time are not emulated.
 */
import { z } from 'zod';
import { endpoint } from '../http';
import { write } from '../keys';
import type { Account } from '../records';
import type { Workspace } from '../store';
import type { WebhookDispatcher } from '../webhooks';
import { type DomainItem, domainsOf } from './domains';
import { v2Error } from './errors';
import { KINDS } from './kinds';
import { existing, updateRecord } from './writes';

const BASE = '/api/v2/account/:id/attribute/domains';

function domainOf(ws: Workspace, account: Account, name: string): DomainItem {
  const found = domainsOf(ws, account).find((d) => d.domain_name === name.trim().toLowerCase());
  if (!found)
    throw v2Error('record_not_found', `Account ${account.id} has no domain '${name}'`, {
      record_type: 'account_domain',
      domain_name: name,
    });
  return found;
}

/** Writes the whole list through the account's `domains` attribute, so the rules and events are PATCH's. */
function replaceDomains(ws: Workspace, events: WebhookDispatcher, account: Account, items: DomainItem[]): void {
  updateRecord(KINDS.account, ws, events, account, { domains: items });
}

const answer = (ws: Workspace, account: Account, name: string) => ({ data: domainOf(ws, account, name) });

export const domainEndpoints = [
  endpoint({
    method: 'POST',
    url: BASE,
    auth: 'v2',
    permissions: [write('accounts')],
    body: z.strictObject({ domain_name: z.string().min(1) }),
    status: 201,
    writes: true,
    handle: ({ ws, params, body, events }) => {
      const account = existing(KINDS.account, ws, params.id) as Account;
      const domains = domainsOf(ws, account);
      const name = body.domain_name.trim().toLowerCase();
      if (domains.some((d) => d.domain_name === name)) {
        throw v2Error('field_value_invalid', `'${name}' is already a domain of account ${account.id}`, {
          field: 'domain_name',
          value: body.domain_name,
        });
      }
      replaceDomains(ws, events, account, [...domains, { domain_name: name, is_primary: domains.length === 0 }]);
      return answer(ws, account, name);
    },
  }),

  endpoint({
    method: 'PATCH',
    url: `${BASE}/:domain_name`,
    auth: 'v2',
    permissions: [write('accounts')],
    body: z.strictObject({ is_primary: z.boolean() }),
    writes: true,
    handle: ({ ws, params, body, events }) => {
      const account = existing(KINDS.account, ws, params.id) as Account;
      const target = domainOf(ws, account, params.domain_name);
      const others = domainsOf(ws, account).filter((d) => d.domain_name !== target.domain_name);
      const items = body.is_primary
        ? [{ ...target, is_primary: true }, ...others.map((d) => ({ ...d, is_primary: false }))]
        : [...others.map((d, i) => ({ ...d, is_primary: i === 0 })), { ...target, is_primary: others.length === 0 }];
      replaceDomains(ws, events, account, items);
      return answer(ws, account, target.domain_name);
    },
  }),

  endpoint({
    method: 'DELETE',
    url: `${BASE}/:domain_name`,
    auth: 'v2',
    permissions: [write('accounts')],
    status: 204,
    writes: true,
    handle: ({ ws, params, events }) => {
      const account = existing(KINDS.account, ws, params.id) as Account;
      const target = domainOf(ws, account, params.domain_name);
      replaceDomains(
        ws,
        events,
        account,
        domainsOf(ws, account).filter((d) => d.domain_name !== target.domain_name),
      );
      return undefined;
    },
  }),
];
