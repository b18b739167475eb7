/**
 * Sandbox throughput over loopback with autocannon: a simple search and an upsert that creates a
 * new contact each time. The sandbox runs in this process, on one core, sharing it with the load
 * generator, so the numbers are a floor.
 */
import autocannon from 'autocannon';
import { DEMO_KEYS, startSandbox } from '../sandbox';

interface ThroughputResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const SEARCH_TARGET_RPS = 2000;

async function load(options: autocannon.Options): Promise<number> {
  const result = await autocannon(options);
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(
      `${options.title}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses`,
    );
  }
  return Math.round(result.requests.average);
}

export async function benchSandboxThroughput(durationSeconds = 5): Promise<ThroughputResult[]> {
  // A small request log: the run must not grow memory with the number of requests.
  const sandbox = await startSandbox({ requestLogLimit: 1000 });
  const common = {
    connections: 10,
    duration: durationSeconds,
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_KEYS.full },
  };
  try {
    const search = await load({
      ...common,
      title: 'accounts search',
      url: `${sandbox.url}/api/v1/public/accounts/search`,
      method: 'POST',
      body: JSON.stringify({ domain_name: 'northwind' }),
    });
    let sequence = 0;
    const upsert = await load({
      ...common,
      title: 'upsert',
      url: `${sandbox.url}/api/v1/public/account_contact?payload_type=json`,
      method: 'POST',
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              email: `bench.${(sequence += 1)}@bench-co.example`,
              first_name: 'Bench',
              company: 'Bench Co',
              account_website: 'https://bench-co.example',
            }),
          }),
        },
      ],
    });
    return [
      { name: 'sandbox: POST /accounts/search', value: search, unit: 'req/s', target: `>= ${SEARCH_TARGET_RPS} req/s` },
      { name: 'sandbox: POST /account_contact (new contact each)', value: upsert, unit: 'req/s' },
    ];
  } finally {
    await sandbox.stop();
  }
}

if (require.main === module) {
  benchSandboxThroughput()
    .then((rows) => console.table(rows))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
