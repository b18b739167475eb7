/**
 * Writes clay/recipes/*.json, clay/RECIPES.md and clay/templates/*.csv from the recipes (run `node dist/clay/generate.js`
 * after `npm run build`). A test compares the committed files with `generatedFiles()`.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { recipesMarkdown } from './cards';
import { generateRecipes } from './recipes';
import { templateFiles } from './templates';

/** Relative path (from clay/) → content, for every generated file. */
export function generatedFiles(): Map<string, string> {
  const recipes = generateRecipes();
  const files = new Map<string, string>();
  for (const recipe of recipes) files.set(`recipes/${recipe.name}.json`, `${JSON.stringify(recipe, null, 2)}\n`);
  files.set('RECIPES.md', recipesMarkdown(recipes));
  for (const [path, content] of templateFiles(recipes)) files.set(path, content);
  return files;
}

/** The clay/ folder of the source tree, whether this runs from clay/ (ts-jest) or dist/clay/. */
export function clayFolder(): string {
  return resolve(__dirname, __dirname.includes(`${join('dist', 'clay')}`) ? '../../clay' : '.');
}

export function writeGeneratedFiles(folder = clayFolder()): string[] {
  const files = generatedFiles();
  // A recipe or a template that was renamed or dropped must not linger as a stale file.
  for (const [dir, ext] of [
    ['recipes', '.json'],
    ['templates', '.csv'],
  ]) {
    mkdirSync(join(folder, dir), { recursive: true });
    for (const name of readdirSync(join(folder, dir)))
      if (name.endsWith(ext) && !files.has(`${dir}/${name}`)) rmSync(join(folder, dir, name));
  }
  for (const [path, content] of files) writeFileSync(join(folder, path), content);
  return [...files.keys()];
}

if (require.main === module) {
  const written = writeGeneratedFiles();
  process.stdout.write(
    `Wrote ${written.length} files under ${clayFolder()}:\n${written.map((p) => `  ${p}`).join('\n')}\n`,
  );
}
