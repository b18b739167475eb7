import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sampleUser } from '../src/samples';
import { DEMO_KEYS, startSandbox } from '../sandbox';
import { DEMO_WORKFLOW, WORKFLOW_HOOK_PATH } from '../sandbox/workflows';
import { runFlow } from './flow';
import { startReceiver } from './receiver';
import { bold, dim, printStep, printSummary } from './report';

const HELP = `npm start [-- options]

Walks a whole Zap flow through zapier-platform-core, as Zapier runs it, against the built-in
Reevo sandbox: connection test, a first poll of the polling triggers, instant-trigger
subscriptions, contact upserts from a Clay table,
find-or-create account and opportunity, a stage move to Closed Won, a task, an activity, the v2
actions (account by domain, a note, finding, updating and completing the task, a contact update
that clears a field, starting a workflow), the polling triggers seeing each change once (and an
update as a new record), the webhook deliveries coming out of the instant triggers, and
unsubscribing. Exits non-zero if a step fails.

Options:
  --table FILE      Clay table (CSV) of contacts to upsert   [clay/examples/contacts.csv]
  --base-url URL    run against another Reevo (e.g. a sandbox you started with npm run sandbox);
                    the key is read from REEVO_API_KEY and never printed. Webhook deliveries go
                    to a receiver on this machine, so the instant triggers fire only where that
                    Reevo can reach it (a local sandbox can). API calls are counted only in the
                    built-in sandbox.
  --owner-email E   a Reevo user of that workspace to own the records [${sampleUser.email}]
  --workflow-url U  with --base-url: a workflow's Webhook Received URL to start (its key, if
                    any, in REEVO_WORKFLOW_KEY); the built-in sandbox has a demo workflow
  --no-webhooks     Reevo as published: the built-in sandbox without a webhook API, and no
                    instant-trigger steps (the polling triggers work the same)
  -h, --help        this text
`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      table: { type: 'string', default: 'clay/examples/contacts.csv' },
      'base-url': { type: 'string' },
      'owner-email': { type: 'string', default: String(sampleUser.email) },
      'workflow-url': { type: 'string' },
      'no-webhooks': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }

  const external = values['base-url'];
  if (external && !process.env.REEVO_API_KEY) {
    console.error('--base-url needs the key in the REEVO_API_KEY environment variable.');
    return 2;
  }
  const webhooks = !values['no-webhooks'];
  const sandbox = external ? undefined : await startSandbox(webhooks ? {} : { webhooks: false });
  const receiver = await startReceiver();
  process.env.REEVO_API_BASE_URL = external ?? sandbox!.url;

  console.log(bold('Reevo connector kit: a Zap flow end to end'));
  console.log(
    dim(external ? `Reevo API: ${external}` : `Reevo sandbox: ${sandbox!.url} (demo key with every permission)`),
  );
  console.log(dim(`Webhook receiver standing in for Zapier: ${receiver.url}\n`));

  try {
    const results = await runFlow({
      apiKey: process.env.REEVO_API_KEY ?? DEMO_KEYS.full,
      tablePath: resolve(values.table!),
      ownerEmail: values['owner-email']!,
      hookBaseUrl: receiver.url,
      received: receiver.received,
      apiCallCount: () => sandbox?.requests.length,
      deliveriesSettled: async () => {
        if (sandbox) await sandbox.idle();
        else await new Promise((r) => setTimeout(r, 5000));
      },
      onStep: printStep,
      instantTriggers: webhooks,
      workflow: sandbox
        ? { url: `${sandbox.url}${WORKFLOW_HOOK_PATH}/${DEMO_WORKFLOW.id}`, key: DEMO_WORKFLOW.key }
        : values['workflow-url']
          ? { url: values['workflow-url'], key: process.env.REEVO_WORKFLOW_KEY }
          : undefined,
    });
    printSummary(results);
    return results.every((r) => r.ok) ? 0 : 1;
  } finally {
    await receiver.stop();
    await sandbox?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
