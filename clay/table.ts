/**
 * Clay tables read through a recipe: the columns it needs, each row's cells by column name, and
 * `check` over a whole table in bounded memory.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_BASE_URL } from '../src/config';
import { readCsvBatches, TableError } from './csv';
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

export { TableError };

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

export interface ReadOptions {
  /** Called with the table's columns before the first row. */
  readonly onHeader?: (columns: string[]) => void;
  /** How much of the file is read at a time (clay/csv.ts). */
  readonly chunkBytes?: number;
}

/**
 * The rows of a CSV table in batches, each row's cells by column name; fails before the first row
 * if a column the recipe needs is missing.
 */
export async function* readTableBatches(
  csvPath: string,
  prepared: PreparedRecipe,
  { onHeader, chunkBytes }: ReadOptions = {},
): AsyncGenerator<TableRow[]> {
  let header: string[] | undefined;
  let row = 0;
  for await (const records of readCsvBatches(csvPath, chunkBytes)) {
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
  options: ReadOptions = {},
): AsyncGenerator<TableRow> {
  for await (const batch of readTableBatches(csvPath, prepared, options)) yield* batch;
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
