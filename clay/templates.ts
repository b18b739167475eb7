/**
 * Starter tables (clay/templates/*.csv): for each family of recipes, a header-only CSV with every
 * column its recipes read, the result columns their runs fill, the guard columns Only run if
 * reads and the ID columns of a chain, named as on the cards. Import one into Clay, or export a
 * table that has them, and every card pastes as it is.
 */
import { csvLine } from './csv';
import { runIfColumns } from './formula';
import type { Recipe } from './recipes';

/** Recipes that work on one table, in the order a table would run them. A recipe in no family gets a table of its own. */
const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  contacts: ['upsert_account_contact'],
  accounts: ['find_account_by_domain', 'create_account', 'update_account'],
  opportunities: ['find_opportunity', 'create_opportunity', 'update_opportunity', 'move_opportunity_stage'],
  tasks: ['create_task'],
  'find-task': ['find_task_owner', 'find_task'],
  activities: ['log_manual_activity'],
  enrollments: ['enroll_contact_in_sequence'],
  lookups: [
    'find_contacts_by_email',
    'find_contact_and_account_by_email',
    'find_contact_and_account_by_domain',
    'find_contact_and_account_by_phone',
  ],
};

/** The columns of a recipe's table: what it reads, what Only run if reads, what its run fills, its chain's ID column. */
export function tableColumns(recipe: Recipe): string[] {
  const own = new Set([recipe.column, recipe.bodyFormula?.column]);
  const guards = runIfColumns(recipe.onlyRunIf.formula);
  return [
    ...recipe.columns.map((c) => c.name),
    ...guards.filled,
    ...guards.empty,
    ...recipe.returns.map((r) => r.column),
    ...(recipe.chain ? [recipe.chain.idColumn.name] : []),
  ].filter((column) => !own.has(column));
}

/** File name (under clay/templates/) → header line, for every family that has a recipe. */
export function templateFiles(recipes: readonly Recipe[]): Map<string, string> {
  const files = new Map<string, string>();
  const placed = new Set(Object.values(FAMILIES).flat());
  const families = [
    ...Object.entries(FAMILIES),
    ...recipes.filter((r) => !placed.has(r.name)).map((r): [string, string[]] => [r.name.replace(/_/g, '-'), [r.name]]),
  ];
  for (const [family, names] of families) {
    const members = names
      .map((name) => recipes.find((r) => r.name === name))
      .filter((r): r is Recipe => r !== undefined);
    if (members.length === 0) continue;
    files.set(`templates/${family}.csv`, csvLine([...new Set(members.flatMap(tableColumns))]));
  }
  return files;
}
