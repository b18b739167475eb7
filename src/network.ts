/**
 * Failures to get any answer (no HTTP status), read from what fetch threw: node-fetch 2 under
 * core's z.request (a `FetchError` with the system `code`) and Node's own fetch, used by the Clay
 * sender (a `TypeError` whose `cause` has the `code`); an abort is the request's deadline.
 */

/** Failures before any byte of the request went out, by the system's error code. */
const NOT_SENT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'the address could not be found (DNS)',
  EAI_AGAIN: 'the address could not be found (DNS)',
  EHOSTUNREACH: 'the network could not reach the host',
  ENETUNREACH: 'the network could not reach the host',
};

export interface NetworkFailure {
  /** What happened, in words, e.g. "the connection was refused". */
  readonly reason: string;
  /** False when nothing can have reached the other side, so trying again is safe. */
  readonly maybeSent: boolean;
}

const isError = (value: unknown): value is Error =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Error).name === 'string' &&
  typeof (value as Error).message === 'string';

const codeOf = (error: Error): unknown =>
  (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;

/** Undefined for anything that is not a network failure (an HTTP answer, a bug, Zapier's own errors). */
export function networkFailure(error: unknown): NetworkFailure | undefined {
  // Not `instanceof Error`: Node's fetch throws errors of another realm under Jest.
  if (!isError(error)) return undefined;
  const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError' || /timeout/i.test(error.message);
  const fromFetch = error.name === 'FetchError' || (error.name === 'TypeError' && error.cause !== undefined);
  if (!timedOut && !fromFetch) return undefined;
  const code = codeOf(error);
  const notSent = typeof code === 'string' ? NOT_SENT[code] : undefined;
  if (notSent) return { reason: notSent, maybeSent: false };
  return {
    reason: timedOut ? 'the request timed out' : 'the connection was dropped before an answer came',
    maybeSent: true,
  };
}
