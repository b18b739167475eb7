/** Rendering: what Clay puts in place of a chip, and `reevo-clay render`. */
import fc from 'fast-check';
import { recipeByName } from '../../clay/recipes';
import { evaluateRow, prepareRecipe, TemplateError } from '../../clay/rows';
import { analyseBody, escapeCell } from '../../clay/template';
import { cli, example, tempDir, writeTable } from './helpers';

const task = prepareRecipe(recipeByName('create_task')!);
const opportunity = prepareRecipe(recipeByName('create_opportunity')!);

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

describe('a chip inserts the cell JSON-escaped, without quotes', () => {
  test.each([
    ['quotes', 'Head of "Revenue" Ops', 'Head of \\"Revenue\\" Ops'],
    ['backslashes', 'C:\\Shared\\Fabrikam', 'C:\\\\Shared\\\\Fabrikam'],
    ['newlines', 'Ask about:\n- tiers\r\n- pilot', 'Ask about:\\n- tiers\\r\\n- pilot'],
    ['tabs and control characters', 'a\tb\u0007c', 'a\\tb\\u0007c'],
    ['accents, CJK and emoji stay as they are', 'Zoë Núñez 株式会社 🚀', 'Zoë Núñez 株式会社 🚀'],
    ['an empty cell inserts nothing', '', ''],
  ])('%s', (_what, cell, inserted) => {
    expect(escapeCell(cell)).toBe(inserted);
    const { request } = rendered(task, { Note: cell });
    expect(request.body).toContain(`"note": "${inserted}"`);
    expect(JSON.parse(request.body!).note).toBe(cell);
  });

  test('any text in a quoted chip survives the round trip through JSON', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary', minLength: 1 }), (note, title) => {
        const body = rendered(task, { Note: note, 'Task Title': title }).request.body!;
        const parsed = JSON.parse(body);
        return parsed.note === note && parsed.title === title;
      }),
    );
  });
});

describe('numbers go in bare', () => {
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
    [' 1e3 ', 1000],
  ])('%j is sent as the number %d', (cell, number) => {
    const outcome = rendered(opportunity, cells(cell));
    expect(outcome.request.body).toContain(`"amount": ${cell},`);
    expect(outcome.status).toBe('ok');
    expect(outcome.sendBody!.amount).toBe(number);
  });

  test.each([
    ['95,000', 'is not a plain number', 'write it as 95000'],
    ['$48,500.00', 'is not a plain number', 'write it as 48500'],
    ['', 'is empty, which leaves "amount": with no value', ''],
    ['"95000"', 'is not a plain number', 'write it as 95000'],
    ['1, "x": 2', 'is not a plain number', ''],
  ])('%j breaks the body and is reported on the Deal Amount column', (cell, problem, hint) => {
    const outcome = rendered(opportunity, cells(cell));
    expect(outcome.status).toBe('problems');
    expect(outcome.issues).toEqual([expect.objectContaining({ column: 'Deal Amount', field: 'amount', severity: 'problem', message: expect.stringContaining(problem) })]);
    if (hint) expect(outcome.issues[0].message).toContain(hint);
  });
});

test('empty optional cells are sent by Clay as "" and left out by send', () => {
  const outcome = rendered(task, { Note: '', Email: '' });
  expect(outcome.request.body).toContain('"note": ""');
  expect(outcome.request.body).toContain('"contact_emails": [""]');
  expect(outcome.status).toBe('ok');
  expect(outcome.sendBody).not.toHaveProperty('note');
  expect(outcome.sendBody).not.toHaveProperty('contact_emails');
  expect(outcome.issues.map((i) => [i.column, i.severity])).toEqual([
    ['Note', 'warning'],
    ['Email', 'warning'],
  ]);
});

test('path chips and query rows take the cell text; the query string is URL-encoded', () => {
  const update = prepareRecipe(recipeByName('update_account')!);
  const byPhone = prepareRecipe(recipeByName('find_contact_and_account_by_phone')!);
  const account = evaluateRow(update, { 'Reevo Account ID': '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63', 'Company Website': 'https://acme.example', 'Company LinkedIn URL': 'https://www.linkedin.com/company/acme', 'Account Owner Email': 'morgan.ellery@acme-outbound.example' }, 1, 'http://127.0.0.1:9');
  expect(account.status === 'ok' && account.request.url).toBe('http://127.0.0.1:9/api/v1/public/accounts/3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63');
  const phone = evaluateRow(byPhone, { Phone: '+14155550123' }, 1);
  expect(phone.status === 'ok' && phone.request).toEqual({
    method: 'GET',
    url: 'https://api.reevo.ai/api/v1/public/account_and_contact_retrieval?contact_phone_number=%2B14155550123',
    headers: [{ key: 'Accept', value: 'application/json' }],
    body: null,
  });
});

describe('reading a body template', () => {
  test('chips inside quotes, bare chips and chips that are part of a string', () => {
    const { slots } = analyseBody('{"a": "{{A}}", "n": {{N}}, "l": ["{{L}}", "{{M}}"], "s": "{{First}} {{Last}}", "m": {"x": "{{X}}"}}');
    expect(slots).toEqual([
      { column: 'A', path: ['a'], bare: false, whole: true },
      { column: 'N', path: ['n'], bare: true, whole: true },
      { column: 'L', path: ['l', 0], bare: false, whole: true },
      { column: 'M', path: ['l', 1], bare: false, whole: true },
      { column: 'First', path: ['s'], bare: false, whole: false },
      { column: 'Last', path: ['s'], bare: false, whole: false },
      { column: 'X', path: ['m', 'x'], bare: false, whole: true },
    ]);
  });

  test('a template that is not JSON, or a chip in a key, is refused', () => {
    expect(() => analyseBody('{"a": "{{A}}",}')).toThrow(TemplateError);
    expect(() => analyseBody('{"{{A}}": 1}')).toThrow(/inside a key/);
  });

  test('a body key that is not a field of the endpoint is refused', () => {
    const recipe = recipeByName('create_account')!;
    expect(() => prepareRecipe({ ...recipe, body: '{"name": "{{Company Name}}", "nmae": "{{Typo}}"}' })).toThrow(/nmae/);
  });
});

describe('reevo-clay render', () => {
  test('prints each row as Clay would send it, and marks rows Only run if skips', async () => {
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
        '{',
        '  "title": "Call Jordan about \\"Phase 2\\"",',
      ].join('\n'),
    );
    expect(stdout).toContain('"note": "Ask about:\\n- volume tiers\\n- the \\"pilot\\" timeline"');
    expect(stdout).toContain('"note": "Files are in C:\\\\Shared\\\\Fabrikam"');
    expect(stdout).toContain('"priority": "High"');
    expect(stdout).toContain('### row 4: not run (already done: "Reevo Task ID" is filled)');
    expect(stdout).toContain('### row 5: not run (Only run if is false: "Task Owner Email" is empty)');
    expect(stdout).not.toContain('### row 6');
  });

  test('never shows a key, even when one is set', async () => {
    const { stdout } = await cli(['render', 'upsert_account_contact', example('contacts')], { env: { REEVO_API_KEY: 'reevo_secret_do_not_print' } });
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
