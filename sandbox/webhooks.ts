/**
 * Webhook deliveries (contract §4): signed POSTs to subscribers, retried with exponential backoff,
 * a 410 Gone removing the subscription. Only loopback targets are contacted unless allowed.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { WebhookEventType } from './contract';
import type { DeliveryLogEntry, RingLog } from './log';
import type { WebhookSubscription } from './records';
import type { Store, Workspace } from './store';
import { type Changes, isoNow, newId } from './values';

export interface WebhookOptions {
  /** Attempts per delivery, the first included. Default 5. */
  maxAttempts?: number;
  /** Delay before the 2nd attempt; it doubles for each further one. Default 1000 ms. */
  baseDelayMs?: number;
  /** Per-attempt timeout. Default 5000 ms. */
  timeoutMs?: number;
  /** Deliver to non-loopback targets too. Default false: such deliveries are logged, not sent. */
  allowNonLoopbackTargets?: boolean;
}

/** Variations of the payload a receiver must tolerate (contract §4), for receiver tests. */
export interface DeliveryVariants {
  /** "top-level": the record's keys at the top level instead of under `data`. Default "enveloped". */
  payloadStyle?: 'enveloped' | 'top-level';
  /** Leave out `changes` even on *.updated and stage_changed. */
  omitChanges?: boolean;
  /** Send each successfully delivered event a second time, same event id. */
  duplicateDeliveries?: boolean;
  /** Unknown keys added to every payload. */
  extraKeys?: Record<string, unknown>;
}

export interface RawDelivery {
  /** Sent as is when a string, else JSON-encoded. */
  body: unknown;
  /** Added to (and overriding) the default content-type, event id and signature headers. */
  headers?: Record<string, string>;
  /** Sign the raw body with the subscription secret. Default true. */
  sign?: boolean;
}

export function signature(secret: string, timestamp: number, rawBody: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

interface PendingEvent {
  id: string;
  type: WebhookEventType;
  rawBody: string;
}

export class WebhookDispatcher {
  private readonly options: Required<WebhookOptions>;
  private variants: DeliveryVariants = {};
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<http.ClientRequest>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly log: RingLog<DeliveryLogEntry>,
    options: WebhookOptions,
    /** Called after a 410 removed a subscription, so the removal is persisted. */
    private readonly onSubscriptionsChanged: () => Promise<void>,
  ) {
    this.options = {
      maxAttempts: options.maxAttempts ?? 5,
      baseDelayMs: options.baseDelayMs ?? 1000,
      timeoutMs: options.timeoutMs ?? 5000,
      allowNonLoopbackTargets: options.allowNonLoopbackTargets ?? false,
    };
  }

  setVariants(variants: DeliveryVariants): void {
    this.variants = { ...variants };
  }

  /** Queues deliveries of one record event to every matching active subscription of the org. */
  emit(ws: Workspace, type: WebhookEventType, record: object, changes?: Changes): void {
    if (this.stopped || ws.webhooks.size === 0) return;
    const subscribers = [...ws.webhooks.values()].filter((s) => s.status === 'ACTIVE' && s.event_types.includes(type));
    if (subscribers.length === 0) return;
    const id = newId();
    const event: PendingEvent = { id, type, rawBody: this.payload(id, type, record, changes) };
    for (const subscription of subscribers) {
      this.begin();
      setImmediate(() => void this.attempt(ws, subscription, event, 1, false).finally(() => this.end()));
    }
  }

  /** Sends one arbitrary payload to a subscription's target, e.g. a variant a receiver must tolerate. */
  async deliverRaw(subscriptionId: string, delivery: RawDelivery): Promise<{ status: number | null }> {
    const found = this.store.findWebhook(subscriptionId);
    if (!found) throw new Error(`deliverRaw(): no webhook subscription ${subscriptionId}`);
    const rawBody = typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body);
    const parsedId = (delivery.body as { id?: unknown } | null)?.id;
    const eventId = typeof parsedId === 'string' ? parsedId : newId();
    this.begin();
    try {
      const result = await this.send(found.ws, found.subscription, eventId, 'raw', rawBody, 1, {
        sign: delivery.sign ?? true,
        headers: delivery.headers ?? {},
      });
      return { status: result.status };
    } finally {
      this.end();
    }
  }

  /** Resolves once no delivery (including a retry waiting for its backoff) is pending. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const request of this.inFlight) request.destroy();
    this.pending = 0;
    this.flushIdle();
  }

  private payload(eventId: string, type: WebhookEventType, record: object, changes: Changes | undefined): string {
    const { payloadStyle = 'enveloped', omitChanges = false, extraKeys = {} } = this.variants;
    const withChanges = changes !== undefined && !omitChanges ? { changes } : {};
    const occurredAt = isoNow();
    if (payloadStyle === 'top-level') {
      // The event id then travels only in the x-reevo-event-id header.
      return JSON.stringify({ ...record, event_type: type, occurred_at: occurredAt, ...withChanges, ...extraKeys });
    }
    return JSON.stringify({
      id: eventId,
      event_type: type,
      occurred_at: occurredAt,
      data: record,
      ...withChanges,
      ...extraKeys,
    });
  }

  private async attempt(
    ws: Workspace,
    subscription: WebhookSubscription,
    event: PendingEvent,
    attempt: number,
    duplicate: boolean,
  ): Promise<void> {
    if (this.stopped || ws.webhooks.get(subscription.id) !== subscription) return;
    const { status, retriable } = await this.send(ws, subscription, event.id, event.type, event.rawBody, attempt, {
      sign: true,
      headers: {},
    });
    if (status !== null && status >= 200 && status < 300) {
      if (this.variants.duplicateDeliveries && !duplicate) await this.attempt(ws, subscription, event, 1, true);
      return;
    }
    if (!retriable || attempt >= this.options.maxAttempts || this.stopped) return;
    await this.sleep(this.options.baseDelayMs * 2 ** (attempt - 1));
    await this.attempt(ws, subscription, event, attempt + 1, duplicate);
  }

  private async send(
    ws: Workspace,
    subscription: WebhookSubscription,
    eventId: string,
    eventType: string,
    rawBody: string,
    attempt: number,
    how: { sign: boolean; headers: Record<string, string> },
  ): Promise<{ status: number | null; retriable: boolean }> {
    const record = (status: number | null, error: string | null) =>
      this.log.push({
        subscriptionId: subscription.id,
        eventType,
        eventId,
        attempt,
        status,
        error,
        targetUrl: subscription.target_url,
        timestamp: isoNow(),
      });

    const url = new URL(subscription.target_url);
    if (!this.options.allowNonLoopbackTargets && !isLoopbackHost(url.hostname)) {
      record(null, 'not delivered: the sandbox only delivers to loopback targets (see allowNonLoopbackTargets)');
      return { status: null, retriable: false };
    }
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Reevo-Webhooks/sandbox',
      'x-reevo-event-id': eventId,
      ...(how.sign
        ? { 'x-reevo-signature': signature(subscription.secret, Math.floor(Date.now() / 1000), rawBody) }
        : {}),
      ...how.headers,
    };
    try {
      const status = await this.post(url, rawBody, headers);
      record(status, null);
      if (status === 410) {
        ws.webhooks.delete(subscription.id);
        await this.onSubscriptionsChanged();
        return { status, retriable: false };
      }
      return { status, retriable: status < 200 || status >= 300 };
    } catch (error) {
      record(null, error instanceof Error ? error.message : String(error));
      return { status: null, retriable: true };
    }
  }

  /** node:http without keep-alive, so no socket outlives the delivery. */
  private post(url: URL, body: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      // One options object, not (url, options): zapier-platform-core wraps http.request in-process
      // (the demo and tests run the app beside the sandbox) and its wrapper reads only that form.
      const options = {
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      } as const;
      const request = client.request(options, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      });
      this.inFlight.add(request);
      request.setTimeout(this.options.timeoutMs, () =>
        request.destroy(new Error(`timed out after ${this.options.timeoutMs} ms`)),
      );
      request.on('error', reject);
      request.on('close', () => this.inFlight.delete(request));
      request.end(body);
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private begin(): void {
    this.pending += 1;
  }

  private end(): void {
    if (this.pending > 0) this.pending -= 1;
    if (this.pending === 0) this.flushIdle();
  }

  private flushIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
