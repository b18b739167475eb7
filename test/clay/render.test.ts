/** Rendering: the body formula, what Clay puts in place of a chip, Only run if, --map and `reevo-clay render`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { recipeByName, type Recipe } from '../../clay/recipes';
import { evaluateRow, prepareRecipe, TemplateError } from '../../clay/rows';
import { escapeCell } from '../../clay/template';
import { cli, example, tempDir, writeTable } from './helpers';

const recipe = (name: string): Recipe => recipeByName(name)!;
const task = prepareRecipe(recipe('create_task'));
const opportunity = prepareRecipe(recipe('create_opportunity'));
const upsert = prepareRecipe(recipe('upsert_account_contact'));

const UPSERT_COLUMNS = ['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'];

const taskRow = (cells: Record<string, string>) => ({
  'Task Title': 'Call Jordan',
  'Task Owner Email': 'morgan.ellery@acme-outbound.example',
  'Due Date': '2026-11-27T16:00:00Z',
  'Task Priority': 'HIGH',
  'Task Type': 'VOICE_CALL',
  Note: 'x',
  Email: 'jordan.blake@northwind-traders.com',
  ...cells,
});

function rendered(prepared = task, cells: Record<string, string> = {}) {
  const outcome = evaluateRow(prepared, prepared === task ? taskRow(cells) : cells, 1);
  if (outcome.status === 'skipped') throw new Error(`skipped: ${outcome.reason}`);
  return outcome;
}
const sent = (outcome: ReturnType<typeof rendered>) => JSON.parse(outcome.request.body!) as Record<string, unknown>;

describe('the body formula sends only what the row fills', () => {
  test.each([
    ['an empty optional cell', { Note: '' }, 'note'],
    ['a cell of spaces', { Note: '   ' }, 'note'],
    ['an empty list item', { Email: '' }, 'contact_emails'],
  ])('%s is left out, never sent as ""', (_what, cells, key) => {
    const outcome = rendered(task, cells);
    expect(outcome.status).toBe('ok');
    expect(sent(outcome)).not.toHaveProperty(key);
    expect(outcome.request.body).not.toContain('""');
  });

  test('an upsert row with empty title, phone and website leaves them out, so the stored ones stay', () => {
    const outcome = rendered(upsert, {
      Email: 'jane.doe@acme.com',
      'First Name': 'Jane',
      'Last Name': '',
      'Job Title': '',
      Phone: '',
      'Company Name': 'Acme',
      'Company Website': '',
    });
    expect(sent(outcome)).toEqual({ email: 'jane.doe@acme.com', first_name: 'Jane', company: 'Acme' });
  });

  test('a nested object keeps its filled keys and goes when all are empty', () => {
    const activity = prepareRecipe(recipe('log_manual_activity'));
    const cells = {
      'Activity Time': '2026-11-24T15:30:00Z',
      Subject: 'Met',
      Description: 'Talked',
      'Activity Category': '',
      'Reevo Account ID': '',
      'Reevo Contact ID': '',
    };
    expect(sent(rendered(activity, cells))).toEqual({
      metadata: { activity_time: '2026-11-24T15:30:00Z', subject: 'Met', description: 'Talked' },
    });
  });

  test('any text in a cell survives the round trip: quotes, backslashes, newlines, emoji', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => s.trim() !== ''),
        (note) => sent(rendered(task, { Note: note })).note === note,
      ),
    );
  });
});

describe('numbers', () => {
  const cells = (amount: string) => ({
    'Opportunity Name': 'Northwind - Phase 2',
    'Reevo Account ID': '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63',
    'Deal Amount': amount,
    'Opportunity Owner Email': 'morgan.ellery@acme-outbound.example',
    Email: 'jordan.blake@northwind-traders.com',
  });

  test.each([
    ['95000', 95000],
    ['48000.50', 48000.5],
    ['-12.5', -12.5],
    [' 95000 ', 95000],
  ])('%j is sent as the number %d', (cell, number) => {
    const outcome = rendered(opportunity, cells(cell));
    expect(outcome.status).toBe('ok');
    expect(sent(outcome).amount).toBe(number);
  });

  test('an empty amount is left out: never 0, never a broken body', () => {
    const outcome = rendered(opportunity, cells(''));
    expect(outcome.status).toBe('ok');
    expect(sent(outcome)).not.toHaveProperty('amount');
  });

  test.each([
    ['95,000', 'write it as 95000'],
    ['$48,500.00', 'write it as 48500'],
    ['1, "x": 2', ''],
  ])('%j goes out as text, so it is reported on the Deal Amount column and cannot add keys', (cell, hint) => {
    const outcome = rendered(opportunity, cells(cell));
    expect(outcome.status).toBe('problems');
    expect(sent(outcome).amount).toBe(cell);
    expect(Object.keys(sent(outcome))).not.toContain('x');
    expect(outcome.issues).toEqual([
      expect.objectContaining({ column: 'Deal Amount', field: 'amount', severity: 'problem' }),
    ]);
    if (hint) expect(outcome.issues[0].message).toContain(hint);
  });
});

describe('placeholders are reported with what Reevo would do', () => {
  test.each(['N/A', 'n/a', '-', 'none', 'null', 'NULL'])(
    '%j in Job Title would be stored over the real title',
    (cell) => {
      const outcome = rendered(upsert, { Email: 'jane.doe@acme.com', 'Job Title': cell });
      expect(outcome.status).toBe('problems');
      expect(outcome.issues).toEqual([
        expect.objectContaining({
          column: 'Job Title',
          field: 'title',
          message: expect.stringMatching(
            new RegExp(
              `is a placeholder, and would be sent as .*: Reevo would store .* as the Job Title, over the value it has`,
            ),
          ),
        }),
      ]);
    },
  );

  test('a placeholder where Reevo wants an email would be refused', () => {
    const outcome = rendered(task, { 'Task Owner Email': 'N/A' });
    expect(outcome.issues).toContainEqual(
      expect.objectContaining({
        column: 'Task Owner Email',
        message: expect.stringContaining('Reevo would refuse the row (HTTP 422'),
      }),
    );
  });

  test('a recipe copy with chips in the Body sends an empty cell as "", and check says so', () => {
    const chips = {
      ...recipe('update_account'),
      body: '{"official_website": "{{Company Website}}", "owner_email": "{{Account Owner Email}}"}',
      bodyFormula: null,
    };
    const outcome = evaluateRow(
      prepareRecipe(chips),
      {
        'Reevo Account ID': '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63',
        'Company Website': 'https://acme.example',
        'Account Owner Email': '',
      },
      1,
    );
    expect(outcome.status === 'problems' && outcome.request.body).toBe(
      '{"official_website": "https://acme.example", "owner_email": ""}',
    );
    expect(outcome.issues).toEqual([
      expect.objectContaining({
        column: 'Account Owner Email',
        message: expect.stringMatching(/^is empty, and would be sent as "": Reevo would refuse the row \(HTTP 422/),
      }),
    ]);
  });
});

describe('a chip in a Body inserts the cell JSON-escaped, without quotes', () => {
  test.each([
    ['quotes', 'Head of "Revenue" Ops', 'Head of \\"Revenue\\" Ops'],
    ['backslashes', 'C:\\Shared\\Fabrikam', 'C:\\\\Shared\\\\Fabrikam'],
    ['newlines', 'Ask about:\n- tiers\r\n- pilot', 'Ask about:\\n- tiers\\r\\n- pilot'],
    ['tabs and control characters', 'a\tb\u0007c', 'a\\tb\\u0007c'],
    ['accents, CJK and emoji stay as they are', 'Zoë Núñez 株式会社 🚀', 'Zoë Núñez 株式会社 🚀'],
    ['an empty cell inserts nothing', '', ''],
  ])('%s', (_what, cell, inserted) => {
    expect(escapeCell(cell)).toBe(inserted);
  });
});

test('path chips and query rows take the cell text; the query string is URL-encoded', () => {
  const update = prepareRecipe(recipe('update_account'));
  const byPhone = prepareRecipe(recipe('find_contact_and_account_by_phone'));
  const account = evaluateRow(
    update,
    { 'Reevo Account ID': '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63', 'Company Website': 'https://acme.example' },
    1,
    'http://127.0.0.1:9',
  );
  expect(account.status === 'ok' && account.request.url).toBe(
    'http://127.0.0.1:9/api/v1/public/accounts/3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63',
  );
  const phone = evaluateRow(byPhone, { Phone: '+14155550123' }, 1);
  expect(phone.status === 'ok' && phone.request).toEqual({
    method: 'GET',
    url: 'https://api.reevo.ai/api/v1/public/account_and_contact_retrieval?contact_phone_number=%2B14155550123',
    headers: [{ key: 'Accept', value: 'application/json' }],
    body: null,
  });
});

describe('Only run if is the formula', () => {
  const edited = { ...recipe('upsert_account_contact'), onlyRunIf: { formula: '!!{{Email}} && {{Country}} === "US"' } };

  test('an edited formula is what decides, as in Clay', () => {
    const prepared = prepareRecipe(edited);
    expect(evaluateRow(prepared, { Email: 'jane.doe@acme.com', Country: 'US' }, 1).status).toBe('ok');
    const other = evaluateRow(prepared, { Email: 'jane.doe@acme.com', Country: 'DE' }, 2);
    expect(other).toMatchObject({
      status: 'skipped',
      why: 'condition',
      reason: 'Only run if is false: !!{{Email}} && {{Country}} === "US"',
    });
    expect(evaluateRow(prepared, { Email: '', Country: 'US' }, 3)).toMatchObject({ status: 'skipped', why: 'waiting' });
  });

  test('a formula that is not JavaScript is refused before any row', () => {
    expect(() => prepareRecipe({ ...edited, onlyRunIf: { formula: '!!{{Email}} &&' } })).toThrow(TemplateError);
  });

  test('a formula cannot reach the CLI: no require, no process', () => {
    const prepared = prepareRecipe({ ...edited, onlyRunIf: { formula: 'process.exit(9)' } });
    expect(evaluateRow(prepared, { Email: 'jane.doe@acme.com' }, 1)).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining("Cannot read properties of undefined (reading 'exit')"),
    });
    const other = prepareRecipe({
      ...edited,
      onlyRunIf: {
        formula: 'typeof require === "undefined" && typeof globalThis === "undefined" && typeof global === "undefined"',
      },
    });
    expect(evaluateRow(other, { Email: 'jane.doe@acme.com' }, 1).status).not.toBe('skipped');
  });

  test('send with the edited recipe skips the rows Clay would skip', async () => {
    const dir = tempDir();
    const path = join(dir, 'us-only.json');
    writeFileSync(path, JSON.stringify(edited));
    const table = writeTable(dir, 't.csv', [
      [...UPSERT_COLUMNS, 'Country'],
      ['jane.doe@acme.com', '', '', '', '', '', '', 'US'],
      ['max@acme.de', '', '', '', '', '', '', 'DE'],
    ]);
    const { stdout } = await cli(['render', path, table]);
    expect(stdout).toContain('### row 1\n');
    expect(stdout).toContain('### row 2: not run (Only run if is false: !!{{Email}} && {{Country}} === "US")');
  });
});

describe('--map renames columns without editing a recipe', () => {
  test('the recipe column Email reads the table column Work Email', async () => {
    const table = writeTable(tempDir(), 'work.csv', [
      ['Work Email', ...UPSERT_COLUMNS.slice(1)],
      ['jane.doe@acme.com', 'Jane', '', '', '', '', ''],
    ]);
    const unmapped = await cli(['render', 'upsert_account_contact', table]);
    expect(unmapped.code).toBe(2);
    expect(unmapped.stderr).toContain('The table has no column "Email"');
    const mapped = await cli(['render', 'upsert_account_contact', table, '--map', 'Email=Work Email']);
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain('{"email":"jane.doe@acme.com","first_name":"Jane"}');
  });

  test('a problem names the table column; a map of a column the recipe does not read is refused', async () => {
    const table = writeTable(tempDir(), 'work.csv', [
      ['Work Email', ...UPSERT_COLUMNS.slice(1)],
      ['jane@@acme.com', '', '', '', '', '', ''],
    ]);
    const checked = await cli(['check', 'upsert_account_contact', table, '--map', 'Email=Work Email']);
    expect(checked.stdout).toContain(
      'row 1, column "Work Email" (email): "jane@@acme.com" is not a valid email address',
    );
    const typo = await cli(['check', 'upsert_account_contact', table, '--map', 'Emial=Work Email']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--map names "Emial", which recipe upsert_account_contact does not read.');
    expect((await cli(['check', 'upsert_account_contact', table, '--map', 'Email'])).stderr).toContain(
      'write it as "Recipe Column=Table Column"',
    );
  });
});

describe('reevo-clay render', () => {
  test('prints each row exactly as Clay sends it, and marks rows Only run if skips', async () => {
    const { code, stdout } = await cli(['render', 'create_task', example('tasks'), '--limit', '5']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      [
        '### row 1',
        'POST https://api.reevo.ai/api/v1/public/tasks',
        'Content-Type: application/json',
        'Accept: application/json',
        'x-api-key: (from the Clay Account "Reevo API key")',
        '',
        '{"title":"Call Jordan about \\"Phase 2\\"",',
      ].join('\n'),
    );
    expect(stdout).toContain('"note":"Ask about:\\n- volume tiers\\n- the \\"pilot\\" timeline"');
    expect(stdout).toContain('"priority":"High"');
    expect(stdout).toContain('### row 4: not run (already done: "Reevo Task ID" is filled)');
    expect(stdout).toContain('### row 5: not run (Only run if is false: "Task Owner Email" is empty)');
    expect(stdout).not.toContain('### row 6');
  });

  test('never shows a key, even when one is set', async () => {
    const { stdout } = await cli(['render', 'upsert_account_contact', example('contacts')], {
      env: { REEVO_API_KEY: 'reevo_secret_do_not_print' },
    });
    expect(stdout).not.toContain('reevo_secret_do_not_print');
    expect(stdout.match(/^### row \d+$/gm)).toHaveLength(8);
  });

  test('a table without a column the recipe uses is refused before any row', async () => {
    const path = writeTable(tempDir(), 'no-email.csv', [['First Name'], ['Jane']]);
    const { code, stderr } = await cli(['render', 'upsert_account_contact', path]);
    expect(code).toBe(2);
    expect(stderr).toContain('The table has no column "Email"');
    expect(stderr).toContain('Its columns are: "First Name"');
  });
});
