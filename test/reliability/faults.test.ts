/**
 * Fault injection with the sandbox: every create and search, and every trigger's subscribe and
 * sample list, meets slow answers, server errors, HTML and cut-short bodies, dropped connections,
 * rate limiting with and without Retry-After, a spent quota and an expired key. Each must end in
 * the right Zapier error class with a clear message — and never in a success that did not happen.
 */
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import { allOperations, callsReevoApi, type Operation, type PerformFunction } from '../helpers/operations';
import { DEMO_KEYS, startSandbox, type Fault, type RunningSandbox } from '../../sandbox';
import { runPerform, workingInput, type Outcome } from './harness';

let sandbox: RunningSandbox;

interface Step {
  name: string;
  perform: PerformFunction;
  bundle: (apiKey: string) => Partial<Bundle>;
  /** Succeeds only with Zapier's RPC (z.cursor), so its success is not checked here. */
  needsRpc?: boolean;
}

const steps: Step[] = [];

const TARGET_URL = 'https://hooks.zapier.com/hooks/standard/000000/faults/';

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  sandbox = await startSandbox();
  process.env.REEVO_API_BASE_URL = sandbox.url;
  // Short enough for a test to wait for; long enough for every normal answer (latency test: 150 ms).
  process.env.REEVO_REQUEST_TIMEOUT_MS = '3000';
  for (const op of allOperations().filter(callsReevoApi)) {
    if (op.kind === 'trigger') {
      if (op.isHook && op.performSubscribe) {
        steps.push({
          name: `${op.key} performSubscribe`,
          perform: op.performSubscribe,
          bundle: (api_key) => ({ authData: { api_key }, inputData: {}, targetUrl: TARGET_URL }),
        });
      }
      if (op.isHook && op.performList) {
        steps.push({
          name: `${op.key} performList`,
          perform: op.performList,
          bundle: (api_key) => ({ authData: { api_key }, inputData: {} }),
        });
      } else if (op.perform) {
        // A dropdown page keeps its cursor with z.cursor, which needs Zapier's RPC (absent under appTester):
        // it is checked under faults, where the request fails before any cursor is stored, not for success.
        steps.push({
          name: `${op.key} perform`,
          perform: op.perform,
          bundle: (api_key) =>
            ({ authData: { api_key }, inputData: {}, meta: { page: 0 } }) as unknown as Partial<Bundle>,
          needsRpc: true,
        });
      }
      continue;
    }
    const input = await workingInput(op as Operation, DEMO_KEYS.full);
    if (!input) throw new Error(`${op.key}: no sample-based input runs against the sandbox`);
    steps.push({
      name: `${op.kind} ${op.key}`,
      perform: op.perform!,
      bundle: (api_key) => ({ authData: { api_key }, inputData: input }),
    });
  }
}, 60_000);

afterAll(async () => {
  delete process.env.REEVO_API_BASE_URL;
  delete process.env.REEVO_REQUEST_TIMEOUT_MS;
  await sandbox?.stop();
});

afterEach(() => {
  sandbox.clearFaults();
  sandbox.setQuota(null);
});

/** A message fit for the Zap history: says Reevo, no markup, no stack, not a wall of text. */
function expectClearMessage(message: string) {
  expect(message).toMatch(/Reevo/);
  expect(message).not.toMatch(/<\/?(html|body|head|h1|center)\b/i);
  expect(message).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
  expect(message.length).toBeLessThan(700);
}

async function withFault(step: Step, fault: Fault, apiKey: string = DEMO_KEYS.full): Promise<Outcome> {
  sandbox.injectFaults([fault]);
  const outcome = await runPerform(step.perform, step.bundle(apiKey));
  // The fault was used by this step's (first) request, not left for the next test.
  sandbox.clearFaults();
  return outcome;
}

const errorOf = (outcome: Outcome) => {
  if (outcome.ok)
    throw new Error(`reported success although the request failed: ${JSON.stringify(outcome.result).slice(0, 200)}`);
  return outcome.error!;
};

test('every operation is covered', () => {
  expect(steps.length).toBeGreaterThanOrEqual(allOperations().length);
});

describe('each step', () => {
  test.each([500, 502, 503] as const)('HTTP %i → AppError naming a Reevo server problem, no HTML', async (status) => {
    for (const step of steps) {
      const error = errorOf(await withFault(step, { kind: 'status', status }));
      expect({ step: step.name, name: error.name }).toEqual({ step: step.name, name: 'AppError' });
      expect(error.message).toContain(`HTTP ${status}`);
      expectClearMessage(error.message);
    }
  });

  test('a 200 whose JSON is cut short → AppError: may or may not have happened', async () => {
    for (const step of steps) {
      const error = errorOf(await withFault(step, { kind: 'malformed-json' }));
      expect({ step: step.name, name: error.name }).toEqual({ step: step.name, name: 'AppError' });
      expect(error.message).toMatch(/could not be read|not complete JSON/);
      expectClearMessage(error.message);
    }
  });

  test('a body cut off mid-transfer → AppError: timed out, may or may not have happened', async () => {
    // node-fetch 2 never notices the cut, so the app's request timeout ends the wait: all steps at once.
    sandbox.injectFaults(steps.map(() => ({ kind: 'truncated' }) as const));
    const outcomes = await Promise.all(steps.map((step) => runPerform(step.perform, step.bundle(DEMO_KEYS.full))));
    outcomes.forEach((outcome, i) => {
      const error = errorOf(outcome);
      expect({ step: steps[i].name, name: error.name }).toEqual({ step: steps[i].name, name: 'AppError' });
      expect(error.message).toMatch(/timed out/);
      expect(error.message).toMatch(/may or may not have happened/);
      expectClearMessage(error.message);
    });
  });

  test.each([false, true])(
    'a dropped connection (after the write: %s) → AppError that says to check Reevo',
    async (afterHandler) => {
      for (const step of steps) {
        const error = errorOf(
          await withFault(step, afterHandler ? { kind: 'drop', afterHandler: true } : { kind: 'drop' }),
        );
        expect({ step: step.name, name: error.name }).toEqual({ step: step.name, name: 'AppError' });
        expect(error.message).toMatch(/Could not reach Reevo|dropped/);
        expectClearMessage(error.message);
      }
    },
  );

  test('429 with Retry-After → ThrottledError retrying after that many seconds', async () => {
    for (const step of steps) {
      const error = errorOf(await withFault(step, { kind: 'rate-limit', retryAfter: 7 }));
      expect({ step: step.name, name: error.name, delay: error.delay }).toEqual({
        step: step.name,
        name: 'ThrottledError',
        delay: 7,
      });
      expectClearMessage(error.message);
    }
  });

  test('429 without Retry-After → ThrottledError with a default delay', async () => {
    for (const step of steps) {
      const error = errorOf(await withFault(step, { kind: 'rate-limit', retryAfter: null }));
      expect({ step: step.name, name: error.name }).toEqual({ step: step.name, name: 'ThrottledError' });
      expect(error.delay).toBeGreaterThan(0);
      expectClearMessage(error.message);
    }
  });

  test('the organization quota is spent → AppError telling to contact the account manager (not a retry)', async () => {
    sandbox.setQuota(0);
    for (const step of steps) {
      const error = errorOf(await runPerform(step.perform, step.bundle(DEMO_KEYS.full)));
      expect({ step: step.name, name: error.name }).toEqual({ step: step.name, name: 'AppError' });
      expect(error.message).toMatch(/quota/i);
      expect(error.message).toMatch(/account manager/i);
      expectClearMessage(error.message);
    }
  });

  test('an expired key → ExpiredAuthError (reconnect), for every step', async () => {
    for (const step of steps) {
      const error = errorOf(await runPerform(step.perform, step.bundle(DEMO_KEYS.expired)));
      expect({ step: step.name, name: error.name }).toEqual({ step: step.name, name: 'ExpiredAuthError' });
      expect(error.message).toMatch(/expired/i);
      expect(error.message).toMatch(/reconnect/i);
    }
  });

  test('latency alone is not a failure: the step succeeds with the normal result', async () => {
    for (const step of steps.filter((s) => !s.needsRpc)) {
      const outcome = await withFault(step, { kind: 'latency', ms: 150 });
      expect({ step: step.name, ok: outcome.ok, error: outcome.error?.message }).toEqual({
        step: step.name,
        ok: true,
        error: undefined,
      });
    }
  }, 30_000);
});

test('a create hit by a dropped connection after Reevo wrote is not reported as done, and says so', async () => {
  const creates = steps.filter((step) => step.name.startsWith('create '));
  expect(creates.length).toBeGreaterThan(0);
  for (const step of creates) {
    sandbox.clearLogs();
    const error = errorOf(await withFault(step, { kind: 'drop', afterHandler: true }));
    expect(error.message).toMatch(/may or may not have happened|check there/i);
  }
});
