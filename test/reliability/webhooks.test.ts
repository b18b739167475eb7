/**
 * Webhook deliveries against every instant trigger's perform, through appTester: duplicates,
 * bad signatures, replayed old timestamps, unknown event types, non-JSON and tampered bodies.
 * A delivery that cannot be trusted or read is refused with a Zapier error (shown in the Zap
 * history); one that is merely not for this trigger, or already seen, triggers nothing.
 */
import { randomUUID } from 'node:crypto';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import App from '../../index';
import { triggers, type Operation } from '../helpers/operations';
import { signatureFor, SIGNATURE_HEADER, REPLAY_WINDOW_SECONDS } from '../../src/webhooks';
import { runPerform, type Outcome } from './harness';

const SECRET = 'whsec_reliability_test_secret_0123456789abcdef';
const hooks = triggers().filter((op) => op.isHook && op.perform);
const definitions = (
  App as unknown as { triggers: Record<string, { operation: { sample?: Record<string, unknown> } }> }
).triggers;

beforeAll(() => {
  nock.disableNetConnect();
});

interface DeliveryOptions {
  eventId?: string;
  eventType?: string;
  secret?: string;
  timestamp?: number;
  raw?: string;
  headers?: Record<string, string>;
  /** Signs `raw` but sends this instead. */
  tamperedBody?: string;
  signature?: string | null;
}

/** The record a delivery carries, from the trigger's own sample (its event metadata removed; an update's `record_id` is the record's id). */
function recordOf(op: Operation): Record<string, unknown> {
  const { record_id, ...sample } = definitions[op.key].operation.sample ?? {};
  const record = Object.fromEntries(
    Object.entries(sample).filter(([key]) => !/^(event_|occurred_at|changed_fields|changes)/.test(key)),
  );
  return record_id === undefined ? record : { ...record, id: record_id };
}

function eventTypeOf(op: Operation): string {
  return String(definitions[op.key].operation.sample?.event_type ?? '');
}

function deliver(op: Operation, subscriptionId: string, options: DeliveryOptions = {}): Promise<Outcome> {
  const record = recordOf(op);
  const raw =
    options.raw ??
    JSON.stringify({
      id: options.eventId ?? randomUUID(),
      event_type: options.eventType ?? eventTypeOf(op),
      occurred_at: new Date().toISOString(),
      data: record,
    });
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature === undefined ? signatureFor(options.secret ?? SECRET, raw, timestamp) : options.signature;
  const content = options.tamperedBody ?? raw;
  let cleaned: unknown;
  try {
    cleaned = JSON.parse(content);
  } catch {
    cleaned = content;
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...(signature !== null ? { 'Http-X-Reevo-Signature': signature } : {}),
    ...options.headers,
  };
  return runPerform(
    op.perform!,
    {
      authData: { api_key: 'unused_by_perform' },
      inputData: {},
      subscribeData: {
        id: subscriptionId,
        secret: SECRET,
        event_types: [eventTypeOf(op)],
        target_url: 'https://hooks.zapier.com/x',
      },
      cleanedRequest: cleaned,
      rawRequest: { content, headers },
    } as unknown as Partial<Bundle>,
    true,
  );
}

const refused = (outcome: Outcome) => {
  expect(outcome.ok).toBe(false);
  expect(outcome.error?.name).toBe('AppError');
  return outcome.error!.message;
};

test('there are instant triggers to check', () => {
  expect(hooks.length).toBeGreaterThan(0);
});

describe.each(hooks.map((op) => [op.key, op] as const))('%s', (_key, op) => {
  test('a genuine delivery triggers once with its record', async () => {
    const eventId = randomUUID();
    const outcome = await deliver(op, randomUUID(), { eventId });
    expect(outcome.error).toBeUndefined();
    const items = outcome.result as Array<Record<string, unknown>>;
    expect(items).toHaveLength(1);
    expect(items[0].record_id ?? items[0].id).toBe(recordOf(op).id);
    expect(items[0].event_id).toBe(eventId);
  });

  test('the same event delivered twice triggers once', async () => {
    const subscription = randomUUID();
    const eventId = randomUUID();
    const first = await deliver(op, subscription, { eventId });
    const second = await deliver(op, subscription, { eventId });
    expect((first.result as unknown[]).length).toBe(1);
    expect(second.ok).toBe(true);
    expect(second.result).toEqual([]);
  });

  test('a signature made with another secret is refused', async () => {
    expect(refused(await deliver(op, randomUUID(), { secret: 'whsec_attacker' }))).toMatch(/signature/i);
  });

  test('a missing or unreadable signature is refused', async () => {
    expect(refused(await deliver(op, randomUUID(), { signature: null }))).toMatch(/no signature/i);
    expect(refused(await deliver(op, randomUUID(), { signature: 't=abc,v1=zz' }))).toMatch(/unreadable signature/i);
  });

  test('a body changed after signing is refused', async () => {
    const raw = JSON.stringify({ id: randomUUID(), event_type: eventTypeOf(op), data: recordOf(op) });
    const tampered = raw.replace(String(recordOf(op).id), '00000000-0000-4000-8000-000000000000');
    expect(refused(await deliver(op, randomUUID(), { raw, tamperedBody: tampered }))).toMatch(/does not match/i);
  });

  test('a replay with an old (or far future) timestamp is refused, even correctly signed', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect(refused(await deliver(op, randomUUID(), { timestamp: now - REPLAY_WINDOW_SECONDS - 60 }))).toMatch(/ago/);
    expect(refused(await deliver(op, randomUUID(), { timestamp: now + REPLAY_WINDOW_SECONDS + 60 }))).toMatch(
      /in the future/,
    );
  });

  test('an event type this trigger does not handle triggers nothing (and does not fail)', async () => {
    for (const eventType of [
      'account.deleted',
      'something.new',
      hooks.find((other) => eventTypeOf(other) !== eventTypeOf(op))?.key ?? 'x.y',
    ]) {
      const outcome = await deliver(op, randomUUID(), { eventType });
      expect({ eventType, ok: outcome.ok, result: outcome.result }).toEqual({ eventType, ok: true, result: [] });
    }
  });

  test('a body that is not JSON is refused with a clear message', async () => {
    for (const raw of ['not json at all', '<html>oops</html>', '{"id": "truncated', '']) {
      const outcome = await deliver(op, randomUUID(), { raw });
      const message = refused(outcome);
      expect(message).toMatch(/cannot read|not JSON|empty/i);
    }
  });

  test('JSON that is not an event with a record is refused, not passed on', async () => {
    for (const raw of [
      '[]',
      '42',
      '"text"',
      '{"event_type": "x"}',
      JSON.stringify({ event_type: eventTypeOf(op), data: { name: 'no id' } }),
    ]) {
      expect(refused(await deliver(op, randomUUID(), { raw }))).toMatch(/cannot read/i);
    }
  });

  test('a record at the top level is read; the unsigned event id header is not trusted as the event id', async () => {
    const eventId = randomUUID();
    const raw = JSON.stringify({ ...recordOf(op), event_type: eventTypeOf(op) });
    const outcome = await deliver(op, randomUUID(), { raw, headers: { 'x-reevo-event-id': eventId } });
    expect(outcome.error).toBeUndefined();
    const [item] = outcome.result as Array<Record<string, unknown>>;
    expect(item.record_id ?? item.id).toBe(recordOf(op).id);
    expect(item.event_id).not.toBe(eventId);
    expect(item.event_id).toContain(String(recordOf(op).id));
  });

  test('the signature header is read whatever its case or form', async () => {
    const raw = JSON.stringify({ id: randomUUID(), event_type: eventTypeOf(op), data: recordOf(op) });
    const signature = signatureFor(SECRET, raw, Math.floor(Date.now() / 1000));
    const outcome = await deliver(op, randomUUID(), {
      raw,
      signature: null,
      headers: { [SIGNATURE_HEADER.toUpperCase()]: signature },
    });
    expect((outcome.result as unknown[]).length).toBe(1);
  });
});
