/** `reevo-clay send` against the Reevo sandbox over real HTTP, and its exact requests (nock). */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { DEMO_KEYS, type RunningSandbox, startSandbox } from '../../sandbox';
import { sampleAccount, sampleContact } from '../../src/samples';
import { cli, example, readCsv, tempDir, writeTable } from './helpers';

let sb: RunningSandbox;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.stop();
});
beforeEach(() => {
  sb.clearFaults();
  sb.clearLogs();
  sb.setQuota(null);
  sb.setRateLimit(null);
});

/** A clock that only moves when the sender waits, so waits are exact and tests do not sleep. */
function fakeTime() {
  let clock = 1_700_000_000_000;
  const waits: number[] = [];
  return {
    waits,
    now: () => clock,
    sleep: async (ms: number) => {
      waits.push(ms);
      clock += ms;
    },
  };
}

async function send(args: string[], options: { key?: string; tty?: boolean; time?: ReturnType<typeof fakeTime> } = {}) {
  const time = options.time ?? fakeTime();
  return cli(['send', ...args, '--base-url', sb.url], {
    env: { REEVO_API_KEY: options.key ?? DEMO_KEYS.full },
    sleep: time.sleep,
    now: time.now,
    backoffMs: 10,
    tty: options.tty,
  });
}

/** A copy of an example in a fresh folder, so the failed-rows file lands next to it. */
function copyOf(name: string): string {
  const path = join(tempDir(), `${name}.csv`);
  copyFileSync(example(name), path);
  return path;
}

const requestsTo = (path: string) => sb.requests.filter((r) => r.path === path);

test('the awkward contacts: clean rows are upserted, the rest go to the failed-rows CSV with their problem', async () => {
  const table = copyOf('contacts');
  const { code, stdout, stderr } = await send(['upsert_account_contact', table]);
  expect(code).toBe(1);
  expect(stdout).toContain(`Sent upsert_account_contact for 8 rows of ${table} to ${sb.url}:`);
  expect(stdout).toContain('2 ok, 6 failed');
  expect(stdout).toContain('6 not sent because check found a problem');
  expect(stderr).toBe(''); // no TTY, no progress bar
  expect(requestsTo('/api/v1/public/account_contact').map((r) => r.status < 300)).toEqual([true, true]);

  const failedPath = join(table, '..', 'contacts.failed.csv');
  expect(stdout).toContain(failedPath);
  const failed = readCsv(failedPath);
  expect(failed.map((r) => r.Row)).toEqual(['2', '3', '4', '6', '7', '8']);
  expect(Object.keys(failed[0])).toEqual(['Row', 'Reevo Error', 'HTTP Status', 'Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website']);
  expect(failed[0]['Reevo Error']).toBe('not sent: Phone: "(415) 555-0134" is not an E.164 phone number such as +14155550123 (write it as "+14155550134"; a formula column can do that, see clay/README.md)');
  // The table's own cells come back unchanged, so the file can be fixed and sent again.
  expect(failed[2]['Job Title']).toBe('Engineering Manager\nRobotics & Automation');
  expect(failed[1].Email).toBe(' Siobhan.OBrien@Harbourline.example ');
});

test('fixing the failed rows and sending that file again sends them, and reads none of the extra columns', async () => {
  const dir = tempDir();
  const table = writeTable(dir, 'people.csv', [
    ['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'],
    ['zoe.nunez@brightwater-analytics.example', 'Zoë', 'Núñez', 'Head of "Revenue" Ops', '(415) 555-0134', 'Brightwater Analytics, Inc.', 'https://brightwater-analytics.example'],
  ]);
  expect((await send(['upsert_account_contact', table])).code).toBe(1);
  const failedPath = join(dir, 'people.failed.csv');
  const [row] = readCsv(failedPath);
  writeTable(dir, 'people.failed.csv', [Object.keys(row), Object.values({ ...row, Phone: '+14155550134' })]);
  const again = await send(['upsert_account_contact', failedPath, '--failed', join(dir, 'again.failed.csv')]);
  expect(again.stdout).toContain('1 ok, 0 failed');
  expect(again.code).toBe(0);
  expect(existsSync(join(dir, 'again.failed.csv'))).toBe(false);
});

test('creates skip rows whose result column is filled; --out writes the new IDs so a second send creates nothing', async () => {
  const dir = tempDir();
  const table = join(dir, 'tasks.csv');
  copyFileSync(example('tasks'), table);
  const out = join(dir, 'tasks.out.csv');
  const first = await send(['create_task', table, '--out', out]);
  expect(first.code).toBe(1);
  expect(first.stdout).toContain('1 ok, 4 failed, 1 already done (skipped by Only run if)');
  expect(first.stdout).toContain('3 not sent because check found a problem, 1 not run by Only run if');
  expect(requestsTo('/api/v1/public/tasks')).toHaveLength(1);

  const written = readCsv(out);
  expect(written).toHaveLength(6);
  expect(written[0]['Reevo Task ID']).toMatch(/^[0-9a-f-]{36}$/);
  expect(written[3]['Reevo Task ID']).toBe('5b0f8c13-2e7a-4c69-a4d1-9e3b6f2a8c07');
  expect(written[1]['Reevo Task ID']).toBe('');
  expect(written[0].Note).toBe('Ask about:\n- volume tiers\n- the "pilot" timeline');

  sb.clearLogs();
  const second = await send(['create_task', out, '--failed', join(dir, 'second.failed.csv')]);
  expect(second.stdout).toContain('0 ok, 4 failed, 2 already done');
  expect(requestsTo('/api/v1/public/tasks')).toHaveLength(0);
});

test('lookups: the retrieval by phone sends the + URL-encoded and returns the IDs', async () => {
  const dir = tempDir();
  const out = join(dir, 'found.csv');
  const { stdout } = await send(['find_contact_and_account_by_phone', copyOf('lookups'), '--out', out]);
  expect(stdout).toContain('2 ok, 3 failed');
  const found = readCsv(out);
  expect(found[0]).toMatchObject({ Phone: '+12025550143', 'Found Contact ID': sampleContact.id, 'Found Account ID': sampleAccount.id });
  expect(found[2]).toMatchObject({ Phone: '+14155550100', 'Found Contact ID': '', 'Found Account ID': '' });
  expect(sb.requests.map((r) => r.query.contact_phone_number)).toEqual(['+12025550143', '+14155550100']);
});

test('a 429 waits for its Retry-After and a 502 is retried, for a recipe that is safe to repeat', async () => {
  const time = fakeTime();
  sb.injectFaults([{ kind: 'rate-limit', retryAfter: 7 }, { kind: 'status', status: 502 }]);
  const table = writeTable(tempDir(), 'one.csv', [['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'], ['lena.fischer@alpenglow-outdoor.example', 'Lena', 'Fischer', 'Buyer', '+4989123456', 'Alpenglow Outdoor GmbH', 'https://alpenglow-outdoor.example']]);
  const { code, stdout } = await send(['upsert_account_contact', table], { time });
  expect(code).toBe(0);
  expect(stdout).toContain('1 ok, 0 failed; 2 retries');
  expect(requestsTo('/api/v1/public/account_contact').map((r) => r.status)).toEqual([429, 502, 200]);
  expect(time.waits).toContain(7000);
});

test('a create is retried after a 503 but not after a 500 or a dropped connection, which may have created it', async () => {
  const dir = tempDir();
  const table = writeTable(dir, 'accounts.csv', [
    ['Company Name', 'Company Domain', 'Company Website'],
    ['Alpenglow Outdoor GmbH', 'alpenglow-outdoor.example', 'https://alpenglow-outdoor.example'],
    ['Sandline Logistics', 'sandline-logistics.example', 'https://sandline-logistics.example'],
    ['Lagoon Health', 'lagoon-health.example', 'https://lagoon-health.example'],
  ]);
  // The zero latency is the retry of row 2, answered normally.
  sb.injectFaults([{ kind: 'status', status: 500 }, { kind: 'status', status: 503 }, { kind: 'latency', ms: 0 }, { kind: 'drop', afterHandler: true }]);
  // One request at a time, so the faults meet the rows in order.
  const { code, stdout } = await send(['create_account', table, '--rate', '1/1']);
  expect(code).toBe(1);
  expect(stdout).toContain('1 ok, 2 failed; 1 retry');
  const failed = readCsv(join(dir, 'accounts.failed.csv'));
  expect(failed.map((r) => [r.Row, r['HTTP Status']])).toEqual([
    ['1', '500'],
    ['3', ''],
  ]);
  expect(failed[0]['Reevo Error']).toContain('It may or may not have been carried out: check Reevo before you re-send this row');
  expect(failed[1]['Reevo Error']).toContain('Could not reach Reevo (the connection was dropped before Reevo answered). The request may or may not have been carried out');
  expect(requestsTo('/api/v1/public/accounts').map((r) => r.status)).toEqual([500, 503, 201, 0]);
});

test('a create whose answer arrives cut short is not repeated: it was probably carried out', async () => {
  const dir = tempDir();
  const table = writeTable(dir, 'tasks.csv', [
    ['Task Title', 'Task Owner Email', 'Due Date', 'Task Priority', 'Task Type', 'Note', 'Email'],
    ['Call Jordan', 'morgan.ellery@acme-outbound.example', '2026-11-27T16:00:00Z', 'HIGH', 'VOICE_CALL', 'x', 'jordan.blake@northwind-traders.com'],
  ]);
  sb.injectFaults([{ kind: 'malformed-json' }]);
  const { code } = await send(['create_task', table]);
  expect(code).toBe(1);
  const [row] = readCsv(join(dir, 'tasks.failed.csv'));
  expect(row['Reevo Error']).toMatch(/^Reevo answered HTTP 201 but its response could not be read, so it was probably carried out/);
  expect(requestsTo('/api/v1/public/tasks')).toHaveLength(1);
});

test('list and help', async () => {
  const list = await cli(['list']);
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(/^create_task +POST +Create Task {2}\(not safe to re-run\)$/m);
  expect(list.stdout.trim().split('\n')).toHaveLength(14);
  const help = await cli(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('reevo-clay check  RECIPE TABLE.csv');
  expect((await cli([])).code).toBe(2);
  expect((await cli(['sned', 'create_task', 'x.csv'])).stderr).toContain('Unknown command "sned"');
});

test('an expired key stops the run: nothing more is sent, every row is in the failed file, the key is never shown', async () => {
  const dir = tempDir();
  const table = join(dir, 'lookups.csv');
  copyFileSync(example('lookups'), table);
  const { code, stdout, stderr } = await send(['find_contacts_by_email', table, '--rate', '1/1'], { key: DEMO_KEYS.expired });
  expect(code).toBe(1);
  expect(stdout).toContain('Stopped early: the API key has expired (HTTP 401)');
  expect(sb.requests).toHaveLength(1);
  const failedText = readFileSync(join(dir, 'lookups.failed.csv'), 'utf8');
  const failed = readCsv(join(dir, 'lookups.failed.csv'));
  expect(failed.map((r) => r.Row)).toEqual(['1', '2', '3', '4', '5']);
  expect(failed[0]['Reevo Error']).toMatch(/^Stopped: the API key has expired/);
  expect(failed[1]['Reevo Error']).toMatch(/^not sent: the API key has expired/);
  for (const text of [stdout, stderr, failedText]) expect(text).not.toContain(DEMO_KEYS.expired);
});

test('a key without the permission stops with what the recipe needs', async () => {
  const table = writeTable(tempDir(), 'one.csv', [['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'], ['lena.fischer@alpenglow-outdoor.example', 'Lena', 'Fischer', 'Buyer', '+4989123456', 'Alpenglow', 'https://alpenglow-outdoor.example']]);
  const { code, stdout } = await send(['upsert_account_contact', table], { key: DEMO_KEYS.tasksOnly });
  expect(code).toBe(1);
  expect(stdout).toMatch(/Stopped early: the API key may not do this \(HTTP 403: .+\); Create or Update Contact and Account needs Accounts \(write\) and Contacts \(write\)/);
});

test('a spent quota stops the run after the row that hit it', async () => {
  sb.setQuota(1);
  const { stdout } = await send(['find_contact_and_account_by_email', copyOf('lookups'), '--rate', '1/1']);
  expect(stdout).toContain('1 ok, 4 failed');
  expect(stdout).toContain("Stopped early: Reevo's API quota for your organization is used up");
  expect(sb.requests.map((r) => r.status)).toEqual([200, 429]);
});

test("Reevo's 422 names the table's column", async () => {
  const dir = tempDir();
  const table = writeTable(dir, 'tasks.csv', [
    ['Task Title', 'Task Owner Email', 'Due Date', 'Task Priority', 'Task Type', 'Note', 'Email'],
    ['Call Jordan', 'nobody@acme-outbound.example', '2026-11-27T16:00:00Z', 'HIGH', 'VOICE_CALL', 'x', 'jordan.blake@northwind-traders.com'],
  ]);
  const { code } = await send(['create_task', table]);
  expect(code).toBe(1);
  const [row] = readCsv(join(dir, 'tasks.failed.csv'));
  expect(row['HTTP Status']).toBe('422');
  expect(row['Reevo Error']).toBe(
    `Reevo rejected the row (HTTP 422: column "Task Owner Email" (body.owner_email): No Reevo user with email 'nobody@acme-outbound.example' in this workspace).`,
  );
});

test('the rate limit spaces the requests: 2 per minute for 5 rows waits two windows', async () => {
  const time = fakeTime();
  const { stdout } = await send(['find_contacts_by_email', copyOf('lookups'), '--rate', '2/60000'], { time });
  expect(stdout).toContain('4 ok, 1 failed');
  expect(time.waits.reduce((a, b) => a + b, 0)).toBe(60000);
});

test('a progress bar is drawn on a terminal', async () => {
  const { stderr } = await send(['find_contacts_by_email', copyOf('lookups')], { tty: true });
  expect(stderr).toContain('Sending');
  expect(stderr).toContain('5/5 rows | 4 ok | 1 failed');
});

test('without REEVO_API_KEY, or with a plain-http remote base URL, nothing is sent', async () => {
  const noKey = await cli(['send', 'create_task', example('tasks'), '--base-url', sb.url], { env: {} });
  expect(noKey.code).toBe(2);
  expect(noKey.stderr).toContain('Set the environment variable REEVO_API_KEY');
  const plain = await cli(['send', 'create_task', example('tasks'), '--base-url', 'http://api.reevo.ai'], { env: { REEVO_API_KEY: 'k' } });
  expect(plain.code).toBe(2);
  expect(plain.stderr).toContain('--base-url must be https://');
  expect(sb.requests).toHaveLength(0);
});

describe('the exact request (nock)', () => {
  const table = () =>
    writeTable(tempDir(), 'one.csv', [
      ['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'],
      ['marie-claire.dubois@cafe-lumiere.example', 'Marie-Claire', 'Dubois', '', '', 'Café "Lumière" SARL', ''],
    ]);

  test('headers carry the key; empty optional cells are left out', async () => {
    const scope = nock('https://api.reevo.test', { reqheaders: { 'x-api-key': 'reevo_test_key', 'content-type': 'application/json', accept: 'application/json' } })
      .post('/api/v1/public/account_contact', { email: 'marie-claire.dubois@cafe-lumiere.example', first_name: 'Marie-Claire', last_name: 'Dubois', company: 'Café "Lumière" SARL' })
      .query({ payload_type: 'json' })
      .reply(201, { contact_id: sampleContact.id, account_id: sampleAccount.id, action: 'created' });
    const { code } = await cli(['send', 'upsert_account_contact', table(), '--base-url', 'https://api.reevo.test'], { env: { REEVO_API_KEY: 'reevo_test_key' } });
    expect(code).toBe(0);
    expect(scope.isDone()).toBe(true);
  });

  test('--keep-empty sends exactly the text render prints', async () => {
    let sent = '';
    const scope = nock('https://api.reevo.test')
      .post('/api/v1/public/account_contact', (body) => {
        sent = JSON.stringify(body);
        return true;
      })
      .query(true)
      .reply(200, { contact_id: sampleContact.id, account_id: sampleAccount.id, action: 'updated' });
    const path = table();
    await cli(['send', 'upsert_account_contact', path, '--base-url', 'https://api.reevo.test', '--keep-empty'], { env: { REEVO_API_KEY: 'k' } });
    const rendered = await cli(['render', 'upsert_account_contact', path]);
    const body = rendered.stdout.slice(rendered.stdout.indexOf('{'), rendered.stdout.lastIndexOf('}') + 1);
    expect(sent).toBe(JSON.stringify(JSON.parse(body)));
    expect(JSON.parse(sent)).toMatchObject({ title: '', phone_number: '', account_website: '' });
    expect(scope.isDone()).toBe(true);
  });
});
