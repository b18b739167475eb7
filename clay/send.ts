/**
 * `reevo-clay send`: sends a table's rows to Reevo the way the Clay column would, with what Clay
 * lacks: a steady rate, retries on 429 and server errors, and a CSV of every row that did not
 * make it, with the reason, so no row is lost silently.
 */
import { createWriteStream, existsSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { stringify, type Stringifier } from 'csv-stringify';
import { reevoMessage } from '../src/errors';
import type { Recipe } from './recipes';
import { evaluateRow, prepareRecipe, type Cells, type PreparedRecipe, type RowOutcome } from './rows';
import { readTable, TableError } from './table';

export interface RateLimit {
  readonly requests: number;
  readonly durationMs: number;
}

export interface SendOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Defaults to the recipe's rate limit. */
  readonly rate?: RateLimit;
  /** Where rows that failed go; defaults to `<table>.failed.csv` next to the table. */
  readonly failedPath?: string;
  /** If given, the whole table is written here with the returned fields (e.g. Reevo Account ID) filled in. */
  readonly outPath?: string;
  /** Retries after the first attempt, for 429, 5xx and dropped connections. Default 4. */
  readonly retries?: number;
  /** First backoff in ms, doubled per retry (with jitter). Default 1000. */
  readonly backoffMs?: number;
  /** The longest Retry-After honoured; a longer one fails the row instead. Default 300 s. */
  readonly maxRetryAfterMs?: number;
  readonly timeoutMs?: number;
  /** Send `""` for empty optional cells, exactly as `render` shows, instead of leaving them out. */
  readonly keepEmpty?: boolean;
  /** A stream for the progress bar; the bar is drawn only if it is a TTY. */
  readonly progressStream?: NodeJS.WritableStream & { isTTY?: boolean };
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** The clock the rate limit reads; tests pair it with `sleep`. */
  readonly now?: () => number;
}

export interface SendSummary {
  readonly recipe: string;
  readonly rows: number;
  /** Sent and accepted by Reevo. */
  readonly ok: number;
  /** Rows written to the failed-rows CSV, by reason. */
  readonly failed: number;
  readonly failedByReevo: number;
  readonly notSentProblems: number;
  readonly notSentWaiting: number;
  readonly notSentStopped: number;
  /** Skipped because an earlier run filled the result column. */
  readonly alreadyDone: number;
  readonly retries: number;
  readonly failedPath?: string;
  readonly stopReason?: string;
}

/** Columns the failed-rows CSV puts before the table's own. */
export const FAILED_COLUMNS = ['Row', 'Reevo Error', 'HTTP Status'] as const;

export function defaultFailedPath(csvPath: string): string {
  const ext = extname(csvPath);
  return join(dirname(csvPath), `${basename(csvPath, ext)}.failed${ext || '.csv'}`);
}

/** `5/1000` (requests per milliseconds) or `5` (per second). */
export function parseRate(text: string): RateLimit | undefined {
  const match = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*(?:ms)?)?\s*$/.exec(text);
  if (!match) return undefined;
  const requests = Number(match[1]);
  const durationMs = match[2] === undefined ? 1000 : Number(match[2]);
  return requests >= 1 && durationMs >= 1 ? { requests, durationMs } : undefined;
}

/** At most `requests` starts in any `durationMs` window; a 429's Retry-After pauses everyone. */
class RateLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = 0;

  constructor(
    private readonly rate: RateLimit,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly now: () => number,
  ) {}

  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        const now = this.now();
        if (this.pausedUntil > now) {
          await this.sleep(this.pausedUntil - now);
          continue;
        }
        while (this.starts.length > 0 && now - this.starts[0] >= this.rate.durationMs) this.starts.shift();
        if (this.starts.length < this.rate.requests) {
          this.starts.push(now);
          return;
        }
        await this.sleep(this.rate.durationMs - (now - this.starts[0]));
      }
    });
    this.queue = turn;
    return turn;
  }

  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}

type Final =
  | { kind: 'ok'; returned: Record<string, string> }
  | { kind: 'done' }
  | { kind: 'failed'; reason: 'reevo' | 'problems' | 'waiting' | 'stopped'; error: string; status?: number };

type Delivery = { ok: true; data: unknown } | { ok: false; error: string; status?: number; stop?: string };

export async function sendTable(recipe: Recipe, csvPath: string, options: SendOptions): Promise<SendSummary> {
  const prepared = prepareRecipe(recipe);
  const failedPath = resolve(options.failedPath ?? defaultFailedPath(csvPath));
  if (failedPath === resolve(csvPath) || (options.outPath && resolve(options.outPath) === resolve(csvPath))) {
    throw new TableError('The failed-rows and output files must not be the table being sent.');
  }
  const rate = options.rate ?? { requests: recipe.rateLimit.requests, durationMs: recipe.rateLimit.durationMs };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const now = options.now ?? Date.now;
  const limiter = new RateLimiter(rate, sleep, now);
  const fetchImpl = options.fetch ?? fetch;
  const retries = options.retries ?? 4;
  const backoffMs = options.backoffMs ?? 1000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 300_000;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const redact = (text: string) => (options.apiKey ? text.split(options.apiKey).join('[API key]') : text);

  let stopReason: string | undefined;
  let retryCount = 0;

  const bar = options.progressStream?.isTTY ? await progressBar(csvPath, prepared, options.progressStream) : undefined;

  /** One request with retries; never throws. */
  async function deliver(outcome: Extract<RowOutcome, { request: unknown }>): Promise<Delivery> {
    const body = outcome.request.body === null ? undefined : options.keepEmpty ? outcome.request.body : JSON.stringify(outcome.sendBody);
    const headers: Record<string, string> = Object.fromEntries(outcome.request.headers.map((h) => [h.key, h.value]));
    headers['x-api-key'] = options.apiKey;
    for (let attempt = 0; ; attempt++) {
      await limiter.acquire();
      if (stopReason) return { ok: false, error: `not sent: ${stopReason}`, stop: stopReason };
      const retryable = (safeToRepeat: boolean) => safeToRepeat && attempt < retries;
      const backoff = () => Math.round(backoffMs * 2 ** attempt * (0.5 + Math.random() / 2));

      let response: Response;
      try {
        response = await fetchImpl(outcome.request.url, { method: outcome.request.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const what = networkProblem(error);
        if (retryable(recipe.rerun.safe)) {
          retryCount += 1;
          await sleep(backoff());
          continue;
        }
        return {
          ok: false,
          error: recipe.rerun.safe
            ? `Could not reach Reevo (${what}) after ${retries} retries.`
            : `Could not reach Reevo (${what}). The request may or may not have been carried out: check Reevo before you re-send this row (${recipe.title} is not safe to repeat, so it was not retried).`,
        };
      }

      let text: string | undefined;
      try {
        text = await response.text();
      } catch {
        text = undefined;
      }
      const status = response.status;
      if (status >= 200 && status < 300) {
        const data = readJson(text);
        if (data !== undefined || text === '') return { ok: true, data: data ?? null };
        if (retryable(recipe.rerun.safe)) {
          retryCount += 1;
          await sleep(backoff());
          continue;
        }
        return {
          ok: false,
          status,
          error: `Reevo answered HTTP ${status} but its response could not be read, so it was probably carried out: check Reevo before you re-send this row.`,
        };
      }

      const message = redact(messageOf(text ?? '', prepared));
      if (status === 429) {
        if (/quota/i.test(message)) {
          const stop = `Reevo's API quota for your organization is used up (${message})`;
          stopReason ??= `${stop}. Contact your Reevo account manager, then re-send the failed rows`;
          return { ok: false, status, error: `${stop}. Contact your Reevo account manager to raise it, then re-send the failed rows.`, stop };
        }
        const wait = retryAfterMs(response.headers.get('retry-after'), now()) ?? backoff();
        if (attempt < retries && wait <= maxRetryAfterMs) {
          retryCount += 1;
          limiter.pause(wait);
          await sleep(wait);
          continue;
        }
        return { ok: false, status, error: `Reevo kept limiting requests (HTTP 429${message ? `: ${message}` : ''}) after ${attempt} retries. Re-send the failed rows with a lower --rate.` };
      }
      if (status >= 500) {
        // 503 means the server did not take the request on; other 5xx may have written it.
        if (retryable(recipe.rerun.safe || status === 503)) {
          retryCount += 1;
          await sleep(backoff());
          continue;
        }
        const detail = message && !/^\s*</.test(text ?? '') ? `: ${message}` : '';
        return {
          ok: false,
          status,
          error:
            recipe.rerun.safe || status === 503
              ? `Reevo had a problem on its side (HTTP ${status}${detail}) on every try (${attempt + 1}). Re-send the failed rows later.`
              : `Reevo had a problem on its side (HTTP ${status}${detail}). It may or may not have been carried out: check Reevo before you re-send this row (${recipe.title} is not safe to repeat, so it was not retried).`,
        };
      }
      if (status === 401) {
        const stop = /expired/i.test(message)
          ? 'the API key has expired (HTTP 401): ask a Reevo workspace admin for a new key and set REEVO_API_KEY'
          : `Reevo did not accept the API key (HTTP 401${message ? `: ${message}` : ''}): check REEVO_API_KEY, or make a new key in Reevo under Settings → API Keys`;
        stopReason ??= stop;
        return { ok: false, status, error: `Stopped: ${stop}.`, stop };
      }
      if (status === 403) {
        const stop = `the API key may not do this (HTTP 403${message ? `: ${message}` : ''}); ${recipe.title} needs ${recipe.permissions.join(' and ')}. A workspace admin can change the key's permissions under Settings → API Keys`;
        stopReason ??= stop;
        return { ok: false, status, error: `Stopped: ${stop}.`, stop };
      }
      return { ok: false, status, error: `Reevo rejected the row (HTTP ${status}${message ? `: ${message}` : ''}).` };
    }
  }

  // Rows finish out of order; they are written in table order.
  let header: string[] = [];
  let failedWriter: { csv: Stringifier; file: WriteStream } | undefined;
  let outWriter: { csv: Stringifier; file: WriteStream } | undefined;
  const finished = new Map<number, { cells: Cells; final: Final }>();
  let nextToWrite = 1;
  const counts = { rows: 0, ok: 0, reevo: 0, problems: 0, waiting: 0, stopped: 0, done: 0 };

  const openWriter = (path: string, columns: string[]) => {
    const csv = stringify({ header: true, columns });
    const file = createWriteStream(path);
    csv.pipe(file);
    return { csv, file };
  };
  const returnColumns = recipe.returns.map((r) => r.column);
  const ownColumns = () => header.filter((c) => !(FAILED_COLUMNS as readonly string[]).includes(c));

  const flush = () => {
    for (let entry = finished.get(nextToWrite); entry; entry = finished.get(nextToWrite)) {
      finished.delete(nextToWrite);
      const { cells, final } = entry;
      if (final.kind === 'failed') {
        failedWriter ??= openWriter(failedPath, [...FAILED_COLUMNS, ...ownColumns()]);
        failedWriter.csv.write({ ...cells, Row: String(nextToWrite), 'Reevo Error': final.error, 'HTTP Status': final.status ? String(final.status) : '' });
      }
      if (options.outPath) {
        outWriter ??= openWriter(options.outPath, [...ownColumns(), ...returnColumns.filter((c) => !header.includes(c))]);
        outWriter.csv.write(final.kind === 'ok' ? { ...cells, ...final.returned } : cells);
      }
      nextToWrite += 1;
    }
  };
  const finish = (row: number, cells: Cells, final: Final) => {
    if (final.kind === 'ok') counts.ok += 1;
    else if (final.kind === 'done') counts.done += 1;
    else counts[final.reason] += 1;
    finished.set(row, { cells, final });
    flush();
    bar?.increment(1, { ok: counts.ok, failed: counts.reevo + counts.problems + counts.waiting + counts.stopped });
  };

  const inFlight = new Set<Promise<void>>();
  const maxInFlight = Math.max(1, Math.min(rate.requests, 64));
  try {
    for await (const { row, cells } of readTable(csvPath, prepared, (columns) => (header = columns))) {
      counts.rows += 1;
      const outcome = evaluateRow(prepared, cells, row, options.baseUrl);
      if (outcome.status === 'skipped') {
        finish(row, cells, outcome.why === 'done' ? { kind: 'done' } : { kind: 'failed', reason: 'waiting', error: `not sent: ${outcome.reason}` });
        continue;
      }
      if (outcome.status === 'problems') {
        const problems = outcome.issues.filter((i) => i.severity === 'problem').map((i) => `${i.column}: ${i.message}`);
        finish(row, cells, { kind: 'failed', reason: 'problems', error: `not sent: ${problems.join('; ')}` });
        continue;
      }
      if (stopReason) {
        finish(row, cells, { kind: 'failed', reason: 'stopped', error: `not sent: ${stopReason}` });
        continue;
      }
      const task = deliver(outcome).then((delivery) => {
        if (delivery.ok) finish(row, cells, { kind: 'ok', returned: returnedValues(recipe, delivery.data) });
        else if (delivery.stop && delivery.error.startsWith('not sent')) finish(row, cells, { kind: 'failed', reason: 'stopped', error: delivery.error });
        else finish(row, cells, { kind: 'failed', reason: 'reevo', error: delivery.error, status: delivery.status });
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.allSettled(inFlight);
    bar?.stop();
    await Promise.all([failedWriter, outWriter].filter((w) => w !== undefined).map(closeWriter));
  }

  const failed = counts.reevo + counts.problems + counts.waiting + counts.stopped;
  if (failed === 0) removeStaleFailedFile(failedPath);
  return {
    recipe: recipe.name,
    rows: counts.rows,
    ok: counts.ok,
    failed,
    failedByReevo: counts.reevo,
    notSentProblems: counts.problems,
    notSentWaiting: counts.waiting,
    notSentStopped: counts.stopped,
    alreadyDone: counts.done,
    retries: retryCount,
    ...(failed > 0 ? { failedPath } : {}),
    ...(stopReason ? { stopReason } : {}),
  };
}

function closeWriter(writer: { csv: Stringifier; file: WriteStream }): Promise<void> {
  return new Promise((done, fail) => {
    writer.file.once('finish', () => done());
    writer.file.once('error', fail);
    writer.csv.end();
  });
}

/** A failed-rows file from an earlier run would invite re-sending rows that went through this time. */
function removeStaleFailedFile(path: string): void {
  if (!existsSync(path)) return;
  const head = readFileSync(path, 'utf8').slice(0, 200);
  if (head.startsWith(FAILED_COLUMNS.join(','))) rmSync(path);
}

async function progressBar(csvPath: string, prepared: PreparedRecipe, stream: NodeJS.WritableStream): Promise<SingleBar> {
  let total = 0;
  for await (const _row of readTable(csvPath, prepared)) total += 1;
  const bar = new SingleBar({
    stream,
    format: 'Sending {bar} {value}/{total} rows | {ok} ok | {failed} failed | ETA {eta_formatted}',
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(total, 0, { ok: 0, failed: 0 });
  return bar;
}

function readJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reevo's message, with FastAPI's field locations named by the table's columns. */
function messageOf(text: string, prepared: PreparedRecipe): string {
  const body = readJson(text);
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item: { loc?: unknown[]; msg?: unknown }) => {
        const loc = Array.isArray(item.loc) ? item.loc.map(String) : [];
        const key = [...loc].reverse().find((part) => !/^\d+$/.test(part) && !['body', 'query', 'path', 'header'].includes(part));
        const column = prepared.recipe.columns.find((c) => c.field === key)?.name;
        return `${column ? `column "${column}" ` : ''}(${loc.join('.')}): ${String(item.msg ?? 'is not valid')}`;
      })
      .join('; ');
  }
  const message = reevoMessage(body ?? text) ?? '';
  return /^\s*</.test(message) ? '' : message.replace(/\s+/g, ' ').slice(0, 300);
}

/** Retry-After in seconds or as an HTTP date. */
function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function networkProblem(error: unknown): string {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'no answer in time';
  const cause = (error as { cause?: { code?: string } })?.cause;
  if (cause?.code === 'ECONNREFUSED') return 'the connection was refused';
  if (cause?.code === 'ENOTFOUND') return 'the host name was not found';
  return 'the connection was dropped before Reevo answered';
}

/** The recipe's "fields to return" from a response, by dot path (`0.id`, `contact.id`). */
export function returnedValues(recipe: Recipe, data: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { path, column } of recipe.returns) {
    let value: unknown = data;
    for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    values[column] = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return values;
}
