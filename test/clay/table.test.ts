/** Reading a Clay table: every cell arrives as Clay exported it, whatever the file's size and shape. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHUNK_BYTES, PACED_CHUNK_BYTES } from '../../clay/csv';
import { loadRecipe, readTable, TableError, type TableRow } from '../../clay/table';
import { prepareRecipe } from '../../clay/rows';
import { csvText, tempDir } from './helpers';

const prepared = prepareRecipe(loadRecipe('upsert_account_contact'));
const HEADER = ['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'];

async function rowsOf(path: string, chunkBytes?: number): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(path, prepared, { chunkBytes })) rows.push(row);
  return rows;
}

function writeFile(text: string | Buffer): string {
  const path = join(tempDir(), 'table.csv');
  writeFileSync(path, text);
  return path;
}

test.each([CHUNK_BYTES, PACED_CHUNK_BYTES])(
  'characters and quoted line breaks that straddle the file read chunks (%d bytes) arrive whole',
  async (chunkBytes) => {
    // Rows of different lengths put multi-byte characters and quoted newlines on every byte offset,
    // so some fall across each 64 KiB chunk boundary of the file stream.
    const data = Array.from({ length: 6000 }, (_, i) => [
      `person${i}@example.com`,
      `${'健'.repeat(20 + (i % 7))}Zoë${'x'.repeat(i % 5)}`,
      `Núñez 🌱 "${i}"`,
      `Head of Sales\nNordics, ${'é'.repeat(i % 3)}`,
      '+14155550123',
      'Café Lumière, SARL',
      '',
    ]);
    const path = writeFile(csvText([HEADER, ...data]));
    const rows = await rowsOf(path, chunkBytes);
    expect(rows.map((r) => r.row)).toEqual(data.map((_, i) => i + 1));
    expect(rows.map((r) => HEADER.map((column) => r.cells[column]))).toEqual(data);
  },
);

test('a cell longer than many read chunks arrives whole, between rows that do not', async () => {
  const note = Array.from({ length: 4000 }, (_, i) => `line ${i}, "quoted"`).join('\n');
  const data = [
    ['a@example.com', 'Ana'],
    ['b@example.com', note],
    ['c@example.com', 'Cy'],
  ];
  const path = writeFile(csvText([HEADER, ...data]));
  const rows = await rowsOf(path, PACED_CHUNK_BYTES);
  expect(rows.map((r) => r.cells['First Name'])).toEqual(['Ana', note, 'Cy']);
});

test("Excel's byte order mark, CRLF line ends, blank lines, short and long rows", async () => {
  const header = HEADER.join(',');
  const path = writeFile(
    `\uFEFF${header}\r\n` +
      'a@example.com,Ana\r\n' +
      '\r\n' +
      'b@example.com\r\n' +
      `c@example.com,${HEADER.slice(1).join(',')},extra\r\n`,
  );
  const rows = await rowsOf(path);
  expect(rows).toEqual([
    { row: 1, cells: { Email: 'a@example.com', 'First Name': 'Ana' } },
    { row: 2, cells: { Email: 'b@example.com' } },
    {
      row: 3,
      cells: { Email: 'c@example.com', ...Object.fromEntries(HEADER.slice(1).map((column) => [column, column])) },
    },
  ]);
});

test('a quote left open stops the read and names the row, rather than shifting every later cell', async () => {
  const path = writeFile(csvText([HEADER, ['a@example.com']]) + '"b@example.com,Bo\nc@example.com,Cy\n');
  await expect(rowsOf(path)).rejects.toThrow(
    new TableError(`Cannot read ${path}: row 2 has a misplaced or unclosed quote (").`),
  );
});

test('a table without a column the recipe needs is refused before the first row', async () => {
  const path = writeFile('First Name\nAna\n');
  const seen: TableRow[] = [];
  await expect(
    (async () => {
      for await (const row of readTable(path, prepared)) seen.push(row);
    })(),
  ).rejects.toThrow('The table has no column "Email"');
  expect(seen).toEqual([]);
});
