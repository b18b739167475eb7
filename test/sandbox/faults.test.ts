/** Fault injection: each queued fault kind, the queue's order, and the seeded random mode. */
import { type Fault, startSandbox } from '../../sandbox';
import { SEEDED } from '../../sandbox/seed';
import { client, useSandbox, V1 } from './helpers';

const ctx = useSandbox();
const accountPath = `${V1}/accounts/${SEEDED.account.id}`;

/** fetch + reading the body, so a cut-off body rejects here too. */
async function raw(path: string, init: RequestInit = {}) {
  const res = await fetch(new URL(path, ctx.sandbox.url), {
    ...init,
    headers: { 'x-api-key': ctx.sandbox.keys.full, 'content-type': 'application/json', ...init.headers },
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const accountNamed = async (name: string) =>
  (
    await ctx.call('POST', '/api/v2/account/_query', {
      body: { filters: [{ field: 'display_name', operator: 'eq', value: name }] },
    })
  ).body.data.length;

beforeEach(() => {
  ctx.sandbox.clearFaults();
  ctx.sandbox.clearLogs();
});

test('latency delays the response, which is otherwise normal', async () => {
  ctx.sandbox.injectFaults([{ kind: 'latency', ms: 30 }]);
  const res = await ctx.call('GET', accountPath);
  expect(res.status).toBe(200);
  expect(res.body.id).toBe(SEEDED.account.id);
  expect(ctx.sandbox.requests[0].fault).toBe('latency');
});

test('500, 502 (a proxy HTML page) and 503 replace the response', async () => {
  ctx.sandbox.injectFaults([
    { kind: 'status', status: 500 },
    { kind: 'status', status: 502 },
    { kind: 'status', status: 503 },
  ]);
  const internal = await raw(accountPath);
  expect(internal.status).toBe(500);
  expect(internal.text).toBe('Internal Server Error');
  const badGateway = await raw(accountPath);
  expect(badGateway.status).toBe(502);
  expect(badGateway.headers.get('content-type')).toMatch(/text\/html/);
  expect(badGateway.text).toContain('<title>502 Bad Gateway</title>');
  const unavailable = await raw(accountPath);
  expect(unavailable.status).toBe(503);
  expect(JSON.parse(unavailable.text).error).toBe('ServiceUnavailableError');
  expect((await raw(accountPath)).status).toBe(200);
  expect(ctx.sandbox.requests.map((r) => [r.status, r.fault])).toEqual([
    [500, 'status-500'],
    [502, 'status-502'],
    [503, 'status-503'],
    [200, null],
  ]);
});

test('a server error fault means the write did not happen', async () => {
  ctx.sandbox.injectFaults([{ kind: 'status', status: 503 }]);
  expect((await ctx.call('POST', `${V1}/accounts`, { body: { name: 'Lost Write Inc' } })).status).toBe(503);
  expect(await accountNamed('Lost Write Inc')).toBe(0);
});

test('malformed JSON: a 2xx whose body does not parse, after the write happened', async () => {
  ctx.sandbox.injectFaults([{ kind: 'malformed-json' }]);
  const res = await raw(`${V1}/accounts`, { method: 'POST', body: JSON.stringify({ name: 'Garbled Ltd' }) });
  expect(res.status).toBe(201);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(() => JSON.parse(res.text)).toThrow();
  expect(await accountNamed('Garbled Ltd')).toBe(1);
});

test('a truncated body: the client sees the connection cut mid-body', async () => {
  ctx.sandbox.injectFaults([{ kind: 'truncated' }]);
  await expect(raw(accountPath)).rejects.toThrow();
  expect(ctx.sandbox.requests[0]).toMatchObject({ status: 0, fault: 'truncated' });
});

test('a dropped connection, before or after the write', async () => {
  ctx.sandbox.injectFaults([{ kind: 'drop' }]);
  await expect(
    raw(`${V1}/accounts`, { method: 'POST', body: JSON.stringify({ name: 'Dropped Early' }) }),
  ).rejects.toThrow();
  expect(await accountNamed('Dropped Early')).toBe(0);

  ctx.sandbox.injectFaults([{ kind: 'drop', afterHandler: true }]);
  await expect(
    raw(`${V1}/accounts`, { method: 'POST', body: JSON.stringify({ name: 'Dropped Late' }) }),
  ).rejects.toThrow();
  expect(await accountNamed('Dropped Late')).toBe(1);
  expect(ctx.sandbox.requests.filter((r) => r.fault === 'drop').map((r) => r.status)).toEqual([0, 0]);
});

test('429 with and without Retry-After, without quota wording', async () => {
  ctx.sandbox.injectFaults([{ kind: 'rate-limit', retryAfter: 7 }, { kind: 'rate-limit' }]);
  const withHeader = await ctx.call('GET', accountPath);
  expect(withHeader.status).toBe(429);
  expect(withHeader.headers.get('retry-after')).toBe('7');
  expect(withHeader.body.message).not.toMatch(/quota/i);
  const without = await ctx.call('GET', accountPath);
  expect(without.status).toBe(429);
  expect(without.headers.get('retry-after')).toBeNull();
});

test('invalid faults are refused', () => {
  expect(() => ctx.sandbox.injectFaults([{ kind: 'status', status: 404 } as unknown as Fault])).toThrow();
});

describe('random mode', () => {
  async function statuses(seed: number, errorRate: number, count: number): Promise<number[]> {
    const sandbox = await startSandbox({
      randomFaults: {
        seed,
        errorRate,
        failures: [
          { kind: 'status', status: 503 },
          { kind: 'rate-limit', retryAfter: 1 },
        ],
      },
    });
    try {
      const call = client(sandbox);
      const out: number[] = [];
      for (let i = 0; i < count; i += 1) out.push((await call('GET', '/api/v2/health')).status);
      return out;
    } finally {
      await sandbox.stop();
    }
  }

  test('the same seed gives the same faults; the rate is respected at its extremes', async () => {
    const first = await statuses(42, 0.5, 30);
    expect(await statuses(42, 0.5, 30)).toEqual(first);
    expect(first.some((s) => s !== 200)).toBe(true);
    expect(first.some((s) => s === 200)).toBe(true);
    expect(new Set(await statuses(1, 1, 10))).not.toContain(200);
    expect(new Set(await statuses(1, 0, 10))).toEqual(new Set([200]));
  });
});
