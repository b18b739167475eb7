/** Starter tables: every recipe has one whose header holds its columns, result columns and guard columns. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import { runIfColumns } from '../../clay/formula';
import { generatedFiles } from '../../clay/generate';
import { generateRecipes } from '../../clay/recipes';
import { checkTableFile } from '../../clay/table';

const TEMPLATES = resolve(__dirname, '../../clay/templates');
const headers = new Map(
  readdirSync(TEMPLATES).map((name) => [
    name,
    Papa.parse<string[]>(readFileSync(join(TEMPLATES, name), 'utf8'), { delimiter: ',', skipEmptyLines: true }).data,
  ]),
);

test('the starter tables are header-only CSVs, and exactly the ones the generator writes', () => {
  expect([...headers.keys()].sort()).toEqual(
    [...generatedFiles().keys()]
      .filter((p) => p.startsWith('templates/'))
      .map((p) => p.slice('templates/'.length))
      .sort(),
  );
  for (const rows of headers.values()) {
    expect(rows).toHaveLength(1);
    expect(new Set(rows[0]).size).toBe(rows[0].length);
  }
});

describe.each(generateRecipes().map((r) => [r.name, r] as const))('%s', (_name, recipe) => {
  const guards = runIfColumns(recipe.onlyRunIf.formula);
  const needed = [
    ...recipe.columns.map((c) => c.name),
    ...guards.filled,
    ...guards.empty,
    ...recipe.returns.map((r) => r.column),
    ...(recipe.chain ? [recipe.chain.idColumn.name] : []),
  ];
  const found = [...headers].find(([, [header]]) => needed.every((column) => header.includes(column)));

  test('a starter table has its columns, the columns its run fills and the guard columns Only run if reads', () => {
    expect(found?.[0]).toEqual(expect.stringMatching(/\.csv$/));
  });

  test('reevo-clay check accepts the starter table as it is', async () => {
    const summary = await checkTableFile(recipe, join(TEMPLATES, found![0]));
    expect(summary.rows).toBe(0);
  });
});
