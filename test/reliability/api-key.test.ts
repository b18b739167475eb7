/**
 * The key as pasted and as echoed back: whitespace and invisible characters are stripped before
 * use; a key with control characters fails clearly without showing it; and no encoding of the key
 * (raw, JSON-escaped, URL-encoded) nor any run of 8 of its characters reaches an error message, a
 * stack trace or core's request log.
 */
import nock from 'nock';
import { testConnection } from '../../authentication';
import { perform as createTask } from '../../creates/create_task';
import { API, unexpectedRequests, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

useNock();

/** A key with the characters that encodings change: `/`, `&`, `+`, `=`. */
const KEY = 'rv_live_Ab/Cd&Ef+Gh=Ij_7c1e9a44b2d84f0e';
const PROBE = `${API}/accounts/00000000-0000-0000-0000-000000000000`;
const TASK = { title: 'Call', owner_email: 'morgan@acme.com' };
const withKey = (api_key: string) => bundleWith(TASK, { authData: { api_key } });

describe('a pasted key', () => {
  it.each([
    ['spaces and a line break', `  ${KEY}\n`],
    ['a zero-width space and a byte-order mark', `\ufeff${KEY}\u200b`],
    ['a no-break space inside', `${KEY.slice(0, 10)}\u00a0${KEY.slice(10)}`],
  ])('with %s is sent clean, and connects', async (_what, pasted) => {
    const probe = nock(TEST_BASE_URL).get(PROBE).matchHeader('x-api-key', KEY).reply(404, { detail: 'Not Found' });
    const task = nock(TEST_BASE_URL)
      .post(`${API}/tasks`)
      .matchHeader('x-api-key', KEY)
      .reply(201, { id: '5b0f8c13-2e7a-4c69-a4d1-9e3b6f2a8c07' });

    await expect(appTester(testConnection, withKey(pasted))).resolves.toMatchObject({ connected: true });
    await expect(appTester(createTask, withKey(pasted))).resolves.toMatchObject({ id: expect.any(String) });
    expect(probe.isDone() && task.isDone()).toBe(true);
  });

  it('with a control character fails before sending, saying so without showing the key', async () => {
    const error = await caught(appTester(createTask, withKey(`${KEY.slice(0, 12)}\u0007${KEY.slice(12)}`)));

    expect(error.message).toMatch(/control characters/);
    expect(error.message).not.toContain(KEY.slice(0, 8));
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('an answer that echoes the key', () => {
  const jsonSlashes = KEY.replace(/\//g, '\\/');
  const jsonUnicode = KEY.replace(/&/g, '\\u0026').replace(/\+/g, '\\u002b');
  const forms: Array<[string, string]> = [
    ['raw', KEY],
    ['JSON-escaped with \\/', jsonSlashes],
    ['JSON-escaped with \\u0026', jsonUnicode],
    ['URL-encoded', encodeURIComponent(KEY)],
    ['cut to 9 characters', KEY.slice(23, 32)],
  ];
  const logged: string[] = [];

  beforeAll(() => {
    process.env.LOG_TO_STDOUT = '1';
    process.env.DETAILED_LOG_TO_STDOUT = '1';
  });
  afterAll(() => {
    delete process.env.LOG_TO_STDOUT;
    delete process.env.DETAILED_LOG_TO_STDOUT;
  });

  it.each(forms)('%s: in no message, stack trace or request log', async (_what, form) => {
    // Written as raw JSON text, so the escapes reach the app as a server would send them.
    const body = `{"message":"x-api-key ${form} is not allowed here","detail":"key=${form}"}`;
    nock(TEST_BASE_URL).post(`${API}/tasks`).reply(400, body, { 'Content-Type': 'application/json' });
    const spy = jest
      .spyOn(console, 'log')
      .mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));

    let thrown: Error | undefined;
    try {
      await appTester(createTask, withKey(KEY));
    } catch (error) {
      thrown = error as Error;
    } finally {
      spy.mockRestore();
    }

    expect(thrown).toBeDefined();
    const texts = [thrown!.message, String(thrown!.stack), ...logged];
    // Every run of 8 characters of the key, in the form the server used.
    for (let i = 0; i + 8 <= form.length; i++) {
      const run = form.slice(i, i + 8);
      expect(texts.filter((text) => text.includes(run))).toEqual([]);
    }
    expect(logged.join('\n')).toContain('is not allowed here');
  });
});
