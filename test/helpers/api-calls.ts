/**
 * API calls per operation, counted in the sandbox's request log: every trigger (subscribe,
 * unsubscribe, performList, perform of a delivery), create, search and search-or-create, against
 * the least the contract allows. A "run" is what Zapier does for one Zap step: resolve the dynamic
 * (custom field) input fields, then perform. The first run may read the custom-field schema; a
 * later run must not, on a warm worker (cached in memory) or a cold one (cached in z.cache), so
 * schema reads are reported separately.
 */
import { createAppTester, type Bundle } from 'zapier-platform-core';
import App from '../../index';
import { clearCustomFieldCache } from '../../src/custom-fields';
import { signatureFor } from '../../src/webhooks';
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../sandbox';
import {
  allOperations,
  candidateInputs,
  freshInput,
  searchOrCreates,
  type Operation,
  type PerformFunction,
} from './operations';

const SCHEMA_PATH = '/api/v2/_schema/';

export interface CallCount {
  operation: string;
  step: string;
  calls: number;
  minimum: number;
  /** Schema reads in this run (expected only on a cold first run). */
  schemaReads: number;
  note?: string;
  /** The step did its work even though it has a note. */
  ok?: boolean;
}

interface Counter {
  sandbox: RunningSandbox;
  tester: ReturnType<typeof createAppTester>;
}

const bundle = (inputData: Record<string, unknown>, extra: Partial<Bundle> = {}): Bundle =>
  ({ authData: { api_key: DEMO_KEYS.full }, inputData, meta: { page: 0 }, ...extra }) as unknown as Bundle;

/** The request log is written when a response closes; give it a moment after the call returns. */
async function settledLog(sandbox: RunningSandbox) {
  let last = -1;
  for (let i = 0; i < 20; i += 1) {
    const count = sandbox.requests.length;
    if (count === last) break;
    last = count;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return sandbox.requests;
}

/** Runs `fn` and counts the API calls it made, schema reads apart. */
async function counted<T>(
  counter: Counter,
  fn: () => Promise<T>,
): Promise<{ result?: T; error?: unknown; calls: number; schemaReads: number }> {
  await settledLog(counter.sandbox);
  counter.sandbox.clearLogs();
  let result: T | undefined;
  let error: unknown;
  try {
    result = await fn();
  } catch (caught) {
    error = caught;
  }
  const log = await settledLog(counter.sandbox);
  const schemaReads = log.filter((entry) => entry.path.startsWith(SCHEMA_PATH)).length;
  return { result, error, calls: log.length - schemaReads, schemaReads };
}

/** One Zap run of an action: resolve the dynamic input fields, then perform. */
async function zapRun(counter: Counter, op: Operation, inputData: Record<string, unknown>): Promise<unknown> {
  // A step that refuses to repeat itself (Enroll Contact in Sequence remembers its enrollments) is asked to, so each run does its work.
  const input = op.inputFields.some((field) => field.key === 'enroll_again')
    ? { ...inputData, enroll_again: true }
    : inputData;
  for (const fields of op.dynamicInputFields) await counter.tester(fields, bundle(input));
  return counter.tester(op.perform as PerformFunction, bundle(input));
}

/** The first of the operation's candidate inputs that runs without an error (its calls are not counted). */
async function workingInput(
  counter: Counter,
  op: Operation,
  want?: (result: unknown) => boolean,
): Promise<Record<string, unknown> | undefined> {
  for (const input of candidateInputs(op)) {
    try {
      const result = await counter.tester(op.perform as PerformFunction, bundle(input));
      if (!want || want(result)) return input;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

const message = (error: unknown) => (error instanceof Error ? error.message.slice(0, 160) : String(error));

/** A table row: what one measured step of an operation cost, with its error if it failed. */
const rowOf = (
  op: Operation,
  step: string,
  run: { error?: unknown; calls: number; schemaReads: number },
  minimum = 1,
): CallCount => ({
  operation: op.key,
  step,
  calls: run.calls,
  minimum,
  schemaReads: run.schemaReads,
  ...(run.error ? { note: message(run.error) } : {}),
});

async function countAction(counter: Counter, op: Operation): Promise<CallCount[]> {
  const input =
    (await workingInput(counter, op, op.kind === 'search' ? (r) => Array.isArray(r) && r.length > 0 : undefined)) ??
    (await workingInput(counter, op));
  if (!input)
    return [
      {
        operation: op.key,
        step: 'perform',
        calls: Number.NaN,
        minimum: 1,
        schemaReads: 0,
        note: 'no input from the samples ran without an error',
      },
    ];
  // A create that refuses to run twice with the same values (an email belongs to one contact) gets unique ones in each run.
  const runs = (values: Record<string, unknown>) =>
    counter.tester(op.perform as PerformFunction, bundle(values)).then(
      () => true,
      () => false,
    );
  const unique = !(await runs(input)) && (await runs(freshInput(op, input)));
  const runInput = () => (unique ? freshInput(op, input) : input);
  // Cold: a fresh connection (the schema cache is keyed by key and base URL) is simulated by the first run after start-up.
  const first = await counted(counter, () => zapRun(counter, op, runInput()));
  const second = await counted(counter, () => zapRun(counter, op, runInput()));
  // A cold worker of the same connection: nothing in this process's memory, Zapier's cache (z.cache) as the first run left it.
  clearCustomFieldCache();
  const cold = await counted(counter, () => zapRun(counter, op, runInput()));
  const rows: CallCount[] = [rowOf(op, 'run (warm cache)', second), rowOf(op, 'run (cold worker)', cold)];
  if (first.schemaReads > 0)
    rows.push({
      operation: op.key,
      step: 'first run: schema reads',
      calls: first.calls,
      minimum: 1,
      schemaReads: first.schemaReads,
      note: 'custom-field schema read once, then cached',
    });
  return rows;
}

async function countTrigger(counter: Counter, op: Operation): Promise<CallCount[]> {
  if (!op.isHook && !op.hidden) {
    // A polling trigger: Zapier polls again and again, so the poll after the first is what it costs.
    const poll = () => counted(counter, () => counter.tester(op.perform as PerformFunction, bundle({})));
    const first = await poll();
    const warm = await poll();
    const rows: CallCount[] = [rowOf(op, 'perform (one poll, warm)', warm)];
    if (first.schemaReads > 0)
      rows.push({
        operation: op.key,
        step: 'first run: schema reads',
        calls: first.calls,
        minimum: 1,
        schemaReads: first.schemaReads,
      });
    return rows;
  }
  if (!op.isHook) {
    const run = await counted(counter, () => counter.tester(op.perform as PerformFunction, bundle({})));
    // A paginated dropdown keeps its cursor with z.cursor, which needs Zapier's RPC (absent locally):
    // the page request was made and counted; only storing the cursor failed.
    const rpcOnly = run.error !== undefined && /ZAPIER_DEPLOY_KEY|RPC/.test(message(run.error));
    const note = rpcOnly
      ? "z.cursor needs Zapier's RPC (not available locally): counted up to storing the cursor"
      : run.error
        ? message(run.error)
        : undefined;
    return [
      {
        operation: op.key,
        step: 'perform (one page)',
        calls: run.calls,
        minimum: 1,
        schemaReads: run.schemaReads,
        ...(note ? { note } : {}),
        ...(rpcOnly ? { ok: true } : {}),
      },
    ];
  }
  const rows: CallCount[] = [];
  const targetUrl = 'https://hooks.zapier.com/hooks/standard/000000/bench/';
  const sub = await counted(counter, () =>
    counter.tester(op.performSubscribe as PerformFunction, bundle({}, { targetUrl } as Partial<Bundle>)),
  );
  // Subscribing lists the Zap's subscriptions first, to remove one a lost earlier attempt made.
  rows.push(rowOf(op, 'performSubscribe', sub, 2));
  const list = await counted(counter, () => counter.tester(op.performList as PerformFunction, bundle({})));
  // The test step checks for a webhook API (one cheap list), then reads the sample records.
  rows.push(rowOf(op, 'performList', list, 2));
  const sample = Array.isArray(list.result) ? (list.result[0] as Record<string, unknown> | undefined) : undefined;
  if (op.perform && sample) {
    // A delivery of the listed record, signed with the subscription's secret: parsing it needs no API call.
    const content = JSON.stringify({
      id: `bench-${Date.now()}`,
      event_type: sample.event_type,
      occurred_at: new Date().toISOString(),
      data: sample,
    });
    const secret = String((sub.result as { secret?: unknown } | undefined)?.secret ?? '');
    const hook = await counted(counter, () =>
      counter.tester(
        op.perform as PerformFunction,
        bundle({}, {
          subscribeData: { id: 'bench', secret, event_types: [String(sample.event_type)], target_url: targetUrl },
          cleanedRequest: JSON.parse(content),
          rawRequest: {
            content,
            headers: { 'x-reevo-signature': signatureFor(secret, content, Math.floor(Date.now() / 1000)) },
          },
        } as unknown as Partial<Bundle>),
      ),
    );
    rows.push(rowOf(op, 'perform (a delivery)', hook, 0));
  }
  const subscribeData = sub.result as Record<string, unknown> | undefined;
  const unsub = await counted(counter, () =>
    counter.tester(op.performUnsubscribe as PerformFunction, bundle({}, { subscribeData } as Partial<Bundle>)),
  );
  rows.push(rowOf(op, 'performUnsubscribe', unsub));
  return rows;
}

/** Zapier's search-or-create: the search, then the create only if the search found nothing. */
async function countSearchOrCreate(counter: Counter): Promise<CallCount[]> {
  const rows: CallCount[] = [];
  for (const soc of searchOrCreates()) {
    const run = (searchInput: Record<string, unknown>, createInput: Record<string, unknown>) => async () => {
      const found = await zapRun(counter, soc.search, searchInput);
      if (Array.isArray(found) && found.length > 0) return 'found';
      await zapRun(counter, soc.create, createInput);
      return 'created';
    };
    const foundInput = await workingInput(counter, soc.search, (r) => Array.isArray(r) && r.length > 0);
    const createBase = await workingInput(counter, soc.create);
    if (!foundInput || !createBase) {
      rows.push({
        operation: soc.key,
        step: 'search-or-create',
        calls: Number.NaN,
        minimum: 1,
        schemaReads: 0,
        note: 'no working sample input',
      });
      continue;
    }
    const found = await counted(counter, run(foundInput, createBase));
    rows.push({
      operation: soc.key,
      step: `search-or-create, found (${String(found.result ?? message(found.error))})`,
      calls: found.calls,
      minimum: 1,
      schemaReads: found.schemaReads,
    });
    // Unique values: the search finds nothing and the create makes a new record with them.
    const searchFresh = freshInput(soc.search, foundInput);
    const createInput = {
      ...createBase,
      ...Object.fromEntries(
        Object.entries(searchFresh).filter(([key]) => soc.create.inputFields.some((f) => f.key === key)),
      ),
    };
    const created = await counted(counter, run(searchFresh, freshInput(soc.create, createInput)));
    rows.push({
      operation: soc.key,
      step: `search-or-create, not found (${String(created.result ?? message(created.error))})`,
      calls: created.calls,
      minimum: 2,
      schemaReads: created.schemaReads,
      ...(created.error ? { note: message(created.error) } : {}),
    });
  }
  return rows;
}

/** Counts every operation: run by the `api-calls` benchmark and by test/reliability/api-calls.test.ts. */
export async function countApiCalls(): Promise<CallCount[]> {
  const sandbox = await startSandbox();
  const previousBase = process.env.REEVO_API_BASE_URL;
  process.env.REEVO_API_BASE_URL = sandbox.url;
  const counter: Counter = { sandbox, tester: createAppTester(App) };
  try {
    const rows: CallCount[] = [];
    for (const op of allOperations())
      rows.push(...(op.kind === 'trigger' ? await countTrigger(counter, op) : await countAction(counter, op)));
    rows.push(...(await countSearchOrCreate(counter)));
    return rows;
  } finally {
    if (previousBase === undefined) delete process.env.REEVO_API_BASE_URL;
    else process.env.REEVO_API_BASE_URL = previousBase;
    await sandbox.stop();
  }
}
