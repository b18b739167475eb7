/**
 * The Reevo sandbox: a local emulator of the Reevo API of docs/reevo-api.md, for tests, demos
 * and manual runs of the Zapier app (point REEVO_API_BASE_URL at `url`).
 */
import type { Fault, RandomFaultOptions } from './faults';
import { FaultInjector } from './faults';
import { DEMO_KEYS, KeyRing, type KeySpec } from './keys';
import { Limits, type QuotaOptions, type RateLimitOptions } from './limits';
import { type DeliveryLogEntry, type RequestLogEntry, RingLog } from './log';
import { loadDataFile, Persister } from './persistence';
import { seedData } from './seed';
import { buildServer } from './server';
import { Store } from './store';
import { type DeliveryVariants, type RawDelivery, WebhookDispatcher, type WebhookOptions } from './webhooks';

export { DEMO_KEYS, DEMO_KEY_SPECS, PRIMARY_ORG, SECOND_ORG, describeGrants } from './keys';
export type { DemoKeyName, KeySpec, Grants, Permission, Resource } from './keys';
export type { Fault, FaultKind, RandomFaultOptions } from './faults';
export type { DeliveryLogEntry, RequestLogEntry } from './log';
export type { QuotaOptions, RateLimitOptions } from './limits';
export type { DeliveryVariants, RawDelivery, WebhookOptions } from './webhooks';
export { signature as webhookSignature } from './webhooks';
export { wireSchemas } from './contract';

export interface SandboxOptions {
  /** Default 127.0.0.1: the sandbox listens on loopback only unless a host is given. */
  host?: string;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Load state from this JSON file (seeding it when absent) and save it atomically after every write. */
  dataFile?: string;
  /** Request budget per organization; a number is `{ requests: n }`. Default: unlimited. */
  quota?: number | QuotaOptions;
  /** Plain per-organization rate limit (429 without quota wording). Default: none. */
  rateLimit?: RateLimitOptions;
  /** Random latency and failures from a seeded PRNG, e.g. for soak runs. Default: none. */
  randomFaults?: RandomFaultOptions;
  /**
   * Delivery settings of the webhook API (contract §4, this project's assumption), or `false` for
   * Reevo as published: no webhook API at all, so `/api/v1/public/webhooks*` answers 404
   * `{"detail":"Not Found"}` like any unknown path. Default: the webhook API is on.
   */
  webhooks?: WebhookOptions | false;
  webhookVariants?: DeliveryVariants;
  /** Newest request log entries kept. Default 10,000. */
  requestLogLimit?: number;
  /** Newest delivery log entries kept. Default 10,000. */
  deliveryLogLimit?: number;
  /** More keys besides DEMO_KEYS, e.g. with a custom permission set. */
  extraKeys?: Record<string, KeySpec>;
}

export interface RunningSandbox {
  /** Base URL such as http://127.0.0.1:PORT; use it as REEVO_API_BASE_URL. */
  readonly url: string;
  readonly port: number;
  readonly keys: typeof DEMO_KEYS;
  /** Requests so far, oldest first (a copy). */
  readonly requests: RequestLogEntry[];
  /** Webhook delivery attempts so far, oldest first (a copy). */
  readonly deliveries: DeliveryLogEntry[];
  clearLogs(): void;
  /** Queues faults; each applies to one of the next requests, in order. */
  injectFaults(faults: readonly Fault[]): void;
  clearFaults(): void;
  setRandomFaults(options: RandomFaultOptions | null): void;
  /** Sets the request budget (per organization; for one org with `org`) and restarts counting. */
  setQuota(requests: number | null, options?: { org?: string; retryAfterSeconds?: number }): void;
  setRateLimit(options: RateLimitOptions | null): void;
  setWebhookVariants(variants: DeliveryVariants): void;
  /** Sends an arbitrary signed (by default) payload to a subscription's target. */
  deliverRaw(subscriptionId: string, delivery: RawDelivery): Promise<{ status: number | null }>;
  /** Expires a key at once, as Reevo's UI can. */
  expireKey(key: string): void;
  /** Resolves when no webhook delivery (or retry) is pending. */
  idle(): Promise<void>;
  /** Stops the server, cancels pending deliveries and finishes the last save. */
  stop(): Promise<void>;
}

function quotaOptions(quota: SandboxOptions['quota']): QuotaOptions | undefined {
  return typeof quota === 'number' ? { requests: quota } : quota;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const loaded = options.dataFile ? loadDataFile(options.dataFile) : undefined;
  // Organizations missing from an older data file start from the seed.
  const store = Store.fromData({ ...seedData(), ...loaded });
  const persister = options.dataFile ? new Persister(options.dataFile, () => store.toData()) : undefined;
  if (persister && !loaded) await persister.save();
  const persist = persister ? () => persister.save() : () => Promise.resolve();

  const keys = new KeyRing(options.extraKeys);
  const limits = new Limits();
  const initialQuota = quotaOptions(options.quota);
  if (initialQuota) limits.setQuota(initialQuota);
  if (options.rateLimit) limits.setRateLimit(options.rateLimit);
  const faults = new FaultInjector();
  if (options.randomFaults) faults.setRandom(options.randomFaults);
  const requestLog = new RingLog<RequestLogEntry>(options.requestLogLimit ?? 10_000);
  const deliveryLog = new RingLog<DeliveryLogEntry>(options.deliveryLogLimit ?? 10_000);
  const webhookApi = options.webhooks !== false;
  const events = new WebhookDispatcher(store, deliveryLog, options.webhooks || {}, persist);
  if (options.webhookVariants) events.setVariants(options.webhookVariants);

  const app = buildServer({ store, keys, limits, events, persist, faults, requestLog, webhookApi });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox: unexpected server address');
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    keys: DEMO_KEYS,
    get requests() {
      return requestLog.toArray();
    },
    get deliveries() {
      return deliveryLog.toArray();
    },
    clearLogs() {
      requestLog.clear();
      deliveryLog.clear();
    },
    injectFaults: (list) => faults.inject(list),
    clearFaults: () => faults.clear(),
    setRandomFaults: (random) => faults.setRandom(random),
    setQuota: (requests, quota = {}) =>
      limits.setQuota({ requests, retryAfterSeconds: quota.retryAfterSeconds }, quota.org),
    setRateLimit: (rate) => limits.setRateLimit(rate),
    setWebhookVariants: (variants) => events.setVariants(variants),
    deliverRaw: (subscriptionId, delivery) => events.deliverRaw(subscriptionId, delivery),
    expireKey: (key) => keys.expire(key),
    idle: () => events.idle(),
    async stop() {
      events.stop();
      await app.close();
      await persister?.flush();
    },
  };
}
