/**
 * `reevo-clay`: see a Clay table's requests before Clay sends them, check them against the
 * contract without spending credits, and send them from the command line.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_BASE_URL } from '../src/config';
import { generateRecipes, isWorkflowRecipe, type Recipe } from './recipes';
import { evaluateRow, prepareRecipe, TemplateError, type RowIssue, type RowOutcome } from './rows';
import { fixTable, describeChange } from './fix';
import { checkKeyText, KeyRefused, parseRate, sendTable, siblingPath, type RateLimit, type SendSummary } from './send';
import { checkTableFile, loadRecipe, readTable, TableError } from './table';

export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For tests: replaces global fetch and the wait between retries. */
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly backoffMs?: number;
}

const USAGE = `reevo-clay: Reevo recipes for Clay's HTTP API column

Usage:
  reevo-clay list                          the recipes
  reevo-clay render RECIPE TABLE.csv       each row's request exactly as Clay would send it
  reevo-clay check  RECIPE TABLE.csv       check every row against Reevo's API; sends nothing
  reevo-clay fix    RECIPE TABLE.csv       write a cleaned copy of the table and list every change
  reevo-clay send   RECIPE TABLE.csv       send the rows to Reevo (key from REEVO_API_KEY; start_workflow
                                           sends no Reevo key, only REEVO_WORKFLOW_KEY if the trigger has one)

RECIPE is a recipe name (see list) or the path of a recipe JSON file you copied and edited.
TABLE.csv is the Clay table exported as CSV (row 1 is the first row under the header).

Options:
  --map "Email=Work Email"  the recipe's column Email is the table's column Work Email (repeatable)
  --base-url URL     (render, send) Reevo's address [${DEFAULT_BASE_URL}]
  --limit N          (render) only the first N rows
  --warnings         (check) list every warning, not only the totals per column
  --country CC       (fix) the country of phone numbers written without one, e.g. US [none: left as they are]
  --out FILE         (fix) the cleaned table [TABLE.fixed.csv]
                     (send) rows Reevo confirmed, with the returned IDs [TABLE.out.csv; added to if it exists]
  --failed FILE      (send) rows that failed or were not sent, with the reason [TABLE.failed.csv]
  --skipped FILE     (send) rows Only run if skipped, with the reason [TABLE.skipped.csv]
  --resume FILE      (send) the out or failed file of an earlier run: send only the rows not done
  --rate N[/MS]      (send) at most N requests per MS milliseconds [the recipe's rate limit]
  --retries N        (send) retries after a 429, a server error or a connection failure [4]
  --progress-every S (send) without a terminal, a progress line every S seconds [5]
  --grace S          (send) after Ctrl-C or a TERM, how long requests in flight may still finish [10]
  -h, --help         this text

Exit status: 0 every row done (sent, or skipped by Only run if), 1 some rows failed or have a
problem, 2 the command could not run, 3 the run stopped early (the key, a permission, the quota,
Reevo unreachable, or an interrupt); the failed file then holds every row not done.
`;

type Values = {
  'base-url'?: string;
  limit?: string;
  warnings?: boolean;
  country?: string;
  rate?: string;
  failed?: string;
  skipped?: string;
  out?: string;
  resume?: string;
  retries?: string;
  'progress-every'?: string;
  grace?: string;
  map?: string[];
};

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const out = (text: string) => io.stdout.write(text);
  const err = (text: string) => io.stderr.write(text);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'base-url': { type: 'string' },
        limit: { type: 'string' },
        warnings: { type: 'boolean' },
        country: { type: 'string' },
        rate: { type: 'string' },
        failed: { type: 'string' },
        skipped: { type: 'string' },
        out: { type: 'string' },
        resume: { type: 'string' },
        retries: { type: 'string' },
        'progress-every': { type: 'string' },
        grace: { type: 'string' },
        map: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, recipeArg, table] = positionals;
  if (values.help || command === undefined || command === 'help') {
    out(USAGE);
    return values.help || command === 'help' ? 0 : 2;
  }
  if (command === 'list') {
    for (const recipe of generateRecipes())
      out(
        `${recipe.name.padEnd(36)} ${recipe.method.padEnd(6)} ${recipe.title}${recipe.rerun.safe ? '' : '  (not safe to re-run)'}\n`,
      );
    return 0;
  }
  if (!['render', 'check', 'fix', 'send'].includes(command)) {
    err(`Unknown command ${JSON.stringify(command)}.\n\n${USAGE}`);
    return 2;
  }
  if (!recipeArg || !table) {
    err(`${command} needs a recipe and a table: reevo-clay ${command} RECIPE TABLE.csv\n`);
    return 2;
  }

  try {
    const recipe = loadRecipe(recipeArg);
    const map = parseMap(values.map ?? []);
    prepareRecipe(recipe, map);
    if (command === 'render') return await render(recipe, table, map, values, out);
    if (command === 'check') return await check(recipe, table, map, Boolean(values.warnings), out);
    if (command === 'fix') return await fix(recipe, table, map, values, out);
    return await send(recipe, table, map, values, io);
  } catch (error) {
    if (error instanceof TableError || error instanceof TemplateError) {
      err(`${error.message}\n`);
      return 2;
    }
    if (error instanceof KeyRefused) {
      err(`${error.message}\n`);
      return 3;
    }
    throw error;
  }
}

/** `--map "Email=Work Email"`: the recipe's column → the table's column. */
function parseMap(pairs: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const from = pair.slice(0, at).trim();
    const to = pair.slice(at + 1).trim();
    if (at < 0 || !from || !to)
      throw new TableError(
        `--map ${JSON.stringify(pair)}: write it as "Recipe Column=Table Column", e.g. --map "Email=Work Email".`,
      );
    if (map.has(from)) throw new TableError(`--map names the recipe column ${JSON.stringify(from)} twice.`);
    map.set(from, to);
  }
  return map;
}

async function render(
  recipe: Recipe,
  table: string,
  map: ReadonlyMap<string, string>,
  values: Values,
  out: (text: string) => void,
): Promise<number> {
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit >= 0)) throw new TableError('--limit must be a number of rows.');
  const prepared = prepareRecipe(recipe, map);
  for await (const { row, cells } of readTable(table, prepared)) {
    if (row > limit) break;
    const outcome = evaluateRow(prepared, cells, row, values['base-url'] ?? DEFAULT_BASE_URL);
    if (outcome.status === 'skipped') {
      out(`### row ${row}: not run (${outcome.reason})\n\n`);
      continue;
    }
    const { request } = outcome;
    // A workflow URL is the workflow's secret: shown by its host only.
    out(
      `### row ${row}\n${request.method} ${isWorkflowRecipe(recipe) ? workflowUrlShown(request.url) : request.url}\n`,
    );
    for (const header of request.headers) out(`${header.key}: ${header.value}\n`);
    for (const header of recipe.account.headers)
      out(`${header.key}: (from the Clay Account "${recipe.account.name}")\n`);
    if (request.body !== null) out(`\n${request.body}\n`);
    out('\n');
  }
  return 0;
}

async function check(
  recipe: Recipe,
  table: string,
  map: ReadonlyMap<string, string>,
  listWarnings: boolean,
  out: (text: string) => void,
): Promise<number> {
  const line = (row: number, issue: RowIssue) =>
    `row ${row}, column ${issue.column.startsWith('(') ? issue.column : JSON.stringify(issue.column)}${issue.field ? ` (${issue.field})` : ''}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}\n`;
  const onRow = (outcome: RowOutcome) => {
    for (const issue of outcome.issues) if (issue.severity === 'problem' || listWarnings) out(line(outcome.row, issue));
  };
  const summary = await checkTableFile(recipe, table, { onRow, map });
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  out(`\nChecked ${plural(summary.rows, 'row')} of ${table} against ${recipe.name} (nothing was sent):\n`);
  out(`  ${summary.ok} ok, ${summary.withProblems} with problems`);
  const skipped = [
    summary.skippedWaiting && `${summary.skippedWaiting} that Only run if skips because a cell it needs is empty`,
    summary.skippedDone && `${summary.skippedDone} already done (skipped by Only run if)`,
    summary.skippedOther && `${summary.skippedOther} that Only run if skips`,
  ].filter(Boolean);
  if (skipped.length > 0) out(`; not run: ${skipped.join(', ')}`);
  out('\n');
  const warnings = Object.entries(summary.warningsByColumn);
  if (warnings.length > 0) {
    out(
      `  Warnings: ${warnings.map(([column, n]) => `${JSON.stringify(column)} in ${plural(n, 'row')}`).join(', ')} (--warnings lists them).\n`,
    );
  }
  return summary.withProblems > 0 ? 1 : 0;
}

async function fix(
  recipe: Recipe,
  table: string,
  map: ReadonlyMap<string, string>,
  values: Values,
  out: (text: string) => void,
): Promise<number> {
  const outPath = values.out ?? siblingPath(table, 'fixed');
  const summary = await fixTable(recipe, table, outPath, {
    map,
    country: values.country,
    onChange: (change) => out(`${describeChange(change)}\n`),
  });
  out(
    `\nWrote ${outPath}: ${summary.changed} cell${summary.changed === 1 ? '' : 's'} changed in ${summary.rows} rows; ${summary.left} left as they are (listed above with the reason).\n`,
  );
  return 0;
}

async function send(
  recipe: Recipe,
  table: string,
  map: ReadonlyMap<string, string>,
  values: Values,
  io: CliIo,
): Promise<number> {
  // Start Reevo Workflow sends no Reevo key: only the workflow's own key, when its trigger has one.
  const workflow = isWorkflowRecipe(recipe);
  const apiKey = workflow ? '' : checkKeyText(io.env.REEVO_API_KEY);
  const workflowKey = workflow && io.env.REEVO_WORKFLOW_KEY?.trim() ? io.env.REEVO_WORKFLOW_KEY.trim() : undefined;
  const baseUrl = (values['base-url'] ?? io.env.REEVO_API_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TableError(`--base-url ${baseUrl} is not a URL.`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new TableError(
      `--base-url must be https:// (plain http only for localhost), so the key is not sent in the clear.`,
    );
  }
  let rate: RateLimit | undefined;
  if (values.rate !== undefined) {
    rate = parseRate(values.rate);
    if (!rate)
      throw new TableError('--rate is N (requests a second) or N/MS (requests per MS milliseconds), e.g. 5/1000.');
  }
  const whole = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!(Number.isFinite(n) && n >= 0)) throw new TableError(`--${name} must be a number.`);
    return n;
  };
  const retries = whole('retries', values.retries);
  if (retries !== undefined && !Number.isInteger(retries)) throw new TableError('--retries must be a whole number.');
  const progressEvery = whole('progress-every', values['progress-every']);
  const grace = whole('grace', values.grace);

  // Ctrl-C or a TERM stops sending; sendTable then accounts for every row before the process ends.
  const interrupt = new AbortController();
  const onSignal = () => {
    if (!interrupt.signal.aborted)
      io.stderr.write(
        '\nStopping: waiting for the requests in flight, then writing every row not done to the failed file…\n',
      );
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let summary: SendSummary;
  try {
    summary = await sendTable(recipe, table, {
      baseUrl,
      apiKey,
      ...(workflowKey ? { workflowKey } : {}),
      rate,
      retries,
      map,
      failedPath: values.failed,
      skippedPath: values.skipped,
      outPath: values.out,
      resumeFrom: values.resume,
      signal: interrupt.signal,
      ...(grace !== undefined ? { graceMs: grace * 1000 } : {}),
      progress: { stream: io.stderr, ...(progressEvery !== undefined ? { everyMs: progressEvery * 1000 } : {}) },
      ...(io.fetch ? { fetch: io.fetch } : {}),
      ...(io.sleep ? { sleep: io.sleep } : {}),
      ...(io.now ? { now: io.now } : {}),
      ...(io.backoffMs !== undefined ? { backoffMs: io.backoffMs } : {}),
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const out = (text: string) => io.stdout.write(text);
  out(
    `Sent ${recipe.name} for ${summary.rows} row${summary.rows === 1 ? '' : 's'} of ${table} to ${workflow ? "the rows' workflow URLs" : baseUrl}:\n`,
  );
  out(`  ${summary.ok} ok, ${summary.failed} failed, ${summary.skipped} skipped by Only run if`);
  if (summary.resumed) out(`, ${summary.resumed} done in the earlier run`);
  if (summary.retries) out(`; ${summary.retries} retr${summary.retries === 1 ? 'y' : 'ies'}`);
  out('\n');
  if (summary.stop) out(`  Stopped early: ${summary.stop.reason}.\n`);
  if (summary.failed > 0) {
    const parts = [
      summary.failedByReevo && `${summary.failedByReevo} refused or failed in Reevo`,
      summary.notSentProblems && `${summary.notSentProblems} not sent because check found a problem`,
      summary.notSentStopped && `${summary.notSentStopped} not sent${summary.stop ? ' after the run stopped' : ''}`,
    ].filter(Boolean);
    out(
      `  Failed: ${parts.join(', ')}.\n  Every failed row is in ${summary.files.failed}, with its reason: fix them and send that file again.\n`,
    );
  }
  if (summary.files.skipped) out(`  Rows Only run if skipped are in ${summary.files.skipped}.\n`);
  if (summary.files.out) out(`  Rows Reevo confirmed, with the returned fields, are in ${summary.files.out}.\n`);
  return summary.stop ? 3 : summary.failed > 0 ? 1 : 0;
}

function workflowUrlShown(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/… (the Workflow URL cell)`;
  } catch {
    return '(the Workflow URL cell, which is not a web address)';
  }
}
