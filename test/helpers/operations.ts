/**
 * Every operation of the app, read from the app definition itself (creates, searches, triggers and
 * search-or-creates), with what the benchmarks and reliability tests need to drive it: its
 * perform functions, its static input fields, the catalog field behind each input, and inputs
 * that the sandbox accepts. Nothing here lists operation keys: an operation added to one of the
 * folders' index.ts maps is picked up as is.
 */
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import App from '../../index';
import {
  accountFields,
  activityFields,
  contactFields,
  opportunityFields,
  peopleFields,
  retrievalFields,
  taskFields,
  noteFields,
  taskUpdateFields,
  contactUpdateFields,
  type Field,
} from '../../src/fields';
import * as samples from '../../src/samples';
import { DEMO_WORKFLOW, WORKFLOW_HOOK_PATH } from '../../sandbox/workflows';

export type PerformFunction = (z: ZObject, bundle: Bundle) => unknown;
export type OperationKind = 'create' | 'search' | 'trigger';

export interface Operation {
  readonly kind: OperationKind;
  readonly key: string;
  readonly label: string;
  readonly hidden: boolean;
  /** `perform` for creates, searches and polling triggers; a REST hook's `perform` parses a delivery. */
  readonly perform?: PerformFunction;
  readonly performList?: PerformFunction;
  readonly performSubscribe?: PerformFunction;
  readonly performUnsubscribe?: PerformFunction;
  readonly isHook: boolean;
  /** Input fields given as plain objects (not the dynamic custom-field functions, nor `copy` notes). */
  readonly inputFields: readonly PlainInputField[];
  /** The functions that resolve dynamic input fields, as Zapier calls them before every run. */
  readonly dynamicInputFields: readonly PerformFunction[];
  readonly dynamicOutputFields: readonly PerformFunction[];
}

export interface SearchOrCreate {
  readonly key: string;
  readonly search: Operation;
  readonly create: Operation;
}

interface RawOperation {
  key?: string;
  display?: { label?: string; hidden?: boolean };
  operation?: {
    type?: string;
    perform?: unknown;
    performList?: unknown;
    performSubscribe?: unknown;
    performUnsubscribe?: unknown;
    inputFields?: unknown[];
    outputFields?: unknown[];
  };
}

const asFunction = (value: unknown): PerformFunction | undefined =>
  typeof value === 'function' ? (value as PerformFunction) : undefined;

function operationOf(kind: OperationKind, key: string, raw: RawOperation): Operation {
  const op = raw.operation ?? {};
  const inputs = op.inputFields ?? [];
  return {
    kind,
    key,
    label: raw.display?.label ?? key,
    hidden: raw.display?.hidden === true,
    perform: asFunction(op.perform),
    performList: asFunction(op.performList),
    performSubscribe: asFunction(op.performSubscribe),
    performUnsubscribe: asFunction(op.performUnsubscribe),
    isHook: op.type === 'hook',
    inputFields: inputs.filter(
      (field): field is PlainInputField =>
        typeof field === 'object' && field !== null && (field as PlainInputField).type !== 'copy',
    ),
    dynamicInputFields: inputs.map(asFunction).filter((fn): fn is PerformFunction => fn !== undefined),
    dynamicOutputFields: (op.outputFields ?? [])
      .map(asFunction)
      .filter((fn): fn is PerformFunction => fn !== undefined),
  };
}

function operationsOf(kind: OperationKind, map: unknown): Operation[] {
  return Object.entries((map ?? {}) as Record<string, RawOperation>).map(([key, raw]) => operationOf(kind, key, raw));
}

const app = App as unknown as {
  creates?: unknown;
  searches?: unknown;
  triggers?: unknown;
  searchOrCreates?: Record<string, { key: string; search: string; create: string }>;
};

export const creates = (): Operation[] => operationsOf('create', app.creates);
export const searches = (): Operation[] => operationsOf('search', app.searches);
export const triggers = (): Operation[] => operationsOf('trigger', app.triggers);
export const allOperations = (): Operation[] => [...triggers(), ...creates(), ...searches()];

/**
 * Start Reevo Workflow posts to a workflow's own URL, not to Reevo's API, so Reevo's keys, quota
 * and error envelopes never reach it: test/v2-actions/start_workflow.test.ts tests its failures.
 */
export const callsReevoApi = (op: Pick<Operation, 'key'>): boolean => op.key !== 'start_workflow';

export function searchOrCreates(): SearchOrCreate[] {
  const byKey = (list: Operation[], key: string) => list.find((op) => op.key === key);
  return Object.values(app.searchOrCreates ?? {}).flatMap((soc) => {
    const search = byKey(searches(), soc.search);
    const create = byKey(creates(), soc.create);
    return search && create ? [{ key: soc.key, search, create }] : [];
  });
}

/** Every catalog field, by its key; a key used by two resources (e.g. `email`) lists both. */
const catalog = new Map<string, Field[]>();
for (const group of [
  accountFields,
  contactFields,
  opportunityFields,
  taskFields,
  activityFields,
  peopleFields,
  retrievalFields,
  noteFields,
  taskUpdateFields,
  contactUpdateFields,
]) {
  for (const field of Object.values(group) as Field[])
    catalog.set(field.key, [...(catalog.get(field.key) ?? []), field]);
}

/**
 * The catalog field behind an input: same key; where two fields share a key (`email`, `status`),
 * the one with the same choices, else the same label.
 */
export function catalogField(input: Pick<PlainInputField, 'key' | 'label' | 'choices'>): Field | undefined {
  const candidates = catalog.get(input.key) ?? [];
  if (candidates.length <= 1) return candidates[0];
  const choiceValues = (choices: unknown) =>
    Array.isArray(choices)
      ? choices
          .map((c: string | { value: string }) => (typeof c === 'string' ? c : c.value))
          .sort()
          .join('|')
      : '';
  const wanted = choiceValues(input.choices);
  return (
    (wanted ? candidates.find((field) => choiceValues(field.zapier.choices) === wanted) : undefined) ??
    candidates.find((field) => field.label === input.label) ??
    candidates[0]
  );
}

/**
 * The records the sandbox is seeded with (src/samples.ts), as values by input key: a record's own
 * keys (`domain_name`, `owner_email`, …) and `<noun>_id` for its ID. Earlier records win.
 */
const seeded: Record<string, unknown> = (() => {
  const values: Record<string, unknown> = {};
  const records: Array<[string, Record<string, unknown>]> = [
    ['contact', samples.sampleContact],
    ['account', samples.sampleAccount],
    ['opportunity', samples.sampleOpportunity],
    ['user', samples.sampleUser],
    ['mailbox', samples.sampleMailbox],
    ['task', samples.sampleTask],
    ['enrollment', samples.sampleEnrollment],
    ['activity', samples.sampleManualActivity],
  ];
  for (const [noun, record] of records) {
    const id = `${noun}_id`;
    if (!(id in values)) values[id] = record.id;
    for (const [key, value] of Object.entries(record)) {
      if (key === 'id' || value === null || key in values) continue;
      if (typeof value === 'string' || typeof value === 'number' || (Array.isArray(value) && value.length > 0))
        values[key] = value;
    }
  }
  values.contact_email ??= samples.sampleContact.email;
  values.account_domain ??= samples.sampleAccount.domain_name;
  values.contact_phone_number ??= samples.sampleContact.phone_number;
  return values;
})();

/** Start Reevo Workflow's inputs: the sandbox's demo workflow, found where the app is pointed. */
const workflowInputs: Record<string, () => string> = {
  workflow_url: () => `${process.env.REEVO_API_BASE_URL ?? ''}${WORKFLOW_HOOK_PATH}/${DEMO_WORKFLOW.id}`,
  workflow_key: () => DEMO_WORKFLOW.key,
};

/** A value the app accepts for an input, preferably one naming a record the sandbox holds. */
function validValue(input: PlainInputField): unknown {
  if (workflowInputs[input.key]) return workflowInputs[input.key]();
  const field = catalogField(input);
  // `target_stage_name` names a stage as the record's `stage_name` does.
  const candidates = [
    seeded[input.key],
    seeded[input.key.replace(/^target_/, '')],
    field?.example,
    input.choices ? firstChoice(input.choices) : undefined,
  ];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    if (!field || field.input.safeParse(candidate).success) return candidate;
  }
  if (input.type === 'number') return 1;
  if (input.type === 'datetime') return '2026-01-15T10:00:00Z';
  return input.list ? ['Bench value'] : 'Bench value';
}

function firstChoice(choices: PlainInputField['choices']): string | undefined {
  if (Array.isArray(choices)) {
    const first = choices[0] as string | { value: string } | undefined;
    return typeof first === 'string' ? first : first?.value;
  }
  return choices ? Object.keys(choices)[0] : undefined;
}

/**
 * Input sets to try, most likely to succeed first: the required inputs alone, then with each
 * optional input added on its own (a search needs at least one of its fields, but not both an ID
 * and search fields), then everything; then each of these with unique values.
 */
export function candidateInputs(op: Operation): Array<Record<string, unknown>> {
  const required = op.inputFields.filter((field) => field.required);
  const optional = op.inputFields.filter((field) => !field.required);
  const base = Object.fromEntries(required.map((field) => [field.key, validValue(field)]));
  const sets = [base, ...optional.map((field) => ({ ...base, [field.key]: validValue(field) }))];
  sets.push(Object.fromEntries(op.inputFields.map((field) => [field.key, validValue(field)])));
  // Then the same with unique text, emails and domains, for a create that refuses a duplicate (an email belongs to one contact).
  return [...sets, ...sets.map((set) => freshInput(op, set))];
}

let fresh = 0;

/**
 * The same input with every free-text, email and domain value made unique, so a search finds
 * nothing and a create makes a new record; IDs and choices keep naming existing things.
 */
export function freshInput(op: Operation, input: Record<string, unknown>): Record<string, unknown> {
  const out = { ...input };
  fresh += 1;
  const tag = `${Date.now().toString(36)}${fresh}`;
  for (const field of op.inputFields) {
    if (!(field.key in out) || field.choices) continue;
    const catalogEntry = catalogField(field);
    if (!catalogEntry || catalogEntry.wire !== 'string' || catalogEntry.key.endsWith('_id')) continue;
    const tries = [
      `bench-${tag}.example.com`,
      `bench-${tag}@bench-${tag}.example.com`,
      `Bench ${tag}`,
      `https://bench-${tag}.example.com`,
    ];
    const accepted = tries.find((value) => catalogEntry.input.safeParse(value).success);
    if (accepted) out[field.key] = accepted;
  }
  return out;
}
