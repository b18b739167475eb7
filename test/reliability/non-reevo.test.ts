/**
 * Only Reevo's answers count as Reevo's: a 403 or 404 that is none of Reevo's JSON envelopes (a
 * proxy's or a firewall's page) is "Reevo could not be reached properly", never "missing
 * permission", "not found", or a search that found nothing.
 */
import nock from 'nock';
import { testConnection } from '../../authentication';
import { perform as createTask } from '../../creates/create_task';
import { perform as findAccount } from '../../searches/find_account';
import { perform as findContact } from '../../searches/find_contact';
import { API, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

useNock();

const ID = '3f6c2a9e-8d1b-4c57-9e0a-6b2f1d4c8a71';

const pages: Array<[string, string, Record<string, string>]> = [
  [
    'a firewall page',
    '<html><head><title>Access denied</title></head><body><h1>Blocked by policy</h1></body></html>',
    { 'Content-Type': 'text/html' },
  ],
  ['a bare text', 'Forbidden', { 'Content-Type': 'text/plain' }],
  ['an empty body', '', {}],
  ["JSON that is none of Reevo's envelopes", '{"blocked":true,"rule":"geo"}', { 'Content-Type': 'application/json' }],
];

describe.each(pages)('%s', (_what, page, headers) => {
  it.each([403, 404])(
    'HTTP %i on a create is "could not be reached properly", not a permission or a missing record',
    async (status) => {
      nock(TEST_BASE_URL).post(`${API}/tasks`).reply(status, page, headers);

      const error = await caught(appTester(createTask, bundleWith({ title: 'Call', owner_email: 'morgan@acme.com' })));

      expect(error.message).toMatch(/^Reevo could not be reached properly/);
      expect(error.message).not.toMatch(/may not do this|permission|No task/);
      expect(error.message).not.toMatch(/<|Blocked by policy/);
    },
  );

  it('HTTP 404 on a search by ID is an error, not "nothing found"', async () => {
    nock(TEST_BASE_URL).get(`${API}/accounts/${ID}`).reply(404, page, headers);

    const error = await caught(appTester(findAccount, bundleWith({ account_id: ID })));

    expect(error.message).toMatch(/^Reevo could not be reached properly/);
  });

  it('HTTP 403 on a search names no permission', async () => {
    nock(TEST_BASE_URL).post(`${API}/contacts/search`).reply(403, page, headers);

    const error = await caught(appTester(findContact, bundleWith({ contact_email: 'jane@acme.com' })));

    expect(error.message).toMatch(/^Reevo could not be reached properly/);
  });

  it.each([403, 404])('HTTP %i does not pass the connection test', async (status) => {
    nock(TEST_BASE_URL).get(`${API}/accounts/00000000-0000-0000-0000-000000000000`).reply(status, page, headers);

    const error = await caught(appTester(testConnection, bundleWith()));

    expect(error.message).toMatch(/^Reevo could not be reached properly/);
  });
});

it('Reevo\'s own 404 on a search by ID is still "nothing found"', async () => {
  nock(TEST_BASE_URL).get(`${API}/accounts/${ID}`).reply(404, {
    error_response_type: 'GENERIC',
    error: 'NotFoundError',
    message: 'Account not found',
    details: null,
  });
  await expect(appTester(findAccount, bundleWith({ account_id: ID }))).resolves.toEqual([]);
});
