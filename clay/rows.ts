/**
 * One table row through a recipe: Clay's Only run if, the request Clay would send, and what the
 * contract says about it. `check`, `render` and `send` all go through `evaluateRow`, so what is
 * checked is what is sent, byte for byte.
 */
import { DEFAULT_BASE_URL } from '../src/config';
import { endpoints, type Endpoint, type Param } from '../src/endpoints';
import { quote, type Field } from '../src/fields';
import { isBlank } from '../src/normalise';
import { inputProblems } from '../src/request-builder';
import { attributeWrapper } from '../src/v2-writes';
import { checkVariables, checkWorkflowUrl } from '../src/workflows';
import { compileFormula, FormulaError, runIfColumns, type CompiledFormula } from './formula';
import {
  API_KEY_PLACEHOLDER,
  callsEndpointTable,
  isWorkflowRecipe,
  TASK_QUERY_PATH,
  type KeyValue,
  type Recipe,
} from './recipes';
import { chipsIn, escapeCell, fill, TemplateError } from './template';

export { TemplateError };

/**
 * Cells Clay users type for "no value". Sent as they are, Reevo stores them as the value (a
 * contact titled "N/A") or refuses the row, so `check` reports them wherever they would go out.
 */
const PLACEHOLDERS = new Set(['n/a', 'na', '#n/a', '-', '--', '—', 'none', 'null', 'nil', 'undefined']);
export const isPlaceholder = (text: string): boolean => text.length < 16 && PLACEHOLDERS.has(text.trim().toLowerCase());

/** A recipe read once, so each row costs no template parsing. */
export interface PreparedRecipe {
  readonly recipe: Recipe;
  readonly endpoint: Endpoint;
  readonly pathParams: ReadonlyArray<{ readonly column: string; readonly param: Param }>;
  readonly queryRows: ReadonlyArray<{ readonly row: KeyValue; readonly param?: Param }>;
  readonly runIf: CompiledFormula;
  readonly runIfColumns: { readonly filled: readonly string[]; readonly empty: readonly string[] };
  readonly bodyFormula?: { readonly column: string; readonly formula: CompiledFormula };
  /** The table columns each body key is made from, read from the body and the body formula. */
  readonly columnsOfKey: ReadonlyMap<string, readonly string[]>;
  /** Recipe column → table column, from `--map "Email=Work Email"`. */
  readonly map: ReadonlyMap<string, string>;
  /** Table columns the recipe cannot run without (mapped names). */
  readonly requiredColumns: readonly string[];
  /** The query string when no row changes it (no chips), built once. */
  readonly fixedQuery?: string;
}

/** Recipes built outside src/endpoints.ts: only their method and body are known; rows.ts reads their rows by their own rules. */
const FORMULA_ENDPOINT: Endpoint = { method: 'POST', path: '', permissions: [], noun: 'record', params: [] };

export function prepareRecipe(recipe: Recipe, map: ReadonlyMap<string, string> = new Map()): PreparedRecipe {
  if (!callsEndpointTable(recipe)) return prepareFormulaRecipe(recipe, map);
  const known: Endpoint | undefined = endpoints[recipe.endpointName];
  if (!known) throw new TemplateError(`Recipe ${recipe.name} names an unknown endpoint ${recipe.endpointName}.`);
  const endpoint = withRememberedChecks(known);
  if (!recipe.endpoint.startsWith(`${DEFAULT_BASE_URL}/`)) {
    throw new TemplateError(`The recipe's Endpoint must start with ${DEFAULT_BASE_URL}/ (it is ${recipe.endpoint}).`);
  }
  if (typeof recipe.onlyRunIf?.formula !== 'string')
    throw new TemplateError(`Recipe ${recipe.name} has no Only run if formula.`);

  const pathParams = matchPath(endpoint, recipe.endpoint.slice(DEFAULT_BASE_URL.length));
  const queryRows = recipe.queryString.map((row) => {
    const param = endpoint.params.find((p) => p.in === 'query' && p.field.key === row.key);
    if (!param && endpoint.query?.[row.key] === undefined)
      throw new TemplateError(`The query string row ${row.key} is not a query field of this endpoint.`);
    return { row, param };
  });
  const runIf = compile(recipe.onlyRunIf.formula, 'Only run if');
  const bodyFormula = recipe.bodyFormula
    ? { column: recipe.bodyFormula.column, formula: compile(recipe.bodyFormula.formula, recipe.bodyFormula.column) }
    : undefined;
  const columnsOfKey = keyColumns([recipe.body ?? '', recipe.bodyFormula?.formula ?? '']);
  // Issues name fields by their input key; the body names a v2 attribute by its own.
  for (const param of endpoint.params) {
    const columns = param.as ? columnsOfKey.get(param.as) : undefined;
    if (columns) columnsOfKey.set(param.field.key, columns);
  }

  const own = new Set([bodyFormula?.column, recipe.column].filter(Boolean));
  const runIfNames = runIfColumns(recipe.onlyRunIf.formula);
  const used = [
    ...pathParams.map((p) => p.column),
    ...recipe.queryString.flatMap((row) => chipsIn(row.value).map((c) => c.column)),
    ...chipsIn(recipe.body ?? '').map((c) => c.column),
    ...(bodyFormula?.formula.columns ?? []),
    ...runIfNames.filled,
  ].filter((column) => !own.has(column));
  const unknown = [...map.keys()].filter((column) => !used.includes(column) && !runIf.columns.includes(column));
  if (unknown.length > 0)
    throw new TemplateError(
      `--map names ${unknown.map((c) => JSON.stringify(c)).join(', ')}, which recipe ${recipe.name} does not read.`,
    );
  return {
    recipe,
    endpoint,
    pathParams,
    queryRows,
    runIf,
    runIfColumns: runIfNames,
    bodyFormula,
    columnsOfKey,
    map,
    requiredColumns: [...new Set(used.map((column) => map.get(column) ?? column))],
    ...(recipe.queryString.every((row) => chipsIn(row.value).length === 0)
      ? { fixedQuery: queryOf(recipe.queryString, () => '') }
      : {}),
  };
}

/**
 * Start Reevo Workflow (the Endpoint is one chip, the Workflow URL) and Find Task (Reevo's v2 task
 * `_query`): the Body is one formula column.
 */
function prepareFormulaRecipe(recipe: Recipe, map: ReadonlyMap<string, string>): PreparedRecipe {
  const urlChips = chipsIn(recipe.endpoint);
  if (isWorkflowRecipe(recipe)) {
    if (urlChips.length !== 1 || urlChips[0].start !== 0 || urlChips[0].end !== recipe.endpoint.length) {
      throw new TemplateError(
        `The Endpoint of ${recipe.name} must be the Workflow URL chip alone (it is ${recipe.endpoint}).`,
      );
    }
    if (recipe.account.headers.some((header) => header.value.includes(API_KEY_PLACEHOLDER))) {
      throw new TemplateError(
        `${recipe.name} must not use the Reevo API key Account: it would send the key to the workflow URL.`,
      );
    }
  } else if (recipe.endpoint !== `${DEFAULT_BASE_URL}${TASK_QUERY_PATH}`) {
    throw new TemplateError(
      `The Endpoint of ${recipe.name} must be ${DEFAULT_BASE_URL}${TASK_QUERY_PATH} (it is ${recipe.endpoint}).`,
    );
  }
  if (recipe.method !== 'POST' || !recipe.bodyFormula || recipe.body === null)
    throw new TemplateError(`${recipe.name} must POST a body formula.`);
  const runIf = compile(recipe.onlyRunIf.formula, 'Only run if');
  const bodyFormula = {
    column: recipe.bodyFormula.column,
    formula: compile(recipe.bodyFormula.formula, recipe.bodyFormula.column),
  };
  const runIfNames = runIfColumns(recipe.onlyRunIf.formula);
  const own = new Set([bodyFormula.column, recipe.column]);
  const used = [...urlChips.map((c) => c.column), ...bodyFormula.formula.columns, ...runIfNames.filled].filter(
    (column) => !own.has(column),
  );
  const unknown = [...map.keys()].filter((column) => !used.includes(column) && !runIf.columns.includes(column));
  if (unknown.length > 0)
    throw new TemplateError(
      `--map names ${unknown.map((c) => JSON.stringify(c)).join(', ')}, which recipe ${recipe.name} does not read.`,
    );
  return {
    recipe,
    endpoint: FORMULA_ENDPOINT,
    pathParams: [],
    queryRows: [],
    runIf,
    runIfColumns: runIfNames,
    bodyFormula,
    columnsOfKey: keyColumns([recipe.bodyFormula.formula]),
    map,
    requiredColumns: [...new Set(used.map((column) => map.get(column) ?? column))],
    fixedQuery: '',
  };
}

/** The workflow recipe's row: the URL checked as the Zapier action checks it, the body a JSON object. */
function evaluateWorkflowRow(prepared: PreparedRecipe, cell: (column: string) => string, row: number): RowOutcome {
  const { recipe } = prepared;
  const urlColumn = chipsIn(recipe.endpoint)[0].column;
  const url = fill(recipe.endpoint, cell).trim();
  const issues: RowIssue[] = [];
  const checkedUrl = checkWorkflowUrl(url);
  if (!checkedUrl.ok)
    issues.push({
      column: prepared.map.get(urlColumn) ?? urlColumn,
      field: 'workflow_url',
      severity: 'problem',
      message: checkedUrl.message,
    });
  const body = formulaBody(prepared, cell, issues);
  if (body !== null) {
    const variables = checkVariables(undefined, body);
    if (!variables.ok)
      issues.push({
        column: '(body)',
        severity: 'problem',
        message: variables.message.replace('Variables as JSON (variables_json)', 'the body'),
      });
    else {
      for (const [key, value] of Object.entries(variables.value)) {
        if (typeof value === 'string' && isPlaceholder(value)) {
          issues.push({
            column: columnsOf(prepared, key).join(', ') || '(body)',
            field: key,
            severity: 'problem',
            message: `${quote(value)} is a placeholder, and the workflow would get it as the value of ${key}: leave the cell empty or clean it (clay/README.md)`,
          });
        }
      }
    }
  }
  const request: RenderedRequest = {
    method: 'POST',
    url: checkedUrl.ok ? checkedUrl.value.toString() : url,
    headers: recipe.headers,
    body,
  };
  return { row, status: issues.some((issue) => issue.severity === 'problem') ? 'problems' : 'ok', request, issues };
}

/** Find Task's row: a `_query` body with at least one filter, each value a real one. */
function evaluateTaskQueryRow(
  prepared: PreparedRecipe,
  cell: (column: string) => string,
  row: number,
  baseUrl: string,
): RowOutcome {
  const { recipe } = prepared;
  const issues: RowIssue[] = [];
  const body = formulaBody(prepared, cell, issues);
  if (body !== null) {
    const parsed = parsedBody(body, issues);
    const filters = parsed && typeof parsed === 'object' ? (parsed as { filters?: unknown }).filters : undefined;
    if (parsed !== undefined && (!Array.isArray(filters) || filters.length === 0)) {
      issues.push({
        column: '(body)',
        severity: 'problem',
        message: 'the body has no filter: fill in Task Title or User Email (Reevo would answer every task)',
      });
    }
    for (const filter of Array.isArray(filters) ? (filters as Array<{ field?: unknown; value?: unknown }>) : []) {
      if (typeof filter.value === 'string' && isPlaceholder(filter.value)) {
        const field = String(filter.field);
        issues.push({
          column: columnsOfKey(prepared, field),
          field,
          severity: 'problem',
          message: `${quote(filter.value)} is a placeholder, and Reevo would search for it: leave the cell empty or clean it (clay/README.md)`,
        });
      }
    }
  }
  const base = baseUrl.replace(/\/+$/, '');
  const request: RenderedRequest = { method: 'POST', url: `${base}${TASK_QUERY_PATH}`, headers: recipe.headers, body };
  return { row, status: issues.some((issue) => issue.severity === 'problem') ? 'problems' : 'ok', request, issues };
}

/** The body formula's text on this row; null, with the formula's failure among the issues, when it throws. */
function formulaBody(prepared: PreparedRecipe, cell: (column: string) => string, issues: RowIssue[]): string | null {
  const { bodyFormula } = prepared;
  try {
    return String(bodyFormula!.formula.evaluate(cell) ?? '');
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    issues.push({ column: bodyFormula!.column, severity: 'problem', message: error.message });
    return null;
  }
}

/** The body read as JSON; undefined, with the reason among the issues, when it is not JSON. */
function parsedBody(body: string, issues: RowIssue[]): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    issues.push({
      column: '(body)',
      severity: 'problem',
      message: `the body is not valid JSON: ${(error as Error).message}`,
    });
    return undefined;
  }
}

/** The column a `_query` filter's value comes from, read from the recipe's own column list. */
function columnsOfKey(prepared: PreparedRecipe, field: string): string {
  const column = prepared.recipe.columns.find((c) => c.field === field)?.name;
  return column ? (prepared.map.get(column) ?? column) : '(body)';
}

/**
 * The endpoint with each field's checks remembering their last thousand answers. A table
 * repeats most values (companies, owners, titles, stages, dates), and `check` runs each row
 * through the same checks the contract defines, so a repeated value is checked once.
 */
function withRememberedChecks(endpoint: Endpoint): Endpoint {
  const params = endpoint.params.map((param) => ({
    ...param,
    field: { ...param.field, check: remembered(param.field.check), input: remembered(param.field.input) },
  }));
  return { ...endpoint, params };
}

/**
 * The last thousand answers of a function of one value. Text is remembered by itself and other
 * values by their JSON, in separate maps, so no text gets the answer for a number or list that
 * reads alike.
 */
class Remembered<T> {
  private readonly texts = new Map<string, T>();
  private readonly others = new Map<string, T>();

  answer(value: unknown, compute: () => T): T {
    const texts = typeof value === 'string';
    const known = texts ? this.texts : this.others;
    const key = texts ? value : String(JSON.stringify(value));
    let answer = known.get(key);
    if (answer === undefined) {
      if (known.size >= 1000) known.clear();
      answer = compute();
      known.set(key, answer);
    }
    return answer;
  }
}

function remembered(check: Field['check']): Field['check'] {
  const answers = new Remembered<ReturnType<Field['check']['safeParse']>>();
  return {
    safeParse: (value) =>
      answers.answer(value, () => {
        const parsed = check.safeParse(value);
        // zod builds `error` on each read; the remembered answer keeps the one built here.
        return (parsed.success ? parsed : { success: false, error: parsed.error }) as typeof parsed;
      }),
  };
}

function compile(text: string, what: string): CompiledFormula {
  try {
    return compileFormula(text);
  } catch (error) {
    throw new TemplateError(`${what}: ${(error as FormulaError).message}`);
  }
}

/** `/api/v1/public/accounts/{{Reevo Account ID}}` against `/api/v1/public/accounts/{account_id}`. */
function matchPath(endpoint: Endpoint, path: string): Array<{ column: string; param: Param }> {
  const params: Param[] = [];
  const pattern = endpoint.path.replace(/[.*+?^$()|[\]\\]|\{(\w+)\}|[{}]/g, (token, key: string | undefined) => {
    if (key === undefined) return `\\${token}`;
    params.push(endpoint.params.find((p) => p.in === 'path' && p.field.key === key)!);
    return '\\{\\{\\s*([^{}]+?)\\s*\\}\\}';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match)
    throw new TemplateError(
      `The recipe's Endpoint path ${path} does not fit ${endpoint.path}: put one column chip where each {id} goes.`,
    );
  return params.map((param, i) => ({ column: match[i + 1], param }));
}

/** `"title": {{Job Title}}`: the body key `title` is made from the column Job Title (up to the next comma). */
function keyColumns(texts: readonly string[]): Map<string, string[]> {
  const columns = new Map<string, string[]>();
  // A value is the rest of its line up to a comma, or a whole `{…}` on the line (a v2 wrapper, custom fields).
  for (const [, key, value] of texts.join('\n').matchAll(/"([^"\n]+)"\s*:\s*(\{[^\n]*\}|[^,\n]*)/g)) {
    const chips = chipsIn(value).map((c) => c.column);
    if (chips.length > 0) columns.set(key, [...new Set([...(columns.get(key) ?? []), ...chips])]);
  }
  return columns;
}

export interface RowIssue {
  /** The table column, or `(body)` for a problem no single column explains. */
  readonly column: string;
  /** The contract's field name, when the issue is about one field. */
  readonly field?: string;
  readonly severity: 'problem' | 'warning';
  readonly message: string;
}

export interface RenderedRequest {
  readonly method: Endpoint['method'];
  /** The full URL with the query string, for the base URL given. */
  readonly url: string;
  /** Headers besides the Clay Account's, which hold the key. */
  readonly headers: readonly KeyValue[];
  /** The body text exactly as Clay sends it; null for a GET. */
  readonly body: string | null;
}

export type SkipReason = 'waiting' | 'done' | 'condition';

export type RowOutcome =
  | {
      readonly row: number;
      readonly status: 'ok' | 'problems';
      readonly request: RenderedRequest;
      readonly issues: readonly RowIssue[];
    }
  | {
      readonly row: number;
      readonly status: 'skipped';
      /** `waiting`: a cell Only run if needs is empty; `done`: a result column is filled; `condition`: the formula said no. */
      readonly why: SkipReason;
      readonly reason: string;
      readonly issues: readonly RowIssue[];
    };

export type Cells = Readonly<Record<string, string | undefined>>;

/** The cell of a recipe column in a row, through `--map`. */
export function cellReader(prepared: PreparedRecipe, cells: Cells): (column: string) => string {
  return (column) => cells[prepared.map.get(column) ?? column] ?? '';
}

/** What Clay, and then the contract, make of one row. `row` is the 1-based row number Clay shows. */
export function evaluateRow(
  prepared: PreparedRecipe,
  cells: Cells,
  row: number,
  baseUrl = DEFAULT_BASE_URL,
): RowOutcome {
  const cell = cellReader(prepared, cells);
  const skip = onlyRunIf(prepared, cell);
  if (skip) return { row, ...skip };
  if (isWorkflowRecipe(prepared.recipe)) return evaluateWorkflowRow(prepared, cell, row);
  if (!callsEndpointTable(prepared.recipe)) return evaluateTaskQueryRow(prepared, cell, row, baseUrl);

  const issues: RowIssue[] = [];
  let request: RenderedRequest;
  try {
    request = renderRequest(prepared, cell, baseUrl);
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    const body = { method: prepared.recipe.method, url: baseUrl, headers: prepared.recipe.headers, body: null };
    return {
      row,
      status: 'problems',
      request: body,
      issues: [{ column: prepared.bodyFormula!.column, severity: 'problem', message: error.message }],
    };
  }

  const input: Record<string, unknown> = {};
  // An empty ID or identifier is reported by the contract check below as missing.
  for (const { column, param } of prepared.pathParams) {
    input[param.field.key] = cell(column);
    sentValue(prepared, param.field.key, input[param.field.key], issues, false);
  }
  for (const { row: query, param } of prepared.queryRows)
    if (param) {
      input[param.field.key] = fill(query.value, cell);
      sentValue(prepared, param.field.key, input[param.field.key], issues, false);
    }

  if (request.body !== null) {
    const parsed = parsedBody(request.body, issues);
    if (parsed !== undefined) {
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        issues.push({ column: '(body)', severity: 'problem', message: 'the body is not a JSON object' });
      else readBody(prepared, parsed as Record<string, unknown>, input, issues);
    }
  }

  if (!issues.some((issue) => issue.column === '(body)'))
    for (const problem of inputProblems(prepared.endpoint, input, 'wire'))
      issues.push(...describeRemembered(prepared, problem.key, problem.message, input));
  const status = issues.some((issue) => issue.severity === 'problem') ? 'problems' : 'ok';
  return { row, status, request, issues };
}

/** Clay's Only run if on this row, and why it is false. */
function onlyRunIf(
  prepared: PreparedRecipe,
  cell: (column: string) => string,
): Omit<Extract<RowOutcome, { status: 'skipped' }>, 'row'> | undefined {
  let run: unknown;
  try {
    run = prepared.runIf.evaluate(cell);
  } catch (error) {
    return {
      status: 'skipped',
      why: 'condition',
      reason: `Only run if failed on this row (${(error as Error).message})`,
      issues: [],
    };
  }
  if (run) return undefined;
  const { filled, empty } = prepared.runIfColumns;
  const unfilled = filled.filter((column) => cell(column).trim() === '');
  if (unfilled.length > 0) {
    return {
      status: 'skipped',
      why: 'waiting',
      reason: `Only run if is false: ${listColumns(unfilled)} ${unfilled.length > 1 ? 'are' : 'is'} empty`,
      issues: unfilled.map((column) => {
        const field = prepared.recipe.columns.find((c) => c.name === column)?.field;
        return {
          column,
          ...(field ? { field } : {}),
          severity: 'warning',
          message: "is empty, so Clay's Only run if skips the row and it never reaches Reevo",
        };
      }),
    };
  }
  const done = empty.filter((column) => cell(column).trim() !== '');
  if (done.length > 0)
    return { status: 'skipped', why: 'done', reason: `already done: ${listColumns(done)} is filled`, issues: [] };
  return { status: 'skipped', why: 'condition', reason: `Only run if is false: ${prepared.runIf.text}`, issues: [] };
}

function renderRequest(prepared: PreparedRecipe, cell: (column: string) => string, baseUrl: string): RenderedRequest {
  const { recipe, bodyFormula } = prepared;
  const base = baseUrl.endsWith('/') ? baseUrl.replace(/\/+$/, '') : baseUrl;
  const path = fill(recipe.endpoint, cell).slice(DEFAULT_BASE_URL.length);
  const query = prepared.fixedQuery ?? queryOf(recipe.queryString, cell);
  let body: string | null = null;
  if (recipe.body !== null) {
    const text = (column: string) =>
      column === bodyFormula?.column ? String(bodyFormula.formula.evaluate(cell) ?? '') : cell(column);
    const whole = chipsIn(recipe.body);
    // A Body that is one chip is the JSON.stringify pattern: the cell's text is the whole body.
    body =
      whole.length === 1 && whole[0].start === 0 && whole[0].end === recipe.body.length
        ? text(whole[0].column)
        : fill(recipe.body, (column) => escapeCell(text(column)));
  }
  return { method: recipe.method, url: `${base}${path}${query ? `?${query}` : ''}`, headers: recipe.headers, body };
}

function queryOf(rows: readonly KeyValue[], cell: (column: string) => string): string {
  return new URLSearchParams(rows.map((row): [string, string] => [row.key, fill(row.value, cell)])).toString();
}

/** Every key of the body: known to the endpoint, and not an empty or placeholder value. */
/** The endpoint's params by where they sit in a body, and by field: looked up for every key of every row. */
interface ParamIndex {
  readonly top: ReadonlyMap<string, Param>;
  readonly groups: ReadonlyMap<string, readonly Param[]>;
  readonly byField: ReadonlyMap<string, Param>;
  /** Keys the endpoint puts in every body itself (src/endpoints.ts `fixedBody`). */
  readonly fixed: ReadonlySet<string>;
}

const paramIndexes = new WeakMap<PreparedRecipe, ParamIndex>();

function paramIndex(prepared: PreparedRecipe): ParamIndex {
  let index = paramIndexes.get(prepared);
  if (!index) {
    const { params } = prepared.endpoint;
    const groups = new Map<string, Param[]>();
    for (const p of params) if (p.under) groups.set(p.under, [...(groups.get(p.under) ?? []), p]);
    index = {
      top: new Map(params.filter((p) => (p.in ?? 'body') === 'body' && !p.under).map((p) => [wireKey(p), p])),
      groups,
      byField: new Map([...params].reverse().map((p) => [p.field.key, p])),
      fixed: new Set(Object.keys(prepared.endpoint.fixedBody ?? {})),
    };
    paramIndexes.set(prepared, index);
  }
  return index;
}

function readBody(
  prepared: PreparedRecipe,
  body: Record<string, unknown>,
  input: Record<string, unknown>,
  issues: RowIssue[],
): void {
  const index = paramIndex(prepared);
  for (const key in body) {
    const value = body[key];
    const top = index.top.get(key);
    const group = top ? undefined : index.groups.get(key);
    if (top) {
      input[top.field.key] = unwrapped(top, value);
      sentValue(prepared, top.field.key, input[top.field.key], issues, true);
    } else if (group && value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, item] of Object.entries(value)) {
        const param = group.find((p) => wireKey(p) === inner);
        if (!param)
          issues.push({
            column: '(body)',
            severity: 'problem',
            message: `the body has a key ${JSON.stringify(`${key}.${inner}`)} that is not a field of this endpoint`,
          });
        const field = param?.field.key ?? inner;
        input[field] = param ? unwrapped(param, item) : item;
        sentValue(prepared, field, input[field], issues, true);
      }
    } else if (!index.fixed.has(key)) {
      issues.push({
        column: '(body)',
        severity: 'problem',
        message: `the body has a key ${JSON.stringify(key)} that is not a field of this endpoint`,
      });
    }
  }
}

/** The body key of a field: a v2 attribute may be named otherwise than its input (src/endpoints.ts). */
const wireKey = (param: Param) => param.as ?? param.field.key;

/** The value inside a v2 wrapper (`{"related_record_match": {"email": …}}` → the email); as it is when the wrapper is not there. */
function unwrapped(param: Param, value: unknown): unknown {
  let inside = value;
  for (const step of attributeWrapper(param.form)?.path ?? []) {
    if (!inside || typeof inside !== 'object' || !(step in inside)) return value;
    inside = (inside as Record<string, unknown>)[step];
  }
  return inside;
}

/** An empty or placeholder value that would go out, and what Reevo would make of it. */
function sentValue(prepared: PreparedRecipe, key: string, value: unknown, issues: RowIssue[], empties: boolean): void {
  const param = paramIndex(prepared).byField.get(key);
  if (!param) return;
  if (value && typeof value === 'object') {
    for (const item of Array.isArray(value) ? value : Object.values(value))
      sentItem(prepared, param, item, issues, empties);
  } else sentItem(prepared, param, value, issues, empties);
}

function sentItem(prepared: PreparedRecipe, param: Param, item: unknown, issues: RowIssue[], empties: boolean): void {
  if (typeof item !== 'string') return;
  const empty = item.trim() === '';
  if (empty ? !empties : !isPlaceholder(item)) return;
  const key = param.field.key;
  issues.push({
    column: columnsOf(prepared, key).join(', ') || '(body)',
    field: key,
    severity: 'problem',
    message: `${empty ? 'is empty' : `${quote(item)} is a placeholder`}, and would be sent as ${JSON.stringify(item)}: ${effect(prepared, param.field, item)}`,
  });
}

function effect(prepared: PreparedRecipe, field: Field, item: string): string {
  if (!field.check.safeParse(field.wire === 'string[]' ? [item] : item).success) {
    return `Reevo would refuse the row (HTTP 422: ${field.label} is not valid)`;
  }
  const overwrites = prepared.recipe.method === 'PATCH' || prepared.recipe.rerun.safe;
  return `Reevo would store ${item.trim() === '' ? 'an empty' : `${quote(item)} as the`} ${field.label}${overwrites ? ', over the value it has' : ''}. Leave the cell empty (the body formula then leaves the field out) or clean it with a formula (clay/README.md)`;
}

const described = new WeakMap<PreparedRecipe, Map<string, Remembered<readonly RowIssue[]>>>();

/** `describe`, once per problem and value: a table repeats its mistakes (a phone format, a stage name). */
function describeRemembered(
  prepared: PreparedRecipe,
  keys: string,
  message: string,
  input: Record<string, unknown>,
): readonly RowIssue[] {
  let byProblem = described.get(prepared);
  if (!byProblem) described.set(prepared, (byProblem = new Map()));
  const problem = `${keys}\u0000${message}`;
  let byValue = byProblem.get(problem);
  if (!byValue) {
    // Messages come from a small set; the bound is there should one ever carry its value.
    if (byProblem.size >= 1000) byProblem.clear();
    byProblem.set(problem, (byValue = new Remembered()));
  }
  const value = keys.includes(', ') ? keys.split(', ').map((key) => input[key]) : input[keys];
  return byValue.answer(value, () => describe(prepared, keys, message, input));
}

/** A buildRequest problem as issues on the columns that feed the field(s). */
function describe(prepared: PreparedRecipe, keys: string, message: string, input: Record<string, unknown>): RowIssue[] {
  const issues: RowIssue[] = [];
  for (const key of keys.split(', ')) {
    const columns = columnsOf(prepared, key);
    const param = prepared.endpoint.params.find((p) => p.field.key === key);
    if (!param || columns.length === 0) continue;
    const value = badItems(param.field, input[key]);
    if (typeof value === 'string' && isPlaceholder(value)) continue; // already reported as a placeholder
    const text =
      message === 'is required'
        ? `is empty, but Reevo requires ${param.field.label} (${key})`
        : keys.includes(',')
          ? message
          : param.field.wire === 'number' && typeof value === 'string'
            ? `${quote(value)} is not a plain number, so it goes out as text and Reevo would refuse the row${hint(param.field, value)}`
            : `${quote(value)} ${message}${hint(param.field, value)}`;
    // Reevo may take a phone number in another form; E.164 is what it documents.
    const severity = PHONE_FIELDS.has(key) && message !== 'is required' && !isBlank(value) ? 'warning' : 'problem';
    issues.push({ column: columns.join(', '), field: key, severity, message: text });
    if (keys.includes(',')) break;
  }
  if (
    issues.length === 0 &&
    !keys.split(', ').some((key) => typeof input[key] === 'string' && isPlaceholder(input[key] as string))
  ) {
    issues.push({ column: '(body)', field: keys, severity: 'problem', message: `${keys}: ${message}` });
  }
  return issues;
}

const PHONE_FIELDS = new Set(['phone_number', 'contact_phone_number']);

const columnsByKey = new WeakMap<PreparedRecipe, Map<string, string[]>>();

export function columnsOf(prepared: PreparedRecipe, key: string): string[] {
  let known = columnsByKey.get(prepared);
  if (!known) columnsByKey.set(prepared, (known = new Map()));
  let columns = known.get(key);
  if (!columns) known.set(key, (columns = findColumns(prepared, key)));
  return columns;
}

function findColumns(prepared: PreparedRecipe, key: string): string[] {
  const columns = [
    ...prepared.pathParams.filter((s) => s.param.field.key === key).map((s) => s.column),
    ...prepared.queryRows
      .filter((s) => s.param?.field.key === key)
      .flatMap((s) => chipsIn(s.row.value).map((c) => c.column)),
    ...(prepared.columnsOfKey.get(key) ?? []),
  ];
  return [...new Set(columns.map((column) => prepared.map.get(column) ?? column))];
}

/** Of a list, the items its check rejects (the whole value if it is not a list). */
function badItems(field: Field, value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const bad = value.filter((item) => !field.check.safeParse([item]).success);
  return bad.length === 1 ? bad[0] : bad.length > 0 ? bad : value;
}

/** When the catalog's input reading would accept the value, show the form Reevo needs. */
function hint(field: Field, value: unknown): string {
  const read = field.input.safeParse(value);
  if (!read.success) return '';
  // One item of a list is shown, and hinted, as an item.
  const data = Array.isArray(read.data) && !Array.isArray(value) && read.data.length === 1 ? read.data[0] : read.data;
  const wire = JSON.stringify(data);
  if (wire === JSON.stringify(value)) return '';
  return ` (write it as ${wire}; reevo-clay fix or a formula column can do that, see clay/README.md)`;
}

function listColumns(columns: readonly string[]): string {
  return columns.map((c) => JSON.stringify(c)).join(' and ');
}
