/** `npm run sandbox` / `reevo-sandbox`: runs the sandbox in the foreground until Ctrl-C. */
import { parseArgs } from 'node:util';
import {
  DEMO_KEY_SPECS,
  DEMO_KEYS,
  type DemoKeyName,
  describeGrants,
  PRIMARY_ORG,
  type SandboxOptions,
  startSandbox,
} from './index';
import { SEEDED } from './seed';
import { isLoopbackHost } from './webhooks';

const HELP = `Usage: reevo-sandbox [options]

A local emulator of the Reevo API (docs/reevo-api.md), for the Zapier app and Clay recipes.

Options:
  --port N          port to listen on (default 4010; 0 picks a free one)
  --host HOST       interface to listen on (default 127.0.0.1, loopback only)
  --data FILE       load state from FILE and save it after every write (default: in memory)
  --quota N         requests each organization may make before 429 "quota exhausted"
  --latency MS      delay every response by MS milliseconds
  --error-rate R    answer a fraction R (0..1) of requests with a random failure
                    (500, 502, 503, 429, dropped or cut-off connection, malformed JSON)
  --seed N          seed of the random failures (default 1), for repeatable runs
  --no-webhooks     Reevo as published: no webhook API (/api/v1/public/webhooks*
                    answers 404 like any unknown path)
  --allow-external-webhook-targets
                    deliver webhooks to any host, not only to loopback targets
  --help            show this help
`;

class UsageError extends Error {}

function number(name: string, value: string | undefined, check: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || !check(parsed))
    throw new UsageError(`--${name}: invalid value '${value}'`);
  return parsed;
}

export function parseCli(argv: string[]): (SandboxOptions & { port: number; host: string }) | 'help' {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      quota: { type: 'string' },
      latency: { type: 'string' },
      'error-rate': { type: 'string' },
      seed: { type: 'string' },
      'no-webhooks': { type: 'boolean' },
      'allow-external-webhook-targets': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  const isInt = (n: number) => Number.isInteger(n) && n >= 0;
  const latencyMs = number('latency', values.latency, isInt) ?? 0;
  const errorRate = number('error-rate', values['error-rate'], (n) => n >= 0 && n <= 1) ?? 0;
  const seed = number('seed', values.seed, isInt) ?? 1;
  const quota = number('quota', values.quota, isInt);
  if (values['no-webhooks'] && values['allow-external-webhook-targets']) {
    throw new UsageError('--allow-external-webhook-targets has no effect with --no-webhooks');
  }
  return {
    port: number('port', values.port, (n) => isInt(n) && n <= 65535) ?? 4010,
    host: values.host ?? '127.0.0.1',
    dataFile: values.data,
    quota,
    randomFaults: latencyMs > 0 || errorRate > 0 ? { seed, errorRate, latencyMs } : undefined,
    webhooks: values['no-webhooks']
      ? false
      : { allowNonLoopbackTargets: values['allow-external-webhook-targets'] ?? false },
  };
}

function webhookLine(webhooks: SandboxOptions['webhooks']): string {
  if (webhooks === false) return 'Webhooks: none (Reevo as published: the webhook API answers 404).';
  return webhooks?.allowNonLoopbackTargets
    ? 'Webhooks: delivered to any target (--allow-external-webhook-targets).'
    : 'Webhooks: delivered to loopback targets only.';
}

function banner(url: string, options: SandboxOptions): string {
  const names = Object.keys(DEMO_KEYS) as DemoKeyName[];
  const width = Math.max(...names.map((n) => DEMO_KEYS[n].length));
  const keys = names.map((name) => {
    const spec = DEMO_KEY_SPECS[name];
    const org = spec.org === PRIMARY_ORG ? '' : ` [organization ${spec.org}]`;
    return `  ${DEMO_KEYS[name].padEnd(width)}  ${spec.description}${org}\n  ${' '.repeat(width)}  ${spec.expired ? 'expired' : describeGrants(spec.grants)}`;
  });
  const faults = options.randomFaults
    ? `latency ${options.randomFaults.latencyMs} ms, error rate ${options.randomFaults.errorRate} (seed ${options.randomFaults.seed})`
    : 'none';
  return [
    `Reevo sandbox listening on ${url}`,
    '',
    'Point the app at it:',
    `  export REEVO_API_BASE_URL=${url}`,
    '',
    'Demo keys (send as x-api-key; v2 also takes Authorization: Bearer):',
    ...keys,
    '',
    'Seeded records to try:',
    `  account      ${SEEDED.account.id}  ${SEEDED.account.name} (${SEEDED.account.domain})`,
    `  contact      ${SEEDED.contact.id}  ${SEEDED.contact.email}`,
    `  opportunity  ${SEEDED.opportunity.id}  ${SEEDED.opportunity.name}`,
    `  note         ${SEEDED.note.id}  (v2 only)`,
    `  sequence     ${SEEDED.sequence.id}  ${SEEDED.sequence.name} (for sequence enrollments)`,
    '',
    `Data:   ${options.dataFile ? `${options.dataFile} (saved after every write)` : 'in memory (lost on exit; use --data FILE to keep it)'}`,
    `Quota:  ${options.quota === undefined ? 'unlimited' : `${String(options.quota)} requests per organization`}`,
    `Faults: ${faults}`,
    webhookLine(options.webhooks),
    '',
    'Press Ctrl-C to stop.',
  ].join('\n');
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (!isLoopbackHost(options.host)) {
    process.stderr.write(
      `Warning: listening on ${options.host}, reachable beyond this machine. The demo keys are public.\n`,
    );
  }
  const sandbox = await startSandbox(options);
  process.stdout.write(`${banner(sandbox.url, options)}\n`);
  const stop = () => {
    process.stdout.write('\nStopping the sandbox…\n');
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Entry point of `node dist/sandbox/cli.js` and bin/reevo-sandbox.js. */
export function run(argv = process.argv.slice(2)): void {
  main(argv).catch((error: unknown) => {
    process.stderr.write(`reevo-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

if (require.main === module) run();
