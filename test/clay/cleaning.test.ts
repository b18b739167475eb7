/** The guide's cleaning formulas, evaluated on tables of inputs, and shown verbatim in the guide. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLEANING, cleaningFormula } from '../../clay/cleaning';
import { compileFormula } from '../../clay/formula';
import { isPlaceholder } from '../../clay/rows';

const rule = (kind: string) => CLEANING.find((r) => r.kind.startsWith(kind))!;
const clean = (kind: string, cell: unknown) => compileFormula(cleaningFormula(rule(kind))).evaluate(() => cell);

/** Cells that mean "no value": every formula keeps them empty. */
const EMPTY_CELLS: unknown[] = [
  '',
  '   ',
  undefined,
  null,
  'N/A',
  'n/a',
  'NA',
  '#N/A',
  '-',
  '--',
  '—',
  'none',
  'None',
  'null',
  'NULL',
  'nil',
  'undefined',
];

describe.each(CLEANING.map((r) => [r.kind, r] as const))('%s', (kind) => {
  test.each(EMPTY_CELLS.map((cell) => [cell]))('%j stays empty', (cell) => {
    expect(clean(kind, cell)).toBe('');
    if (typeof cell === 'string' && cell.trim()) expect(isPlaceholder(cell)).toBe(true);
  });
});

test.each([
  ['email', ' Jane.Doe@Acme.COM ', 'jane.doe@acme.com'],
  ['email', 'Tom "TJ" Jensen <tj.jensen@fjordline.example>', 'tj.jensen@fjordline.example'],
  ['email', 'mailto:max@acme.com', 'max@acme.com'],
  ['domain', 'https://www.Acme.com/about', 'acme.com'],
  ['domain', 'ACME.COM', 'acme.com'],
  ['domain', 'info@kiriyama-robotics.example', 'kiriyama-robotics.example'],
  ['domain', 'acme.com:8080', 'acme.com'],
  ['website', 'acme.com', 'https://acme.com'],
  ['website', 'www.Quantum-Ledger.example/', 'https://www.quantum-ledger.example'],
  ['website', 'http://legacy.example/path', 'http://legacy.example'],
  ['phone', '+44 20 7946 0958', '+442079460958'],
  ['phone', '0044 20 7946 0958', '+442079460958'],
  ['phone', '+1 (212) 555-0147', '+12125550147'],
  ['phone', '(415) 555-0134', '(415) 555-0134'],
  ['amount', '95,000', '95000'],
  ['amount', '$48,500.00', '48500.00'],
  ['amount', '-12.5', '-12.5'],
  ['amount', '95000', '95000'],
  ['amount', 'TBD', 'TBD'],
  ['amount', '1.234,56', '1.234,56'],
  ['date-time', '2026-11-27T16:00:00Z', '2026-11-27T16:00:00.000Z'],
  ['date-time', '2026-11-27 16:00 +01:00', '2026-11-27T15:00:00.000Z'],
  ['date-time', 'Fri, 27 Nov 2026 16:00:00 GMT', '2026-11-27T16:00:00.000Z'],
  ['date-time', '2026-11-27 16:00', '2026-11-27 16:00'],
  ['date-time', '11/27/2026', '11/27/2026'],
  ['fixed', 'High', 'HIGH'],
  ['fixed', 'in progress', 'IN_PROGRESS'],
  ['fixed', 'voice-call', 'VOICE_CALL'],
])('%s: %j → %j', (kind, cell, cleaned) => {
  expect(clean(kind, cell)).toBe(cleaned);
});

test('no formula turns anything into 0', () => {
  for (const r of CLEANING)
    for (const cell of [...EMPTY_CELLS, 'TBD', 'x', '$']) expect(clean(r.kind, cell)).not.toBe('0');
});

test('the guide shows every cleaning formula exactly as tested', () => {
  const guide = readFileSync(join(__dirname, '../../clay/README.md'), 'utf8');
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  for (const r of CLEANING) expect(guide).toContain(`\`${cell(cleaningFormula(r))}\``);
});
