import { perform } from '../../creates/update_account';
import { sampleAccount } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

const ID = sampleAccount.id;

describe('update_account', () => {
  it('PATCHes only the filled-in fields, so empty inputs never blank a value in Reevo', async () => {
    const call = expectRequest('PATCH', `${API}/accounts/${ID}`, 200, {
      ...sampleAccount,
      owner_email: 'sam.ortiz@acme-outbound.example',
    });
    const result = await appTester(
      perform,
      bundleWith({
        account_id: ` ${ID.toUpperCase()} `,
        name: '',
        owner_email: 'Sam.Ortiz@Acme-Outbound.example',
        official_website: '   ',
        linkedin_url: null,
        facebook_url: undefined,
        custom_fields: { industry_segment: '' },
        custom_fields__tech_stack: [],
      }),
    );
    expect(call.scope.isDone()).toBe(true);
    const seen = call.seen();
    expect(seen.path).toBe(`${API}/accounts/${ID}`);
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.body).toEqual({ owner_email: 'sam.ortiz@acme-outbound.example' });
    expect(result).toMatchObject({ id: ID, owner_email: 'sam.ortiz@acme-outbound.example' });
  });

  it('sends a website as the site address and custom fields merged from both inputs', async () => {
    const call = expectRequest('PATCH', `${API}/accounts/${ID}`, 200, sampleAccount);
    await appTester(
      perform,
      bundleWith({
        account_id: ID,
        official_website: 'https://www.acme.com/about',
        custom_fields: { industry_segment: 'SaaS', tier: 'Gold' },
        custom_fields__tier: 'Platinum',
      }),
    );
    expect(call.seen().body).toEqual({
      official_website: 'https://www.acme.com',
      custom_fields: { industry_segment: 'SaaS', tier: 'Platinum' },
    });
  });

  it.each([
    [{ name: 'Acme' }, /Account \(account_id\) is required/],
    [
      { account_id: '3f6c2a9e-8b1d-4e57', name: 'Acme' },
      /Account \(account_id\) "3f6c2a9e-8b1d-4e57" is not a Reevo ID/,
    ],
    [
      { account_id: ID, owner_email: 'nobody' },
      /Account Owner Email \(owner_email\) "nobody" is not a valid email address/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });

  it('says which account was not found', async () => {
    expectRequest('PATCH', `${API}/accounts/${ID}`, 404, {
      error_response_type: 'GENERIC',
      error: 'NotFoundError',
      message: 'Account not found',
      details: null,
    });
    const error = await caught(appTester(perform, bundleWith({ account_id: ID, name: 'Acme' })));
    expect(error.message).toBe(`No account with ID ${ID} was found in Reevo.`);
  });
});
