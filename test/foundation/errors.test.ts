import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { callEndpoint } from '../../src/client';
import { endpoints } from '../../src/endpoints';
import { classifyResponse, MAX_RETRY_AFTER } from '../../src/errors';
import { appTester, bundleWith, caught, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';

const ACCOUNT_ID = '3f6c2a9e-8d1b-4c57-9e0a-6b2f1d4c8a71';
const getAccount = (z: ZObject, bundle: Bundle) => callEndpoint(z, endpoints.getAccount, bundle.inputData);
const createTask = (z: ZObject, bundle: Bundle) => callEndpoint(z, endpoints.createTask, bundle.inputData);
const runGet = () => appTester(getAccount, bundleWith({ account_id: ACCOUNT_ID }));
const reevo = () => nock(TEST_BASE_URL);
const accountPath = `/api/v1/public/accounts/${ACCOUNT_ID}`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the Reevo client', () => {
  it('sends the key in x-api-key to the configured base URL and returns the data', async () => {
    const scope = reevo()
      .get(accountPath)
      .matchHeader('x-api-key', TEST_API_KEY)
      .reply(200, { id: ACCOUNT_ID, name: 'Acme' });
    const result = await runGet();
    expect(result).toEqual({ status: 200, data: { id: ACCOUNT_ID, name: 'Acme' }, notes: [] });
    expect(scope.isDone()).toBe(true);
  });

  it('never sends the key to another host', async () => {
    // `badheaders`: the interceptor does not match a request that carries the header.
    const other = nock('https://elsewhere.example', { badheaders: ['x-api-key'] })
      .get('/x')
      .reply(200, {});
    await appTester(async (z: ZObject) => z.request({ url: 'https://elsewhere.example/x' }), bundleWith());
    expect(other.isDone()).toBe(true);
  });
});

describe('error mapping', () => {
  it.each([
    [
      'the observed invalid-key body',
      { error_response_type: 'GENERIC', error: 'UnauthorizedError', message: 'Invalid API key', details: null },
    ],
    ['a bare Unauthorized', { detail: 'Unauthorized' }],
    ["a page that is not Reevo's", '<html><body>401 Authorization Required</body></html>'],
  ])('any 401 during a Zap run (%s) is an ExpiredAuthError, so Zapier asks to reconnect', async (_what, body) => {
    reevo()
      .get(accountPath)
      .reply(401, body as nock.Body);
    const error = await caught(runGet());
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/reconnect/i);
  });

  it('an expired key is an ExpiredAuthError, so Zapier asks to reconnect', async () => {
    reevo().get(accountPath).reply(401, {
      error_response_type: 'GENERIC',
      error: 'UnauthorizedError',
      message: 'API key has expired',
      details: null,
    });
    const error = await caught(runGet());
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/expired/);
    expect(error.message).toMatch(/reconnect/i);
  });

  it('a 403 names the missing permission and how to add it', async () => {
    reevo().post('/api/v1/public/tasks').reply(403, {
      error_response_type: 'GENERIC',
      error: 'ForbiddenError',
      message: 'API key is missing required permissions: Tasks (write)',
      details: null,
    });
    const error = await caught(
      appTester(createTask, bundleWith({ title: 'Call Jane', owner_email: 'morgan@acme.com' })),
    );
    expect(error.message).toContain('Tasks (write)');
    expect(error.message).toMatch(/Settings → API Keys/);
    expect(error.code).toBe('missing_permission');
  });

  it('a 403 without a message still names the permission the endpoint needs', async () => {
    reevo().get(accountPath).reply(403, { detail: '' });
    const error = await caught(runGet());
    expect(error.message).toContain('Accounts (read)');
  });

  it('a 422 FastAPI detail list names each field by its label and says why', async () => {
    reevo()
      .post('/api/v1/public/tasks')
      .reply(422, {
        detail: [
          {
            type: 'value_error',
            loc: ['body', 'owner_email'],
            msg: 'No user with this email in the workspace',
            input: 'x@acme.com',
          },
          { type: 'missing', loc: ['body', 'title'], msg: 'Field required', input: null },
        ],
      });
    const error = await caught(appTester(createTask, bundleWith({ title: 'Call Jane', owner_email: 'x@acme.com' })));
    expect(error.message).toContain('Assignee Email (owner_email): No user with this email in the workspace.');
    expect(error.message).toContain('Title (title): Field required.');
    expect(error.code).toBe('invalid_input');
  });

  it('a 404 on a get says which record was not found', async () => {
    reevo().get(accountPath).reply(404, { detail: 'Not Found' });
    const error = await caught(runGet());
    expect(error.message).toBe(`No account with ID ${ACCOUNT_ID} was found in Reevo.`);
  });

  it('a 429 is a ThrottledError that honours Retry-After', async () => {
    reevo().get(accountPath).reply(429, { message: 'Too many requests' }, { 'Retry-After': '17' });
    const error = await caught(runGet());
    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBe(17);
  });

  it('a 429 without Retry-After still throttles, with a default delay', async () => {
    reevo().get(accountPath).reply(429, 'Too Many Requests');
    const error = await caught(runGet());
    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBe(60);
  });

  it('a 429 about the quota tells the user to contact their Reevo account manager', async () => {
    reevo().get(accountPath).reply(429, {
      error_response_type: 'GENERIC',
      error: 'QuotaExceeded',
      message: 'Public API request quota exceeded for this organization',
      details: null,
    });
    const error = await caught(runGet());
    expect(error.name).toBe('AppError');
    expect(error.message).toMatch(/quota/);
    expect(error.message).toMatch(/account manager/);
  });

  it.each([500, 502, 503])(
    'a %i with an HTML page gives a short message with the status and no HTML',
    async (status) => {
      const page = `<html><head><title>${status} Bad Gateway</title></head><body><h1>nginx</h1>${'x'.repeat(5000)}</body></html>`;
      reevo().get(accountPath).reply(status, page, { 'Content-Type': 'text/html' });
      const error = await caught(runGet());
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).not.toMatch(/<|nginx/);
      expect(error.message.length).toBeLessThan(300);
    },
  );

  it('a 2xx whose body is not complete JSON is not passed off as success', async () => {
    reevo().get(accountPath).reply(200, '{"id": "3f6c2a9e-8d1b', { 'Content-Type': 'application/json' });
    const error = await caught(runGet());
    expect(error.code).toBe('invalid_response');
  });

  it('other 4xx errors carry the Reevo message, from either envelope', async () => {
    reevo().get(accountPath).reply(409, {
      error_response_type: 'GENERIC',
      error: 'Conflict',
      message: 'Account is being merged',
      details: null,
    });
    expect((await caught(runGet())).message).toBe('Reevo returned HTTP 409: Account is being merged');
    reevo().get(accountPath).reply(405, { detail: 'Method Not Allowed' });
    expect((await caught(runGet())).message).toBe('Reevo returned HTTP 405: Method Not Allowed');
  });

  it('a dropped connection is reported as such', async () => {
    reevo().get(accountPath).replyWithError('socket hang up');
    const error = await caught(runGet());
    expect(error.message).toMatch(/^Could not reach Reevo: the connection was dropped/);
  });

  it('never lets the key into a message, even when the server echoes it', async () => {
    reevo()
      .get(accountPath)
      .reply(400, { message: `Bad header x-api-key=${TEST_API_KEY}` });
    const error = await caught(runGet());
    expect(error.message).not.toContain(TEST_API_KEY);
    expect(error.message).toContain('[API key]');
  });
});

describe('classifyResponse (pure; the Clay sender uses it too)', () => {
  const classify = (status: number, body: unknown, headers: Record<string, string> = {}, options = {}) =>
    classifyResponse({ status, headers, body: typeof body === 'string' ? body : JSON.stringify(body) }, options);

  it('a readable 2xx, or an empty one, is no failure at this level', () => {
    expect(classify(200, { id: ACCOUNT_ID })).toBeUndefined();
    expect(classify(204, '')).toBeUndefined();
  });

  it.each([
    [301, 'redirect'],
    [200, 'unreadable', '{"id":'],
    [401, 'invalid_key', { message: 'Invalid API key' }],
    [401, 'expired', { message: 'API key has expired' }],
    [403, 'permission', { message: 'API key is missing required permissions: Tasks (write)' }],
    [404, 'not_found', { detail: 'Not Found' }],
    [422, 'validation', { detail: [{ loc: ['body', 'title'], msg: 'Field required' }] }],
    [429, 'quota', { message: 'Public API request quota exceeded' }],
    [429, 'throttled', 'Too Many Requests'],
    [502, 'server', '<html>Bad Gateway</html>'],
    [403, 'not_reevo', '<html>Blocked by the firewall</html>'],
    [404, 'not_reevo', ''],
    [409, 'rejected', { message: 'Account is being merged' }],
  ] as const)('HTTP %i → %s', (status, kind, body = '') => {
    expect(classify(status, body)?.kind).toBe(kind);
  });

  it('says whether a later try may succeed and whether the request may have happened', () => {
    expect(classify(503, '')).toMatchObject({ retryable: true, mayHaveHappened: false });
    expect(classify(500, '')).toMatchObject({ retryable: true, mayHaveHappened: true });
    expect(classify(200, '{"id":')).toMatchObject({ retryable: false, mayHaveHappened: true });
    expect(classify(422, { detail: 'no' })).toMatchObject({ retryable: false, mayHaveHappened: false });
  });

  it('reads Retry-After in seconds or as an HTTP date, and caps it', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(classify(429, '', { 'Retry-After': '17' })?.retryAfter).toBe(17);
    expect(classify(429, '', { 'retry-after': 'Wed, 02 Dec 2026 10:02:00 GMT' }, { now })?.retryAfter).toBe(120);
    expect(classify(429, '', { 'Retry-After': '99999999' })?.retryAfter).toBe(MAX_RETRY_AFTER);
    expect(classify(429, '', { 'Retry-After': 'Wed, 02 Dec 2026 09:00:00 GMT' }, { now })?.retryAfter).toBe(1);
    expect(classify(429, '')?.retryAfter).toBeUndefined();
  });

  it('accepts fetch-style header lookups', () => {
    const failure = classifyResponse({
      status: 429,
      headers: (name) => (name === 'retry-after' ? '5' : null),
      body: '',
    });
    expect(failure?.retryAfter).toBe(5);
  });

  it('never puts the key in a message', () => {
    const failure = classify(400, { message: `bad key ${TEST_API_KEY}` }, {}, { apiKey: TEST_API_KEY });
    expect(failure?.message).not.toContain(TEST_API_KEY.slice(0, 8));
    expect(failure?.reevoMessage).toContain('[API key]');
  });
});
