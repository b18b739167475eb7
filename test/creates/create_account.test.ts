import { perform } from '../../creates/create_account';
import { sampleAccount } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

describe('create_account', () => {
  it('sends the normalised account to POST /accounts with the key, and returns the new account', async () => {
    const call = expectRequest('POST', `${API}/accounts`, 201, sampleAccount);
    const result = await appTester(
      perform,
      bundleWith({
        name: '  Northwind Traders ',
        domain_name: 'https://www.Northwind-Traders.com/about',
        official_website: 'https://www.northwind-traders.com/about?ref=zap',
        owner_email: ' Morgan.Ellery@Acme-Outbound.example ',
        linkedin_url: 'linkedin.com/company/northwind-traders-example',
        facebook_url: '',
        zoominfo_url: '   ',
        x_url: 'https://x.com/northwind_example',
        custom_fields: { industry_segment: ' Wholesale distribution ', '': 'ignored' },
        custom_fields__tech_stack: ['NetSuite', 'Shopify'],
      }),
    );

    expect(call.scope.isDone()).toBe(true);
    const seen = call.seen();
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.headers['content-type']).toMatch(/^application\/json/);
    expect(seen.query).toEqual({});
    expect(seen.body).toEqual({
      name: 'Northwind Traders',
      domain_name: 'northwind-traders.com',
      official_website: 'https://www.northwind-traders.com',
      owner_email: 'morgan.ellery@acme-outbound.example',
      linkedin_url: 'https://linkedin.com/company/northwind-traders-example',
      x_url: 'https://x.com/northwind_example',
      custom_fields: { industry_segment: 'Wholesale distribution', tech_stack: ['NetSuite', 'Shopify'] },
    });
    expect(result).toEqual(sampleAccount);
  });

  it('takes the domain from an email address and sends only what is filled in', async () => {
    const call = expectRequest('POST', `${API}/accounts`, 201, sampleAccount);
    await appTester(
      perform,
      bundleWith({ name: 'Acme', domain_name: 'jane@acme.com', owner_email: null, custom_fields: {} }),
    );
    expect(call.seen().body).toEqual({ name: 'Acme', domain_name: 'acme.com' });
  });

  it.each([
    [{}, /Account Name \(name\) is required/],
    [
      { name: 'Acme', owner_email: 'morgan at acme' },
      /Account Owner Email \(owner_email\) "morgan at acme" is not a valid email address/,
    ],
    [{ name: 'Acme', domain_name: 'not a domain' }, /Domain \(domain_name\) "not a domain" is not a domain/],
    [{ name: 'Acme', official_website: 'acme' }, /Website \(official_website\) "acme" is not a website address/],
    [{ name: 'Acme', linkedin_url: 'ftp://linkedin.com/x' }, /LinkedIn URL \(linkedin_url\)/],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });

  it('lists every bad field at once', async () => {
    const error = await caught(appTester(perform, bundleWith({ owner_email: 'x', official_website: '??' })));
    expect(error.message).toMatch(/^Please fix these fields:/);
    expect(error.message).toMatch(/Account Name \(name\) is required/);
    expect(error.message).toMatch(/Account Owner Email \(owner_email\)/);
    expect(error.message).toMatch(/Website \(official_website\)/);
    expect(unexpectedRequests()).toBe(0);
  });

  it('tells which permission a key lacks', async () => {
    expectRequest('POST', `${API}/accounts`, 403, {
      error_response_type: 'GENERIC',
      error: 'ForbiddenError',
      message: 'Missing permission: Accounts (write)',
      details: null,
    });
    const error = await caught(appTester(perform, bundleWith({ name: 'Acme' })));
    expect(error.message).toMatch(/Missing permission: Accounts \(write\)/);
    expect(error.message).not.toContain(TEST_API_KEY);
  });
});

describe('the no-request guard used by these tests', () => {
  it('does count a request that no mock expected, so "sends nothing" assertions can fail', async () => {
    await caught(appTester(perform, bundleWith({ name: 'Acme' })));
    expect(unexpectedRequests()).toBe(1);
  });
});
