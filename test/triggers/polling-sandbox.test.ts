import type { Bundle, ZObject } from 'zapier-platform-core';
import { DEMO_KEYS, type SandboxOptions } from '../../sandbox';
import { callEndpoint } from '../../src/client';
import { endpoints } from '../../src/endpoints';
import triggers from '../../triggers';
import { useSandbox } from '../helpers/sandbox';
import { appTester, caught } from '../helpers/zapier';
import { HOOKS, keyPaths } from './helpers';

/**
 * Every polling trigger end to end, through zapier-platform-core against the sandbox, both with the
 * assumed webhook API and as Reevo publishes it (none): an event shows up in exactly one poll, as
 * Zapier sees polls (it deduplicates by `id`), and an update of a record already seen is a new id.
 */

type Rec = Record<string, unknown>;
type Poll = (z: ZObject, bundle: Bundle) => Promise<Rec[]>;

const SEEDED = {
  account: '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63',
  opportunity: 'c27d9e41-6a3b-4d8f-8e15-2b9f0a7c6d38',
  contactEmail: 'jordan.blake@northwind-traders.com',
};
const OWNER = 'morgan.ellery@acme-outbound.example';

const bundle = (inputData: Rec = {}): Partial<Bundle> => ({ authData: { api_key: DEMO_KEYS.full }, inputData });

/** A Reevo call through the app's own client, as another step of a Zap would make it; resolves to the record's id. */
const call = async (endpoint: (typeof endpoints)[keyof typeof endpoints], input: Rec): Promise<string> => {
  const data = await appTester(async (z: ZObject) => (await callEndpoint<Rec>(z, endpoint, input)).data, bundle());
  return String((data.contact_id ?? data.id) as string);
};

let unique = 0;
const next = () => `${Date.now().toString(36)}-${++unique}`;

/** Per polling trigger: something that makes one event of its kind, resolving to the record's id. */
const EVENTS: Record<string, () => Promise<string>> = {
  new_account_poll: () =>
    call(endpoints.createAccount, { name: `Polled Co ${next()}`, domain_name: `polled-${next()}.example` }),
  updated_account_poll: () =>
    call(endpoints.updateAccount, { account_id: SEEDED.account, name: `Northwind Traders ${next()}` }),
  new_contact_poll: () =>
    call(endpoints.upsertAccountContact, {
      email: `pat.${next()}@fabrikam.example`,
      first_name: 'Pat',
      company: 'Fabrikam',
    }),
  updated_contact_poll: () =>
    call(endpoints.upsertAccountContact, { email: SEEDED.contactEmail, title: `VP Operations ${next()}` }),
  new_opportunity_poll: () =>
    call(endpoints.createOpportunity, { display_name: `Northwind - Pilot ${next()}`, account_id: SEEDED.account }),
  updated_opportunity_poll: () =>
    call(endpoints.updateOpportunity, {
      opportunity_id: SEEDED.opportunity,
      next_step_details: `Send the order form ${next()}`,
    }),
  opportunity_entered_stage_poll: () =>
    call(endpoints.shiftOpportunityStage, { opportunity_id: SEEDED.opportunity, target_stage_name: 'Negotiation' }),
  new_task_poll: () =>
    call(endpoints.createTask, {
      title: `Call back ${next()}`,
      owner_email: OWNER,
      priority: 'High',
      type: 'VOICE_CALL',
    }),
};

const definitions = triggers as Record<string, { operation: { sample: unknown } }>;
const recordIdOf = (record: Rec) => String(record.record_id ?? record.id);
const newIn = (poll: Rec[], seen: Rec[]) => poll.filter((record) => !seen.some((old) => old.id === record.id));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['with the webhook API', undefined],
  ['as Reevo publishes it (no webhook API)', { webhooks: false }],
] as Array<[string, SandboxOptions | undefined]>)('polling triggers against the sandbox %s', (_mode, options) => {
  const sandbox = useSandbox(options);

  it.each(HOOKS.map((hook) => [hook.twin.key, hook] as const))(
    '%s: a new event appears in exactly one poll, with the keys of the samples',
    async (key, hook) => {
      const perform = hook.twin.trigger.perform as Poll;
      const before = await appTester(perform, bundle());
      const recordId = await EVENTS[key]();
      const after = await appTester(perform, bundle());
      const again = await appTester(perform, bundle());

      // Zapier triggers on the ids it has not seen: the event once, and nothing more on the next poll.
      expect(newIn(after, before).map(recordIdOf)).toEqual([recordId]);
      expect(newIn(again, after)).toEqual([]);
      for (const record of after) expect(keyPaths(record)).toEqual(keyPaths(definitions[key].operation.sample));
    },
  );

  it('Updated Account: each update of the same account is a new id, with the account’s id as record_id', async () => {
    const updated = HOOKS.find((hook) => hook.key === 'updated_account')!.twin.trigger.perform as Poll;
    const seen: Rec[] = await appTester(updated, bundle());
    const changes: Rec[] = [];
    for (let i = 0; i < 2; i += 1) {
      // Reevo's timestamps are whole seconds: two updates within one second are one change.
      await sleep(1100);
      await EVENTS.updated_account_poll();
      const fresh = newIn(await appTester(updated, bundle()), seen);
      expect(fresh.map(recordIdOf)).toEqual([SEEDED.account]);
      seen.push(...fresh);
      changes.push(...fresh);
    }
    expect(new Set(changes.map((record) => record.id)).size).toBe(2);
  });

  it('Opportunity Entered Stage with a stage chosen: only entries into that stage', async () => {
    const entered = HOOKS.find((hook) => hook.key === 'opportunity_stage_changed')!.twin.trigger.perform as Poll;
    const inputData = { stage_name: 'closed won' };
    const before = await appTester(entered, bundle(inputData));
    await sleep(1100);
    await call(endpoints.shiftOpportunityStage, { opportunity_id: SEEDED.opportunity, target_stage_name: 'Proposal' });
    expect(newIn(await appTester(entered, bundle(inputData)), before)).toEqual([]);
    await sleep(1100);
    await call(endpoints.shiftOpportunityStage, {
      opportunity_id: SEEDED.opportunity,
      target_stage_name: 'Closed Won',
      closed_reason_names: 'Best product fit',
    });
    const fresh = newIn(await appTester(entered, bundle(inputData)), before);
    expect(fresh).toEqual([
      expect.objectContaining({
        record_id: SEEDED.opportunity,
        stage_name: 'Closed Won',
        changed_fields: ['stage_name'],
      }),
    ]);
  });

  const hasWebhooks = options?.webhooks !== false;
  it(
    hasWebhooks
      ? 'instant triggers: a retried subscribe leaves one subscription for the Zap’s URL'
      : 'instant triggers say the workspace has no webhooks, and which polling trigger to use, at the test step and at turn-on',
    async () => {
      const newContact = HOOKS.find((hook) => hook.key === 'new_contact')!;
      const targetUrl = `http://127.0.0.1:9/hooks/${next()}`;
      if (!hasWebhooks) {
        for (const step of [newContact.trigger.performList, newContact.trigger.performSubscribe] as Poll[]) {
          const error = await caught(appTester(step, { ...bundle(), targetUrl }));
          expect(error.code).toBe('webhooks_unavailable');
          expect(error.message).toContain('use the "New Contact" trigger instead');
        }
        return;
      }
      const first = await appTester(newContact.trigger.performSubscribe, { ...bundle(), targetUrl });
      // Zapier lost the first answer and subscribes again.
      const second = await appTester(newContact.trigger.performSubscribe, { ...bundle(), targetUrl });
      const response = await fetch(`${sandbox().url}/api/v1/public/webhooks`, {
        headers: { 'x-api-key': DEMO_KEYS.full },
      });
      const live = ((await response.json()) as Rec[]).filter((subscription) => subscription.target_url === targetUrl);
      expect(live.map((subscription) => subscription.id)).toEqual([second.id]);
      expect(second.id).not.toBe(first.id);
      await appTester(newContact.trigger.performUnsubscribe, { ...bundle(), subscribeData: second });
    },
  );
});
