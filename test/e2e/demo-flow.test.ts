import nock from 'nock';
import { runFlow } from '../../demo/flow';
import { startReceiver } from '../../demo/receiver';
import type { StepResult } from '../../demo/report';
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../sandbox';
import { DEMO_WORKFLOW, WORKFLOW_HOOK_PATH } from '../../sandbox/workflows';
import { sampleUser } from '../../src/samples';
import { TEST_BASE_URL } from '../helpers/zapier';

/**
 * The main job, `npm start`, as a test: the whole Zap flow through core's runtime against the
 * sandbox over real HTTP, with the sandbox's own log counting the Reevo calls of each step.
 */

const TABLE = 'clay/examples/contacts.csv';
let sb: RunningSandbox;
let results: StepResult[];

beforeAll(async () => {
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  sb = await startSandbox({ webhooks: { baseDelayMs: 5 } });
  const receiver = await startReceiver();
  process.env.REEVO_API_BASE_URL = sb.url;
  try {
    results = await runFlow({
      apiKey: DEMO_KEYS.full,
      tablePath: TABLE,
      ownerEmail: sampleUser.email,
      hookBaseUrl: receiver.url,
      received: receiver.received,
      apiCallCount: () => sb.requests.length,
      deliveriesSettled: () => sb.idle(),
      onStep: () => undefined,
      workflow: { url: `${sb.url}${WORKFLOW_HOOK_PATH}/${DEMO_WORKFLOW.id}`, key: DEMO_WORKFLOW.key },
    });
  } finally {
    await receiver.stop();
  }
});

afterAll(async () => {
  process.env.REEVO_API_BASE_URL = TEST_BASE_URL;
  await sb?.stop();
});

const byStep = () => Object.fromEntries(results.map((r) => [r.step, r]));

it('passes every step', () => {
  expect(results.filter((r) => !r.ok)).toEqual([]);
  expect(results).toHaveLength(19);
});

it('uses the fewest Reevo calls the contract allows in each step', () => {
  const steps = byStep();
  const calls = (step: string) => steps[step].apiCalls;
  expect(calls('Connection test')).toBe(1);
  expect(calls('First poll of the polling triggers')).toBe(8); // one _query per polling trigger
  expect(calls('Subscribe instant triggers')).toBe(10); // per trigger: list (to remove a lost earlier attempt), create
  expect(calls('Upsert contacts from a Clay table')).toBe(8); // one per row of the table
  expect(calls('Find or create account')).toBe(2); // not found, so search + create
  expect(calls('Find account again (now it exists)')).toBe(1);
  expect(calls('Find or create opportunity')).toBe(2);
  expect(calls('Move opportunity to Closed Won')).toBe(1);
  expect(calls('Create task')).toBe(1);
  expect(calls('Log manual activity')).toBe(1);
  expect(calls('Create or update account by domain')).toBe(1); // one _assert, whether it creates or updates
  expect(calls('Create note')).toBe(1);
  expect(calls('Find task, then update and complete it')).toBe(4); // user by email, _query, two PATCHes
  expect(calls('Update contact, clearing a field')).toBe(1);
  expect(calls('Start Reevo workflow')).toBe(1); // to the workflow's own URL, not Reevo's API
  expect(calls('Polling triggers see each change once')).toBe(16); // two polls of eight triggers
  expect(calls('Polling trigger sees an update as a new record')).toBe(2); // the update, one poll
  expect(calls('Instant triggers fire')).toBe(0); // deliveries are pushed, nothing is polled
  expect(calls('Unsubscribe instant triggers')).toBe(5);
  // The one refusal is the connection test's probe for an account that cannot exist.
  const refused = sb.requests.filter((r) => r.status >= 400).map((r) => `${r.method} ${r.path} ${r.status}`);
  expect(refused).toEqual(['GET /api/v1/public/accounts/00000000-0000-0000-0000-000000000000 404']);
});

it('turns the sandbox’s webhook deliveries into trigger records', () => {
  const detail = byStep()['Instant triggers fire'].detail;
  expect(detail).toMatch(/new_contact 7\b/); // 8 rows: 7 new people, 1 already in the workspace
  expect(detail).toMatch(/opportunity_stage_changed 1\b/);
  expect(detail).toMatch(/new_task 1\b/);
  expect(detail).toMatch(/new_opportunity 1\b/);
});

it('the polling triggers see each new record once, and an update as a new record of the same id', () => {
  const detail = byStep()['Polling triggers see each change once'].detail;
  expect(detail).toMatch(/new_contact_poll 7\b/); // as the instant trigger: 7 new people
  expect(detail).toMatch(/opportunity_entered_stage_poll 1\b/);
  expect(detail).toMatch(/new_task_poll 1\b/);
  expect(detail).toMatch(/new_opportunity_poll 1\b/);
  expect(detail).toMatch(/a poll right after finds none again/);
  expect(byStep()['Polling trigger sees an update as a new record'].detail).toMatch(
    /new id (\S+):\S+ for the same opportunity \(record_id \1\)/,
  );
});

it('leaves no subscription behind', async () => {
  const response = await fetch(`${sb.url}/api/v1/public/webhooks`, { headers: { 'x-api-key': DEMO_KEYS.full } });
  expect(await response.json()).toEqual([]);
});
