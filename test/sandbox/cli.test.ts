/** The CLI's flags (the server it starts is covered by the other sandbox tests). */
import { parseCli } from '../../sandbox/cli';
import { describeGrants, DEMO_KEY_SPECS } from '../../sandbox';

test('defaults: port 4010 on loopback, in memory, no quota, no faults', () => {
  expect(parseCli([])).toEqual({ port: 4010, host: '127.0.0.1', dataFile: undefined, quota: undefined, randomFaults: undefined });
});

test('every flag', () => {
  const options = parseCli(['--port', '0', '--host', '::1', '--data', 'state.json', '--quota', '500', '--latency', '20', '--error-rate', '0.05', '--seed', '7']);
  expect(options).toEqual({
    port: 0,
    host: '::1',
    dataFile: 'state.json',
    quota: 500,
    randomFaults: { seed: 7, errorRate: 0.05, latencyMs: 20 },
  });
  expect(parseCli(['--help'])).toBe('help');
});

test.each([['--port', 'x'], ['--port', '70000'], ['--quota', '-1'], ['--error-rate', '2'], ['--latency', '1.5'], ['--bogus']])('refuses %s %s', (...args) => {
  expect(() => parseCli(args.filter(Boolean))).toThrow();
});

test('key descriptions follow the contract: Activities is write-only, Users and Mailbox read-only', () => {
  expect(describeGrants(DEMO_KEY_SPECS.full.grants)).toContain('Activities W,');
  expect(describeGrants(DEMO_KEY_SPECS.full.grants)).toContain('Users R,');
  expect(describeGrants(DEMO_KEY_SPECS.tasksOnly.grants)).toBe('Tasks R/W');
});
