import { normaliseDomain, normaliseEmail } from './normalise';

/**
 * Puts the best match of a search first. Zapier uses the first result of a search step (and
 * search-or-create creates only when there is none), so the order Reevo returns is not enough:
 * its account search is a *contains* match, and `notacme.com` may come back before `acme.com`.
 *
 * Ranking keeps Reevo's order within a tier, and drops only accounts of another domain.
 */

type Row = Readonly<Record<string, unknown>>;

/** A stable sort by tier, lowest first. */
export function rankBy<T>(records: readonly T[], tierOf: (record: T) => number): T[] {
  return records
    .map((record, index) => ({ record, index, tier: tierOf(record) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map(({ record }) => record);
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Every domain an account names: `domain_name`, and each of `domains` (text, or v2's `{domain_name}`). */
function domainsOf(account: Row): string[] {
  const listed = Array.isArray(account.domains) ? account.domains : [];
  const named = [
    account.domain_name,
    ...listed.map((item) => (item && typeof item === 'object' ? (item as Row).domain_name : item)),
  ];
  return named
    .map((value) => normaliseDomain(textOf(value) ?? ''))
    .filter((domain): domain is string => domain !== undefined);
}

/** 0 for the exact domain, 1 for one of its subdomains, 2 for another company. */
function domainTier(account: Row, domain: string): number {
  const own = domainsOf(account);
  if (own.includes(domain)) return 0;
  return own.some((name) => name.endsWith(`.${domain}`)) ? 1 : 2;
}

/** Whether one of the account's domains is exactly the wanted one, as the domain input reads it. */
export function hasExactDomain(account: Row, wanted: string): boolean {
  const domain = normaliseDomain(wanted);
  return domain !== undefined && domainTier(account, domain) === 0;
}

/**
 * Accounts for a domain search: the exact domain first, then its subdomains (`eu.acme.com` for
 * `acme.com`). Reevo's search is a *contains* match, so it also returns other companies
 * (`notacme.com`, `acme.com.au`): those are dropped, or Find or Create Account would take
 * `notacme.com` for `acme.com` instead of creating it. Every domain of an account counts, compared
 * as the domain input reads them, so `www.Acme.com` on a record equals `acme.com`.
 */
export function matchAccountsByDomain<T extends Row>(accounts: readonly T[], wanted: string): T[] {
  const domain = normaliseDomain(wanted);
  if (!domain) return [...accounts];
  return rankBy(accounts, (account) => domainTier(account, domain)).filter(
    (account) => domainTier(account, domain) < 2,
  );
}

/** Contacts (or users) for an email search: the record with exactly that email, in any case, first. */
export function rankByEmail<T extends Row>(records: readonly T[], wanted: string): T[] {
  const email = normaliseEmail(wanted);
  if (!email) return [...records];
  return rankBy(records, (record) => (normaliseEmail(textOf(record.email) ?? '') === email ? 0 : 1));
}

/** `  Acme  -  Annual Plan ` and `acme - annual plan` name the same opportunity. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Whether the opportunity has the whole name, case and spacing aside. */
export function hasName(opportunity: Row, wanted: string): boolean {
  const own = textOf(opportunity.display_name);
  return own !== undefined && nameKey(own) === nameKey(wanted);
}

/**
 * Opportunities for a name search: only those with the whole name (case and spacing aside), the
 * name exactly as typed first. With `partial`, the rest of what Reevo found follows.
 */
export function matchOpportunitiesByName<T extends Row>(
  opportunities: readonly T[],
  wanted: string,
  partial = false,
): T[] {
  const name = wanted.trim();
  if (!name) return [...opportunities];
  const tierOf = (opportunity: T) =>
    textOf(opportunity.display_name)?.trim() === name ? 0 : hasName(opportunity, name) ? 1 : 2;
  const ranked = rankBy(opportunities, tierOf);
  return partial ? ranked : ranked.filter((opportunity) => tierOf(opportunity) < 2);
}
