/**
 * Exact matches for find and find-or-create, and several identifiers mapped at once:
 * - Find Account finds the exact domain even behind more than a page of other accounts that
 *   contain it, and matches any of an account's domains;
 * - Find Opportunity matches the whole name (case and spacing aside) unless partial matches are asked for;
 * - Find Contact by owner email alone never stands in for a contact;
 * - searches try ID, email, phone, domain in that order, fall back when one finds nothing, and
 *   never fail because more than one was filled.
 */
import nock from 'nock';
import { perform as findAccount } from '../../searches/find_account';
import { perform as findContact } from '../../searches/find_contact';
import { perform as findContactAndAccount } from '../../searches/find_contact_and_account';
import { perform as findOpportunity } from '../../searches/find_opportunity';
import { sampleAccount, sampleContact, sampleOpportunity } from '../../src/samples';
import { API, unexpectedRequests, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

useNock();

const reevo = () => nock(TEST_BASE_URL);
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const account = (n: number, domain_name: string, extra: object = {}) => ({
  ...sampleAccount,
  id: uuid(n),
  domain_name,
  ...extra,
});

describe('Find Account', () => {
  it('pages on past 100 accounts that merely contain the domain, to the exact one', async () => {
    const others = Array.from({ length: 100 }, (_, i) => account(i + 1, `shop${i}.acme.com.au`));
    const exact = account(500, 'acme.com');
    reevo().post(`${API}/accounts/search`, { domain_name: 'acme.com', limit: 100, offset: 0 }).reply(200, others);
    const second = reevo()
      .post(`${API}/accounts/search`, { domain_name: 'acme.com', limit: 100, offset: 100 })
      .reply(200, [account(501, 'notacme.com'), exact]);

    const found = (await appTester(findAccount, bundleWith({ domain_name: 'acme.com' }))) as Array<{ id: string }>;

    expect(found[0].id).toBe(exact.id);
    expect(second.isDone()).toBe(true);
  });

  it('one request when the first page is short', async () => {
    reevo()
      .post(`${API}/accounts/search`, { domain_name: 'acme.com', limit: 100, offset: 0 })
      .reply(200, [account(1, 'acme.com')]);
    await appTester(findAccount, bundleWith({ domain_name: 'acme.com' }));
    expect(unexpectedRequests()).toBe(0);
  });

  it("matches any of an account's domains", async () => {
    const multi = account(7, 'acme-holdings.com', { domains: ['acme-holdings.com', 'www.Acme.com'] });
    reevo()
      .post(`${API}/accounts/search`)
      .reply(200, [account(8, 'eu.acme.com'), multi]);

    const found = (await appTester(findAccount, bundleWith({ domain_name: 'acme.com' }))) as Array<{ id: string }>;

    expect(found.map((a) => a.id)).toEqual([multi.id, uuid(8)]);
  });
});

describe('Find Opportunity', () => {
  const named = (n: number, display_name: string) => ({ ...sampleOpportunity, id: uuid(n), display_name });

  it('matches the whole name, case and spacing aside', async () => {
    reevo()
      .post(`${API}/opportunities/search`)
      .reply(200, [
        named(1, 'Acme - Annual Plan Renewal'),
        named(2, '  acme -  annual plan '),
        named(3, 'Acme - Annual'),
      ]);

    const found = (await appTester(findOpportunity, bundleWith({ display_name: 'Acme - Annual Plan' }))) as Array<{
      id: string;
    }>;

    expect(found.map((o) => o.id)).toEqual([uuid(2)]);
  });

  it('partial matches when asked for, the exact name first', async () => {
    reevo()
      .post(`${API}/opportunities/search`)
      .reply(200, [named(1, 'Acme - Annual Plan Renewal'), named(2, 'Acme - Annual Plan')]);

    const found = (await appTester(
      findOpportunity,
      bundleWith({ display_name: 'Acme - Annual Plan', partial_name_match: true }),
    )) as Array<{
      id: string;
    }>;

    expect(found.map((o) => o.id)).toEqual([uuid(2), uuid(1)]);
  });
});

describe('Find Contact', () => {
  it('by owner email alone finds no contact to stand in for one, and says what to fill in', async () => {
    const error = await caught(appTester(findContact, bundleWith({ owner_email: 'morgan@acme-sales.io' })));
    expect(error.message).toMatch(/Contact Email/);
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('several identifiers mapped', () => {
  it('ID first; when it finds the record, nothing else is asked', async () => {
    reevo().get(`${API}/contacts/${sampleContact.id}`).reply(200, sampleContact);

    const found = await appTester(
      findContact,
      bundleWith({ contact_id: sampleContact.id, contact_email: 'other@acme.com' }),
    );

    expect(found).toEqual([sampleContact]);
    expect(unexpectedRequests()).toBe(0);
  });

  it('falls back from an ID that finds nothing to the email', async () => {
    reevo().get(`${API}/contacts/${sampleContact.id}`).reply(404, { detail: 'Not Found' });
    const byEmail = reevo().post(`${API}/contacts/search`).reply(200, [sampleContact]);

    const found = await appTester(
      findContact,
      bundleWith({ contact_id: sampleContact.id, contact_email: sampleContact.email }),
    );

    expect(found).toEqual([sampleContact]);
    expect(byEmail.isDone()).toBe(true);
  });

  it('Find Account: ID, then domain', async () => {
    reevo().get(`${API}/accounts/${sampleAccount.id}`).reply(404, { detail: 'Not Found' });
    reevo().post(`${API}/accounts/search`).reply(200, [sampleAccount]);

    const found = await appTester(
      findAccount,
      bundleWith({ account_id: sampleAccount.id, domain_name: sampleAccount.domain_name }),
    );

    expect(found).toEqual([sampleAccount]);
  });

  it('Find Contact and Account: email, then phone, then domain, one at a time', async () => {
    const calls: string[] = [];
    reevo()
      .get(`${API}/account_and_contact_retrieval`)
      .query(true)
      .times(3)
      .reply(function reply(uri) {
        const query = new URL(uri, TEST_BASE_URL).searchParams;
        calls.push([...query.keys()].join(','));
        return query.has('account_domain')
          ? [200, { account: sampleAccount, contact: null }]
          : [200, { account: null, contact: null }];
      });

    const found = (await appTester(
      findContactAndAccount,
      bundleWith({
        account_domain: 'northwind-traders.com',
        contact_phone_number: '+1 202 555 0143',
        contact_email: 'jordan@northwind-traders.com',
      }),
    )) as Array<{ account_id: string }>;

    expect(calls).toEqual(['contact_email', 'contact_phone_number', 'account_domain']);
    expect(found[0].account_id).toBe(sampleAccount.id);
  });
});
