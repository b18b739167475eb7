/** `reevo-clay send` against the Reevo sandbox over real HTTP, and its exact requests (nock). */
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { compileFormula } from '../../clay/formula';
import { recipeByName } from '../../clay/recipes';
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

interface SendRun {
  key?: string;
  tty?: boolean;
  time?: ReturnType<typeof fakeTime>;
  fetch?: typeof fetch;
}

async function send(args: string[], options: SendRun = {}) {
  const time = options.time ?? fakeTime();
  return cli(['send', ...args, '--base-url', sb.url], {
    env: { REEVO_API_KEY: options.key ?? DEMO_KEYS.full },
    sleep: time.sleep,
    now: time.now,
    backoffMs: 10,
    tty: options.tty,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** The key check before the batch answers normally; the faults after it meet the rows. */
const afterKeyCheck = [{ kind: 'latency', ms: 0 }] as const;

/** A copy of an example in a fresh folder, so the files of the run land next to it. */
function copyOf(name: string): string {
  const path = join(tempDir(), `${name}.csv`);
  copyFileSync(example(name), path);
  return path;
}
const beside = (table: string, kind: string) => table.replace(/\.csv$/, `.${kind}.csv`);

const requestsTo = (path: string) => sb.requests.filter((r) => r.path === path);
const UPSERT_HEADER = ['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'];
const lena = [
  'lena.fischer@alpenglow-outdoor.example',
  'Lena',
  'Fischer',
  'Buyer',
  '+4989123456',
  'Alpenglow Outdoor GmbH',
  'https://alpenglow-outdoor.example',
];

/** A fetch whose calls to paths matching `refuse` fail as a refused connection would, `times` times. */
function refusingFetch(refuse: RegExp, times = Infinity): typeof fetch {
  let refused = 0;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    if (refuse.test(String(input)) && refused < times) {
      refused += 1;
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      });
    }
    return fetch(input, init);
  }) as typeof fetch;
}

test('the awkward contacts: clean rows are upserted (out file), the rest go to the failed file with their problem', async () => {
  const table = copyOf('contacts');
  const { code, stdout, stderr } = await send(['upsert_account_contact', table]);
  expect(code).toBe(1);
  expect(stdout).toContain(`Sent upsert_account_contact for 8 rows of ${table} to ${sb.url}:`);
  expect(stdout).toContain('5 ok, 3 failed, 0 skipped by Only run if');
  expect(stdout).toContain('3 not sent because check found a problem');
  expect(stderr).not.toContain('Sending'); // no TTY, no bar
  // The key is checked once, before the batch.
  expect(sb.requests[0].path).toBe('/api/v1/public/accounts/00000000-0000-0000-0000-000000000000');
  expect(requestsTo('/api/v1/public/account_contact').map((r) => r.status < 300)).toEqual([
    true,
    true,
    true,
    true,
    true,
  ]);

  const failed = readCsv(beside(table, 'failed'));
  expect(failed.map((r) => r.Row)).toEqual(['3', '6', '8']);
  expect(Object.keys(failed[0])).toEqual(['Row', 'Reevo Error', 'HTTP Status', ...UPSERT_HEADER]);
  expect(failed[0]['Reevo Error']).toMatch(
    /^not sent: Email: " Siobhan.OBrien@Harbourline.example " is not a valid email address/,
  );
  // The table's own cells come back unchanged, so the file can be fixed and sent again.
  expect(failed[0].Email).toBe(' Siobhan.OBrien@Harbourline.example ');
  const out = readCsv(beside(table, 'out'));
  expect(out.map((r) => r.Row).sort()).toEqual(['1', '2', '4', '5', '7']);
  expect(out[0]['Reevo Contact ID']).toMatch(/^[0-9a-f-]{36}$/);
  expect(existsSync(beside(table, 'skipped'))).toBe(false);
});

test('a failed file sent again keeps the row numbers of the first table', async () => {
  const dir = tempDir();
  const table = writeTable(dir, 'people.csv', [
    UPSERT_HEADER,
    lena,
    ['zoe.nunez@@brightwater-analytics.example', 'Zoë', 'Núñez', 'Head of "Revenue" Ops', '', 'Brightwater', ''],
  ]);
  expect((await send(['upsert_account_contact', table])).code).toBe(1);
  const failedPath = join(dir, 'people.failed.csv');
  const [row] = readCsv(failedPath);
  expect(row.Row).toBe('2');
  writeTable(dir, 'fixed.csv', [
    Object.keys(row),
    Object.values({ ...row, Email: 'zoe.nunez@brightwater-analytics.example' }),
  ]);
  const again = await send(['upsert_account_contact', join(dir, 'fixed.csv')]);
  expect(again.stdout).toContain('1 ok, 0 failed');
  expect(again.code).toBe(0);
  const out = readCsv(join(dir, 'fixed.out.csv'));
  expect(out.map((r) => [r.Row, r.Email])).toEqual([['2', 'zoe.nunez@brightwater-analytics.example']]);
  expect(Object.keys(out[0])).not.toContain('Reevo Error');
});

test('creates: rows Only run if skips are reported apart, not as failures; sending the out file again creates nothing', async () => {
  const table = copyOf('tasks');
  const first = await send(['create_task', table]);
  expect(first.code).toBe(1);
  expect(first.stdout).toContain('1 ok, 3 failed, 2 skipped by Only run if');
  expect(requestsTo('/api/v1/public/tasks')).toHaveLength(1);
  const skipped = readCsv(beside(table, 'skipped'));
  expect(skipped.map((r) => [r.Row, r['Skipped Because']])).toEqual([
    ['4', 'already done: "Reevo Task ID" is filled'],
    ['5', 'Only run if is false: "Task Owner Email" is empty'],
  ]);
  const out = readCsv(beside(table, 'out'));
  expect(out).toHaveLength(1);
  expect(out[0]['Reevo Task ID']).toMatch(/^[0-9a-f-]{36}$/);
  expect(out[0].Note).toBe('Ask about:\n- volume tiers\n- the "pilot" timeline');

  sb.clearLogs();
  const dir = tempDir();
  const second = await send([
    'create_task',
    beside(table, 'out'),
    '--out',
    join(dir, 'o.csv'),
    '--failed',
    join(dir, 'f.csv'),
    '--skipped',
    join(dir, 's.csv'),
  ]);
  expect(second.stdout).toContain('0 ok, 0 failed, 1 skipped by Only run if');
  expect(second.code).toBe(0);
  expect(requestsTo('/api/v1/public/tasks')).toHaveLength(0);
});

test('lookups: the retrieval by phone sends the + URL-encoded and returns the IDs', async () => {
  const table = copyOf('lookups');
  const { stdout } = await send(['find_contact_and_account_by_phone', table]);
  expect(stdout).toContain('1 skipped by Only run if');
  const found = readCsv(beside(table, 'out'));
  expect(found.find((r) => r.Row === '1')).toMatchObject({
    Phone: '+12025550143',
    'Found Contact ID': sampleContact.id,
    'Found Account ID': sampleAccount.id,
  });
  expect(requestsTo('/api/v1/public/account_and_contact_retrieval').map((r) => r.query.contact_phone_number)).toContain(
    '+12025550143',
  );
});

test('Find Account by Domain returns the exact domain, never one that contains it', async () => {
  const dir = tempDir();
  const accounts = writeTable(dir, 'accounts.csv', [
    ['Company Name', 'Company Domain', 'Company Website'],
    ['Not Quillfield Orchards', 'notquillfield-orchards.example', ''],
    ['Quillfield Orchards', 'quillfield-orchards.example', ''],
  ]);
  expect((await send(['create_account', accounts, '--rate', '1/1'])).code).toBe(0);
  const created = readCsv(join(dir, 'accounts.out.csv'));
  const quillfield = created.find((r) => r['Company Domain'] === 'quillfield-orchards.example')!['Created Account ID'];

  const lookups = writeTable(dir, 'lookups.csv', [
    ['Company Domain'],
    ['quillfield-orchards.example'],
    ['uillfield-orchards.example'],
  ]);
  expect((await send(['find_account_by_domain', lookups])).code).toBe(0);
  const found = readCsv(join(dir, 'lookups.out.csv')).sort((a, b) => a.Row.localeCompare(b.Row));
  expect(found.map((r) => [r['Company Domain'], r['Found Account ID'], r['Found Account Domain']])).toEqual([
    ['quillfield-orchards.example', quillfield, 'quillfield-orchards.example'],
    ['uillfield-orchards.example', '', ''],
  ]);
});

test('the chain Find Account by Domain → Create Account → Create Opportunity reads one set of columns end to end', async () => {
  const createAccount = recipeByName('create_account')!;
  const chain = createAccount.chain!;
  const find = recipeByName(chain.find)!;
  expect(find.returns.map((r) => r.column)).toContain(chain.foundColumn);
  expect(createAccount.onlyRunIf.formula).toContain(`!{{${chain.foundColumn}}}`);
  expect(compileFormula(chain.idColumn.formula).columns).toEqual([chain.foundColumn, createAccount.returns[0].column]);
  expect(recipeByName('create_opportunity')!.columns.map((c) => c.name)).toContain(chain.idColumn.name);

  const dir = tempDir();
  const table = writeTable(dir, 'deals.csv', [
    ['Company Name', 'Company Domain', 'Company Website', 'Opportunity Name'],
    ['Northwind Traders', 'northwind-traders.com', '', 'Northwind - Phase 3'],
    ['Quillon Labs', 'quillon-labs.example', '', 'Quillon - Pilot'],
  ]);
  await send(['find_account_by_domain', table]);
  await send([
    'create_account',
    join(dir, 'deals.out.csv'),
    '--out',
    join(dir, 'created.csv'),
    '--skipped',
    join(dir, 'found.csv'),
  ]);
  const rows = [...readCsv(join(dir, 'created.csv')), ...readCsv(join(dir, 'found.csv'))];
  // The formula column of the chain, as Clay computes it.
  const idOf = compileFormula(chain.idColumn.formula);
  const withIds = rows
    .map((r) => ({ ...r, [chain.idColumn.name]: String(idOf.evaluate((c) => r[c] ?? '')) }))
    .sort((a, b) => a.Row.localeCompare(b.Row));
  expect(withIds[0][chain.idColumn.name]).toBe(sampleAccount.id);
  expect(withIds[1][chain.idColumn.name]).toMatch(/^[0-9a-f-]{36}$/);
  const deals = writeTable(dir, 'opps.csv', [
    ['Row', 'Opportunity Name', 'Reevo Account ID', 'Deal Amount', 'Opportunity Owner Email', 'Email'],
    ...withIds.map((r) => [r.Row, r['Opportunity Name'], r['Reevo Account ID'], '', '', '']),
  ]);
  expect((await send(['create_opportunity', deals])).code).toBe(0);
  // Each opportunity sits on the account its row found or created.
  for (const row of readCsv(join(dir, 'opps.out.csv'))) {
    const response = await fetch(`${sb.url}/api/v1/public/opportunities/${row['Created Opportunity ID']}`, {
      headers: { 'x-api-key': DEMO_KEYS.full },
    });
    expect(((await response.json()) as { account_id: string }).account_id).toBe(
      withIds.find((r) => r.Row === row.Row)![chain.idColumn.name],
    );
  }
});

test('a 429 waits for its Retry-After and a 502 is retried, for a recipe that is safe to repeat', async () => {
  const time = fakeTime();
  sb.injectFaults([...afterKeyCheck, { kind: 'rate-limit', retryAfter: 7 }, { kind: 'status', status: 502 }]);
  const table = writeTable(tempDir(), 'one.csv', [UPSERT_HEADER, lena]);
  const { code, stdout } = await send(['upsert_account_contact', table], { time });
  expect(code).toBe(0);
  expect(stdout).toContain('1 ok, 0 failed, 0 skipped by Only run if; 2 retries');
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
  sb.injectFaults([
    ...afterKeyCheck,
    { kind: 'status', status: 500 },
    { kind: 'status', status: 503 },
    { kind: 'latency', ms: 0 },
    { kind: 'drop', afterHandler: true },
  ]);
  // One request at a time, so the faults meet the rows in order.
  const { code, stdout } = await send(['create_account', table, '--rate', '1/1']);
  expect(code).toBe(1);
  expect(stdout).toContain('1 ok, 2 failed, 0 skipped by Only run if; 1 retry');
  const failed = readCsv(join(dir, 'accounts.failed.csv'));
  expect(failed.map((r) => [r.Row, r['HTTP Status']])).toEqual([
    ['1', '500'],
    ['3', ''],
  ]);
  expect(failed[0]['Reevo Error']).toContain(
    'It may or may not have been carried out: check Reevo before you re-send this row',
  );
  expect(failed[1]['Reevo Error']).toContain(
    'Could not reach Reevo (the connection was dropped before an answer came). The request may or may not have been carried out',
  );
  expect(requestsTo('/api/v1/public/accounts').map((r) => r.status)).toEqual([500, 503, 201, 0]);
});

test('a refused connection never reached Reevo: a create is retried after it', async () => {
  const dir = tempDir();
  const table = writeTable(dir, 'accounts.csv', [
    ['Company Name', 'Company Domain', 'Company Website'],
    ['Lagoon Health', 'lagoon-health.example', ''],
  ]);
  const { code, stdout } = await send(['create_account', table], { fetch: refusingFetch(/\/accounts$/, 2) });
  expect(code).toBe(0);
  expect(stdout).toContain('1 ok, 0 failed, 0 skipped by Only run if; 2 retries');
  expect(requestsTo('/api/v1/public/accounts')).toHaveLength(1);
});

test('repeated connection failures trip the breaker: the run stops and every row not done is in the failed file', async () => {
  const table = copyOf('lookups');
  const { code, stdout } = await send(['find_contacts_by_email', table, '--rate', '1/1'], {
    fetch: refusingFetch(/contacts\/search/),
  });
  expect(code).toBe(3);
  expect(stdout).toContain('Stopped early: Reevo could not be reached 5 times in a row (the connection was refused)');
  const failed = readCsv(beside(table, 'failed'));
  expect(failed.map((r) => r.Row)).toEqual(['1', '2', '3', '5']);
  for (const row of failed) expect(row['Reevo Error']).toMatch(/^not sent: /);
  expect(readCsv(beside(table, 'skipped')).map((r) => r.Row)).toEqual(['4']);
});

test('an expired key stops before the batch (exit 3): nothing is sent, the key is never shown', async () => {
  const table = copyOf('lookups');
  const { code, stdout, stderr } = await send(['find_contacts_by_email', table], { key: DEMO_KEYS.expired });
  expect(code).toBe(3);
  expect(stderr).toContain('The Reevo API key has expired');
  expect(stderr).toContain('Nothing was sent.');
  expect(sb.requests).toHaveLength(1);
  expect(existsSync(beside(table, 'failed'))).toBe(false);
  for (const text of [stdout, stderr]) expect(text).not.toContain(DEMO_KEYS.expired);
});

test('a key without the permission stops the run (exit 3) with what the recipe needs; every row is accounted for', async () => {
  const table = writeTable(tempDir(), 'two.csv', [UPSERT_HEADER, lena, lena.map((c) => c.replace('lena', 'lara'))]);
  const { code, stdout } = await send(['upsert_account_contact', table, '--rate', '1/1'], { key: DEMO_KEYS.tasksOnly });
  expect(code).toBe(3);
  expect(stdout).toMatch(/Stopped early: Your Reevo API key may not do this: .+/);
  expect(readCsv(beside(table, 'failed')).map((r) => r.Row)).toEqual(['1', '2']);
});

test('a spent quota stops the run (exit 3); --resume with the failed file sends only the rows not done', async () => {
  sb.setQuota(3); // the key check and two rows
  const table = copyOf('lookups');
  const first = await send(['find_contact_and_account_by_email', table, '--rate', '1/1']);
  expect(first.code).toBe(3);
  expect(first.stdout).toContain('Stopped early: Your Reevo organization has used up its quota of API requests');
  const failed = readCsv(beside(table, 'failed'));
  expect(failed.map((r) => r.Row)).toEqual(['3', '5']);

  sb.setQuota(null);
  sb.clearLogs();
  const again = await send([
    'find_contact_and_account_by_email',
    table,
    '--resume',
    beside(table, 'failed'),
    '--rate',
    '1/1',
  ]);
  expect(again.code).toBe(0);
  // Rows 1 and 2 went through and row 4 was skipped: only rows 3 and 5 are sent.
  expect(again.stdout).toContain('2 ok, 0 failed, 0 skipped by Only run if, 3 done in the earlier run');
  expect(requestsTo('/api/v1/public/account_and_contact_retrieval').map((r) => r.query.contact_email)).toEqual(
    failed.map((r) => r.Email),
  );
  // The out file of the first run was added to, not replaced.
  expect(
    readCsv(beside(table, 'out'))
      .map((r) => r.Row)
      .sort(),
  ).toEqual(['1', '2', '3', '5']);
  expect(existsSync(beside(table, 'failed'))).toBe(false);
});

test('--resume with an out file sends only the rows it does not hold', async () => {
  sb.setQuota(3); // the key check and two rows
  const table = copyOf('lookups');
  expect((await send(['find_contacts_by_email', table, '--rate', '1/1'])).code).toBe(3);
  expect(readCsv(beside(table, 'out')).map((r) => r.Row)).toEqual(['1', '2']);
  sb.setQuota(null);
  sb.clearLogs();
  const dir = tempDir();
  const again = await send([
    'find_contacts_by_email',
    table,
    '--resume',
    beside(table, 'out'),
    '--out',
    join(dir, 'rest.csv'),
    '--rate',
    '1/1',
  ]);
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('2 ok, 0 failed, 1 skipped by Only run if, 2 done in the earlier run');
  expect(readCsv(join(dir, 'rest.csv')).map((r) => r.Row)).toEqual(['3', '5']);
});

test("Reevo's 422 names the table's column", async () => {
  const dir = tempDir();
  const table = writeTable(dir, 'tasks.csv', [
    ['Task Title', 'Task Owner Email', 'Due Date', 'Task Priority', 'Task Type', 'Note', 'Email'],
    [
      'Call Jordan',
      'nobody@acme-outbound.example',
      '2026-11-27T16:00:00Z',
      'HIGH',
      'VOICE_CALL',
      'x',
      'jordan.blake@northwind-traders.com',
    ],
  ]);
  const { code } = await send(['create_task', table]);
  expect(code).toBe(1);
  const [row] = readCsv(join(dir, 'tasks.failed.csv'));
  expect(row['HTTP Status']).toBe('422');
  expect(row['Reevo Error']).toContain(
    `column "Task Owner Email" (owner_email): No Reevo user with email 'nobody@acme-outbound.example' in this workspace`,
  );
});

test('the rate limit spaces the requests: 2 per minute for 4 rows waits one window', async () => {
  const time = fakeTime();
  const { stdout } = await send(['find_contacts_by_email', copyOf('lookups'), '--rate', '2/60000'], { time });
  expect(stdout).toContain('4 ok, 0 failed, 1 skipped');
  expect(time.waits.reduce((a, b) => a + b, 0)).toBe(60000);
});

test('progress: a bar on a terminal, a line every few seconds without one', async () => {
  const bar = await send(['find_contacts_by_email', copyOf('lookups')], { tty: true });
  expect(bar.stderr).toContain('Sending');
  expect(bar.stderr).toContain('5/5 rows | 0 failed');
  sb.injectFaults([...afterKeyCheck, { kind: 'latency', ms: 400 }]);
  const lines = await send(['find_contacts_by_email', copyOf('lookups'), '--progress-every', '0.1']);
  expect(lines.stderr).toMatch(
    /^reevo-clay send: \d+ of 5 rows \(\d+ done, 0 failed\), \d+\.\d rows\/s, (about .+ left|time left not known yet)$/m,
  );
});

describe('what send refuses before sending anything (exit 2)', () => {
  test('no key, a key with an invisible character (never printed), a plain-http remote base URL', async () => {
    const noKey = await cli(['send', 'create_task', example('tasks'), '--base-url', sb.url], { env: {} });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('Set the environment variable REEVO_API_KEY');
    const hidden = `${DEMO_KEYS.full.slice(0, 6)}\u200b${DEMO_KEYS.full.slice(6)}`;
    const invisible = await cli(['send', 'create_task', example('tasks'), '--base-url', sb.url], {
      env: { REEVO_API_KEY: hidden },
    });
    expect(invisible.code).toBe(2);
    expect(invisible.stderr).toContain('REEVO_API_KEY has an invisible or unexpected character at position 7');
    expect(invisible.stderr).toContain('U+200B');
    expect(invisible.stderr).not.toContain(DEMO_KEYS.full.slice(6));
    const plain = await cli(['send', 'create_task', example('tasks'), '--base-url', 'http://api.reevo.ai'], {
      env: { REEVO_API_KEY: 'k' },
    });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('--base-url must be https://');
    expect(sb.requests).toHaveLength(0);
  });

  test('--out equal to --failed, or a file equal to the table', async () => {
    const table = copyOf('tasks');
    const same = await send(['create_task', table, '--out', 'x.csv', '--failed', 'x.csv']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('must be four different files');
    expect((await send(['create_task', table, '--failed', table])).code).toBe(2);
    expect((await send(['create_task', table, '--resume', table])).stderr).toContain(
      '--resume takes the out or failed file of an earlier run, not the table',
    );
    expect(sb.requests).toHaveLength(0);
  });

  test('an out file of another table is never overwritten', async () => {
    const table = copyOf('tasks');
    writeTable(tempDir(), 'x.csv', [['a']]);
    const other = writeTable(join(table, '..'), 'tasks.out.csv', [
      ['Row', 'Something Else'],
      ['1', 'keep me'],
    ]);
    const { code, stderr } = await send(['create_task', table]);
    expect(code).toBe(2);
    expect(stderr).toContain('holds rows of another table or recipe');
    expect(readFileSync(other, 'utf8')).toContain('keep me');
  });
});

describe('the exact request (nock)', () => {
  const table = () =>
    writeTable(tempDir(), 'one.csv', [
      UPSERT_HEADER,
      ['marie-claire.dubois@cafe-lumiere.example', 'Marie-Claire', 'Dubois', '', '', 'Café "Lumière" SARL', ''],
    ]);
  const keyCheck = (host: string) =>
    nock(host)
      .get('/api/v1/public/accounts/00000000-0000-0000-0000-000000000000')
      .reply(404, { detail: 'Account not found' });
  afterEach(() => nock.cleanAll());

  test('headers carry the key; the body is exactly what render prints, without the empty cells', async () => {
    keyCheck('https://api.reevo.test');
    let sent = '';
    const scope = nock('https://api.reevo.test', {
      reqheaders: { 'x-api-key': 'reevo_test_key', 'content-type': 'application/json', accept: 'application/json' },
    })
      .post('/api/v1/public/account_contact', (body) => {
        sent = JSON.stringify(body);
        return true;
      })
      .query({ payload_type: 'json' })
      .reply(201, { contact_id: sampleContact.id, account_id: sampleAccount.id, action: 'created' });
    const path = table();
    const { code } = await cli(['send', 'upsert_account_contact', path, '--base-url', 'https://api.reevo.test'], {
      env: { REEVO_API_KEY: 'reevo_test_key' },
    });
    expect(code).toBe(0);
    expect(scope.isDone()).toBe(true);
    const rendered = await cli(['render', 'upsert_account_contact', path]);
    expect(rendered.stdout).toContain(`\n${sent}\n`);
    expect(JSON.parse(sent)).toEqual({
      email: 'marie-claire.dubois@cafe-lumiere.example',
      first_name: 'Marie-Claire',
      last_name: 'Dubois',
      company: 'Café "Lumière" SARL',
    });
  });

  test('a redirect is never followed: the key goes nowhere else, and the run stops (exit 3)', async () => {
    keyCheck('https://api.reevo.test');
    nock('https://api.reevo.test')
      .post('/api/v1/public/account_contact')
      .query(true)
      .reply(301, '', { Location: 'https://collector.example/steal' });
    const elsewhere = nock('https://collector.example').post('/steal').reply(200, {});
    const path = table();
    const { code, stdout } = await cli(
      ['send', 'upsert_account_contact', path, '--base-url', 'https://api.reevo.test'],
      { env: { REEVO_API_KEY: 'reevo_test_key_12345' } },
    );
    expect(code).toBe(3);
    expect(elsewhere.isDone()).toBe(false);
    expect(stdout).toContain('Stopped early: Reevo answered with a redirect (HTTP 301 to collector.example)');
    const [row] = readCsv(beside(path, 'failed'));
    expect(row['Reevo Error']).toContain('Redirects are not followed');
    expect(readFileSync(beside(path, 'failed'), 'utf8')).not.toContain('reevo_test_key_12345');
  });
});

test('list and help', async () => {
  const list = await cli(['list']);
  expect(list.code).toBe(0);
  expect(list.stdout).toMatch(/^create_task +POST +Create Task {2}\(not safe to re-run\)$/m);
  expect(list.stdout).toMatch(/^find_opportunity +POST +Find Opportunity$/m);
  const help = await cli(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('reevo-clay check  RECIPE TABLE.csv');
  expect(help.stdout).toContain('3 the run stopped early');
  expect((await cli([])).code).toBe(2);
  expect((await cli(['sned', 'create_task', 'x.csv'])).stderr).toContain('Unknown command "sned"');
});
