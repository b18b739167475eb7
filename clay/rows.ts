/**
 * One table row through a recipe: Clay's Only run if, the request Clay would send, and what the
 * contract says about it. `check`, `render` and `send` all go through `evaluateRow`, so what is
 * checked is what is sent.
 */
import { DEFAULT_BASE_URL } from '../src/config';
import { endpoints, type Endpoint, type Param } from '../src/endpoints';
import { quote, type Field } from '../src/fields';
import { isBlank } from '../src/normalise';
import { buildRequest } from '../src/request-builder';
import type { KeyValue, Recipe } from './recipes';
import { analyseBody, chipsIn, escapeCell, fill, TemplateError, type BodySlot } from './template';

export { TemplateError };

/** A chip of the endpoint URL or a query row, and the field it fills. */
interface TextSlot {
  readonly column: string;
  readonly param?: Param;
}

/** A body chip with the endpoint field it fills. */
interface PreparedSlot extends BodySlot {
  readonly param: Param;
}

/** A recipe read once, so each row costs no template parsing. */
export interface PreparedRecipe {
  readonly recipe: Recipe;
  readonly endpoint: Endpoint;
  readonly pathSlots: readonly TextSlot[];
  readonly querySlots: ReadonlyArray<{ readonly row: KeyValue; readonly param?: Param }>;
  readonly bodySlots: readonly PreparedSlot[];
  /** Keys the body may hold, per object (`''` for the top level, `metadata` for a nested one). */
  readonly bodyKeys: ReadonlyMap<string, ReadonlySet<string>>;
  /** Columns the table must have: every chip, and the Only run if columns that must be filled. */
  readonly requiredColumns: readonly string[];
}

export function prepareRecipe(recipe: Recipe): PreparedRecipe {
  const endpoint: Endpoint | undefined = endpoints[recipe.endpointName];
  if (!endpoint) throw new TemplateError(`Recipe ${recipe.name} names an unknown endpoint ${recipe.endpointName}.`);
  if (!recipe.endpoint.startsWith(`${DEFAULT_BASE_URL}/`)) {
    throw new TemplateError(`The recipe's Endpoint must start with ${DEFAULT_BASE_URL}/ (it is ${recipe.endpoint}).`);
  }

  const pathSlots = matchPath(endpoint, recipe.endpoint.slice(DEFAULT_BASE_URL.length));
  const querySlots = recipe.queryString.map((row) => {
    const param = endpoint.params.find((p) => p.in === 'query' && p.field.key === row.key);
    if (!param && endpoint.query?.[row.key] === undefined) throw new TemplateError(`The query string row ${row.key} is not a query field of this endpoint.`);
    return { row, param };
  });

  const bodySlots: PreparedSlot[] = [];
  const bodyKeys = new Map<string, Set<string>>();
  if (recipe.body !== null) {
    const { slots, skeleton } = analyseBody(recipe.body);
    for (const slot of slots) bodySlots.push({ ...slot, param: bodyParamAt(endpoint, slot.path) });
    if (!skeleton || typeof skeleton !== 'object' || Array.isArray(skeleton)) throw new TemplateError('The body template must be a JSON object.');
    bodyKeys.set('', new Set(Object.keys(skeleton)));
    for (const [key, value] of Object.entries(skeleton)) {
      if (endpoint.params.some((p) => p.under === key) && value && typeof value === 'object') bodyKeys.set(key, new Set(Object.keys(value)));
    }
  }

  const chipColumns = [
    ...pathSlots.map((s) => s.column),
    ...recipe.queryString.flatMap((row) => chipsIn(row.value).map((c) => c.column)),
    ...bodySlots.map((s) => s.column),
  ];
  return {
    recipe,
    endpoint,
    pathSlots,
    querySlots,
    bodySlots,
    bodyKeys,
    requiredColumns: [...new Set([...chipColumns, ...recipe.onlyRunIf.filled])],
  };
}

/** `/api/v1/public/accounts/{{Reevo Account ID}}` against `/api/v1/public/accounts/{account_id}`. */
function matchPath(endpoint: Endpoint, path: string): TextSlot[] {
  const params: Param[] = [];
  const pattern = endpoint.path.replace(/[.*+?^$()|[\]\\]|\{(\w+)\}|[{}]/g, (token, key: string | undefined) => {
    if (key === undefined) return `\\${token}`;
    params.push(endpoint.params.find((p) => p.in === 'path' && p.field.key === key)!);
    return '\\{\\{\\s*([^{}]+?)\\s*\\}\\}';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) throw new TemplateError(`The recipe's Endpoint path ${path} does not fit ${endpoint.path}: put one column chip where each {id} goes.`);
  return params.map((param, i) => ({ column: match[i + 1], param }));
}

function bodyParamAt(endpoint: Endpoint, path: readonly (string | number)[]): Param {
  const [first, second] = path;
  const param = endpoint.params.find(
    (p) => (p.in ?? 'body') === 'body' && (p.under ? first === p.under && second === p.field.key : first === p.field.key),
  );
  if (!param) throw new TemplateError(`The body template puts a column into ${path.join('.')}, which is not a field of this endpoint.`);
  return param;
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
  /** Headers besides the Clay Account's `x-api-key`. */
  readonly headers: readonly KeyValue[];
  /** The body text exactly as Clay renders it (empty cells inserted as nothing); null for a GET. */
  readonly body: string | null;
}

export type RowOutcome =
  | {
      readonly row: number;
      readonly status: 'ok' | 'problems';
      readonly request: RenderedRequest;
      /** The body `send` sends: parsed, with empty optional values left out. Undefined if invalid JSON. */
      readonly sendBody?: Record<string, unknown>;
      readonly issues: readonly RowIssue[];
    }
  | {
      readonly row: number;
      readonly status: 'skipped';
      /** `waiting`: a cell Only run if needs is empty (the row never reaches Reevo); `done`: the result column is filled. */
      readonly why: 'waiting' | 'done';
      readonly reason: string;
      /** For `waiting`: one problem per empty cell. */
      readonly issues: readonly RowIssue[];
    };

export type Cells = Readonly<Record<string, string | undefined>>;

/** What Clay, and then the contract, make of one row. `row` is the 1-based row number Clay shows. */
export function evaluateRow(prepared: PreparedRecipe, cells: Cells, row: number, baseUrl = DEFAULT_BASE_URL): RowOutcome {
  const { recipe, endpoint } = prepared;
  const cell = (column: string) => cells[column] ?? '';

  // Clay's Only run if: a JavaScript truthiness test, so only an empty cell is false.
  const unfilled = recipe.onlyRunIf.filled.filter((column) => cell(column) === '');
  if (unfilled.length > 0) {
    return {
      row,
      status: 'skipped',
      why: 'waiting',
      reason: `Only run if is false: ${listColumns(unfilled)} ${unfilled.length > 1 ? 'are' : 'is'} empty`,
      issues: unfilled.map((column) => {
        const field = recipe.columns.find((c) => c.name === column)?.field;
        return { column, ...(field ? { field } : {}), severity: 'problem', message: "is empty, so Clay's Only run if skips the row and it never reaches Reevo" };
      }),
    };
  }
  const done = recipe.onlyRunIf.empty.filter((column) => cell(column) !== '');
  if (done.length > 0) return { row, status: 'skipped', why: 'done', reason: `already done: ${listColumns(done)} is filled`, issues: [] };

  const request = renderRequest(prepared, cell, baseUrl);
  const issues: RowIssue[] = [];
  const input: Record<string, unknown> = {};

  for (const slot of prepared.pathSlots) input[slot.param!.field.key] = cell(slot.column);
  for (const { row: query, param } of prepared.querySlots) if (param) input[param.field.key] = fill(query.value, cell).text;

  let sendBody: Record<string, unknown> | undefined;
  if (request.body !== null) {
    const numbersOk = checkBareChips(prepared, cell, issues);
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch (error) {
      if (numbersOk) issues.push({ column: '(body)', severity: 'problem', message: `the body is not valid JSON: ${(error as Error).message}` });
    }
    if (parsed !== undefined) {
      sendBody = parsed as Record<string, unknown>;
      unexpectedKeys(prepared, sendBody, issues);
      for (const param of endpoint.params) {
        if ((param.in ?? 'body') !== 'body') continue;
        const holder = param.under ? (sendBody[param.under] as Record<string, unknown> | undefined) : sendBody;
        if (!holder || typeof holder !== 'object' || !(param.field.key in holder)) continue;
        const kept = withoutEmpty(holder[param.field.key], slotsOf(prepared, param), param.required, issues);
        if (kept === undefined) delete holder[param.field.key];
        else holder[param.field.key] = kept;
        if (kept !== undefined) input[param.field.key] = kept;
      }
    }
  }

  if (request.body === null || sendBody !== undefined) {
    const built = buildRequest(endpoint, input, 'wire');
    if (!built.ok) {
      for (const problem of built.problems) issues.push(...describe(prepared, problem.key, problem.message, input));
    }
  }
  const status = issues.some((issue) => issue.severity === 'problem') ? 'problems' : 'ok';
  return { row, status, request, ...(sendBody !== undefined && status === 'ok' ? { sendBody } : {}), issues };
}

function renderRequest(prepared: PreparedRecipe, cell: (column: string) => string, baseUrl: string): RenderedRequest {
  const { recipe } = prepared;
  const base = baseUrl.replace(/\/+$/, '');
  const path = fill(recipe.endpoint.slice(DEFAULT_BASE_URL.length), cell).text;
  const query = new URLSearchParams(recipe.queryString.map((row): [string, string] => [row.key, fill(row.value, cell).text])).toString();
  return {
    method: recipe.method,
    url: `${base}${path}${query ? `?${query}` : ''}`,
    headers: recipe.headers,
    body: recipe.body === null ? null : fill(recipe.body, (column) => escapeCell(cell(column))).text,
  };
}

/** Numbers go in without quotes, so their cells must be plain JSON numbers or the body breaks. */
function checkBareChips(prepared: PreparedRecipe, cell: (column: string) => string, issues: RowIssue[]): boolean {
  let ok = true;
  const seen = new Set<string>();
  for (const slot of prepared.bodySlots) {
    if (!slot.bare || seen.has(slot.column)) continue;
    seen.add(slot.column);
    const text = cell(slot.column).trim();
    if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text) || text === 'null') continue;
    ok = false;
    const { field } = slot.param;
    const message =
      text === ''
        ? `is empty, which leaves ${JSON.stringify(field.key)}: with no value, so the body is not valid JSON. Fill it (0 is a number) or take the line out of the body`
        : `${quote(cell(slot.column))} is not a plain number; it goes into the body without quotes, so the body is not valid JSON${hint(field, cell(slot.column))}`;
    issues.push({ column: slot.column, field: field.key, severity: 'problem', message });
  }
  return ok;
}

/** A bare chip holding `1, "x": 2` adds keys of its own; the template is the list of allowed keys. */
function unexpectedKeys(prepared: PreparedRecipe, body: Record<string, unknown>, issues: RowIssue[]): void {
  for (const [scope, allowed] of prepared.bodyKeys) {
    const holder = scope === '' ? body : body[scope];
    if (!holder || typeof holder !== 'object') continue;
    for (const key of Object.keys(holder)) {
      if (!allowed.has(key)) {
        issues.push({ column: '(body)', severity: 'problem', message: `the body has a key ${JSON.stringify(key)} that the recipe does not: a cell put it there` });
      }
    }
  }
}

function slotsOf(prepared: PreparedRecipe, param: Param): PreparedSlot[] {
  return prepared.bodySlots.filter((slot) => slot.param === param);
}

const EMPTY_WARNING = `is empty: Clay sends "" for it (unless "Remove null & undefined values" strips it, which is not confirmed), and Reevo may reject that or, on an update, blank the stored value. reevo-clay send leaves it out`;

/**
 * The value without what empty cells put there ("" , list items "", custom fields ""), warning
 * for each optional one. A required field that ends up empty is left to buildRequest to report.
 */
function withoutEmpty(value: unknown, slots: readonly PreparedSlot[], required: boolean | undefined, issues: RowIssue[]): unknown {
  const warn = (slot: PreparedSlot | undefined) => {
    if (!required && slot) issues.push({ column: slot.column, field: slot.param.field.key, severity: 'warning', message: EMPTY_WARNING });
  };
  const slotAt = (index: string | number) => slots.find((slot) => slot.path.at(-1) === index && slot.path.length > 1);
  if (Array.isArray(value)) {
    const kept = value.filter((item, i) => {
      if (!isBlank(item)) return true;
      warn(slotAt(i));
      return false;
    });
    return kept.length > 0 ? kept : undefined;
  }
  if (value && typeof value === 'object') {
    const kept = Object.fromEntries(
      Object.entries(value).filter(([key, item]) => {
        if (!isBlank(item)) return true;
        warn(slotAt(key));
        return false;
      }),
    );
    return Object.keys(kept).length > 0 ? kept : undefined;
  }
  if (isBlank(value)) {
    warn(slots[0]);
    return undefined;
  }
  return value;
}

/** A buildRequest problem as issues on the columns that feed the field(s). */
function describe(prepared: PreparedRecipe, keys: string, message: string, input: Record<string, unknown>): RowIssue[] {
  const issues: RowIssue[] = [];
  for (const key of keys.split(', ')) {
    const columns = columnsOf(prepared, key);
    const param = prepared.endpoint.params.find((p) => p.field.key === key);
    if (!param || columns.length === 0) continue;
    const value = badItems(param.field, input[key]);
    const text =
      message === 'is required'
        ? `is empty, but Reevo requires ${param.field.label} (${key})`
        : keys.includes(',')
          ? message
          : `${quote(value)} ${message}${hint(param.field, value)}`;
    issues.push({ column: columns.join(', '), field: key, severity: 'problem', message: text });
    if (keys.includes(',')) break;
  }
  if (issues.length === 0) issues.push({ column: '(body)', field: keys, severity: 'problem', message: `${keys}: ${message}` });
  return issues;
}

function columnsOf(prepared: PreparedRecipe, key: string): string[] {
  const columns = [
    ...prepared.pathSlots.filter((s) => s.param?.field.key === key).map((s) => s.column),
    ...prepared.querySlots.filter((s) => s.param?.field.key === key).flatMap((s) => chipsIn(s.row.value).map((c) => c.column)),
    ...prepared.bodySlots.filter((s) => s.param.field.key === key).map((s) => s.column),
  ];
  return [...new Set(columns)];
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
  return ` (write it as ${wire}; a formula column can do that, see clay/README.md)`;
}

function listColumns(columns: readonly string[]): string {
  return columns.map((c) => JSON.stringify(c)).join(' and ');
}
