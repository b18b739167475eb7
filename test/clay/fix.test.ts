/** `reevo-clay fix`: a cleaned copy of the table, every change listed, nothing guessed or invented. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, example, problemLines, readCsv, tempDir, writeTable } from './helpers';

const changes = (stdout: string) => stdout.split('\n').filter((line) => line.startsWith('row '));

test('the awkward contacts: phones, emails and websites get the form Reevo needs; every change is listed', async () => {
  const out = join(tempDir(), 'fixed.csv');
  const { code, stdout } = await cli(['fix', 'upsert_account_contact', example('contacts'), '--out', out]);
  expect(code).toBe(0);
  expect(changes(stdout)).toEqual([
    'row 2, column "Phone": "(415) 555-0134" left as it is: has no country code: write it with one (e.g. +1 415 555 0134), or pass --country US for numbers of one country',
    'row 3, column "Email": " Siobhan.OBrien@Harbourline.example " → "siobhan.obrien@harbourline.example" (the form Reevo needs)',
    'row 3, column "Phone": "+44 20 7946 0958" → "+442079460958" (E.164: the same number without spaces or punctuation)',
    'row 4, column "Phone": "+81 3-1234-5678" → "+81312345678" (E.164: the same number without spaces or punctuation)',
    'row 6, column "Phone": "415.555.0199" left as it is: has no country code: write it with one (e.g. +1 415 555 0134), or pass --country US for numbers of one country',
    'row 6, column "Company Website": "www.quantum-ledger.example/" → "https://www.quantum-ledger.example" (the form Reevo needs)',
    'row 7, column "Phone": "+1 (212) 555-0147" → "+12125550147" (E.164: the same number without spaces or punctuation)',
    'row 8, column "Email": "Tom \\"TJ\\" Jensen <tj.jensen@fjordline.example>" → "tj.jensen@fjordline.example" (the form Reevo needs)',
    'row 8, column "Phone": "+45 32 12 34 56" → "+4532123456" (E.164: the same number without spaces or punctuation)',
    'row 8, column "Company Website": "fjordline.example" → "https://fjordline.example" (the form Reevo needs)',
  ]);
  // Every cell not listed is byte for byte the same; the listed ones hold the new value.
  const before = readCsv(example('contacts'));
  const after = readCsv(out);
  expect(Object.keys(after[0])).toEqual(Object.keys(before[0]));
  const listed = new Set(
    changes(stdout)
      .filter((l) => l.includes(' → '))
      .map((l) => /^row (\d+), column "([^"]+)"/.exec(l)!.slice(1).join('|')),
  );
  before.forEach((row, i) => {
    for (const column of Object.keys(row))
      if (!listed.has(`${i + 1}|${column}`)) expect(after[i][column]).toBe(row[column]);
  });
  expect(after[2].Email).toBe('siobhan.obrien@harbourline.example');
  expect(after[3]['Job Title']).toBe('Engineering Manager\nRobotics & Automation');
  // The fixed table has no problems left.
  expect(problemLines((await cli(['check', 'upsert_account_contact', out])).stdout)).toEqual([]);
});

test('--country says which country national phone numbers are in; nothing else gets one', async () => {
  const out = join(tempDir(), 'fixed.csv');
  const { stdout } = await cli(['fix', 'upsert_account_contact', example('contacts'), '--out', out, '--country', 'US']);
  expect(changes(stdout)).toContain(
    'row 2, column "Phone": "(415) 555-0134" → "+14155550134" (E.164, as a number of US (--country))',
  );
  expect((await cli(['fix', 'upsert_account_contact', example('contacts'), '--country', 'USA'])).stderr).toContain(
    '--country is a two-letter country code',
  );
});

test('amounts, dates, fixed values and placeholders: cleaned when the value is certain, left and listed when not, never invented', async () => {
  const dir = tempDir();
  const table = writeTable(dir, 'deals.csv', [
    ['Opportunity Name', 'Reevo Account ID', 'Deal Amount', 'Opportunity Owner Email', 'Email'],
    ['A', '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63', '$48,500.00', 'N/A', ''],
    ['B', '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63', '', '-', 'none'],
    ['C', '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63', 'TBD', '', ''],
  ]);
  const { stdout } = await cli(['fix', 'create_opportunity', table]);
  expect(changes(stdout)).toEqual([
    'row 1, column "Deal Amount": "$48,500.00" → "48500" (a plain number, without currency sign or thousands separators)',
    'row 1, column "Opportunity Owner Email": "N/A" → "" (a placeholder for "no value": emptied, so it is left out instead of sent)',
    'row 2, column "Opportunity Owner Email": "-" → "" (a placeholder for "no value": emptied, so it is left out instead of sent)',
    'row 2, column "Email": "none" → "" (a placeholder for "no value": emptied, so it is left out instead of sent)',
    expect.stringMatching(/^row 3, column "Deal Amount": "TBD" left as it is: /),
  ]);
  const fixed = readCsv(join(dir, 'deals.fixed.csv'));
  expect(fixed.map((r) => r['Deal Amount'])).toEqual(['48500', '', 'TBD']);

  const tasks = await cli(['fix', 'create_task', example('tasks'), '--out', join(dir, 'tasks.csv')]);
  expect(changes(tasks.stdout)).toContain(
    'row 2, column "Due Date": "2026-11-28 09:00" left as it is: has no time zone, and the time it means depends on one: add it (e.g. 2026-11-27T16:00:00Z for UTC)',
  );
  expect(changes(tasks.stdout)).toContain(
    'row 2, column "Task Priority": "High" → "HIGH" (Reevo\'s spelling of the value)',
  );
  expect(readFileSync(join(dir, 'tasks.csv'), 'utf8')).toContain('2026-11-28 09:00');
});

test('domains from websites and emails (accounts); fix never writes over the table itself', async () => {
  const dir = tempDir();
  const { stdout } = await cli(['fix', 'create_account', example('accounts'), '--out', join(dir, 'a.csv')]);
  expect(changes(stdout)).toContain(
    'row 2, column "Company Domain": "https://www.harbourline.example/about" → "harbourline.example" (the form Reevo needs)',
  );
  expect(changes(stdout)).toContain(
    'row 4, column "Company Domain": "info@kiriyama-robotics.example" → "kiriyama-robotics.example" (the form Reevo needs)',
  );
  const table = writeTable(dir, 't.csv', [
    ['Company Name', 'Company Domain', 'Company Website'],
    ['Acme', 'ACME.COM', ''],
  ]);
  const same = await cli(['fix', 'create_account', table, '--out', table]);
  expect(same.code).toBe(2);
  expect(readFileSync(table, 'utf8')).toContain('ACME.COM');
});
