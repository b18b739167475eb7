/**
 * Time and the network: one deadline covers the answer's headers and body together (node-fetch's
 * `timeout` restarts for the body, so a slow body could run a step past Zapier's 30 s); a DNS
 * failure or a refused connection says nothing was sent and that it is safe to retry; only a
 * connection dropped after the request went out says the action may have happened.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { perform as createTask } from '../../creates/create_task';
import { REQUEST_TIMEOUT_MS } from '../../src/client';
import { API } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

const TASK = { title: 'Call', owner_email: 'morgan@acme.com' };
const run = () => caught(appTester(createTask, bundleWith(TASK)));
const DEADLINE_MS = 1_000;

let server: http.Server;
let serverUrl = '';

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
  // Headers after 700 ms, the body 700 ms later: each part within the deadline, both together past it.
  server = http.createServer((_request, response) => {
    setTimeout(() => {
      response.writeHead(201, { 'content-type': 'application/json' });
      response.write('{"id": "5b0f8c13-2e7a-4c69-');
      setTimeout(() => response.end('a4d1-9e3b6f2a8c07"}'), 700);
    }, 700);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.REEVO_REQUEST_TIMEOUT_MS = String(DEADLINE_MS);
});

afterEach(() => {
  process.env.REEVO_API_BASE_URL = TEST_BASE_URL;
  nock.cleanAll();
});

afterAll(async () => {
  delete process.env.REEVO_REQUEST_TIMEOUT_MS;
  nock.enableNetConnect();
  await new Promise((resolve) => server.close(resolve));
});

it("the deadline is under Zapier's 30 seconds", () => {
  expect(REQUEST_TIMEOUT_MS).toBeLessThan(30_000);
});

it('one deadline for headers and body together', async () => {
  // Warm up (the app's first run builds its schemas), so only the request is timed.
  nock(TEST_BASE_URL).post(`${API}/tasks`).reply(201, { id: '5b0f8c13-2e7a-4c69-a4d1-9e3b6f2a8c07' });
  await appTester(createTask, bundleWith(TASK));
  process.env.REEVO_API_BASE_URL = serverUrl;

  // Each part comes within the deadline, so only a deadline over both ends the request.
  const error = await run();

  expect(error.message).toMatch(/timed out/);
  expect(error.message).toMatch(/may or may not have happened/);
});

it('a refused connection: nothing was sent, safe to retry', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  process.env.REEVO_API_BASE_URL = `http://127.0.0.1:${port}`;

  const error = await run();

  expect(error.message).toMatch(/refused/);
  expect(error.message).toMatch(/nothing was sent/i);
  expect(error.message).toMatch(/safe to/i);
  expect(error.message).not.toMatch(/may or may not/);
});

it.each(['ENOTFOUND', 'EAI_AGAIN'])('a DNS failure (%s): nothing was sent, safe to retry', async (code) => {
  nock(TEST_BASE_URL)
    .post(`${API}/tasks`)
    .replyWithError(Object.assign(new Error(`getaddrinfo ${code} api.reevo.test`), { code }));

  const error = await run();

  expect(error.message).toMatch(/could not be found|name/i);
  expect(error.message).toMatch(/nothing was sent/i);
  expect(error.message).not.toMatch(/may or may not/);
});

it('a connection dropped after sending: it may have happened', async () => {
  nock(TEST_BASE_URL)
    .post(`${API}/tasks`)
    .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));

  const error = await run();

  expect(error.message).toMatch(/dropped/);
  expect(error.message).toMatch(/may or may not have happened/);
});
