/** Shared by the reliability tests: running an operation as Zapier would, and reading what it threw. */
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { candidateInputs, type Operation, type PerformFunction } from '../helpers/operations';
import { appTester, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { judge, type SentRequest } from './wire';

export interface Outcome {
  ok: boolean;
  result?: unknown;
  error?: ReturnType<typeof describeError>;
}

/**
 * Runs a perform function through zapier-platform-core; never throws. Each run starts with an
 * empty z.cache unless `sharedCache` (webhook deliveries, whose duplicates z.cache catches), so a
 * step run again with the same input is not taken for a repeat (Enroll Contact in Sequence).
 */
export async function runPerform(
  perform: PerformFunction,
  bundle: Partial<Bundle>,
  sharedCache = false,
): Promise<Outcome> {
  try {
    const result = await appTester(perform, bundle as Bundle, !sharedCache);
    return { ok: true, result };
  } catch (raw) {
    return { ok: false, error: describeError(raw) };
  }
}

/** Core serialises a `z.errors.Error` as JSON in `message`; this reads the human message back. */
export function describeError(raw: unknown): {
  name: string;
  message: string;
  code?: string;
  delay?: number;
  raw: unknown;
} {
  if (!(raw instanceof Error)) return { name: typeof raw, message: String(raw), raw };
  let message = raw.message;
  let code: string | undefined;
  let delay: number | undefined;
  try {
    const parsed = JSON.parse(raw.message) as { message?: unknown; code?: unknown; delay?: unknown };
    if (typeof parsed.message === 'string') message = parsed.message;
    if (typeof parsed.code === 'string') code = parsed.code;
    if (typeof parsed.delay === 'number') delay = parsed.delay;
  } catch {
    // a plain message
  }
  return { name: raw.name, message, ...(code ? { code } : {}), ...(delay !== undefined ? { delay } : {}), raw };
}

/** The first of an operation's sample-based inputs that runs without an error (for tests against the sandbox). */
export async function workingInput(op: Operation, apiKey: string): Promise<Record<string, unknown> | undefined> {
  for (const input of candidateInputs(op)) {
    const outcome = await runPerform(
      op.perform as PerformFunction,
      { authData: { api_key: apiKey }, inputData: input, meta: { page: 0 } } as unknown as Partial<Bundle>,
    );
    if (outcome.ok) return input;
  }
  return undefined;
}

/** Zapier's own error classes: what a Zap history shows as a clear, handled failure. */
export const ZAPIER_ERRORS = new Set([
  'AppError',
  'ThrottledError',
  'ExpiredAuthError',
  'HaltedError',
  'RefreshAuthError',
]);

/** Intercepts every call to the fake Reevo, judges it against the contract and answers with samples. */
export function recordReevo(): { sent: SentRequest[]; stop: () => void } {
  const sent: SentRequest[] = [];
  const scope = nock(TEST_BASE_URL).persist();
  for (const method of ['get', 'post', 'patch', 'delete', 'put'] as const) {
    scope.intercept(/.*/, method.toUpperCase()).reply(function reply(uri, body) {
      const url = new URL(uri, TEST_BASE_URL);
      const request: SentRequest = {
        method: method.toUpperCase(),
        path: url.pathname,
        query: Object.fromEntries(url.searchParams.entries()),
        body: typeof body === 'string' && body !== '' ? safeJson(body) : body === '' ? undefined : body,
        headers: this.req.headers,
      };
      sent.push(request);
      const verdict = judge(request);
      if (!verdict.route) return [404, { detail: 'Not Found' }];
      if (verdict.problems.length > 0)
        return [422, { detail: [{ loc: ['body'], msg: verdict.problems.join('; '), type: 'value_error' }] }];
      return [verdict.route.status ?? 200, verdict.route.reply as nock.Body];
    });
  }
  return {
    sent,
    stop: () => {
      nock.cleanAll();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Labels and keys an error may name to point at a field of this operation. */
export function fieldNames(op: Operation): string[] {
  return op.inputFields
    .flatMap((field) => [field.key, field.label ?? field.key])
    .filter((name): name is string => Boolean(name));
}

export const bundleFor = (inputData: Record<string, unknown>): Partial<Bundle> => ({
  authData: { api_key: TEST_API_KEY },
  inputData,
});
