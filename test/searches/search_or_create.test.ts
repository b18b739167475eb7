import App from '../../index';
import { perform as createAccount } from '../../creates/create_account';
import { perform as createOpportunity } from '../../creates/create_opportunity';
import { perform as upsertAccountContact } from '../../creates/upsert_account_contact';
import { perform as findAccount } from '../../searches/find_account';
import { perform as findContact } from '../../searches/find_contact';
import { perform as findOpportunity } from '../../searches/find_opportunity';
import { sampleAccount, sampleContact, sampleOpportunity, sampleUpsertResult } from '../../src/samples';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { findOrCreate } from './find-or-create';
import { API, reevo, unexpectedRequests, useNock } from './reevo-nock';

useNock();

const pairs = {
  find_account: { search: findAccount, create: createAccount },
  find_contact: { search: findContact, create: upsertAccountContact },
  find_opportunity: { search: findOpportunity, create: createOpportunity },
};

const run = (key: keyof typeof pairs, searchInput: Record<string, unknown>, createInput: Record<string, unknown>) =>
  findOrCreate(appTester, pairs[key], bundleWith(searchInput), bundleWith(createInput));

it('the app pairs each search with the create these tests run', () => {
  const declared = Object.fromEntries(
    Object.entries(App.searchOrCreates ?? {}).map(([key, soc]) => [
      key,
      { key: soc.key, search: soc.search, create: soc.create },
    ]),
  );
  expect(declared).toEqual({
    find_account: { key: 'find_account', search: 'find_account', create: 'create_account' },
    find_contact: { key: 'find_contact', search: 'find_contact', create: 'upsert_account_contact' },
    find_opportunity: { key: 'find_opportunity', search: 'find_opportunity', create: 'create_opportunity' },
  });
  expect(App.searches?.find_account.operation.perform).toBe(findAccount);
  expect(App.creates?.create_account.operation.perform).toBe(createAccount);
  expect(App.searches?.find_contact.operation.perform).toBe(findContact);
  expect(App.creates?.upsert_account_contact.operation.perform).toBe(upsertAccountContact);
  expect(App.searches?.find_opportunity.operation.perform).toBe(findOpportunity);
  expect(App.creates?.create_opportunity.operation.perform).toBe(createOpportunity);
});

describe('Find or Create Account', () => {
  it('makes one request when the account is found, and returns the best match', async () => {
    const notAcme = {
      ...sampleAccount,
      id: '00000000-0000-4000-8000-000000000001',
      domain_name: `not${sampleAccount.domain_name}`,
    };
    const search = reevo().post(`${API}/accounts/search`).reply(200, [notAcme, sampleAccount]);

    const result = await run(
      'find_account',
      { domain_name: sampleAccount.official_website },
      { name: sampleAccount.name },
    );

    expect(result).toEqual({ outcome: 'found', record: sampleAccount });
    expect(search.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('makes two requests when it is not: the search, then the create', async () => {
    const created = {
      ...sampleAccount,
      id: '00000000-0000-4000-8000-0000000000aa',
      name: 'Acme Analytics',
      domain_name: 'acme.com',
    };
    const scope = reevo()
      .post(`${API}/accounts/search`, { domain_name: 'acme.com', limit: 100, offset: 0 })
      .reply(200, [])
      .post(`${API}/accounts`, { name: 'Acme Analytics', domain_name: 'acme.com' })
      .reply(201, created);

    const result = await run(
      'find_account',
      { domain_name: 'jane@acme.com' },
      { name: 'Acme Analytics', domain_name: 'acme.com' },
    );

    expect(result).toEqual({ outcome: 'created', record: created });
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('creates after a search by an unknown ID (404 is "not found")', async () => {
    const missing = '00000000-0000-4000-8000-0000000000bb';
    const scope = reevo()
      .get(`${API}/accounts/${missing}`)
      .reply(404, { detail: 'Not Found' })
      .post(`${API}/accounts`, { name: 'Acme Analytics' })
      .reply(201, sampleAccount);

    const result = await run('find_account', { account_id: missing }, { name: 'Acme Analytics' });

    expect(result.outcome).toBe('created');
    expect(scope.isDone()).toBe(true);
  });

  it('creates nothing when the search input is wrong: the step stops before any request', async () => {
    const error = await caught(run('find_account', {}, { name: 'Acme Analytics' }));

    expect(error.message).toMatch(/^Fill in Account ID \(account_id\) .* or Domain \(domain_name\)/);
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('Find or Create Contact', () => {
  it('makes one request when the contact is found', async () => {
    const search = reevo().post(`${API}/contacts/search`).reply(200, [sampleContact]);

    const result = await run('find_contact', { contact_email: sampleContact.email }, { email: sampleContact.email });

    expect(result).toEqual({ outcome: 'found', record: sampleContact });
    expect(search.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('makes two requests when it is not: the search, then the upsert of contact and account', async () => {
    const scope = reevo()
      .post(`${API}/contacts/search`, { contact_email: 'new.person@acme.com', limit: 50, offset: 0 })
      .reply(200, [])
      .post(`${API}/account_contact`, {
        email: 'new.person@acme.com',
        first_name: 'New',
        account_website: 'https://acme.com',
      })
      .query({ payload_type: 'json' })
      .reply(200, { ...sampleUpsertResult, action: 'created' });

    const result = await run(
      'find_contact',
      { contact_email: 'new.person@acme.com' },
      { email: 'new.person@acme.com', first_name: 'New', account_website: 'acme.com' },
    );

    expect(result.outcome).toBe('created');
    expect(result.record).toMatchObject({
      contact_id: sampleContact.id,
      account_id: sampleAccount.id,
      action: 'created',
    });
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('Find or Create Opportunity', () => {
  it('makes one request when the opportunity is found', async () => {
    const search = reevo().post(`${API}/opportunities/search`).reply(200, [sampleOpportunity]);

    const result = await run(
      'find_opportunity',
      { display_name: sampleOpportunity.display_name, account_id: sampleAccount.id },
      { display_name: sampleOpportunity.display_name, account_id: sampleAccount.id },
    );

    expect(result).toEqual({ outcome: 'found', record: sampleOpportunity });
    expect(search.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('makes two requests when it is not: the search, then the create on the account', async () => {
    const created = { ...sampleOpportunity, id: '00000000-0000-4000-8000-0000000000cc', display_name: 'Acme - Pilot' };
    const scope = reevo()
      .post(`${API}/opportunities/search`, {
        display_name: 'Acme - Pilot',
        account_id: sampleAccount.id,
        limit: 50,
        offset: 0,
      })
      .reply(200, [])
      .post(`${API}/opportunities`, { display_name: 'Acme - Pilot', account_id: sampleAccount.id, amount: 12000 })
      .reply(201, created);

    const result = await run(
      'find_opportunity',
      { display_name: 'Acme - Pilot', account_id: sampleAccount.id },
      { display_name: 'Acme - Pilot', account_id: sampleAccount.id, amount: '$12,000' },
    );

    expect(result).toEqual({ outcome: 'created', record: created });
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });
});
