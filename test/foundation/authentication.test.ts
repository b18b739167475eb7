import nock from 'nock';
import App from '../../index';
import { connectionLabel, testConnection } from '../../authentication';
import { appTester, bundleWith, caught, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';

const PROBE = '/api/v1/public/accounts/00000000-0000-0000-0000-000000000000';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('connection test', () => {
  it.each([
    [404, 'a key that may read accounts'],
    [403, 'a key made only for Tasks'],
  ])('passes on %i: %s connects', async (status) => {
    const scope = nock(TEST_BASE_URL).get(PROBE).matchHeader('x-api-key', TEST_API_KEY).reply(status, { detail: 'x' });
    await expect(appTester(testConnection, bundleWith())).resolves.toMatchObject({ connected: true });
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [403, '<html><body><h1>403 Forbidden</h1>Request blocked by the firewall</body></html>'],
    [404, '<html><body>Not Found</body></html>'],
    [404, 'Not Found'],
  ])("fails on a %i that is not Reevo's own answer (a proxy or firewall page)", async (status, page) => {
    nock(TEST_BASE_URL).get(PROBE).reply(status, page, { 'Content-Type': 'text/html' });
    const error = await caught(appTester(testConnection, bundleWith()));
    expect(error.message).toMatch(/^Reevo could not be reached properly/);
    expect(error.message).not.toMatch(/permission|not found/i);
  });

  it('fails on a 200 that is not an account (a captive portal answering JSON)', async () => {
    nock(TEST_BASE_URL).get(PROBE).reply(200, { ok: true });
    const error = await caught(appTester(testConnection, bundleWith()));
    expect(error.message).toMatch(/^Reevo could not be reached properly/);
  });

  it('fails with "Invalid API key" for a wrong key', async () => {
    nock(TEST_BASE_URL).get(PROBE).reply(401, {
      error_response_type: 'GENERIC',
      error: 'UnauthorizedError',
      message: 'Invalid API key',
      details: null,
    });
    const error = await caught(appTester(testConnection, bundleWith()));
    expect(error.message).toMatch(/^Invalid API key/);
  });

  it('fails with a clear expired-key message for an expired key', async () => {
    nock(TEST_BASE_URL).get(PROBE).reply(401, { message: 'API key has expired' });
    const error = await caught(appTester(testConnection, bundleWith()));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/expired/);
  });
});

describe('connection label', () => {
  it('uses the optional name and never the key', async () => {
    expect(
      await connectionLabel(
        {} as never,
        bundleWith({}, { authData: { api_key: TEST_API_KEY, label: 'Acme workspace' } }) as never,
      ),
    ).toBe('Acme workspace');
    const fallback = await connectionLabel({} as never, bundleWith() as never);
    expect(fallback).toBe('');
    expect(JSON.stringify(App.authentication)).not.toContain(TEST_API_KEY);
  });
});
