/** The CLI's flags (the server it starts is covered by the other sandbox tests). */
import { parseCli } from '../../sandbox/cli';
import { describeGrants, DEMO_KEY_SPECS } from '../../sandbox';

test('defaults: port 4010 on loopback, in memory, no quota, no faults, webhook API on with loopback deliveries', () => {
  expect(parseCli([])).toEqual({
    port: 4010,
    host: '127.0.0.1',
    dataFile: undefined,
    quota: undefined,
    randomFaults: undefined,
    webhooks: { allowNonLoopbackTargets: false },
  });
});

test('every flag', () => {
  const options = parseCli([
    '--port',
    '0',
    '--host',
    '::1',
    '--data',
    'state.json',
    '--quota',
    '500',
    '--latency',
    '20',
    '--error-rate',
    '0.05',
    '--seed',
    '7',
  ]);
  expect(options).toEqual({
    port: 0,
    host: '::1',
    dataFile: 'state.json',
    quota: 500,
    randomFaults: { seed: 7, errorRate: 0.05, latencyMs: 20 },
    webhooks: { allowNonLoopbackTargets: false },
  });
  expect(parseCli(['--help'])).toBe('help');
});

test('--no-webhooks is Reevo as published; --allow-external-webhook-targets lifts the loopback rule', () => {
  expect(parseCli(['--no-webhooks'])).toMatchObject({ webhooks: false });
  expect(parseCli(['--allow-external-webhook-targets'])).toMatchObject({ webhooks: { allowNonLoopbackTargets: true } });
  expect(() => parseCli(['--no-webhooks', '--allow-external-webhook-targets'])).toThrow(/no effect/);
});

test.each([
  ['--port', 'x'],
  ['--port', '70000'],
  ['--quota', '-1'],
  ['--error-rate', '2'],
  ['--latency', '1.5'],
  ['--bogus'],
])('refuses %s %s', (...args) => {
  expect(() => parseCli(args.filter(Boolean))).toThrow();
});

test('key descriptions follow the contract: Activities is write-only, Users and Mailbox read-only', () => {
  expect(describeGrants(DEMO_KEY_SPECS.full.grants)).toContain('Activities W,');
  expect(describeGrants(DEMO_KEY_SPECS.full.grants)).toContain('Users R,');
  expect(describeGrants(DEMO_KEY_SPECS.tasksOnly.grants)).toBe('Tasks R/W');
});
