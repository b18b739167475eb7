/**
 * Secret hygiene: every operation runs with a recognisable key against a local server that
 * answers every request with an error whose body echoes the request — method, path, headers
 * (the key included) and body — as a careless API or proxy might. The key must appear in no
 * error message, no output and no log line (z.console, core's request log, stdout, stderr).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { allOperations, candidateInputs, type PerformFunction } from '../helpers/operations';
import { appTester } from '../helpers/zapier';

const SECRET = 'rv_live_SECRET_7c1e9a44b2d84f0e_DO_NOT_LEAK';
/** Parts of the key too: a message that shows half a key leaks it as well. */
const FRAGMENTS = [SECRET, SECRET.slice(0, 20), SECRET.slice(-20)];

const STATUSES = [400, 401, 403, 404, 409, 422, 429, 500, 502] as const;

let server: http.Server;
let status = 400;
let captured = '';

function echoBody(request: http.IncomingMessage, body: string): string {
  const echo = { method: request.method, url: request.url, headers: request.headers, body };
  if (status === 422)
    return JSON.stringify({ detail: [{ loc: ['header', 'x-api-key'], msg: `bad key ${SECRET}`, input: echo }] });
  if (status === 502) return `<html><body><pre>${JSON.stringify(echo)}</pre></body></html>`;
  return JSON.stringify({
    error: 'Echo',
    message: `Request was ${JSON.stringify(echo)}`,
    detail: JSON.stringify(echo),
  });
}

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      response.writeHead(status, {
        'content-type': status === 502 ? 'text/html' : 'application/json',
        'x-echo-key': String(request.headers['x-api-key'] ?? ''),
        ...(status === 429 ? { 'retry-after': '5' } : {}),
      });
      response.end(echoBody(request, body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.REEVO_API_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.REEVO_API_BASE_URL;
  await new Promise((resolve) => server.close(resolve));
});

/** Everything written to stdout, stderr and console while `fn` runs. */
async function capturingOutput<T>(fn: () => Promise<T>): Promise<T> {
  const write = (chunk: unknown) => {
    captured += typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : String(chunk);
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(write),
    jest.spyOn(process.stderr, 'write').mockImplementation(write),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      jest
        .spyOn(console, level)
        .mockImplementation(
          (...args: unknown[]) =>
            void write(`${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}\n`),
        ),
    ),
  ];
  try {
    return await fn();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** Every function of every operation, each with inputs that pass the app's own checks. */
function runs(): Array<{ name: string; perform: PerformFunction; bundle: Partial<Bundle> }> {
  const list: Array<{ name: string; perform: PerformFunction; bundle: Partial<Bundle> }> = [];
  const auth = { api_key: SECRET };
  for (const op of allOperations()) {
    const input = candidateInputs(op)[0];
    const base = { authData: auth, inputData: input, meta: { page: 0 } } as unknown as Partial<Bundle>;
    if (op.perform && !op.isHook) list.push({ name: `${op.key} perform`, perform: op.perform, bundle: base });
    if (op.performSubscribe)
      list.push({
        name: `${op.key} performSubscribe`,
        perform: op.performSubscribe,
        bundle: { ...base, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/secret/' },
      });
    if (op.performList) list.push({ name: `${op.key} performList`, perform: op.performList, bundle: base });
    if (op.performUnsubscribe) {
      list.push({
        name: `${op.key} performUnsubscribe`,
        perform: op.performUnsubscribe,
        bundle: { ...base, subscribeData: { id: '6f1c2e3a-1b2c-4d5e-8f90-123456789abc' } } as Partial<Bundle>,
      });
    }
    for (const fields of op.dynamicInputFields)
      list.push({ name: `${op.key} dynamic input fields`, perform: fields, bundle: base });
  }
  return list;
}

test('there is something to run', () => {
  expect(runs().length).toBeGreaterThan(20);
});

test.each(STATUSES)('HTTP %i echoing the request: the key is in no message, result or log line', async (answer) => {
  status = answer;
  captured = '';
  const texts: string[] = [];
  const zConsole: string[] = [];
  const seen = jest.fn();
  server.on('request', seen);
  await capturingOutput(async () => {
    for (const run of runs()) {
      try {
        // The app's own log lines (z.console) are recorded too, whatever core does with them.
        const logged: PerformFunction = (z, bundle) => {
          for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
            const original = (z.console as unknown as Record<string, (...args: unknown[]) => void>)[level]?.bind(
              z.console,
            );
            (z.console as unknown as Record<string, (...args: unknown[]) => void>)[level] = (...args: unknown[]) => {
              zConsole.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
              original?.(...args);
            };
          }
          return run.perform(z, bundle);
        };
        const result = await appTester(logged, run.bundle as Bundle);
        texts.push(JSON.stringify(result) ?? '');
      } catch (error) {
        const err = error as Error & { stack?: string };
        texts.push(err.message, String(err.stack ?? ''), JSON.stringify(err));
      }
    }
  });
  server.off('request', seen);
  const requestsWithKey = seen.mock.calls.filter(
    ([request]) => (request as http.IncomingMessage).headers['x-api-key'] === SECRET,
  ).length;
  // The server did get the key (so the echo held it), and nothing of it came back out.
  expect(requestsWithKey).toBeGreaterThan(0);
  for (const fragment of FRAGMENTS) {
    expect(texts.filter((text) => text.includes(fragment))).toEqual([]);
    expect(captured.includes(fragment)).toBe(false);
    expect(zConsole.filter((line) => line.includes(fragment))).toEqual([]);
  }
});
