/**
 * A redirect from "Reevo" is never followed: the key would go along to wherever it points, and the
 * other host's answer would pass as Reevo's. A redirect is an error that says what happened.
 */
import nock from 'nock';
import { perform as createAccount } from '../../creates/create_account';
import { perform as findAccount } from '../../searches/find_account';
import { API, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';

useNock();

const ELSEWHERE = 'https://collector.elsewhere.example';
const ACCOUNT_ID = '3f6c2a9e-8d1b-4c57-9e0a-6b2f1d4c8a71';

/** The other host: records whether anything reached it, and with which key. */
function elsewhere() {
  const seen: Array<string | undefined> = [];
  const scope = nock(ELSEWHERE).persist();
  for (const method of ['GET', 'POST']) {
    scope.intercept(/.*/, method).reply(function reply() {
      seen.push(this.req.headers['x-api-key'] as string | undefined);
      return [200, { id: ACCOUNT_ID, name: 'Not Reevo' }];
    });
  }
  return seen;
}

describe.each([301, 302, 303, 307, 308])('HTTP %i', (status) => {
  it('on a create: an error that names the redirect, and nothing reaches the other host', async () => {
    const seen = elsewhere();
    nock(TEST_BASE_URL)
      .post(`${API}/accounts`)
      .reply(status, '', { Location: `${ELSEWHERE}/api/v1/public/accounts` });

    const error = await caught(appTester(createAccount, bundleWith({ name: 'Acme' })));

    expect(error.name).toBe('AppError');
    expect(error.message).toMatch(new RegExp(`redirect \\(HTTP ${status} to collector\\.elsewhere\\.example\\)`));
    expect(error.message).toMatch(/not followed/);
    expect(seen).toEqual([]);
  });

  it('on a search by ID: an error, never "found" and never "nothing found"', async () => {
    const seen = elsewhere();
    nock(TEST_BASE_URL)
      .get(`${API}/accounts/${ACCOUNT_ID}`)
      .reply(status, '', { Location: `${ELSEWHERE}/${TEST_API_KEY}` });

    const error = await caught(appTester(findAccount, bundleWith({ account_id: ACCOUNT_ID })));

    expect(error.message).toMatch(/redirect/);
    expect(error.message).not.toContain(TEST_API_KEY.slice(0, 8));
    expect(seen).toEqual([]);
  });
});

it('a redirect to a path of the same host is not followed either', async () => {
  const again = nock(TEST_BASE_URL).post(`${API}/v2/accounts`).reply(201, { id: ACCOUNT_ID });
  nock(TEST_BASE_URL)
    .post(`${API}/accounts`)
    .reply(308, '', { Location: `${API}/v2/accounts` });

  const error = await caught(appTester(createAccount, bundleWith({ name: 'Acme' })));

  expect(error.message).toMatch(/redirect \(HTTP 308/);
  expect(again.isDone()).toBe(false);
});
