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

/** `row N, column "X" (field): …` → `N X: …` for compact expectations. */
const compact = (stdout: string) =>
  problemLines(stdout).map((line) => line.replace(/^row (\d+), column ("[^"]+"|\([^)]+\))(?: \([^)]*\))?: /, (_m, row: string, column: string) => `${row} ${column.replace(/"/g, '')}: `));

test('a bad email, a missing required value and values Clay does not clean are listed by row and column', async () => {
  const { code, stdout } = await cli(['check', 'upsert_account_contact', example('contacts-with-mistakes')]);
  expect(code).toBe(1);
  expect(compact(stdout)).toEqual([
    '2 Email: "sam@@brightwater-analytics.example" is not a valid email address',
    "3 Email: is empty, so Clay's Only run if skips the row and it never reaches Reevo",
    '4 Email: "priya.raman@quantum-ledger" is not a valid email address',
    '5 Phone: "555-01" is not an E.164 phone number such as +14155550123',
    '6 Company Website: "not a website" is not a website address (e.g. https://acme.com)',
  ]);
  expect(stdout).toContain('Checked 6 rows of');
  expect(stdout).toContain('1 ok, 4 with problems, 1 that Clay will not run (Only run if: a cell it needs is empty)');
});

test('awkward but fixable values get the form Reevo needs as a hint', async () => {
  const { stdout } = await cli(['check', 'upsert_account_contact', example('contacts')]);
  const lines = compact(stdout);
  expect(lines).toContain('2 Phone: "(415) 555-0134" is not an E.164 phone number such as +14155550123 (write it as "+14155550134"; a formula column can do that, see clay/README.md)');
  expect(lines).toContain('3 Email: " Siobhan.OBrien@Harbourline.example " is not a valid email address (write it as "siobhan.obrien@harbourline.example"; a formula column can do that, see clay/README.md)');
  expect(lines).toContain('8 Email: "Tom \\"TJ\\" Jensen <tj.jensen@fjordline.example>" is not a valid email address (write it as "tj.jensen@fjordline.example"; a formula column can do that, see clay/README.md)');
  expect(lines.some((line) => line.startsWith('6 Company Website: "www.quantum-ledger.example/"') && line.includes('"https://www.quantum-ledger.example"'))).toBe(true);
  // Quotes, accents, CJK, newlines, tabs and backslashes are not problems: Clay escapes them.
  expect(lines.filter((line) => /^(1|4|5) /.test(line))).toEqual(['4 Phone: "+81 3-1234-5678" is not an E.164 phone number such as +14155550123 (write it as "+81312345678"; a formula column can do that, see clay/README.md)']);
  expect(stdout).toContain('Empty optional cells: "Phone" in 1 row, "Job Title" in 1 row, "Company Website" in 1 row.');
});

test('an unknown value of a fixed set, a date without a zone and a malformed email (tasks)', async () => {
  const { code, stdout } = await cli(['check', 'create_task', example('tasks')]);
  expect(code).toBe(1);
  expect(compact(stdout)).toEqual([
    '2 Task Priority: "High" is not one of: URGENT, HIGH, MEDIUM, LOW (write it as "HIGH"; a formula column can do that, see clay/README.md)',
    '2 Due Date: "2026-11-28 09:00" is not an ISO-8601 date-time such as 2026-11-25T14:30:00Z (write it as "2026-11-28T09:00:00.000Z"; a formula column can do that, see clay/README.md)',
    '3 Task Priority: "asap" is not one of: URGENT, HIGH, MEDIUM, LOW',
    '3 Task Type: "Call" is not one of: ACTION_ITEM, LINKEDIN_MESSAGE, REMINDER, SCHEDULING, EMAIL, VOICE_CALL, LINKEDIN_CONNECT_REQUEST, SMS_MESSAGE, CUSTOM_TASK (write it as "VOICE_CALL"; a formula column can do that, see clay/README.md)',
    "5 Task Owner Email: is empty, so Clay's Only run if skips the row and it never reaches Reevo",
    '6 Task Owner Email: "morgan.ellery@acme-outbound" is not a valid email address',
  ]);
  expect(stdout).toContain('1 already done (skipped by Only run if)');
});

test('invalid JSON from number cells names the column', async () => {
  const { stdout } = await cli(['check', 'create_opportunity', example('opportunities')]);
  expect(compact(stdout)).toEqual([
    '2 Deal Amount: "95,000" is not a plain number; it goes into the body without quotes, so the body is not valid JSON (write it as 95000; a formula column can do that, see clay/README.md)',
    '3 Deal Amount: is empty, which leaves "amount": with no value, so the body is not valid JSON. Fill it (0 is a number) or take the line out of the body',
    '4 Deal Amount: "$48,500.00" is not a plain number; it goes into the body without quotes, so the body is not valid JSON (write it as 48500; a formula column can do that, see clay/README.md)',
  ]);
});

test.each([
  ['create_account', 'accounts', ['2 Company Domain', '2 Company Website', '4 Company Domain'], 1],
  ['update_account', 'accounts', ['1 Reevo Account ID', '2 Reevo Account ID', '3 Reevo Account ID', '4 Reevo Account ID', '7 Reevo Account ID', '7 Company LinkedIn URL'], 1],
  ['find_account_by_domain', 'accounts', ['2 Company Domain', '4 Company Domain', '6 Company Domain'], 1],
  ['update_opportunity', 'opportunities', ['1 Reevo Opportunity ID', '2 Reevo Opportunity ID', '3 Reevo Opportunity ID', '4 Reevo Opportunity ID', '6 Next Step Due'], 1],
  ['log_manual_activity', 'activities', ['2 Activity Time', '2 Activity Category', '4 Reevo Contact ID'], 1],
  ['enroll_contact_in_sequence', 'enrollments', ['2 Email', '3 Reevo Sequence ID'], 1],
  ['find_contacts_by_email', 'lookups', ['4 Email'], 1],
  ['find_contact_and_account_by_email', 'lookups', ['4 Email'], 1],
  ['find_contact_and_account_by_domain', 'lookups', ['2 Company Domain', '5 Company Domain'], 1],
  ['find_contact_and_account_by_phone', 'lookups', ['2 Phone', '4 Phone', '5 Phone'], 1],
])('%s on examples/%s.csv: problems at %j', async (recipe, table, where, exit) => {
  const { code, stdout } = await cli(['check', recipe, example(table)]);
  expect(code).toBe(exit);
  expect(compact(stdout).map((line) => line.slice(0, line.indexOf(':')))).toEqual(where);
});

test('a clean table passes with exit status 0, and --warnings lists empty optional cells by row', async () => {
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
  expect(listed.stdout).toMatch(/^row 2, column "Closed Reasons" \(closed_reason_names\): warning: is empty: Clay sends "" for it/m);
});

test('an edited copy of a recipe file is checked by where its chips sit', async () => {
  const dir = tempDir();
  const recipe = recipeByName('create_account')!;
  const edited = {
    ...recipe,
    body: '{\n  "name": "{{Organisation}}",\n  "domain_name": "{{Web Domain}}"\n}',
    onlyRunIf: { formula: '!!{{Organisation}}', filled: ['Organisation'], empty: [] },
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
  expect(compact(stdout)).toEqual(['2 Web Domain: "https://harbourline.example" is not a bare domain such as acme.com (write it as "harbourline.example"; a formula column can do that, see clay/README.md)']);
});

test('an unknown recipe or a broken recipe file stops with exit status 2', async () => {
  const unknown = await cli(['check', 'create_lead', example('contacts')]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('There is no recipe named create_lead. The recipes are: upsert_account_contact');
  const dir = tempDir();
  const recipe = { ...recipeByName('create_account')!, body: '{"name": "{{Company Name}}",}' };
  writeFileSync(join(dir, 'broken.json'), JSON.stringify(recipe));
  const broken = await cli(['check', join(dir, 'broken.json'), example('accounts')]);
  expect(broken.code).toBe(2);
  expect(broken.stderr).toContain('The body template is not valid JSON around its column chips');
});

test('checkTableFile streams a large table and reports rows in order', async () => {
  const dir = tempDir();
  const rows: string[][] = [['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website']];
  for (let i = 1; i <= 5000; i++) {
    rows.push([i % 1000 === 0 ? `broken${i}@@example.com` : `person${i}@example.com`, `Name ${i}`, 'Müller "M"', 'Buyer', '+14155550123', 'Acme', 'https://acme.example']);
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
