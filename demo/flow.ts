import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import * as core from 'zapier-platform-core';
import App from '../index';
import { endpoints } from '../src/endpoints';
import type { ReceivedHook } from './receiver';
import type { StepResult } from './report';

/** Everything a walk-through needs from its surroundings. */
export interface FlowContext {
  readonly apiKey: string;
  /** The contacts to upsert: a Clay table, read through the catalog's Clay column names. */
  readonly tablePath: string;
  /** A Reevo user of the workspace, to own what the walk-through creates. */
  readonly ownerEmail: string;
  /** Where instant triggers subscribe; each trigger gets `<hookBaseUrl>/<trigger key>`. */
  readonly hookBaseUrl: string;
  readonly received: ReceivedHook[];
  /** Reevo API requests made so far, when the sandbox can tell (undefined against a real Reevo). */
  readonly apiCallCount: () => number | undefined;
  /** Resolves when every webhook delivery caused so far has been made. */
  readonly deliveriesSettled: () => Promise<void>;
  readonly onStep: (result: StepResult) => void;
  /** A workflow with a Webhook Received trigger to start; the step is left out without one. */
  readonly workflow?: { readonly url: string; readonly key?: string };
  /** False where Reevo has no webhook API (as published): the instant-trigger steps are left out. */
  readonly instantTriggers?: boolean;
}

type Record = { [key: string]: unknown };

const INSTANT_TRIGGERS = [
  'new_account',
  'new_contact',
  'new_opportunity',
  'opportunity_stage_changed',
  'new_task',
] as const;
const POLLING_TRIGGERS = [
  'new_account_poll',
  'updated_account_poll',
  'new_contact_poll',
  'updated_contact_poll',
  'new_opportunity_poll',
  'updated_opportunity_poll',
  'opportunity_entered_stage_poll',
  'new_task_poll',
] as const;
/** The polling triggers this walk-through must see fire: everything it creates or changes, which is every kind but an account update. */
const POLLS_EXPECTED_TO_FIRE = POLLING_TRIGGERS.filter((key) => key !== 'updated_account_poll');
const CLOSED_WON_STAGE = 'Closed Won';

/**
 * A whole Zap flow through zapier-platform-core, each operation called by its method path as
 * Zapier's runtime calls it. Returns one result per step; stops at the first failure, but always
 * unsubscribes what it subscribed.
 */
export async function runFlow(ctx: FlowContext): Promise<StepResult[]> {
  const execute = zapierRuntime();
  const authData = { api_key: ctx.apiKey };
  const call = <T>(method: string, bundle: Record = {}) => execute<T>(method, { authData, ...bundle });
  const results: StepResult[] = [];
  const subscriptions = new Map<string, Record>();

  async function step(name: string, work: () => Promise<string>): Promise<boolean> {
    const before = ctx.apiCallCount();
    let result: StepResult;
    try {
      const detail = await work();
      result = { step: name, ok: true, detail, apiCalls: callsSince(before) };
    } catch (error) {
      result = { step: name, ok: false, detail: messageOf(error), apiCalls: callsSince(before) };
    }
    results.push(result);
    ctx.onStep(result);
    return result.ok;
  }
  const callsSince = (before: number | undefined) => {
    const now = ctx.apiCallCount();
    return before === undefined || now === undefined ? undefined : now - before;
  };

  const state: { contacts: Record[]; account?: Record; opportunity?: Record } = { contacts: [] };
  // What Zapier remembers of each polling trigger: the ids it has seen, so it triggers on new ones only.
  const seen = new Map<string, Set<string>>(POLLING_TRIGGERS.map((key) => [key, new Set<string>()]));
  /** One poll of a polling trigger, as Zapier makes it: the records whose ids it had not seen. */
  async function poll(key: string, inputData: Record = {}): Promise<Record[]> {
    const records = await call<Record[]>(`triggers.${key}.operation.perform`, { inputData });
    const ids = seen.get(key)!;
    const fresh = records.filter((record) => !ids.has(String(record.id)));
    for (const record of records) ids.add(String(record.id));
    return fresh;
  }
  const instant = ctx.instantTriggers !== false;

  const steps: Array<[string, () => Promise<string>]> = [
    [
      'Connection test',
      async () => {
        await call('authentication.test');
        return 'the API key was accepted';
      },
    ],
    [
      'First poll of the polling triggers',
      async () => {
        let records = 0;
        for (const key of POLLING_TRIGGERS) records += (await poll(key)).length;
        return `${POLLING_TRIGGERS.length} polling triggers, one request each: ${records} records already there (Zapier remembers their ids and triggers on none of them)`;
      },
    ],
    ...(instant ? [subscribeStep()] : []),
    [
      'Upsert contacts from a Clay table',
      async () => {
        const rows = readClayTable(ctx.tablePath);
        const actions: string[] = [];
        for (const row of rows) {
          const result = await call<Record>('creates.upsert_account_contact.operation.perform', { inputData: row });
          state.contacts.push(result);
          actions.push(String(result.action));
        }
        return `${rows.length} rows from ${ctx.tablePath}: ${countWords(actions)}`;
      },
    ],
    [
      'Find or create account',
      async () => {
        const domain = 'globex-logistics.example';
        const found = await call<Record[]>('searches.find_account.operation.perform', {
          inputData: { domain_name: `https://www.${domain}/about` },
        });
        state.account =
          found[0] ??
          (await call<Record>('creates.create_account.operation.perform', {
            inputData: {
              name: 'Globex Logistics',
              domain_name: domain,
              official_website: `${domain}/about`,
              owner_email: ctx.ownerEmail,
            },
          }));
        return `${found.length > 0 ? 'found' : 'created'} ${state.account.name} (${state.account.id})`;
      },
    ],
    [
      'Find account again (now it exists)',
      async () => {
        const found = await call<Record[]>('searches.find_account.operation.perform', {
          inputData: { domain_name: 'globex-logistics.example' },
        });
        if (found[0]?.id !== state.account?.id)
          throw new Error('the account created a step earlier was not found first');
        return `found ${found[0].name} with one request`;
      },
    ],
    [
      'Find or create opportunity',
      async () => {
        const display_name = 'Globex Logistics - Fleet Rollout 2027';
        const search = { display_name, account_id: state.account?.id };
        const found = await call<Record[]>('searches.find_opportunity.operation.perform', { inputData: search });
        state.opportunity =
          found[0] ??
          (await call<Record>('creates.create_opportunity.operation.perform', {
            inputData: {
              ...search,
              amount: '$128,500.00',
              owner_email: ctx.ownerEmail,
              primary_contact_email: state.contacts[0]?.email,
            },
          }));
        return `${found.length > 0 ? 'found' : 'created'} "${state.opportunity.display_name}" worth ${state.opportunity.amount}`;
      },
    ],
    [
      'Move opportunity to Closed Won',
      async () => {
        const moved = await call<Record>('creates.move_opportunity_stage.operation.perform', {
          inputData: {
            opportunity_id: state.opportunity?.id,
            target_stage_name: CLOSED_WON_STAGE,
            closed_reason_names: 'Best product fit',
            closed_reason_custom_detail: 'Won after the pilot.',
          },
        });
        return `stage ${moved.stage_name}, status ${moved.status}`;
      },
    ],
    [
      'Create task',
      async () => {
        const task = await call<Record>('creates.create_task.operation.perform', {
          inputData: {
            title: 'Kick-off call with Globex Logistics',
            owner_email: ctx.ownerEmail,
            priority: 'High',
            type: 'VOICE_CALL',
            due_at: new Date(Date.now() + 2 * 86_400_000).toISOString(),
            account_id: state.account?.id,
            contact_emails: state.contacts
              .slice(0, 2)
              .map((c) => c.email)
              .join(', '),
          },
        });
        return `"${task.title}" due ${task.due_at}`;
      },
    ],
    [
      'Log manual activity',
      async () => {
        const activity = await call<Record>('creates.log_manual_activity.operation.perform', {
          inputData: {
            activity_time: new Date().toISOString(),
            subject: 'Signed order form',
            description: 'Globex signed the 2027 fleet rollout order form.',
            category: 'Event',
            account_id: state.account?.id,
            contact_ids: state.contacts.slice(0, 1).map((c) => c.contact_id),
            pipeline_id: state.opportunity?.id,
          },
        });
        return `activity ${activity.id}`;
      },
    ],
    [
      'Create or update account by domain',
      async () => {
        const account = await call<Record>('creates.create_or_update_account.operation.perform', {
          inputData: {
            domain_name: 'globex-logistics.example',
            name: 'Globex Logistics',
            linkedin_url: 'https://www.linkedin.com/company/globex-logistics',
          },
        });
        if (account.id !== state.account?.id)
          throw new Error('the account of this domain was not the one found earlier');
        return `${String(account.action)} ${account.name} (${account.id}), matched by its domain`;
      },
    ],
    [
      'Create note',
      async () => {
        const note = await call<Record>('creates.create_note.operation.perform', {
          inputData: {
            note_html: 'Fleet rollout signed.\n\nNext: onboarding for 40 depots in Q1.',
            account_id: state.account?.id,
            opportunity_id: state.opportunity?.id,
          },
        });
        return `note ${note.id} on the account and the opportunity`;
      },
    ],
    [
      'Find task, then update and complete it',
      async () => {
        const found = await call<Record[]>('searches.find_task.operation.perform', {
          inputData: { title: 'Kick-off call with Globex', owner_email: ctx.ownerEmail },
        });
        if (!found[0]) throw new Error('the task created earlier was not found');
        const task_id = found[0].id;
        await call('creates.update_task.operation.perform', {
          inputData: { task_id, priority: 'Urgent', status: 'In progress' },
        });
        const done = await call<Record>('creates.complete_task.operation.perform', { inputData: { task_id } });
        return `"${done.title}": priority ${done.priority}, status ${done.status}`;
      },
    ],
    [
      'Update contact, clearing a field',
      async () => {
        const contact = await call<Record>('creates.update_contact.operation.perform', {
          inputData: {
            contact_id: state.contacts[0]?.contact_id,
            title: 'VP of Operations',
            clear_fields: ['Department'],
          },
        });
        return `${contact.first_name} ${contact.last_name}: title ${contact.title}, department ${contact.department ?? 'cleared'}`;
      },
    ],
    ...(ctx.workflow ? [startWorkflowStep(ctx.workflow)] : []),
    [
      'Polling triggers see each change once',
      async () => {
        const counts: string[] = [];
        for (const key of POLLING_TRIGGERS) counts.push(`${key} ${(await poll(key)).length}`);
        const silent = POLLS_EXPECTED_TO_FIRE.filter((key) => counts.includes(`${key} 0`));
        if (silent.length) throw new Error(`no new record for ${silent.join(', ')}`);
        const twice: string[] = [];
        for (const key of POLLING_TRIGGERS) if ((await poll(key)).length > 0) twice.push(key);
        if (twice.length) throw new Error(`a record triggered twice: ${twice.join(', ')}`);
        return `new records: ${counts.join(', ')}; a poll right after finds none again`;
      },
    ],
    [
      'Polling trigger sees an update as a new record',
      async () => {
        // Reevo's timestamps are whole seconds: an update in the same second as the last one is the same change.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        await call('creates.update_opportunity.operation.perform', {
          inputData: { opportunity_id: state.opportunity?.id, next_step_details: 'Schedule the depot onboarding.' },
        });
        const fresh = await poll('updated_opportunity_poll');
        if (fresh.length !== 1 || fresh[0].record_id !== state.opportunity?.id)
          throw new Error(`expected one new update of the opportunity, got ${fresh.length}`);
        return `Updated Opportunity: new id ${String(fresh[0].id)} for the same opportunity (record_id ${String(fresh[0].record_id)})`;
      },
    ],
    ...(instant ? instantSteps() : []),
  ];

  function subscribeStep(): [string, () => Promise<string>] {
    return [
      'Subscribe instant triggers',
      async () => {
        for (const key of INSTANT_TRIGGERS) {
          const inputData = key === 'opportunity_stage_changed' ? { stage_name: CLOSED_WON_STAGE } : {};
          const data = await call<Record>(`triggers.${key}.operation.performSubscribe`, {
            inputData,
            targetUrl: `${ctx.hookBaseUrl}/${key}`,
          });
          subscriptions.set(key, { data, inputData });
        }
        return `${subscriptions.size} REST hooks: ${[...subscriptions.keys()].join(', ')}`;
      },
    ];
  }

  function instantSteps(): Array<[string, () => Promise<string>]> {
    return [
      [
        'Instant triggers fire',
        async () => {
          await ctx.deliveriesSettled();
          const counts: string[] = [];
          for (const [key, subscription] of subscriptions) {
            const hooks = ctx.received.filter((hook) => hook.path === `/${key}`);
            let records = 0;
            for (const hook of hooks) {
              const output = await call<Record[]>(`triggers.${key}.operation.perform`, {
                inputData: subscription.inputData,
                subscribeData: subscription.data,
                ...asZapierDelivers(hook),
              });
              records += output.length;
            }
            counts.push(`${key} ${records}`);
          }
          if (!counts.some((count) => !count.endsWith(' 0'))) throw new Error('no webhook delivery arrived');
          return `records out of the triggers: ${counts.join(', ')}`;
        },
      ],
      ['Unsubscribe instant triggers', async () => unsubscribeAll()],
    ];
  }

  function startWorkflowStep(workflow: { url: string; key?: string }): [string, () => Promise<string>] {
    return [
      'Start Reevo workflow',
      async () => {
        const run = await call<Record>('creates.start_workflow.operation.perform', {
          inputData: {
            workflow_url: workflow.url,
            variables: { email: state.contacts[0]?.email, account_id: state.account?.id },
            workflow_key: workflow.key,
          },
        });
        return `run ${run.status} with ${(run.variable_names as string[]).join(', ')} (the connection's key stays with Reevo's API)`;
      },
    ];
  }

  async function unsubscribeAll(): Promise<string> {
    const count = subscriptions.size;
    for (const [key, subscription] of subscriptions) {
      await call(`triggers.${key}.operation.performUnsubscribe`, { subscribeData: subscription.data });
      subscriptions.delete(key);
    }
    return `${count} REST hooks removed`;
  }

  for (const [name, work] of steps) {
    if (!(await step(name, work))) {
      if (subscriptions.size > 0) await step('Unsubscribe instant triggers', unsubscribeAll);
      break;
    }
  }
  return results;
}

/**
 * Runs an app method the way Zapier's runtime does: an `execute` event naming the method path
 * (e.g. `creates.create_task.operation.perform`), through core's own handler and middleware.
 * `calledFromCli` is what `zapier-platform invoke` sets: it keeps core's memory log line quiet.
 */
function zapierRuntime() {
  // createAppHandler exists at runtime but not in core's type declarations.
  type Handler = (event: object) => Promise<{ results: unknown }>;
  const handler = (core as unknown as { createAppHandler: (app: object) => Handler }).createAppHandler(App);
  // Stands in for Zapier's cache service (z.cache), which the triggers use to drop redelivered events.
  const zcacheTestObj = {};
  return async <T>(method: string, bundle: Record): Promise<T> =>
    (await handler({ command: 'execute', method, bundle, calledFromCli: true, zcacheTestObj })).results as T;
}

/** A Clay table's rows as upsert inputs, reading each field from its Clay column. */
function readClayTable(path: string): Record[] {
  const rows = Papa.parse<{ [column: string]: string }>(readFileSync(path, 'utf8'), {
    delimiter: ',',
    header: true,
    skipEmptyLines: true,
  }).data;
  return rows.map((row) =>
    Object.fromEntries(
      endpoints.upsertAccountContact.params
        .map(({ field }) => [field.key, row[field.clayColumn]])
        .filter(([, value]) => value !== undefined),
    ),
  );
}

/** The delivery as Zapier hands it to `perform`: parsed body, and raw headers with Zapier's `Http-` names. */
function asZapierDelivers(hook: ReceivedHook): Record {
  const headers = Object.fromEntries(
    Object.entries(hook.headers).map(([name, value]) => [
      `Http-${name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())}`,
      String(value),
    ]),
  );
  return {
    cleanedRequest: JSON.parse(hook.content) as unknown,
    rawRequest: { method: 'POST', headers, content: hook.content },
  };
}

function countWords(words: string[]): string {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].map(([word, n]) => `${n} ${word}`).join(', ');
}

/** A readable message from a Zapier error, whose message core serialises as JSON. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(text) as { message?: string };
    return parsed.message ?? text;
  } catch {
    return text;
  }
}
