/**
 * Clay tables as CSV files, read as a stream so a table of any size runs in bounded memory.
 */
import { createReadStream, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DEFAULT_BASE_URL } from '../src/config';
import { generateRecipes, type Recipe } from './recipes';
import {
  columnsOf,
  evaluateRow,
  prepareRecipe,
  type Cells,
  type PreparedRecipe,
  type RowIssue,
  type RowOutcome,
} from './rows';

/** A table the recipe cannot run on at all (a missing column, an unreadable file). */
export class TableError extends Error {}

/** A recipe by name (see `reevo-clay list`) or the path of a recipe JSON file. */
export function loadRecipe(nameOrPath: string): Recipe {
  const byName = generateRecipes().find((recipe) => recipe.name === nameOrPath);
  if (byName) return byName;
  if (/[/\\]|\.json$/i.test(nameOrPath)) {
    let text: string;
    try {
      text = readFileSync(nameOrPath, 'utf8');
    } catch (error) {
      throw new TableError(`Cannot read the recipe file ${nameOrPath}: ${(error as Error).message}`);
    }
    try {
      return JSON.parse(text) as Recipe;
    } catch (error) {
      throw new TableError(`The recipe file ${nameOrPath} is not valid JSON: ${(error as Error).message}`);
    }
  }
  throw new TableError(
    `There is no recipe named ${nameOrPath}. The recipes are: ${generateRecipes()
      .map((r) => r.name)
      .join(', ')}.`,
  );
}

export interface TableRow {
  /** 1-based, as Clay numbers rows; the header is not a row. */
  readonly row: number;
  readonly cells: Cells;
}

/** Batches parsed ahead of the caller before the file is paused: a few hundred kilobytes. */
const BATCHES_AHEAD = 4;

/**
 * The records of a CSV file, the header first, in batches as Papa Parse reads the file's chunks
 * (one await per batch, not per row, which a 100,000-row check would feel). The file is paused
 * while the caller is behind, so a file of any size is read in bounded memory.
 */
export async function* readCsvBatches(csvPath: string): AsyncGenerator<string[][]> {
  // Decoded by the stream, so a character split between two chunks arrives whole.
  const source = createReadStream(csvPath, { encoding: 'utf8' });
  const ready: string[][][] = [];
  let records = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    source.destroy();
    wake?.();
  };

  Papa.parse<string[]>(source, {
    delimiter: ',',
    skipEmptyLines: true,
    beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ''),
    chunk: ({ data, errors }) => {
      if (failure) return;
      // A quote left open or closed inside a field: reading on could shift every later cell.
      const broken = errors.find((error) => error.type === 'Quotes');
      if (broken) {
        const record = records + (broken.row ?? 0);
        const where = record === 0 ? 'the header' : `row ${record}`;
        return fail(new TableError(`Cannot read ${csvPath}: ${where} has a misplaced or unclosed quote (").`));
      }
      records += data.length;
      if (data.length > 0) ready.push(data);
      if (ready.length >= BATCHES_AHEAD) source.pause();
      wake?.();
    },
    complete: () => {
      ended = true;
      wake?.();
    },
    error: (error) => fail(new TableError(`Cannot read ${csvPath}: ${error.message}`)),
  });

  try {
    for (;;) {
      if (failure) throw failure;
      const batch = ready.shift();
      if (batch) {
        if (source.isPaused()) source.resume();
        yield batch;
      } else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    source.destroy();
  }
}

/**
 * The rows of a CSV table in batches, each row's cells by column name; fails before the first row
 * if a column the recipe needs is missing.
 */
export async function* readTableBatches(
  csvPath: string,
  prepared: PreparedRecipe,
  onHeader?: (columns: string[]) => void,
): AsyncGenerator<TableRow[]> {
  let header: string[] | undefined;
  let row = 0;
  for await (const records of readCsvBatches(csvPath)) {
    let first = 0;
    if (!header) {
      header = checkHeader(records[0], prepared);
      onHeader?.(header);
      first = 1;
    }
    const batch: TableRow[] = [];
    for (let i = first; i < records.length; i += 1) batch.push({ row: (row += 1), cells: cellsOf(header, records[i]) });
    if (batch.length > 0) yield batch;
  }
}

/** The header row, refused if the recipe needs a column it lacks. */
function checkHeader(header: string[], prepared: PreparedRecipe): string[] {
  const missing = prepared.requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new TableError(
      `The table has no column ${missing.map((c) => JSON.stringify(c)).join(', ')}, which recipe ${prepared.recipe.name} uses. ` +
        `Its columns are: ${header.map((c) => JSON.stringify(c)).join(', ')}. Rename a column, or copy the recipe file, edit it, and pass its path.`,
    );
  }
  return header;
}

/** A row's fields by column name; a short row's missing cells are absent, a long row's extra fields are dropped. */
function cellsOf(header: readonly string[], fields: readonly string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  const length = Math.min(header.length, fields.length);
  for (let i = 0; i < length; i += 1) cells[header[i]] = fields[i];
  return cells;
}

/** The rows of a CSV table, one at a time. */
export async function* readTable(
  csvPath: string,
  prepared: PreparedRecipe,
  onHeader?: (columns: string[]) => void,
): AsyncGenerator<TableRow> {
  for await (const batch of readTableBatches(csvPath, prepared, onHeader)) yield* batch;
}

export interface CheckSummary {
  readonly recipe: string;
  readonly rows: number;
  readonly ok: number;
  readonly withProblems: number;
  /** Rows Only run if stops because a cell it needs is empty: they would never reach Reevo. */
  readonly skippedWaiting: number;
  /** Rows Only run if stops because the result column is filled: done by an earlier run. */
  readonly skippedDone: number;
  /** Rows Only run if stops for another reason its formula gives. */
  readonly skippedOther: number;
  /** Problems and warnings per column, to sum up a big table. */
  readonly problemsByColumn: Readonly<Record<string, number>>;
  readonly warningsByColumn: Readonly<Record<string, number>>;
}

export interface CheckOptions {
  /** Called for every row in order; nothing else keeps rows, so memory stays flat. */
  readonly onRow?: (outcome: RowOutcome) => void;
  readonly baseUrl?: string;
  /** Recipe column → table column (`--map`). */
  readonly map?: ReadonlyMap<string, string>;
}

/** Emails compared the way Reevo matches them: letter case aside. */
const sameEmail = (text: string) => text.toLowerCase();

/** Domains compared the way Reevo matches them: letter case, scheme, "www." and a trailing slash aside. */
const sameDomain = (text: string) =>
  text
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');

/** Fields whose value names one record: the same value twice in a table is worth a look. */
const IDENTITY_FIELDS = [
  { field: 'email', what: 'email', same: sameEmail },
  { field: 'contact_email', what: 'email', same: sameEmail },
  { field: 'domain_name', what: 'domain', same: sameDomain },
  { field: 'account_domain', what: 'domain', same: sameDomain },
] as const;

/**
 * Checks every row of a CSV table against a recipe and the contract without sending anything.
 * Exported for the benchmark: streams the file; only the emails and domains seen are kept, to
 * report duplicates.
 */
export async function checkTableFile(
  recipe: Recipe | string,
  csvPath: string,
  options: CheckOptions = {},
): Promise<CheckSummary> {
  const resolved = typeof recipe === 'string' ? loadRecipe(recipe) : recipe;
  const prepared = prepareRecipe(resolved, options.map);
  // Each field's values seen, by their identity, with the first row each was in.
  const identities = IDENTITY_FIELDS.flatMap((identity) => {
    const seen = new Map<string, number>();
    return columnsOf(prepared, identity.field).map((column) => ({ ...identity, column, seen }));
  });
  const counts = { rows: 0, ok: 0, withProblems: 0, waiting: 0, done: 0, condition: 0 };
  const problemsByColumn: Record<string, number> = {};
  const warningsByColumn: Record<string, number> = {};
  for await (const batch of readTableBatches(csvPath, prepared))
    for (const { row, cells } of batch) {
      counts.rows += 1;
      let outcome = evaluateRow(prepared, cells, row, options.baseUrl ?? DEFAULT_BASE_URL);
      if (outcome.status === 'skipped') counts[outcome.why] += 1;
      else {
        let duplicates: RowIssue[] | undefined;
        for (const { field, what, same, column, seen } of identities) {
          const value = cells[column]?.trim();
          if (!value) continue;
          const key = same(value);
          const first = seen.get(key);
          if (first === undefined) seen.set(key, row);
          else
            (duplicates ??= []).push({
              column,
              field,
              severity: 'warning',
              message: `${JSON.stringify(value)} is also in row ${first}: the same ${what} twice in the table`,
            });
        }
        if (duplicates) outcome = { ...outcome, issues: [...outcome.issues, ...duplicates] };
        if (outcome.status === 'ok') counts.ok += 1;
        else counts.withProblems += 1;
      }
      for (const issue of outcome.issues) {
        const tally = issue.severity === 'problem' ? problemsByColumn : warningsByColumn;
        tally[issue.column] = (tally[issue.column] ?? 0) + 1;
      }
      options.onRow?.(outcome);
    }
  return {
    recipe: resolved.name,
    rows: counts.rows,
    ok: counts.ok,
    withProblems: counts.withProblems,
    skippedWaiting: counts.waiting,
    skippedDone: counts.done,
    skippedOther: counts.condition,
    problemsByColumn,
    warningsByColumn,
  };
}
