/**
 * `reevo-clay`: see a Clay table's requests before Clay sends them, check them against the
 * contract without spending credits, and send them from the command line.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_BASE_URL } from '../src/config';
import { generateRecipes, type Recipe } from './recipes';
import { evaluateRow, prepareRecipe, TemplateError, type RowIssue, type RowOutcome } from './rows';
import { defaultFailedPath, parseRate, sendTable, type RateLimit } from './send';
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

export const USAGE = `reevo-clay: Reevo recipes for Clay's HTTP API column

Usage:
  reevo-clay list                          the recipes
  reevo-clay render RECIPE TABLE.csv       each row's request exactly as Clay would send it
  reevo-clay check  RECIPE TABLE.csv       check every row against Reevo's API; sends nothing
  reevo-clay send   RECIPE TABLE.csv       send the rows to Reevo (key from REEVO_API_KEY)

RECIPE is a recipe name (see list) or the path of a recipe JSON file you copied and edited.
TABLE.csv is the Clay table exported as CSV (row 1 is the first row under the header).

Options:
  --base-url URL   (render, send) Reevo's address [${DEFAULT_BASE_URL}]
  --limit N        (render) only the first N rows
  --warnings       (check) list every empty-cell warning, not only the totals per column
  --rate N[/MS]    (send) at most N requests per MS milliseconds [the recipe's rate limit]
  --failed FILE    (send) where rows that failed are written [TABLE.failed.csv]
  --out FILE       (send) the whole table again, with the returned IDs filled in
  --retries N      (send) retries after a 429, a server error or a dropped connection [4]
  --keep-empty     (send) send "" for empty optional cells, exactly as render shows
  -h, --help       this text

Exit status: 0 all rows fine, 1 some row has a problem or failed, 2 the command could not run.
`;

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
        rate: { type: 'string' },
        failed: { type: 'string' },
        out: { type: 'string' },
        retries: { type: 'string' },
        'keep-empty': { type: 'boolean' },
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
    for (const recipe of generateRecipes()) out(`${recipe.name.padEnd(36)} ${recipe.method.padEnd(6)} ${recipe.title}${recipe.rerun.safe ? '' : '  (not safe to re-run)'}\n`);
    return 0;
  }
  if (!['render', 'check', 'send'].includes(command)) {
    err(`Unknown command ${JSON.stringify(command)}.\n\n${USAGE}`);
    return 2;
  }
  if (!recipeArg || !table) {
    err(`${command} needs a recipe and a table: reevo-clay ${command} RECIPE TABLE.csv\n`);
    return 2;
  }

  try {
    const recipe = loadRecipe(recipeArg);
    prepareRecipe(recipe);
    if (command === 'render') return await render(recipe, table, values, out);
    if (command === 'check') return await check(recipe, table, Boolean(values.warnings), out);
    return await send(recipe, table, values, io);
  } catch (error) {
    if (error instanceof TableError || error instanceof TemplateError) {
      err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

async function render(recipe: Recipe, table: string, values: { 'base-url'?: string; limit?: string }, out: (text: string) => void): Promise<number> {
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (!(limit >= 0)) throw new TableError('--limit must be a number of rows.');
  const prepared = prepareRecipe(recipe);
  for await (const { row, cells } of readTable(table, prepared)) {
    if (row > limit) break;
    const outcome = evaluateRow(prepared, cells, row, values['base-url'] ?? DEFAULT_BASE_URL);
    if (outcome.status === 'skipped') {
      out(`### row ${row}: not run (${outcome.reason})\n\n`);
      continue;
    }
    const { request } = outcome;
    out(`### row ${row}\n${request.method} ${request.url}\n`);
    for (const header of request.headers) out(`${header.key}: ${header.value}\n`);
    out(`x-api-key: (from the Clay Account "${recipe.account.name}")\n`);
    if (request.body !== null) out(`\n${request.body}\n`);
    out('\n');
  }
  return 0;
}

async function check(recipe: Recipe, table: string, listWarnings: boolean, out: (text: string) => void): Promise<number> {
  const line = (row: number, issue: RowIssue) =>
    `row ${row}, column ${issue.column.startsWith('(') ? issue.column : JSON.stringify(issue.column)}${issue.field ? ` (${issue.field})` : ''}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message}\n`;
  const onRow = (outcome: RowOutcome) => {
    for (const issue of outcome.issues) if (issue.severity === 'problem' || listWarnings) out(line(outcome.row, issue));
  };
  const summary = await checkTableFile(recipe, table, { onRow });
  out(`\nChecked ${summary.rows} row${summary.rows === 1 ? '' : 's'} of ${table} against ${recipe.name} (nothing was sent):\n`);
  out(`  ${summary.ok} ok, ${summary.withProblems} with problems`);
  if (summary.skippedWaiting) out(`, ${summary.skippedWaiting} that Clay will not run (Only run if: a cell it needs is empty)`);
  if (summary.skippedDone) out(`, ${summary.skippedDone} already done (skipped by Only run if)`);
  out('\n');
  const warnings = Object.entries(summary.warningsByColumn);
  if (warnings.length > 0) {
    out(`  Empty optional cells: ${warnings.map(([column, n]) => `${JSON.stringify(column)} in ${n} row${n === 1 ? '' : 's'}`).join(', ')}.\n`);
    out('  Clay sends "" for an empty cell; see "Empty cells" in clay/README.md. (--warnings lists them.)\n');
  }
  return summary.withProblems + summary.skippedWaiting > 0 ? 1 : 0;
}

async function send(
  recipe: Recipe,
  table: string,
  values: { 'base-url'?: string; rate?: string; failed?: string; out?: string; retries?: string; 'keep-empty'?: boolean },
  io: CliIo,
): Promise<number> {
  const apiKey = io.env.REEVO_API_KEY?.trim();
  if (!apiKey) throw new TableError('Set the environment variable REEVO_API_KEY to your Reevo API key (it is never printed).');
  const baseUrl = (values['base-url'] ?? io.env.REEVO_API_BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TableError(`--base-url ${baseUrl} is not a URL.`);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new TableError(`--base-url must be https:// (plain http only for localhost), so the key is not sent in the clear.`);
  }
  let rate: RateLimit | undefined;
  if (values.rate !== undefined) {
    rate = parseRate(values.rate);
    if (!rate) throw new TableError('--rate is N (requests a second) or N/MS (requests per MS milliseconds), e.g. 5/1000.');
  }
  const retries = values.retries === undefined ? undefined : Number(values.retries);
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0)) throw new TableError('--retries must be a whole number.');

  const summary = await sendTable(recipe, table, {
    baseUrl,
    apiKey,
    rate,
    retries,
    failedPath: values.failed ?? defaultFailedPath(table),
    outPath: values.out,
    keepEmpty: values['keep-empty'],
    progressStream: io.stderr,
    ...(io.fetch ? { fetch: io.fetch } : {}),
    ...(io.sleep ? { sleep: io.sleep } : {}),
    ...(io.now ? { now: io.now } : {}),
    ...(io.backoffMs !== undefined ? { backoffMs: io.backoffMs } : {}),
  });
  const out = (text: string) => io.stdout.write(text);
  out(`Sent ${recipe.name} for ${summary.rows} row${summary.rows === 1 ? '' : 's'} of ${table} to ${baseUrl}:\n`);
  out(`  ${summary.ok} ok, ${summary.failed} failed`);
  if (summary.alreadyDone) out(`, ${summary.alreadyDone} already done (skipped by Only run if)`);
  if (summary.retries) out(`; ${summary.retries} retr${summary.retries === 1 ? 'y' : 'ies'}`);
  out('\n');
  if (summary.failed > 0) {
    const parts = [
      summary.failedByReevo && `${summary.failedByReevo} refused or failed in Reevo`,
      summary.notSentProblems && `${summary.notSentProblems} not sent because check found a problem`,
      summary.notSentWaiting && `${summary.notSentWaiting} not run by Only run if`,
      summary.notSentStopped && `${summary.notSentStopped} not sent after the run stopped`,
    ].filter(Boolean);
    out(`  Failed: ${parts.join(', ')}.\n  Every failed row is in ${summary.failedPath}, with its error; fix them and send that file again.\n`);
  }
  if (summary.stopReason) out(`  Stopped early: ${summary.stopReason}.\n`);
  if (values.out) out(`  The table with the returned fields is in ${values.out}.\n`);
  return summary.failed > 0 ? 1 : 0;
}

if (require.main === module) {
  run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`reevo-clay failed unexpectedly: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
