import type { Endpoint, Param } from './endpoints';
import { quote, type WireValue } from './fields';
import { isBlank } from './normalise';
import { attributeWrapper } from './v2-writes';

/** A request ready to send: path filled in, body and query in wire form. */
export interface ReevoRequest {
  /** DELETE has no catalog endpoint; it is sent as a prepared request (webhook unsubscribe). */
  readonly method: Endpoint['method'] | 'DELETE';
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body?: Record<string, unknown>;
  /** The record ID in the path, if the endpoint has one. */
  readonly id?: string;
}

export interface InputProblem {
  /** The input key, which is the contract's field name. */
  readonly key: string;
  readonly label: string;
  readonly message: string;
}

/** `notes`: optional values sent as typed because they could not be normalised, in words for the output. */
export type BuildResult =
  { ok: true; request: ReevoRequest; notes: string[] } | { ok: false; problems: InputProblem[] };

/** Dynamic custom field inputs are named `<custom fields key>__<API name>`, e.g. `custom_fields__segment`. */
export const CUSTOM_FIELD_SEPARATOR = '__';

/**
 * Reads, normalises and checks every input of an endpoint, then builds the request.
 * Blank optional inputs are left out, so an update never blanks a value the user left empty.
 * `mode: 'wire'` checks values that are already in wire form (a rendered Clay body).
 */
export function buildRequest(
  endpoint: Endpoint,
  input: Readonly<Record<string, unknown>>,
  mode: 'input' | 'wire' = 'input',
): BuildResult {
  const { problems, notes, values } = readInputs(endpoint, input, mode);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, request: assemble(endpoint, values), notes };
}

/** What `buildRequest` would refuse in these inputs, without building the request (a Clay check of every row). */
export function inputProblems(
  endpoint: Endpoint,
  input: Readonly<Record<string, unknown>>,
  mode: 'input' | 'wire',
): InputProblem[] {
  return readInputs(endpoint, input, mode).problems;
}

function readInputs(
  endpoint: Endpoint,
  input: Readonly<Record<string, unknown>>,
  mode: 'input' | 'wire',
): { problems: InputProblem[]; notes: string[]; values: Map<Param, WireValue> } {
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const values = new Map<Param, WireValue>();

  for (const param of endpoint.params) {
    const { field } = param;
    const raw =
      field.wire === 'object' && mode === 'input' ? withDynamicCustomFields(field.key, input) : input[field.key];
    if (isBlank(raw)) {
      if (param.required) problems.push({ key: field.key, label: field.label, message: 'is required' });
      continue;
    }
    const parsed = (mode === 'input' ? field.input : field.check).safeParse(raw);
    // An optional body value that cannot be normalised goes as typed rather than failing the write.
    const typed =
      !parsed.success && mode === 'input' && !param.required && (param.in ?? 'body') === 'body'
        ? field.asTyped?.input.safeParse(raw)
        : undefined;
    if (parsed.success) values.set(param, parsed.data);
    else if (typed?.success) {
      values.set(param, typed.data);
      notes.push(`${field.label} (${field.key}) ${quote(raw)} was sent as typed: ${field.asTyped!.why}.`);
    } else
      problems.push({
        key: field.key,
        label: field.label,
        message: parsed.error.issues.map((i) => i.message).join('; '),
      });
  }

  if (endpoint.oneOf) {
    const given = endpoint.oneOf.keys.filter((key) => !isBlank(input[key]));
    const labels = endpoint.oneOf.keys.map((key) => labelOf(endpoint, key));
    if (given.length === 0) {
      problems.push({
        key: endpoint.oneOf.keys.join(', '),
        label: labels.join(', '),
        message: endpoint.oneOf.exactly
          ? `fill in exactly one of: ${labels.join(', ')}`
          : `fill in at least one of: ${labels.join(', ')}`,
      });
    } else if (endpoint.oneOf.exactly && given.length > 1) {
      problems.push({
        key: given.join(', '),
        label: given.map((key) => labelOf(endpoint, key)).join(', '),
        message: `fill in only one of: ${labels.join(', ')} (${given.length} were given)`,
      });
    }
  }

  clearedAndFilled(values, problems);
  return { problems, notes, values };
}

/** A field both given a value and chosen to be cleared is a contradiction, not a choice to make silently. */
function clearedAndFilled(values: Map<Param, WireValue>, problems: InputProblem[]): void {
  for (const clear of values.keys()) {
    const names = values.get(clear);
    if (clear.form !== 'clear' || !Array.isArray(names)) continue;
    for (const param of values.keys()) {
      if (param !== clear && param.under === clear.under && names.includes(param.as ?? param.field.key)) {
        problems.push({
          key: param.field.key,
          label: param.field.label,
          message: `is filled in and also chosen in ${clear.field.label}: do one or the other`,
        });
      }
    }
  }
}

function assemble(endpoint: Endpoint, values: Map<Param, WireValue>): ReevoRequest {
  let path = endpoint.path;
  const query: Record<string, string> = { ...endpoint.query };
  const body: Record<string, unknown> = { ...endpoint.fixedBody };
  let id: string | undefined;
  for (const [param, value] of values) {
    const where = param.in ?? 'body';
    if (where === 'path') {
      id = String(value);
      path = path.replace(`{${param.field.key}}`, encodeURIComponent(id));
    } else if (where === 'query') query[param.field.key] = String(value);
    else {
      const wrapper = attributeWrapper(param.form);
      const entries = wrapper
        ? { [param.as ?? param.field.key]: wrapper.wrap(value) }
        : Object.fromEntries((value as string[]).map((name) => [name, null]));
      if (param.under) body[param.under] = { ...(body[param.under] as object | undefined), ...entries };
      else Object.assign(body, entries);
    }
  }
  const hasBody = endpoint.method !== 'GET';
  return { method: endpoint.method, path, query, ...(hasBody ? { body } : {}), ...(id ? { id } : {}) };
}

/** The key/value custom fields input merged with dynamic inputs `<key>__<API name>`; dynamic ones win. */
function withDynamicCustomFields(key: string, input: Readonly<Record<string, unknown>>): unknown {
  const prefix = `${key}${CUSTOM_FIELD_SEPARATOR}`;
  const dynamic = Object.entries(input).filter(([name, value]) => name.startsWith(prefix) && !isBlank(value));
  const given = input[key];
  if (dynamic.length === 0) return given;
  const base = given && typeof given === 'object' && !Array.isArray(given) ? given : {};
  return { ...base, ...Object.fromEntries(dynamic.map(([name, value]) => [name.slice(prefix.length), value])) };
}

function labelOf(endpoint: Endpoint, key: string): string {
  return endpoint.params.find((param) => param.field.key === key)?.field.label ?? key;
}

/** "Contact Email (email) is required." — one line per problem, for the person reading the Zap history. */
export function describeProblems(problems: readonly InputProblem[]): string {
  const lines = problems.map((p) =>
    p.key.includes(',') ? `${p.message[0].toUpperCase()}${p.message.slice(1)}.` : `${p.label} (${p.key}) ${p.message}.`,
  );
  return lines.length === 1 ? lines[0] : `Please fix these fields:\n${lines.map((line) => `- ${line}`).join('\n')}`;
}
