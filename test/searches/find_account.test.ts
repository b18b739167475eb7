import { perform } from '../../searches/find_account';
import { sampleAccount } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, reevo, unexpectedRequests, useNock } from './reevo-nock';

useNock();

const account = (id: string, domain_name: string | null) => ({
  ...sampleAccount,
  id,
  name: `Account ${domain_name}`,
  domain_name,
});
const ID = '0b6e1c2d-3f4a-4b5c-8d6e-7f8091a2b3c4';

describe('find_account by domain', () => {
  it('sends one POST /accounts/search with the domain and the largest page', async () => {
    const scope = reevo()
      .post(`${API}/accounts/search`, { domain_name: 'northwind-traders.com', limit: 100, offset: 0 })
      .reply(200, [sampleAccount]);

    const found = await appTester(perform, bundleWith({ domain_name: 'northwind-traders.com' }));

    expect(found).toEqual([sampleAccount]);
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it.each([
    ['a URL', 'https://www.Acme.com/about?ref=zap'],
    ['an email address', 'jane.doe@acme.com'],
    ['a www host', 'www.acme.com'],
  ])('reads %s as the bare domain', async (_what, typed) => {
    const scope = reevo()
      .post(`${API}/accounts/search`, { domain_name: 'acme.com', limit: 100, offset: 0 })
      .reply(200, []);

    await appTester(perform, bundleWith({ domain_name: typed }));

    expect(scope.isDone()).toBe(true);
  });

  it('puts the exact domain first, then its subdomains, keeping Reevo order within each, and drops other companies', async () => {
    const other = account('00000000-0000-4000-8000-000000000001', 'notacme.com');
    const subdomain = account('00000000-0000-4000-8000-000000000002', 'eu.acme.com');
    const foreign = account('00000000-0000-4000-8000-000000000003', 'acme.com.au');
    const exact = account('00000000-0000-4000-8000-000000000004', 'ACME.com');
    const noDomain = account('00000000-0000-4000-8000-000000000005', null);
    const secondSubdomain = account('00000000-0000-4000-8000-000000000006', 'us.acme.com');
    reevo().post(`${API}/accounts/search`).reply(200, [other, subdomain, foreign, noDomain, exact, secondSubdomain]);

    const found = await appTester(perform, bundleWith({ domain_name: 'https://acme.com' }));

    expect(found.map((a) => a.domain_name)).toEqual(['ACME.com', 'eu.acme.com', 'us.acme.com']);
  });

  it('finds nothing when Reevo only has other companies that contain the domain, so Find or Create creates it', async () => {
    reevo()
      .post(`${API}/accounts/search`)
      .reply(200, [account('00000000-0000-4000-8000-000000000001', 'notacme.com')]);

    await expect(appTester(perform, bundleWith({ domain_name: 'acme.com' }))).resolves.toEqual([]);
  });

  it('returns [] when nothing matches', async () => {
    const scope = reevo().post(`${API}/accounts/search`).reply(200, []);

    await expect(appTester(perform, bundleWith({ domain_name: 'nobody-here.example' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a response that is not a list instead of reporting nothing found', async () => {
    reevo()
      .post(`${API}/accounts/search`)
      .reply(200, { data: [sampleAccount] });

    const error = await caught(appTester(perform, bundleWith({ domain_name: 'acme.com' })));

    expect(error.message).toMatch(/something other than a list/);
  });
});

describe('find_account by ID', () => {
  it('sends one GET /accounts/{id} and returns the account as the only result', async () => {
    const scope = reevo().get(`${API}/accounts/${sampleAccount.id}`).reply(200, sampleAccount);

    const found = await appTester(perform, bundleWith({ account_id: ` ${sampleAccount.id.toUpperCase()} ` }));

    expect(found).toEqual([sampleAccount]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns [] on 404: an unknown ID is "nothing found", not an error', async () => {
    const scope = reevo().get(`${API}/accounts/${ID}`).reply(404, { detail: 'Not Found' });

    await expect(appTester(perform, bundleWith({ account_id: ID }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses an answer that is not an account instead of reporting nothing found', async () => {
    reevo().get(`${API}/accounts/${ID}`).reply(200, [sampleAccount]);

    const error = await caught(appTester(perform, bundleWith({ account_id: ID })));

    expect(error.message).toMatch(/^Reevo answered the account search with something other than the account asked for/);
  });

  it('still reports other errors, e.g. a key without the Accounts permission', async () => {
    reevo().get(`${API}/accounts/${ID}`).reply(403, { message: 'Missing permission: Accounts (read)' });

    const error = await caught(appTester(perform, bundleWith({ account_id: ID })));

    expect(error.code).toBe('missing_permission');
    expect(error.message).toMatch(/Accounts \(read\)/);
  });
});

describe('find_account input rules (nothing is sent)', () => {
  it('asks for the ID or the domain when neither is filled in', async () => {
    const error = await caught(appTester(perform, bundleWith({ domain_name: '  ', account_id: '' })));

    expect(error.message).toBe(
      'Fill in Account ID (account_id) to find the account by its ID, or Domain (domain_name) to search for it.',
    );
    expect(unexpectedRequests()).toBe(0);
  });

  it('names a domain it cannot read', async () => {
    const error = await caught(appTester(perform, bundleWith({ domain_name: 'not a domain' })));

    expect(error.message).toMatch(/^Domain \(domain_name\) "not a domain" is not a domain/);
    expect(unexpectedRequests()).toBe(0);
  });

  it('names an ID that is not a Reevo ID, with the label the editor shows', async () => {
    const error = await caught(appTester(perform, bundleWith({ account_id: 'acme' })));

    expect(error.message).toMatch(/^Account ID \(account_id\) "acme" is not a Reevo ID/);
    expect(error.message).not.toContain(TEST_API_KEY);
    expect(unexpectedRequests()).toBe(0);
  });
});
