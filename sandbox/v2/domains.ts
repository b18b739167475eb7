/**
 * An account's domains (v2 `domains`, an array of `{domain_name, is_primary}`): the primary one is
 * the v1 record's `domain_name`, the others live with the record's v2 attributes.
 */
import type { Account } from '../records';
import type { Workspace } from '../store';
import { extraAttribute, setExtraAttribute } from './extras';

export interface DomainItem {
  domain_name: string;
  is_primary: boolean;
}

const OTHER_DOMAINS = 'other_domains';

export function domainsOf(ws: Workspace, account: Account): DomainItem[] {
  const others = extraAttribute<string[]>(ws, account.id, OTHER_DOMAINS, []);
  return [
    ...(account.domain_name ? [{ domain_name: account.domain_name, is_primary: true }] : []),
    ...others.map((domain_name) => ({ domain_name, is_primary: false })),
  ];
}

/** Replaces the whole list; the primary is the item marked so, else the first one (as Reevo promotes). */
export function setDomains(
  ws: Workspace,
  account: Account,
  items: readonly { domain_name: string; is_primary: boolean | null }[],
): void {
  const unique = items.filter((item, i) => items.findIndex((other) => other.domain_name === item.domain_name) === i);
  const primary = unique.find((item) => item.is_primary) ?? unique[0];
  ws.changeAccountDomain(account, primary?.domain_name ?? null);
  setExtraAttribute(
    ws,
    account.id,
    OTHER_DOMAINS,
    unique.filter((item) => item !== primary).map((item) => item.domain_name),
  );
}

export function accountsWithDomain(ws: Workspace, domain: string): Account[] {
  const wanted = domain.trim().toLowerCase();
  return [...ws.accounts.values()].filter((account) =>
    domainsOf(ws, account).some((d) => d.domain_name.toLowerCase() === wanted),
  );
}
