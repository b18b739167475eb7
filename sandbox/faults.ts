/**
 * Fault injection: a queue of faults for the next requests (deterministic, for tests) and a
 * random mode driven by a seeded PRNG (for soak runs and the CLI). Both apply to every path.
 */
import { reevoBody } from './errors';

export type Fault =
  /** Delay the response, then answer normally. */
  | { kind: 'latency'; ms: number }
  /** Answer with a server error instead of handling the request (502 gets a proxy's HTML page). */
  | { kind: 'status'; status: 500 | 502 | 503 }
  /** Handle the request, then send a 200-style response whose JSON body is cut short. */
  | { kind: 'malformed-json' }
  /** Handle the request, then promise the full Content-Length, send half and close the socket. */
  | { kind: 'truncated' }
  /** Destroy the socket without any response, before handling or (afterHandler) after the write happened. */
  | { kind: 'drop'; afterHandler?: boolean }
  /** A plain rate-limit 429 (no quota wording): with `retryAfter` seconds, else without Retry-After. */
  | { kind: 'rate-limit'; retryAfter?: number | null };

export type FaultKind = Fault['kind'];

/** Faults that corrupt the response after the request was handled (its write did happen). */
export type LateFault = Extract<Fault, { kind: 'malformed-json' | 'truncated' }> | { kind: 'drop'; afterHandler: true };

export interface RandomFaultOptions {
  /** PRNG seed; the same seed and request sequence give the same faults. Default 1. */
  seed?: number;
  /** Probability in [0, 1] that a request gets one of `failures`. Default 0. */
  errorRate?: number;
  /** Failures to pick from uniformly. Default: 500, 502, 503, both 429 forms, drop, truncated, malformed JSON. */
  failures?: Fault[];
  /** Added to every request. Default 0. */
  latencyMs?: number;
  /** Extra latency drawn uniformly from [0, latencyJitterMs]. Default 0. */
  latencyJitterMs?: number;
}

export const DEFAULT_RANDOM_FAILURES: readonly Fault[] = [
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'rate-limit', retryAfter: 1 },
  { kind: 'rate-limit', retryAfter: null },
  { kind: 'drop' },
  { kind: 'truncated' },
  { kind: 'malformed-json' },
];

/** mulberry32: tiny, fast and good enough to spread faults; deterministic per seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PlannedFaults {
  latencyMs: number;
  failure: Exclude<Fault, { kind: 'latency' }> | null;
}

const NONE: PlannedFaults = { latencyMs: 0, failure: null };

export class FaultInjector {
  private readonly queue: Fault[] = [];
  private random: { options: Required<RandomFaultOptions>; next: () => number } | null = null;

  inject(faults: readonly Fault[]): void {
    for (const fault of faults) validateFault(fault);
    this.queue.push(...faults);
  }

  clear(): void {
    this.queue.length = 0;
  }

  setRandom(options: RandomFaultOptions | null): void {
    if (options === null) {
      this.random = null;
      return;
    }
    const full: Required<RandomFaultOptions> = {
      seed: options.seed ?? 1,
      errorRate: options.errorRate ?? 0,
      failures: options.failures ?? [...DEFAULT_RANDOM_FAILURES],
      latencyMs: options.latencyMs ?? 0,
      latencyJitterMs: options.latencyJitterMs ?? 0,
    };
    if (!(full.errorRate >= 0 && full.errorRate <= 1)) throw new Error('errorRate must be within [0, 1]');
    if (full.failures.length === 0 && full.errorRate > 0) throw new Error('failures must not be empty');
    for (const fault of full.failures) validateFault(fault);
    this.random = { options: full, next: mulberry32(full.seed) };
  }

  /** What happens to the next request. */
  plan(): PlannedFaults {
    const queued = this.queue.shift();
    if (queued)
      return queued.kind === 'latency' ? { latencyMs: queued.ms, failure: null } : { latencyMs: 0, failure: queued };
    if (!this.random) return NONE;
    const { options, next } = this.random;
    const latencyMs =
      options.latencyMs + (options.latencyJitterMs > 0 ? Math.floor(next() * (options.latencyJitterMs + 1)) : 0);
    let failure: PlannedFaults['failure'] = null;
    if (options.errorRate > 0 && next() < options.errorRate) {
      const picked = options.failures[Math.floor(next() * options.failures.length)];
      failure = picked.kind === 'latency' ? null : picked;
    }
    return { latencyMs, failure };
  }
}

function validateFault(fault: Fault): void {
  if (fault.kind === 'latency' && !(fault.ms >= 0)) throw new Error('latency fault needs ms >= 0');
  if (fault.kind === 'status' && ![500, 502, 503].includes(fault.status))
    throw new Error('status fault must be 500, 502 or 503');
}

export const isLateFault = (fault: Fault): fault is LateFault =>
  fault.kind === 'malformed-json' ||
  fault.kind === 'truncated' ||
  (fault.kind === 'drop' && fault.afterHandler === true);

export const faultLabel = (fault: Fault): string => (fault.kind === 'status' ? `status-${fault.status}` : fault.kind);

const BAD_GATEWAY_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

/** The response an early status fault sends: what a crashed app server or its proxy would. */
export function serverErrorResponse(status: 500 | 502 | 503): { contentType: string; body: string } {
  switch (status) {
    case 500:
      return { contentType: 'text/plain; charset=utf-8', body: 'Internal Server Error' };
    case 502:
      return { contentType: 'text/html', body: BAD_GATEWAY_PAGE };
    case 503:
      return {
        contentType: 'application/json',
        body: JSON.stringify(reevoBody('ServiceUnavailableError', 'Service temporarily unavailable')),
      };
  }
}
