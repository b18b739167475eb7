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

/**
 * Accounts for a domain search: the exact domain first, then its subdomains (`eu.acme.com` for
 * `acme.com`). Reevo's search is a *contains* match, so it also returns other companies
 * (`notacme.com`, `acme.com.au`): those are dropped, or Find or Create Account would take
 * `notacme.com` for `acme.com` instead of creating it. Domains are compared as the domain input
 * reads them, so `www.Acme.com` on a record equals `acme.com`.
 */
export function matchAccountsByDomain<T extends Row>(accounts: readonly T[], wanted: string): T[] {
  const domain = normaliseDomain(wanted);
  if (!domain) return [...accounts];
  const tierOf = (account: T) => {
    const own = normaliseDomain(textOf(account.domain_name) ?? '');
    if (own === domain) return 0;
    return own?.endsWith(`.${domain}`) ? 1 : 2;
  };
  return rankBy(accounts, tierOf).filter((account) => tierOf(account) < 2);
}

/** Contacts (or users) for an email search: the record with exactly that email, in any case, first. */
export function rankByEmail<T extends Row>(records: readonly T[], wanted: string): T[] {
  const email = normaliseEmail(wanted);
  if (!email) return [...records];
  return rankBy(records, (record) => (normaliseEmail(textOf(record.email) ?? '') === email ? 0 : 1));
}

/** `  Acme  -  Annual Plan ` and `acme - annual plan` name the same opportunity. */
const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Opportunities for a name search: the exact name first (as typed, then ignoring case and spacing), then the rest. */
export function rankOpportunitiesByName<T extends Row>(opportunities: readonly T[], wanted: string): T[] {
  const name = wanted.trim();
  if (!name) return [...opportunities];
  return rankBy(opportunities, (opportunity) => {
    const own = textOf(opportunity.display_name);
    if (own === undefined) return 2;
    if (own.trim() === name) return 0;
    return nameKey(own) === nameKey(name) ? 1 : 2;
  });
}
