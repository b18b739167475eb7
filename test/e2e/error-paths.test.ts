import type { Bundle } from 'zapier-platform-core';
import { testConnection } from '../../authentication';
import { DEMO_KEYS, PRIMARY_ORG } from '../../sandbox';
import { sampleAccount, sampleContact, sampleEnrollment, sampleOpportunity, sampleUser } from '../../src/samples';
import triggers from '../../triggers';
import { callsReevoApi, candidateInputs, creates, freshInput, searches, type Operation } from '../helpers/operations';
import { useSandbox } from '../helpers/sandbox';
import { appTester, caught } from '../helpers/zapier';

/**
 * Every create, search and instant-trigger subscription, through zapier-platform-core against the
 * sandbox, when Reevo says no: a key without the permission, an expired key, a spent quota, a
 * server error. Each must fail with the right Zapier error class and a message a person can act
 * on, and nothing may pass as success.
 */

type Perform = (z: never, bundle: never) => Promise<unknown>;
type Run = {
  perform: Perform;
  inputData?: Record<string, unknown>;
  /** For an operation without a hand-picked input: where its candidates come from, and whether each run needs unique values. */
  operation?: Operation;
  unique?: boolean;
  extra?: Partial<Bundle>;
};

/** Inputs chosen by hand; an operation without one here runs with the first of its candidate inputs (test/helpers/operations.ts) that works. */
const minimalInputs: Record<string, Record<string, unknown>> = {
  upsert_account_contact: { email: 'dana.reyes@lumen-freight.example' },
  create_account: { name: 'Lumen Freight' },
  update_account: { account_id: sampleAccount.id, name: 'Northwind Traders Ltd' },
  create_opportunity: { display_name: 'Northwind - Expansion', account_id: sampleAccount.id },
  update_opportunity: { opportunity_id: sampleOpportunity.id, amount: '1,000' },
  move_opportunity_stage: { opportunity_id: sampleOpportunity.id, target_stage_name: 'Proposal' },
  create_task: { title: 'Call Dana', owner_email: sampleUser.email },
  log_manual_activity: { activity_time: '2026-11-20T10:00:00Z', subject: 'Met at a fair', description: 'Booth chat.' },
  enroll_contact_in_sequence: { contact_email: sampleContact.email, sequence_id: sampleEnrollment.sequence_id },
  find_account: { domain_name: sampleAccount.domain_name },
  find_contact: { contact_email: sampleContact.email },
  find_opportunity: { display_name: sampleOpportunity.display_name },
  find_contact_and_account: { contact_email: sampleContact.email },
  find_user: { email: sampleUser.email },
  find_mailbox: { owner_user_email: sampleUser.email },
};

const actions = [...creates(), ...searches()].filter(callsReevoApi);

const runs: Array<[string, Run]> = [
  ...actions.map(
    (op) =>
      [`${op.kind} ${op.key}`, { perform: op.perform as Perform, inputData: minimalInputs[op.key], operation: op }] as [
        string,
        Run,
      ],
  ),
  ...Object.values(triggers)
    .filter((op) => op.operation.type === 'hook')
    .map(
      (op) =>
        [
          `subscribe ${op.key}`,
          {
            perform: (op.operation as { performSubscribe: Perform }).performSubscribe,
            inputData: {},
            extra: { targetUrl: 'https://hooks.zapier.com/hooks/standard/123/abc/' },
          },
        ] as [string, Run],
    ),
];

/** A key that may do nothing at all: every operation needs a permission it lacks. */
const NO_PERMISSIONS = 'reevo_sandbox_no_permissions';

const sb = useSandbox({
  webhooks: { baseDelayMs: 5, maxAttempts: 1 },
  extraKeys: {
    [NO_PERMISSIONS]: {
      label: 'noPermissions',
      org: PRIMARY_ORG,
      grants: {},
      expired: false,
      description: 'no permission',
    },
  },
});

afterEach(() => {
  sb().setQuota(null);
  sb().clearFaults();
});

// Each run with an empty z.cache, as a separate Zap run would (Enroll Contact in Sequence remembers its enrollments).
const run = ({ perform, inputData, operation, unique, extra }: Run, apiKey: string) =>
  appTester(
    perform as never,
    {
      authData: { api_key: apiKey },
      inputData: unique && operation && inputData ? freshInput(operation, inputData) : inputData,
      ...extra,
    },
    true,
  );

beforeAll(async () => {
  for (const [, op] of runs) {
    for (const candidate of op.inputData || !op.operation ? [] : candidateInputs(op.operation)) {
      const worked = await run({ ...op, inputData: candidate }, DEMO_KEYS.full).then(
        () => true,
        () => false,
      );
      if (worked) {
        op.inputData = candidate;
        // A create that refuses the same values twice (an email belongs to one contact) gets unique ones in each run.
        op.unique = !(await run(op, DEMO_KEYS.full).then(
          () => true,
          () => false,
        ));
        break;
      }
    }
  }
});

it('has, for every create and search, an input that works with a full key', () => {
  expect(runs.filter(([, op]) => !op.inputData).map(([name]) => name)).toEqual([]);
});

describe.each(runs)('%s', (_name, op) => {
  it('works with a full key (the baseline the failures below differ from)', async () => {
    await expect(run(op, DEMO_KEYS.full)).resolves.toBeDefined();
  });

  it('names the missing permission for a key without it', async () => {
    const error = await caught(run(op, NO_PERMISSIONS));
    expect(error.name).toBe('AppError');
    expect(error.code).toBe('missing_permission');
    expect(error.message).toMatch(/\((read|write)\)/);
    expect(error.message).toMatch(/Settings → API Keys/);
  });

  it('asks to reconnect for an expired key', async () => {
    const error = await caught(run(op, DEMO_KEYS.expired));
    expect(error.name).toBe('ExpiredAuthError');
  });

  it('asks to reconnect for an unknown key (any 401 during a run)', async () => {
    const error = await caught(run(op, 'reevo_not_a_key_at_all'));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/no longer accepts the API key/);
  });

  it('sends the user to their account manager when the quota is spent', async () => {
    sb().setQuota(0);
    const error = await caught(run(op, DEMO_KEYS.full));
    expect(error.code).toBe('quota_exhausted');
    expect(error.message).toMatch(/account manager/);
  });

  it.each([500, 502, 503] as const)('reports a %i briefly, without the page', async (status) => {
    sb().injectFaults([{ kind: 'status', status }]);
    const error = await caught(run(op, DEMO_KEYS.full));
    expect(error.code).toBe('server_error');
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).not.toMatch(/<\/?[a-z]+>/i);
  });

  it('lets Zapier retry later when Reevo throttles', async () => {
    sb().injectFaults([{ kind: 'rate-limit', retryAfter: 7 }]);
    const error = await caught(run(op, DEMO_KEYS.full));
    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBe(7);
  });
});

it('connects a key made only for Tasks, and refuses an expired one', async () => {
  await expect(appTester(testConnection, { authData: { api_key: DEMO_KEYS.tasksOnly } })).resolves.toMatchObject({
    connected: true,
  });
  expect((await caught(appTester(testConnection, { authData: { api_key: DEMO_KEYS.expired } }))).name).toBe(
    'ExpiredAuthError',
  );
});
