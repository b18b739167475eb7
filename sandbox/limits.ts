/**
 * Request limits per organization: the public API quota (contract §1: a budget of requests; when
 * spent, a 429 whose message mentions the quota) and a plain fixed-window rate limit (429 without
 * quota wording). Neither has published numbers, so both are configured by the sandbox's user.
 */
import { ApiError, quotaExhausted, rateLimited } from './errors';

export interface QuotaOptions {
  /** Requests each organization may make (each org has its own budget); null for no limit. */
  requests: number | null;
  /** Retry-After on the 429 once the quota is spent. Default 3600. */
  retryAfterSeconds?: number;
}

export interface RateLimitOptions {
  /** Requests allowed per window per organization. */
  requests: number;
  windowMs: number;
  /** Whether the 429 carries Retry-After (seconds to the window's end). Default true. */
  retryAfter?: boolean;
}

export class Limits {
  private quota: number | null = null;
  private quotaRetryAfter = 3600;
  private readonly quotaByOrg = new Map<string, number | null>();
  private readonly used = new Map<string, number>();
  private rate: RateLimitOptions | null = null;
  private readonly windows = new Map<string, { start: number; count: number }>();

  /** Sets the budget (for one org, or the default for all) and starts counting afresh. */
  setQuota(options: QuotaOptions, org?: string): void {
    if (options.requests !== null && !(Number.isInteger(options.requests) && options.requests >= 0)) {
      throw new Error('quota must be a non-negative integer or null');
    }
    if (options.retryAfterSeconds !== undefined) this.quotaRetryAfter = options.retryAfterSeconds;
    if (org === undefined) {
      this.quota = options.requests;
      this.quotaByOrg.clear();
      this.used.clear();
    } else {
      this.quotaByOrg.set(org, options.requests);
      this.used.delete(org);
    }
  }

  setRateLimit(options: RateLimitOptions | null): void {
    if (options && !(options.requests >= 1 && options.windowMs >= 1))
      throw new Error('rate limit needs requests >= 1 and windowMs >= 1');
    this.rate = options;
    this.windows.clear();
  }

  /** Counts one request against the org's quota and window; the error to send when over either. */
  admit(org: string, now = Date.now()): ApiError | null {
    const limit = this.quotaByOrg.has(org) ? this.quotaByOrg.get(org)! : this.quota;
    if (limit !== null) {
      const used = this.used.get(org) ?? 0;
      if (used >= limit) return quotaExhausted(this.quotaRetryAfter);
      this.used.set(org, used + 1);
    }
    if (this.rate) {
      let window = this.windows.get(org);
      if (!window || now - window.start >= this.rate.windowMs) {
        window = { start: now, count: 0 };
        this.windows.set(org, window);
      }
      if (window.count >= this.rate.requests) {
        const seconds = Math.max(1, Math.ceil((window.start + this.rate.windowMs - now) / 1000));
        return rateLimited(this.rate.retryAfter === false ? null : seconds);
      }
      window.count += 1;
    }
    return null;
  }
}
