/** Webhook deliveries (contract §4): payload, signature, retries with backoff, 410 removal, variants. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEEDED } from '../../sandbox/seed';
import { startSandbox } from '../../sandbox';
import { client, expectKeySet, KEY_SETS, useSandbox, V1 } from './helpers';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever was delivered
  body: any;
}

/** A local webhook receiver answering with queued statuses (200 once the queue is empty). */
async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
      res.statusCode = statuses.shift() ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver does: recompute the HMAC of "<t>.<raw body>" and compare in constant time. */
function verify(secret: string, header: string | string[] | undefined, raw: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(header));
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}

const ctx = useSandbox({ webhooks: { maxAttempts: 3, baseDelayMs: 5 } });
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => {
  receiver.received.length = 0;
  receiver.statuses.length = 0;
  ctx.sandbox.clearLogs();
  ctx.sandbox.setWebhookVariants({});
});

async function subscribe(eventTypes: string[], targetUrl = receiver.url) {
  const res = await ctx.call('POST', `${V1}/webhooks`, { body: { target_url: targetUrl, event_types: eventTypes } });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

const unsubscribe = (id: string) => ctx.call('DELETE', `${V1}/webhooks/${id}`);
const upsert = (body: object) => ctx.call('POST', `${V1}/account_contact`, { query: { payload_type: 'json' }, body });

test('an upsert that creates delivers account.created and contact.created, signed', async () => {
  const sub = await subscribe(['account.created', 'contact.created', 'contact.updated']);
  await upsert({ email: 'mo@proseware.example', company: 'Proseware' });
  await ctx.sandbox.idle();

  const types = receiver.received.map((r) => r.body.event_type).sort();
  expect(types).toEqual(['account.created', 'contact.created']);
  for (const delivery of receiver.received) {
    expect(verify(sub.secret, delivery.headers['x-reevo-signature'], delivery.raw)).toBe(true);
    expect(verify('whsec_wrong', delivery.headers['x-reevo-signature'], delivery.raw)).toBe(false);
    expect(delivery.headers['x-reevo-event-id']).toBe(delivery.body.id);
    expectKeySet(delivery.body, ['id', 'event_type', 'occurred_at', 'data']);
  }
  const contact = receiver.received.find((r) => r.body.event_type === 'contact.created')!.body.data;
  expectKeySet(contact, KEY_SETS.contact);
  expect(contact.email).toBe('mo@proseware.example');
  await unsubscribe(sub.id);
});

test('contact.updated and opportunity.stage_changed carry the changes', async () => {
  const sub = await subscribe(['contact.updated', 'opportunity.stage_changed', 'account.updated']);
  await upsert({ email: 'mo@proseware.example', title: 'CFO' });
  await ctx.call('POST', `${V1}/opportunities/${SEEDED.opportunity.id}/shift_stage`, {
    body: { target_stage_name: 'Closed Won', closed_reason_names: ['Pricing'] },
  });
  await ctx.sandbox.idle();

  const byType = Object.fromEntries(receiver.received.map((r) => [r.body.event_type, r.body]));
  expect(Object.keys(byType).sort()).toEqual(['contact.updated', 'opportunity.stage_changed']);
  expect(byType['contact.updated'].changes).toEqual({ title: { old: null, new: 'CFO' } });
  expect(byType['opportunity.stage_changed'].changes).toMatchObject({
    stage_name: { old: 'Proposal', new: 'Closed Won' },
    status: { old: 'DEAL', new: 'CLOSED_WON' },
    closed_reason_names: { old: [], new: ['Pricing'] },
  });
  expectKeySet(byType['opportunity.stage_changed'].data, KEY_SETS.opportunity);
  await unsubscribe(sub.id);
});

test('v2 writes fire the same events, with the v1 record and its changes', async () => {
  const sub = await subscribe([
    'contact.created',
    'contact.updated',
    'opportunity.stage_changed',
    'opportunity.updated',
    'task.created',
  ]);
  const created = await ctx.call('POST', '/api/v2/contact', {
    body: { attributes: { primary_email: 'v2.events@proseware.example' } },
  });
  await ctx.call('PATCH', `/api/v2/contact/${created.body.data.id}`, { body: { attributes: { title: 'COO' } } });
  // Unchanged: no event.
  await ctx.call('PATCH', `/api/v2/contact/${created.body.data.id}`, { body: { attributes: { title: 'COO' } } });
  const opportunity = await ctx.call('POST', '/api/v2/opportunity', {
    body: { attributes: { display_name: 'Events deal', stage: 'discovery', account_id: SEEDED.account.id } },
  });
  await ctx.call('PATCH', `/api/v2/opportunity/${opportunity.body.data.id}`, {
    body: { attributes: { stage: 'demo' } },
  });
  await ctx.sandbox.idle();

  const events = receiver.received.map((r) => r.body);
  expect(events.map((e) => e.event_type)).toEqual(['contact.created', 'contact.updated', 'opportunity.stage_changed']);
  expectKeySet(events[0].data, KEY_SETS.contact);
  expect(events[1].changes).toMatchObject({ title: { old: null, new: 'COO' } });
  expect(events[2].changes).toMatchObject({
    stage_name: { old: 'Discovery', new: 'Demo' },
    status: { old: 'PROSPECT', new: 'DEAL' },
  });
  await unsubscribe(sub.id);
});

test('only subscribed event types are delivered, and nothing after unsubscribing', async () => {
  const sub = await subscribe(['task.created']);
  await ctx.call('POST', `${V1}/accounts`, { body: { name: 'Not delivered' } });
  await ctx.call('POST', `${V1}/tasks`, { body: { title: 'Delivered', owner_email: SEEDED.user.email } });
  await ctx.sandbox.idle();
  expect(receiver.received.map((r) => r.body.event_type)).toEqual(['task.created']);
  expectKeySet(receiver.received[0].body.data, KEY_SETS.task);

  await unsubscribe(sub.id);
  await ctx.call('POST', `${V1}/tasks`, { body: { title: 'Too late', owner_email: SEEDED.user.email } });
  await ctx.sandbox.idle();
  expect(receiver.received).toHaveLength(1);
});

test('non-2xx answers are retried with backoff, same event id, until success', async () => {
  const sub = await subscribe(['account.created']);
  receiver.statuses.push(500, 503);
  await ctx.call('POST', `${V1}/accounts`, { body: { name: 'Retry Co' } });
  await ctx.sandbox.idle();

  expect(receiver.received).toHaveLength(3);
  expect(new Set(receiver.received.map((r) => r.body.id)).size).toBe(1);
  expect(ctx.sandbox.deliveries.map((d) => [d.attempt, d.status])).toEqual([
    [1, 500],
    [2, 503],
    [3, 200],
  ]);
  await unsubscribe(sub.id);
});

test('retries stop after maxAttempts; network errors are retried too', async () => {
  const sub = await subscribe(['account.created']);
  receiver.statuses.push(500, 500, 500, 500);
  await ctx.call('POST', `${V1}/accounts`, { body: { name: 'Never Co' } });
  await ctx.sandbox.idle();
  expect(ctx.sandbox.deliveries.map((d) => d.status)).toEqual([500, 500, 500]);
  await unsubscribe(sub.id);

  // A port nobody listens on: every attempt is a network error.
  const closed = await startReceiver();
  await closed.close();
  const dead = await subscribe(['account.created'], closed.url);
  ctx.sandbox.clearLogs();
  await ctx.call('POST', `${V1}/accounts`, { body: { name: 'Nobody home' } });
  await ctx.sandbox.idle();
  expect(ctx.sandbox.deliveries.map((d) => [d.attempt, d.status])).toEqual([
    [1, null],
    [2, null],
    [3, null],
  ]);
  expect(ctx.sandbox.deliveries[0].error).toBeTruthy();
  await unsubscribe(dead.id);
});

test('a 410 Gone deletes the subscription', async () => {
  const sub = await subscribe(['account.created']);
  receiver.statuses.push(410);
  await ctx.call('POST', `${V1}/accounts`, { body: { name: 'Gone Co' } });
  await ctx.sandbox.idle();
  expect(ctx.sandbox.deliveries.map((d) => d.status)).toEqual([410]);
  expect((await ctx.call('GET', `${V1}/webhooks/${sub.id}`)).status).toBe(404);
});

test('targets off the loopback interface are logged, never contacted', async () => {
  const sub = await subscribe(['account.created'], 'https://hooks.zapier.com/hooks/standard/1/abc/');
  await ctx.call('POST', `${V1}/accounts`, { body: { name: 'Local only' } });
  await ctx.sandbox.idle();
  expect(ctx.sandbox.deliveries).toEqual([
    expect.objectContaining({ status: null, attempt: 1, error: expect.stringMatching(/loopback/) }),
  ]);
  await unsubscribe(sub.id);
});

test('allowNonLoopbackTargets (--allow-external-webhook-targets) lets deliveries leave the machine', async () => {
  const open = await startSandbox({ webhooks: { allowNonLoopbackTargets: true, maxAttempts: 1, timeoutMs: 100 } });
  try {
    const call = client(open);
    // TEST-NET-1 (RFC 5737): routed nowhere, so the attempt is made and times out or fails.
    await call('POST', `${V1}/webhooks`, {
      body: { target_url: 'http://192.0.2.1:9/hooks', event_types: ['account.created'] },
    });
    await call('POST', `${V1}/accounts`, { body: { name: 'Leaves the machine' } });
    await open.idle();
    expect(open.deliveries).toEqual([expect.objectContaining({ status: null, attempt: 1, error: expect.any(String) })]);
    expect(open.deliveries[0].error).not.toMatch(/loopback/);
  } finally {
    await open.stop();
  }
});

describe('variants a receiver must tolerate', () => {
  test('the record at the top level, no changes, extra keys, duplicate delivery', async () => {
    const sub = await subscribe(['account.updated']);
    ctx.sandbox.setWebhookVariants({
      payloadStyle: 'top-level',
      omitChanges: true,
      duplicateDeliveries: true,
      extraKeys: { schema_version: 3 },
    });
    const account = (await ctx.call('POST', `${V1}/accounts/search`, { body: { domain_name: 'fabrikam' } })).body[0];
    await ctx.call('PATCH', `${V1}/accounts/${account.id}`, { body: { x_url: 'https://x.com/fabrikam' } });
    await ctx.sandbox.idle();

    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(first.headers['x-reevo-event-id']).toBe(second.headers['x-reevo-event-id']);
    expect(first.body).toMatchObject({
      id: account.id,
      x_url: 'https://x.com/fabrikam',
      event_type: 'account.updated',
      schema_version: 3,
    });
    expect(first.body).not.toHaveProperty('changes');
    expect(first.body).not.toHaveProperty('data');
    expect(verify(sub.secret, first.headers['x-reevo-signature'], first.raw)).toBe(true);
    await unsubscribe(sub.id);
  });

  test('deliverRaw sends any body, signed unless told otherwise', async () => {
    const sub = await subscribe(['contact.created']);
    const result = await ctx.sandbox.deliverRaw(sub.id, {
      body: { id: 'evt_custom', event_type: 'contact.created', data: { id: 'x' } },
    });
    expect(result.status).toBe(200);
    await ctx.sandbox.deliverRaw(sub.id, {
      body: '{"event_type":"contact.created"}',
      sign: false,
      headers: { 'x-reevo-event-id': 'evt_2' },
    });
    const [signed, unsigned] = receiver.received;
    expect(signed.headers['x-reevo-event-id']).toBe('evt_custom');
    expect(verify(sub.secret, signed.headers['x-reevo-signature'], signed.raw)).toBe(true);
    expect(unsigned.headers['x-reevo-signature']).toBeUndefined();
    expect(unsigned.headers['x-reevo-event-id']).toBe('evt_2');
    await unsubscribe(sub.id);
  });
});
