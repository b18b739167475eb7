/** Bounded logs of API requests and webhook deliveries, for tests to count and inspect. */

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, unknown>;
  /** 0 when the connection was dropped or cut before a complete response. */
  status: number;
  /** The demo key's label ("full", "readOnly", …), "invalid" for an unknown key, null without one. */
  key: string | null;
  /** The injected fault that shaped this response, if any. */
  fault: string | null;
  timestamp: string;
}

export interface DeliveryLogEntry {
  subscriptionId: string;
  eventType: string;
  eventId: string;
  attempt: number;
  /** The target's HTTP status; null for a network error, a timeout or a target the sandbox may not reach. */
  status: number | null;
  error: string | null;
  targetUrl: string;
  timestamp: string;
}

/** Keeps the newest `capacity` entries so a long benchmark or soak run stays in bounded memory. */
export class RingLog<T> {
  private readonly items: T[] = [];
  private start = 0;

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('log capacity must be a positive integer');
  }

  push(item: T): void {
    if (this.items.length < this.capacity) {
      this.items.push(item);
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Oldest first. */
  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }

  clear(): void {
    this.items.length = 0;
    this.start = 0;
  }
}
