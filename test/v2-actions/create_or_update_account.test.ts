import { perform } from '../../creates/create_or_update_account';
import { ACCOUNT_MATCH_KEY } from '../../src/v2-writes';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { expectRequest, IDS, sentWithKey, unexpectedRequests, useNock, v2Answer } from './helpers';

useNock();

const answer = (meta?: { action: string }) =>
  v2Answer(
    'account',
    IDS.account,
    {
      display_name: { value_type: 'string', value: 'Acme Analytics' },
      domains: [{ value_type: 'account_domain', value: { domain_name: 'acme.com', is_primary: true } }] as never,
    },
    meta,
  );

describe('create_or_update_account', () => {
  it('POSTs _assert matched by the domain, with the attributes under their v2 names', async () => {
    const call = expectRequest('POST', '/api/v2/account/_assert', 201, answer({ action: 'created' }));
    const result = (await appTester(
      perform,
      bundleWith({
        domain_name: 'https://www.Acme.com/about',
        name: 'Acme Analytics',
        official_website: 'acme.com',
        linkedin_url: 'https://www.linkedin.com/company/acme',
        owner_email: 'morgan.lee@acme-sales.io',
      }),
    )) as Record<string, unknown>;
    const seen = call.seen();
    expect(sentWithKey(seen)).toBe(true);
    expect(seen.body).toEqual({
      match: { [ACCOUNT_MATCH_KEY]: 'acme.com' },
      attributes: {
        display_name: 'Acme Analytics',
        official_website: 'https://acme.com',
        linkedin_url: 'https://www.linkedin.com/company/acme',
        owner_user_id: { related_record_match: { email: 'morgan.lee@acme-sales.io' } },
      },
    });
    expect(result).toMatchObject({ id: IDS.account, action: 'created' });
  });

  it.each([
    [200, { action: 'updated' }, 'updated'],
    [201, { action: 'CREATED' }, 'created'],
    [200, undefined, 'updated'],
    [201, undefined, 'created'],
  ])('HTTP %i with meta %j says %s', async (status, meta, action) => {
    expectRequest('POST', '/api/v2/account/_assert', status, answer(meta));
    const result = (await appTester(
      perform,
      bundleWith({ domain_name: 'acme.com', name: 'Acme Analytics' }),
    )) as Record<string, unknown>;
    expect(result.action).toBe(action);
  });

  it.each([
    [{ name: 'Acme' }, /Domain \(domain_name\) is required/],
    [{ domain_name: 'acme.com' }, /Account Name \(name\) is required/],
    [{ domain_name: 'not a domain', name: 'Acme' }, /Domain \(domain_name\) "not a domain" is not a domain/],
    [{ domain_name: 'acme.com', name: 'Acme', owner_email: 'morgan@' }, /Account Owner Email \(owner_email\)/],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});
