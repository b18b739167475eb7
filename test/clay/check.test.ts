/** `reevo-clay check` on the awkward example tables: the problems, by row and column, and nothing sent. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { recipeByName } from '../../clay/recipes';
import { prepareRecipe } from '../../clay/rows';
import { checkTableFile } from '../../clay/table';
import { endpoints } from '../../src/endpoints';
import { buildRequest } from '../../src/request-builder';
import { cli, example, problemLines, readCsv, tempDir, writeTable } from './helpers';

let fetchSpy: jest.SpyInstance;
beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  fetchSpy = jest.spyOn(globalThis, 'fetch');
});
afterEach(() => {
  // check must never send anything.
  expect(fetchSpy).not.toHaveBeenCalled();
  fetchSpy.mockRestore();
});

/** `row N, column "X" (field): …` → `N X: …` for compact expectations (problems only, or warnings too). */
const compact = (stdout: string, warnings = false) =>
  (warnings ? stdout.split('\n').filter((line) => /^row \d+, column /.test(line)) : problemLines(stdout)).map((line) =>
    line.replace(
      /^row (\d+), column ("[^"]+"|\([^)]+\))(?: \([^)]*\))?: /,
      (_m, row: string, column: string) => `${row} ${column.replace(/"/g, '')}: `,
    ),
  );

test('a bad email, a missing required value and values Clay does not clean are listed by row and column', async () => {
  const { code, stdout } = await cli(['check', 'upsert_account_contact', example('contacts-with-mistakes')]);
  expect(code).toBe(1);
  expect(compact(stdout)).toEqual([
    '2 Email: "sam@@brightwater-analytics.example" is not a valid email address',
    '4 Email: "priya.raman@quantum-ledger" is not a valid email address',
    '6 Company Website: "not a website" is not a website address (e.g. https://acme.com)',
  ]);
  expect(stdout).toContain('Checked 6 rows of');
  expect(stdout).toContain('2 ok, 3 with problems; not run: 1 that Only run if skips because a cell it needs is empty');
  expect(stdout).toContain('Warnings: "Email" in 1 row, "Phone" in 1 row (--warnings lists them).');
  const all = compact(
    (await cli(['check', 'upsert_account_contact', example('contacts-with-mistakes'), '--warnings'])).stdout,
    true,
  );
  expect(all).toContain('5 Phone: warning: "555-01" is not an E.164 phone number such as +14155550123');
  expect(all).toContain("3 Email: warning: is empty, so Clay's Only run if skips the row and it never reaches Reevo");
});

test('awkward but fixable values get the form Reevo needs as a hint', async () => {
  const { stdout } = await cli(['check', 'upsert_account_contact', example('contacts')]);
  const lines = compact(stdout);
  expect(lines).toContain(
    '3 Email: " Siobhan.OBrien@Harbourline.example " is not a valid email address (write it as "siobhan.obrien@harbourline.example"; reevo-clay fix or a formula column can do that, see clay/README.md)',
  );
  expect(lines).toContain(
    '8 Email: "Tom \\"TJ\\" Jensen <tj.jensen@fjordline.example>" is not a valid email address (write it as "tj.jensen@fjordline.example"; reevo-clay fix or a formula column can do that, see clay/README.md)',
  );
  expect(
    lines.some(
      (line) =>
        line.startsWith('6 Company Website: "www.quantum-ledger.example/"') &&
        line.includes('"https://www.quantum-ledger.example"'),
    ),
  ).toBe(true);
  // Quotes, accents, CJK, newlines, tabs and backslashes are not problems; empty cells are left out.
  expect(lines.filter((line) => /^(1|2|4|5) /.test(line))).toEqual([]);
  // A phone number that is not E.164 is a warning, not a blocker.
  const all = compact((await cli(['check', 'upsert_account_contact', example('contacts'), '--warnings'])).stdout, true);
  expect(all).toContain(
    '2 Phone: warning: "(415) 555-0134" is not an E.164 phone number such as +14155550123 (write it as "+14155550134"; reevo-clay fix or a formula column can do that, see clay/README.md)',
  );
  expect(stdout).toContain('Warnings: "Phone" in 6 rows (--warnings lists them).');
});

test('an unknown value of a fixed set, a date without a zone and a malformed email (tasks)', async () => {
  const { code, stdout } = await cli(['check', 'create_task', example('tasks')]);
  expect(code).toBe(1);
  expect(compact(stdout)).toEqual([
    '2 Task Priority: "High" is not one of: URGENT, HIGH, MEDIUM, LOW (write it as "HIGH"; reevo-clay fix or a formula column can do that, see clay/README.md)',
    '2 Due Date: "2026-11-28 09:00" is not an ISO-8601 date-time such as 2026-11-25T14:30:00Z (write it as "2026-11-28T09:00:00.000Z"; reevo-clay fix or a formula column can do that, see clay/README.md)',
    '3 Task Priority: "asap" is not one of: URGENT, HIGH, MEDIUM, LOW',
    '3 Task Type: "Call" is not one of: ACTION_ITEM, LINKEDIN_MESSAGE, REMINDER, SCHEDULING, EMAIL, VOICE_CALL, LINKEDIN_CONNECT_REQUEST, SMS_MESSAGE, CUSTOM_TASK (write it as "VOICE_CALL"; reevo-clay fix or a formula column can do that, see clay/README.md)',
    '6 Task Owner Email: "morgan.ellery@acme-outbound" is not a valid email address',
  ]);
  expect(stdout).toContain('1 already done (skipped by Only run if)');
});

test('an amount that is not a plain number names the column; an empty one is simply left out', async () => {
  const { stdout } = await cli(['check', 'create_opportunity', example('opportunities')]);
  expect(compact(stdout)).toEqual([
    '2 Deal Amount: "95,000" is not a plain number, so it goes out as text and Reevo would refuse the row (write it as 95000; reevo-clay fix or a formula column can do that, see clay/README.md)',
    '4 Deal Amount: "$48,500.00" is not a plain number, so it goes out as text and Reevo would refuse the row (write it as 48500; reevo-clay fix or a formula column can do that, see clay/README.md)',
  ]);
});

test('duplicate emails and domains within the table, and placeholders, are reported', async () => {
  const dir = tempDir();
  const contacts = writeTable(dir, 'dupes.csv', [
    ['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'],
    ['jane.doe@acme.com', 'Jane', 'Doe', 'N/A', '', 'Acme', ''],
    ['Jane.Doe@Acme.com', 'Jane', 'Doe', '-', '', 'Acme', ''],
    ['max@acme.com', 'Max', 'none', '', '', 'Acme', ''],
    // Another address: only letter case is set aside for emails.
    ['www.max@acme.com', 'Max', '', '', '', 'Acme', ''],
  ]);
  const { code, stdout } = await cli(['check', 'upsert_account_contact', contacts, '--warnings']);
  expect(code).toBe(1);
  expect(compact(stdout, true)).toEqual([
    '1 Job Title: "N/A" is a placeholder, and would be sent as "N/A": Reevo would store "N/A" as the Job Title, over the value it has. Leave the cell empty (the body formula then leaves the field out) or clean it with a formula (clay/README.md)',
    '2 Job Title: "-" is a placeholder, and would be sent as "-": Reevo would store "-" as the Job Title, over the value it has. Leave the cell empty (the body formula then leaves the field out) or clean it with a formula (clay/README.md)',
    '2 Email: warning: "Jane.Doe@Acme.com" is also in row 1: the same email twice in the table',
    '3 Last Name: "none" is a placeholder, and would be sent as "none": Reevo would store "none" as the Last Name, over the value it has. Leave the cell empty (the body formula then leaves the field out) or clean it with a formula (clay/README.md)',
  ]);
  const accounts = writeTable(dir, 'accounts.csv', [
    ['Company Name', 'Company Domain', 'Company Website'],
    ['Acme', 'acme.com', ''],
    ['Acme Inc', 'acme.com', ''],
    ['Other', 'n/a', ''],
  ]);
  const domains = compact((await cli(['check', 'create_account', accounts, '--warnings'])).stdout, true);
  expect(domains).toEqual([
    '2 Company Domain: warning: "acme.com" is also in row 1: the same domain twice in the table',
    '3 Company Domain: "n/a" is a placeholder, and would be sent as "n/a": Reevo would refuse the row (HTTP 422: Domain is not valid)',
  ]);
});

test('a remembered answer is never reused for a value of another type that reads alike', async () => {
  const dir = tempDir();
  // The body formula sends the first amount as the number 5 and the second as the text "number:5".
  const table = writeTable(dir, 'amounts.csv', [
    ['Opportunity Name', 'Reevo Account ID', 'Deal Amount', 'Opportunity Owner Email', 'Email', 'Reevo Opportunity ID'],
    ['Pilot', '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63', '5', '', '', ''],
    ['Rollout', '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63', 'number:5', '', '', ''],
  ]);
  const { stdout } = await cli(['check', 'create_opportunity', table]);
  expect(compact(stdout).map((line) => line.slice(0, line.indexOf(':')))).toEqual(['2 Deal Amount']);
});

test.each([
  ['create_account', 'accounts', ['2 Company Domain', '2 Company Website', '4 Company Domain', '6 Company Domain'], 1],
  ['update_account', 'accounts', ['7 Reevo Account ID', '7 Company LinkedIn URL'], 1],
  ['find_account_by_domain', 'accounts', ['2 Company Domain', '4 Company Domain', '6 Company Domain'], 1],
  ['update_opportunity', 'opportunities', ['6 Next Step Due'], 1],
  ['log_manual_activity', 'activities', ['2 Activity Time', '2 Activity Category', '4 Reevo Contact ID'], 1],
  ['enroll_contact_in_sequence', 'enrollments', ['2 Email', '3 Reevo Sequence ID'], 1],
  ['find_contacts_by_email', 'lookups', [], 0],
  ['find_contact_and_account_by_email', 'lookups', [], 0],
  ['find_contact_and_account_by_domain', 'lookups', ['2 Company Domain', '5 Company Domain'], 1],
  ['find_contact_and_account_by_phone', 'lookups', [], 0],
])('%s on examples/%s.csv: problems at %j', async (recipe, table, where, exit) => {
  const { code, stdout } = await cli(['check', recipe, example(table)]);
  expect(code).toBe(exit);
  expect(compact(stdout).map((line) => line.slice(0, line.indexOf(':')))).toEqual(where);
});

test('a clean table passes with exit status 0; an empty optional cell is left out and is no warning', async () => {
  const dir = tempDir();
  const path = writeTable(dir, 'stages.csv', [
    ['Reevo Opportunity ID', 'Stage', 'Closed Reasons'],
    ['c27d9e41-6a3b-4d8f-8e15-2b9f0a7c6d38', 'Closed Won', 'Best product fit'],
    ['4f8a2d6c-1e9b-4c53-b7a0-6d3e9f2c8b15', 'Negotiation', ''],
  ]);
  const quiet = await cli(['check', 'move_opportunity_stage', path]);
  expect(quiet.code).toBe(0);
  expect(quiet.stdout).not.toMatch(/^row /m);
  expect(quiet.stdout).toContain('2 ok, 0 with problems');
  const listed = await cli(['check', 'move_opportunity_stage', path, '--warnings']);
  expect(listed.code).toBe(0);
  expect(listed.stdout).not.toMatch(/^row /m);
});

test('an edited copy of a recipe file is checked by where its columns sit in the body formula', async () => {
  const dir = tempDir();
  const recipe = recipeByName('create_account')!;
  const formula = recipe
    .bodyFormula!.formula.replace('{{Company Name}}', '{{Organisation}}')
    .replace('{{Company Domain}}', '{{Web Domain}}')
    .replace(/\n {2}"official_website".*\n/, '\n');
  const edited = {
    ...recipe,
    bodyFormula: { ...recipe.bodyFormula!, formula: formula.replace('{{Web Domain}},', '{{Web Domain}}') },
    onlyRunIf: { formula: '!!{{Organisation}}' },
  };
  const recipePath = join(dir, 'my-create-account.json');
  writeFileSync(recipePath, JSON.stringify(edited));
  const table = writeTable(dir, 'orgs.csv', [
    ['Organisation', 'Web Domain'],
    ['Brightwater Analytics', 'brightwater-analytics.example'],
    ['Harbourline', 'https://harbourline.example'],
  ]);
  const { code, stdout } = await cli(['check', recipePath, table]);
  expect(code).toBe(1);
  expect(compact(stdout)).toEqual([
    '2 Web Domain: "https://harbourline.example" is not a bare domain such as acme.com (write it as "harbourline.example"; reevo-clay fix or a formula column can do that, see clay/README.md)',
  ]);
});

test('an unknown recipe or a broken recipe file stops with exit status 2', async () => {
  const unknown = await cli(['check', 'create_lead', example('contacts')]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('There is no recipe named create_lead. The recipes are: upsert_account_contact');
  const missing = await cli(['check', 'create_task', join(tempDir(), 'nowhere.csv')]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/^Cannot read .*nowhere\.csv: ENOENT/);
  const dir = tempDir();
  const original = recipeByName('create_account')!;
  const recipe = {
    ...original,
    bodyFormula: { ...original.bodyFormula!, formula: 'JSON.stringify({"name": {{Company Name}},' },
  };
  writeFileSync(join(dir, 'broken.json'), JSON.stringify(recipe));
  const broken = await cli(['check', join(dir, 'broken.json'), example('accounts')]);
  expect(broken.code).toBe(2);
  expect(broken.stderr).toContain('Create Account Body: The formula');
  expect(broken.stderr).toContain('is not valid JavaScript');
});

test('checkTableFile streams a large table and reports rows in order', async () => {
  const dir = tempDir();
  const rows: string[][] = [
    ['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'],
  ];
  for (let i = 1; i <= 5000; i++) {
    rows.push([
      i % 1000 === 0 ? `broken${i}@@example.com` : `person${i}@example.com`,
      `Name ${i}`,
      'Müller "M"',
      'Buyer',
      '+14155550123',
      'Acme',
      'https://acme.example',
    ]);
  }
  const path = writeTable(dir, 'big.csv', rows);
  const seen: number[] = [];
  const summary = await checkTableFile('upsert_account_contact', path, { onRow: (outcome) => seen.push(outcome.row) });
  expect(summary).toEqual({
    recipe: 'upsert_account_contact',
    rows: 5000,
    ok: 4995,
    withProblems: 5,
    skippedWaiting: 0,
    skippedDone: 0,
    skippedOther: 0,
    problemsByColumn: { Email: 5 },
    warningsByColumn: {},
  });
  expect(seen).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(5002);
});

test('the awkward contacts are fine for the Zapier app, whose inputs normalise what Clay sends as it is', () => {
  const prepared = prepareRecipe(recipeByName('upsert_account_contact')!);
  const rows = readCsv(example('contacts'));
  for (const row of rows) {
    const input = Object.fromEntries(prepared.recipe.columns.map((c) => [c.field, row[c.name]]));
    const built = buildRequest(endpoints.upsertAccountContact, input, 'input');
    expect(built.ok ? [] : built.problems).toEqual([]);
  }
  expect(rows).toHaveLength(8);
});
