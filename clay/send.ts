/**
 * `reevo-clay send`: sends a table's rows to Reevo the way the Clay column would, with what Clay
 * lacks: a steady rate, retries, a check of the key before the batch, and files that account for
 * every row. Each row ends in exactly one place, written the moment it finishes (so memory stays
 * flat however long the table and however long one row waits):
 * - the out file: sent, and Reevo confirmed it (with the returned IDs);
 * - the skipped file: Only run if said no (as in Clay, that is not a failure);
 * - the failed file: anything else, with the reason, ready to fix and send again.
 * An interrupt (SIGINT/SIGTERM, passed in as `signal`) stops sending, waits a bounded time for the
 * requests in flight, and writes every row not known to be done to the failed file.
 */
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { classifyResponse, type Failure } from '../src/errors';
import { networkFailure, type NetworkFailure } from '../src/network';
import { endpoints } from '../src/endpoints';
import { redactKey } from '../src/api-key';
import { isWrite, unconfirmedWrite } from '../src/write-confirmation';
import { compileFormula } from './formula';
import { Progress } from './progress';
import { API_KEY_PLACEHOLDER, isWorkflowRecipe, WORKFLOW_KEY_PLACEHOLDER, type Recipe } from './recipes';
import { cellReader, evaluateRow, prepareRecipe, type Cells, type RowOutcome } from './rows';
import { countRows, csvLine, CsvWriter, PACED_CHUNK_BYTES, readCsvBatches } from './csv';
import { httpFetch, type SendFetch } from './http';
import { readTable, TableError } from './table';

export interface RateLimit {
  readonly requests: number;
  readonly durationMs: number;
}

export interface SendOptions {
  readonly baseUrl: string;
  /** The Reevo API key; never sent by the workflow recipe, which sends only `workflowKey`. */
  readonly apiKey: string;
  /** Start Reevo Workflow: the workflow's own key, for a Webhook Received trigger protected by one. */
  readonly workflowKey?: string;
  /** Defaults to the recipe's rate limit. */
  readonly rate?: RateLimit;
  readonly map?: ReadonlyMap<string, string>;
  /** Defaults: `<table>.failed.csv`, `<table>.skipped.csv`, `<table>.out.csv` next to the table. */
  readonly failedPath?: string;
  readonly skippedPath?: string;
  readonly outPath?: string;
  /** An out or failed file of an earlier run of this table: only the rows it does not record as done are sent. */
  readonly resumeFrom?: string;
  /** Retries after the first attempt. Default 4. */
  readonly retries?: number;
  /** First backoff in ms, doubled per retry (with jitter). Default 1000. */
  readonly backoffMs?: number;
  /** The longest Retry-After honoured; a longer one fails the row instead. Default 300 s. */
  readonly maxRetryAfterMs?: number;
  readonly timeoutMs?: number;
  /** After an interrupt, how long requests in flight may still finish. Default 10 s. */
  readonly graceMs?: number;
  /** Connection failures in a row (no answer at all) that stop the run. Default 5. */
  readonly breakerThreshold?: number;
  /** Aborted on SIGINT/SIGTERM. */
  readonly signal?: AbortSignal;
  readonly progress?: { readonly stream: NodeJS.WritableStream & { isTTY?: boolean }; readonly everyMs?: number };
  /** For tests: another fetch (Node's own, or a stub) in place of clay/http.ts. */
  readonly fetch?: SendFetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock the rate limit reads; tests pair it with `sleep`. */
  readonly now?: () => number;
}

/** Why a run stopped before its end; each makes the CLI exit with status 3. */
export type StopKind = 'key' | 'permission' | 'quota' | 'interrupted' | 'unreachable' | 'redirect';

export interface SendSummary {
  readonly recipe: string;
  readonly rows: number;
  /** Sent, and Reevo confirmed it. */
  readonly ok: number;
  /** Rows in the failed file, by reason. */
  readonly failed: number;
  readonly failedByReevo: number;
  readonly notSentProblems: number;
  readonly notSentStopped: number;
  /** Rows Only run if skipped (in the skipped file). */
  readonly skipped: number;
  /** Rows an earlier run (`resumeFrom`) already did. */
  readonly resumed: number;
  readonly retries: number;
  readonly files: { readonly out?: string; readonly failed?: string; readonly skipped?: string };
  readonly stop?: { readonly kind: StopKind; readonly reason: string };
}

/** The key was refused before any row was sent. */
export class KeyRefused extends Error {}

/** Columns the failed file puts before the table's own. */
const FAILED_COLUMNS = ['Row', 'Reevo Error', 'HTTP Status'] as const;
const SKIPPED_COLUMNS = ['Row', 'Skipped Because'] as const;
/** Columns sendTable adds; a file with them sent again keeps its row numbers and drops the rest. */
const OWN_COLUMNS = new Set<string>([...FAILED_COLUMNS, ...SKIPPED_COLUMNS]);

export function siblingPath(csvPath: string, kind: 'failed' | 'skipped' | 'out' | 'fixed'): string {
  const ext = extname(csvPath);
  return join(dirname(csvPath), `${basename(csvPath, ext)}.${kind}${ext || '.csv'}`);
}

/** `5/1000` (requests per milliseconds) or `5` (per second). */
export function parseRate(text: string): RateLimit | undefined {
  const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*(?:ms)?)?\s*$/.exec(text);
  if (!match) return undefined;
  const requests = Number(match[1]);
  const durationMs = match[2] === undefined ? 1000 : Number(match[2]);
  return requests >= 1 && durationMs >= 1 ? { requests, durationMs } : undefined;
}

/**
 * The key as given, or a clear refusal: a space, a line break or an invisible character inside it
 * (a copy from a web page brings them along) would make Reevo answer 401 for every row. The
 * message says where and what, never the key.
 */
export function checkKeyText(raw: string | undefined): string {
  const key = (raw ?? '').trim();
  if (!key)
    throw new TableError('Set the environment variable REEVO_API_KEY to your Reevo API key (it is never printed).');
  const at = [...key].findIndex((char) => !/^[\x21-\x7e]$/.test(char));
  if (at >= 0) {
    const code = key.codePointAt([...key].slice(0, at).join('').length)!;
    throw new TableError(
      `REEVO_API_KEY has an invisible or unexpected character at position ${at + 1} of ${[...key].length} (U+${code.toString(16).toUpperCase().padStart(4, '0')}), which no Reevo key has; a copy from a web page or a document often brings one along. Copy the key again, or type it.`,
    );
  }
  return key;
}

/**
 * [assumed] Reevo checks the key before the permissions, so asking for an account that cannot
 * exist (the nil UUID) tells a refused key (401) from a good one (404, or 403 without Accounts
 * read) and reads no data: the same probe as the Zapier app's connection test (authentication.ts).
 */
const KEY_PROBE = endpoints.getAccount.path.replace('{account_id}', '00000000-0000-0000-0000-000000000000');

/** At most `requests` starts in any `durationMs` window; a 429's Retry-After pauses everyone. */
class RateLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;

  constructor(
    private readonly rate: RateLimit,
    private readonly wait: (ms: number) => Promise<void>,
    private readonly now: () => number,
  ) {}

  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.now();
        if (this.pausedUntil > now) {
          await this.wait(this.pausedUntil - now);
          continue;
        }
        while (this.starts.length > 0 && now - this.starts[0] >= this.rate.durationMs) this.starts.shift();
        if (this.starts.length < this.rate.requests) {
          this.starts.push(now);
          return;
        }
        await this.wait(this.rate.durationMs - (now - this.starts[0]));
      }
    });
    this.queue = turn;
    return turn;
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}

/** A result file: records written under its columns, a line at a time. */
class CsvFile {
  private readonly writer: CsvWriter;
  /** `append`: add rows to a file that already has this header (an out file keeps every run's IDs). */
  constructor(
    readonly path: string,
    readonly columns: readonly string[],
    append = false,
  ) {
    this.writer = new CsvWriter(path, { header: columns, append });
  }
  write(record: Record<string, string | undefined>): Promise<void> {
    return this.writer.write(this.columns.map((column) => record[column]));
  }
  close(): Promise<void> {
    return this.writer.close();
  }
}

type Final =
  | { kind: 'ok'; returned: Record<string, string> }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: 'reevo' | 'problems' | 'stopped'; error: string; status?: number };

export async function sendTable(recipe: Recipe, csvPath: string, options: SendOptions): Promise<SendSummary> {
  const prepared = prepareRecipe(recipe, options.map);
  const paths = {
    failed: resolve(options.failedPath ?? siblingPath(csvPath, 'failed')),
    skipped: resolve(options.skippedPath ?? siblingPath(csvPath, 'skipped')),
    out: resolve(options.outPath ?? siblingPath(csvPath, 'out')),
  };
  const all = [resolve(csvPath), paths.failed, paths.skipped, paths.out];
  if (new Set(all).size !== all.length) {
    throw new TableError(
      'The table, the out file, the failed file and the skipped file must be four different files (--out, --failed, --skipped).',
    );
  }
  if (options.resumeFrom && resolve(options.resumeFrom) === resolve(csvPath))
    throw new TableError('--resume takes the out or failed file of an earlier run, not the table.');
  // Read whole before anything is written, so the failed file of the last run can be resumed from and rewritten.
  const resume = options.resumeFrom ? await readResume(options.resumeFrom) : undefined;
  const outHeader = (columns: string[]) => [
    'Row',
    ...columns,
    ...recipe.returns.map((r) => r.column).filter((c) => !columns.includes(c)),
  ];

  const rate = options.rate ?? { requests: recipe.rateLimit.requests, durationMs: recipe.rateLimit.durationMs };
  const now = options.now ?? Date.now;
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 1000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 300_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const breakerThreshold = options.breakerThreshold ?? 5;
  const fetchImpl = options.fetch ?? httpFetch;

  const workflow = isWorkflowRecipe(recipe);
  const write = isWrite(prepared.endpoint);
  // A workflow URL is not Reevo's API: the Reevo key is neither checked nor sent.
  if (!workflow) await checkKey(options, fetchImpl, timeoutMs);
  const accountHeaders = workflow
    ? options.workflowKey
      ? recipe.account.headers.map(
          ({ key, value }) => [key, value.replace(WORKFLOW_KEY_PLACEHOLDER, options.workflowKey!)] as const,
        )
      : []
    : recipe.account.headers.map(
        ({ key, value }) => [key, value.replace(API_KEY_PLACEHOLDER, options.apiKey)] as const,
      );
  /** The key a message must never show: the one this recipe sends. */
  const sentKey = workflow ? options.workflowKey : options.apiKey;

  // Stopping: `stop` is set once; everything waiting wakes up; requests in flight get a grace period.
  let stop: { kind: StopKind; reason: string } | undefined;
  const stopped = new AbortController();
  const whenStopped = once(stopped.signal, 'abort').then(() => undefined);
  // The reader waits for a free slot; a row finishing or the run stopping wakes it. (Racing the
  // requests in flight would leave a handler on each for every wait: memory growing with the table.)
  let wake: (() => void) | undefined;
  const wakeReader = () => {
    wake?.();
    wake = undefined;
  };
  const hardAbort = new AbortController();
  const requestsInFlight = new Set<AbortController>();
  hardAbort.signal.addEventListener('abort', () => {
    for (const request of requestsInFlight) request.abort(hardAbort.signal.reason);
  });
  const halt = (kind: StopKind, reason: string) => {
    if (stop) return;
    stop = { kind, reason };
    stopped.abort();
    wakeReader();
  };
  const onInterrupt = () => halt('interrupted', 'interrupted');
  if (options.signal?.aborted) onInterrupt();
  options.signal?.addEventListener('abort', onInterrupt, { once: true });
  /** A wait that ends early, its timer cleared, when the run stops. */
  const wait = (ms: number): Promise<void> => {
    if (stopped.signal.aborted) return Promise.resolve();
    if (options.sleep) return Promise.race([options.sleep(ms), whenStopped]);
    return delay(ms, undefined, { signal: stopped.signal }).catch(() => undefined);
  };
  const limiter = new RateLimiter(rate, wait, now);

  let retryCount = 0;
  let connectionFailures = 0;
  const counts = { rows: 0, ok: 0, reevo: 0, problems: 0, stopped: 0, skipped: 0, resumed: 0 };
  const files: { out?: CsvFile; failed?: CsvFile; skipped?: CsvFile } = {};
  /** The table's own columns: a file of an earlier run sent again brings Row and the reason columns, which are written anew. */
  let ownColumns: string[] = [];
  const progress = options.progress
    ? new Progress(await countRows(csvPath), options.progress.stream, now, options.progress.everyMs)
    : undefined;

  /** One request with retries; never throws. */
  async function deliver(outcome: Extract<RowOutcome, { request: unknown }>, cells: Cells): Promise<Final> {
    const { request } = outcome;
    const headers: Record<string, string> = Object.fromEntries(request.headers.map((h) => [h.key, h.value]));
    for (const [key, value] of accountHeaders) headers[key] = value;
    for (let attempt = 0; ; attempt++) {
      await limiter.acquire();
      if (stop) return { kind: 'failed', reason: 'stopped', error: `not sent: ${stop.reason}` };
      const backoff = () => Math.round(backoffMs * 2 ** attempt * (0.5 + Math.random() / 2));

      let response: Response;
      let text: string;
      // The request's deadline and the hard stop, let go as soon as the answer is read: AbortSignal.timeout
      // would keep a timer, and the signals fetch hangs on it, for the whole timeout after every answer,
      // and AbortSignal.any a reference on the run's signal per request (thousands in a fast run).
      const abort = new AbortController();
      const timer = setTimeout(
        () => abort.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
        timeoutMs,
      );
      if (hardAbort.signal.aborted) abort.abort(hardAbort.signal.reason);
      requestsInFlight.add(abort);
      try {
        response = await fetchImpl(request.url, {
          method: request.method,
          headers,
          body: request.body ?? undefined,
          redirect: 'manual',
          signal: abort.signal,
        });
        text = await response.text();
      } catch (error) {
        if (hardAbort.signal.aborted) {
          return {
            kind: 'failed',
            reason: 'stopped',
            error: `interrupted while waiting for Reevo's answer: the row may or may not have been carried out; check Reevo before you send it again`,
          };
        }
        const problem = networkProblem(error);
        connectionFailures += 1;
        if (connectionFailures >= breakerThreshold) {
          halt(
            'unreachable',
            `Reevo could not be reached ${connectionFailures} times in a row (${problem.reason}); check --base-url and the network, then send the failed file again`,
          );
        }
        // A request that never left can always be repeated; one that may have arrived only if the recipe is safe to repeat.
        if (!stop && attempt < retries && (!problem.maybeSent || recipe.rerun.safe)) {
          retryCount += 1;
          await wait(backoff());
          continue;
        }
        if (!problem.maybeSent)
          return { kind: 'failed', reason: 'stopped', error: `not sent: could not reach Reevo (${problem.reason})` };
        return {
          kind: 'failed',
          reason: 'reevo',
          error: recipe.rerun.safe
            ? `Could not reach Reevo (${problem.reason}) on every try (${attempt + 1}).`
            : `Could not reach Reevo (${problem.reason}). The request may or may not have been carried out: check Reevo before you re-send this row (${recipe.title} is not safe to repeat, so it was not retried).`,
        };
      } finally {
        clearTimeout(timer);
        requestsInFlight.delete(abort);
      }
      connectionFailures = 0;

      const failure = workflow
        ? workflowFailure(
            response.status,
            response.headers.get('retry-after'),
            Boolean(options.workflowKey),
            request.url,
          )
        : classifyResponse(
            { status: response.status, headers: (name) => response.headers.get(name), body: text },
            { apiKey: options.apiKey, permissions: recipe.permissions, labels: columnLabels(recipe), now: now() },
          );
      // Reevo publishes no body for a queued workflow run: its status is the answer.
      if (!failure && workflow)
        return { kind: 'ok', returned: returnedValues(recipe, readJson(text) ?? {}, cellReader(prepared, cells)) };
      if (!failure) {
        const data = readJson(text);
        const unconfirmed = write
          ? unconfirmedWrite(prepared.endpoint.noun, { status: response.status, data })
          : undefined;
        // A write is done only when Reevo answers with the record; it may still have happened, so it is not repeated.
        if (unconfirmed)
          return {
            kind: 'failed',
            reason: 'reevo',
            status: response.status,
            error: `Reevo did not confirm the write: ${unconfirmed}. The row may or may not have been carried out: check Reevo before you send it again.`,
          };
        return { kind: 'ok', returned: returnedValues(recipe, data ?? null, cellReader(prepared, cells)) };
      }
      const stopKind = STOPS[failure.kind];
      if (stopKind) {
        halt(stopKind, withoutPeriod(failure.message));
        return { kind: 'failed', reason: 'reevo', status: failure.status, error: `Stopped: ${failure.message}` };
      }
      const retryAfterMs =
        failure.kind === 'throttled'
          ? failure.retryAfter !== undefined
            ? failure.retryAfter * 1000
            : backoff()
          : backoff();
      // A 429 and a 503 were not carried out; any other failure may have been, so only a recipe safe to repeat tries again.
      const repeatable = failure.retryable && (!failure.mayHaveHappened || recipe.rerun.safe);
      if (repeatable && attempt < retries && retryAfterMs <= maxRetryAfterMs && !stop) {
        retryCount += 1;
        if (failure.kind === 'throttled') limiter.pause(retryAfterMs);
        await wait(retryAfterMs);
        continue;
      }
      return { kind: 'failed', reason: 'reevo', status: failure.status, error: rowError(failure, recipe, attempt) };
    }
  }

  const finish = async (row: string, cells: Cells, final: Final) => {
    const own = Object.fromEntries(ownColumns.map((column) => [column, cells[column]]));
    if (final.kind === 'ok') {
      counts.ok += 1;
      files.out ??= new CsvFile(paths.out, outHeader(ownColumns), existsSync(paths.out));
      await files.out.write({ Row: row, ...own, ...final.returned });
    } else if (final.kind === 'skipped') {
      counts.skipped += 1;
      files.skipped ??= new CsvFile(paths.skipped, [...SKIPPED_COLUMNS, ...ownColumns]);
      await files.skipped.write({ Row: row, 'Skipped Because': final.reason, ...own });
    } else {
      counts[final.reason] += 1;
      files.failed ??= new CsvFile(paths.failed, [...FAILED_COLUMNS, ...ownColumns]);
      await files.failed.write({
        Row: row,
        'Reevo Error': redactKey(redactKey(final.error, options.apiKey), sentKey),
        'HTTP Status': final.status ? String(final.status) : '',
        ...own,
      });
    }
    progress?.update({
      done: counts.ok + counts.skipped,
      failed: counts.reevo + counts.problems + counts.stopped,
      resumed: counts.resumed,
    });
  };

  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(1, Math.min(rate.requests, 64));
  try {
    const onHeader = (columns: string[]) => {
      ownColumns = columns.filter((c) => !OWN_COLUMNS.has(c));
      if (existsSync(paths.out) && firstLine(paths.out) !== lineOf(outHeader(ownColumns))) {
        throw new TableError(
          `${paths.out} holds rows of another table or recipe (its columns differ), and its IDs must not be lost: pass another --out.`,
        );
      }
    };
    for await (const { row: position, cells } of readTable(csvPath, prepared, {
      onHeader,
      chunkBytes: PACED_CHUNK_BYTES,
    })) {
      counts.rows += 1;
      // A failed, skipped or out file sent again keeps the row numbers of the first table.
      const row = cells.Row?.trim() || String(position);
      if (resume?.isDone(row)) {
        counts.resumed += 1;
        continue;
      }
      const outcome = evaluateRow(prepared, cells, Number(row) || position, options.baseUrl);
      if (outcome.status === 'skipped') {
        await finish(row, cells, { kind: 'skipped', reason: outcome.reason });
        continue;
      }
      if (stop) {
        await finish(row, cells, { kind: 'failed', reason: 'stopped', error: `not sent: ${stop.reason}` });
        continue;
      }
      if (outcome.status === 'problems') {
        const problems = outcome.issues.filter((i) => i.severity === 'problem').map((i) => `${i.column}: ${i.message}`);
        await finish(row, cells, { kind: 'failed', reason: 'problems', error: `not sent: ${problems.join('; ')}` });
        continue;
      }
      const task = deliver(outcome, cells)
        .then((final) => finish(row, cells, final))
        .finally(() => {
          inFlight.delete(task);
          wakeReader();
        });
      inFlight.add(task);
      while (inFlight.size >= maxInFlight && !stop) await new Promise<void>((done) => (wake = done));
    }
    // All rows are read; an interrupt may still come while the last requests are in flight.
    await Promise.race([Promise.allSettled(inFlight), whenStopped]);
    if (stop && inFlight.size > 0) {
      const grace = options.graceMs ?? 10_000;
      const graceOver = new AbortController();
      await Promise.race([
        Promise.allSettled(inFlight),
        delay(grace, undefined, { signal: graceOver.signal }).catch(() => undefined),
      ]);
      graceOver.abort();
      hardAbort.abort();
    }
    await Promise.all(inFlight);
  } finally {
    hardAbort.abort();
    await Promise.allSettled(inFlight);
    options.signal?.removeEventListener('abort', onInterrupt);
    progress?.stop();
    await Promise.all(Object.values(files).map((file) => file.close()));
  }

  const failed = counts.reevo + counts.problems + counts.stopped;
  // A failed or skipped file of an earlier run beside the table would invite sending rows that went through this time.
  if (!files.failed) removeOwnFile(paths.failed, FAILED_COLUMNS);
  if (!files.skipped) removeOwnFile(paths.skipped, SKIPPED_COLUMNS);
  return {
    recipe: recipe.name,
    rows: counts.rows,
    ok: counts.ok,
    failed,
    failedByReevo: counts.reevo,
    notSentProblems: counts.problems,
    notSentStopped: counts.stopped,
    skipped: counts.skipped,
    resumed: counts.resumed,
    retries: retryCount,
    files: Object.fromEntries(Object.entries(files).map(([kind, file]) => [kind, file.path])),
    ...(stop ? { stop } : {}),
  };
}

const STOPS: Partial<Record<Failure['kind'], StopKind>> = {
  invalid_key: 'key',
  expired: 'key',
  permission: 'permission',
  quota: 'quota',
  redirect: 'redirect',
};

/**
 * A workflow URL's answer (src/workflows.ts reads it the same way for Zapier): only the status
 * counts. A redirect or a refused workflow key stops the run; the URL itself is never repeated.
 */
function workflowFailure(
  status: number,
  retryAfter: string | null,
  keyGiven: boolean,
  url: string,
): Failure | undefined {
  if (status >= 200 && status < 300) return undefined;
  const host = new URL(url).host;
  const base = { status, retryable: false, mayHaveHappened: false } as const;
  if (status >= 300 && status < 400) {
    return {
      ...base,
      kind: 'redirect',
      message: `The workflow URL on ${host} answered with a redirect (HTTP ${status}). Redirects are not followed, so nothing was sent elsewhere: use the exact URL the Webhook Received trigger shows in Reevo.`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      ...base,
      kind: 'invalid_key',
      message: keyGiven
        ? `The workflow URL on ${host} refused the workflow key (HTTP ${status}): set REEVO_WORKFLOW_KEY to the key on the workflow's Webhook Received trigger.`
        : `The workflow URL on ${host} needs a key (HTTP ${status}): set REEVO_WORKFLOW_KEY to the key on the workflow's Webhook Received trigger.`,
    };
  }
  if (status === 429) {
    const seconds = Number.parseInt(retryAfter ?? '', 10);
    return {
      ...base,
      kind: 'throttled',
      retryable: true,
      ...(seconds > 0 ? { retryAfter: seconds } : {}),
      message: `Reevo is limiting how often the workflow on ${host} may be started.`,
    };
  }
  if (status === 404 || status === 410) {
    return {
      ...base,
      kind: 'not_found',
      message: `The workflow URL on ${host} has no active workflow (HTTP ${status}): it may be deactivated, or its URL rotated.`,
    };
  }
  if (status >= 500)
    return {
      ...base,
      kind: 'server',
      retryable: true,
      mayHaveHappened: true,
      message: `The workflow URL on ${host} had a problem on Reevo's side (HTTP ${status}).`,
    };
  return {
    ...base,
    kind: 'validation',
    message: `The workflow URL on ${host} did not queue the run (HTTP ${status}): the workflow may expect other variables.`,
  };
}

const withoutPeriod = (text: string) => text.replace(/\.\s*$/, '');

function rowError(failure: Failure, recipe: Recipe, attempt: number): string {
  if (failure.kind === 'throttled')
    return `${failure.message} It kept limiting after ${attempt} retries: send the failed file again with a lower --rate.`;
  if (failure.kind === 'server') {
    return failure.mayHaveHappened && !recipe.rerun.safe
      ? `${failure.message} It may or may not have been carried out: check Reevo before you re-send this row (${recipe.title} is not safe to repeat, so it was not retried).`
      : `${failure.message} It failed on every try (${attempt + 1}): send the failed file again later.`;
  }
  if (failure.kind === 'unreadable') return `${failure.message} (${recipe.title} is not retried.)`;
  return failure.message;
}

/** A 422 names the table's column: `column "Task Owner Email" (owner_email): …`. */
function columnLabels(recipe: Recipe): Record<string, string> {
  return Object.fromEntries(recipe.columns.map((c) => [c.field, `column "${c.name}"`]));
}

/** One cheap request before the batch: a refused key stops the run (exit 3); no answer of Reevo's means it cannot run (exit 2). */
async function checkKey(options: SendOptions, fetchImpl: SendFetch, timeoutMs: number): Promise<void> {
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(`${options.baseUrl}${KEY_PROBE}`, {
      method: 'GET',
      headers: { 'x-api-key': options.apiKey, Accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw new TableError(
      `Could not reach Reevo at ${options.baseUrl} to check the key (${networkProblem(error).reason}); nothing was sent.`,
    );
  }
  const failure = classifyResponse(
    { status: response.status, headers: (name) => response.headers.get(name), body: text },
    { apiKey: options.apiKey },
  );
  if (failure?.kind === 'invalid_key' || failure?.kind === 'expired')
    throw new KeyRefused(`${failure.message} Nothing was sent.`);
  if (failure?.kind === 'redirect' || failure?.kind === 'not_reevo')
    throw new TableError(`${failure.message} Nothing was sent.`);
}

/** The app's reading of a failure to get any answer; fetch only throws for those (and aborts, handled before). */
const networkProblem = (error: unknown): NetworkFailure =>
  networkFailure(error) ?? { reason: 'the connection failed', maybeSent: true };

function readJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The recipe's returns from a response: a dot path (`0.id`, `contact.id`), or a formula column
 * that reads the response through the recipe's column name and the row's cells.
 */
export function returnedValues(
  recipe: Recipe,
  data: unknown,
  cell: (column: string) => string = () => '',
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const ret of recipe.returns) {
    let value: unknown;
    if (ret.path !== undefined) {
      value = data;
      for (const part of ret.path.split('.'))
        value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    } else {
      value = compileFormula(ret.formula).evaluate((column) => (column === recipe.column ? data : cell(column)));
    }
    values[ret.column] =
      value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return values;
}

/** Rows an earlier run did: those in its out file, or all but those in its failed file. */
async function readResume(path: string): Promise<{ isDone(row: string): boolean }> {
  if (!existsSync(path)) throw new TableError(`--resume ${path}: there is no such file.`);
  const rows = new Set<string>();
  let columns: string[] | undefined;
  let rowColumn = -1;
  for await (const records of readCsvBatches(path))
    for (const record of records) {
      if (!columns) {
        columns = record;
        rowColumn = columns.indexOf('Row');
      } else if (record[rowColumn]?.trim()) rows.add(record[rowColumn].trim());
    }
  if (!columns?.includes('Row'))
    throw new TableError(`--resume ${path} is not an out or failed file of reevo-clay send (it has no Row column).`);
  const failedFile = columns.includes('Reevo Error');
  return { isDone: (row) => (failedFile ? !rows.has(row) : rows.has(row)) };
}

function firstLine(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    return buffer.toString('utf8', 0, readSync(fd, buffer)).split(/\r?\n/)[0];
  } finally {
    closeSync(fd);
  }
}

/** A CSV line without its line end, to compare with a file's first line. */
const lineOf = (columns: readonly string[]) => csvLine(columns).slice(0, -1);

/** Removes a failed or skipped file of an earlier run, and only such a file. */
function removeOwnFile(path: string, columns: readonly string[]): void {
  if (existsSync(path) && firstLine(path).startsWith(`${lineOf(columns)},`)) rmSync(path);
}
