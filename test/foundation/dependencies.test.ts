/**
 * Dependencies point one way: the shipped app never reaches the sandbox, the demo, the benchmarks,
 * the Clay kit or the tests; the tests never reach the benchmarks (their shared inputs live in
 * test/helpers/ or src/, and bench/ imports them from there). Checked on every file each side
 * reaches through relative imports, so an indirect path counts too.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SHIPPED = ['index.ts', 'authentication.ts', 'triggers', 'creates', 'searches', 'src'];
const NOT_FOR_THE_APP = ['sandbox', 'demo', 'bench', 'clay', 'test'];

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]*)['"]/gm;

function tsFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') && !name.split('/').includes('node_modules'))
    .map((name) => join(path, name));
}

/** The repository files one source file imports (relative imports only), as repository paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  for (const [, specifier] of text.matchAll(SPECIFIER)) {
    const base = resolve(ROOT, dirname(file), specifier);
    const target = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
    if (target) found.push(relative(ROOT, target));
  }
  return found;
}

/** Every file reached from `roots`, each with the chain of imports that reaches it. */
function reached(roots: string[]): Map<string, string[]> {
  const chains = new Map<string, string[]>(roots.map((root) => [root, [root]]));
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (!file.endsWith('.ts')) continue;
    for (const target of importsOf(file)) {
      if (chains.has(target)) continue;
      chains.set(target, [...(chains.get(file) as string[]), target]);
      queue.push(target);
    }
  }
  return chains;
}

const topFolder = (file: string) => file.split('/')[0];
const describeChains = (found: Map<string, string[]>, bad: (file: string) => boolean) =>
  [...found.entries()].filter(([file]) => bad(file)).map(([, chain]) => chain.join(' → '));

it('finds imports (the check below sees through test/helpers to the sandbox)', () => {
  expect(reached(['test/helpers/api-calls.ts']).has('sandbox/index.ts')).toBe(true);
});

it('shipped code (index.ts, authentication.ts, triggers/, creates/, searches/, src/) never imports sandbox/, demo/, bench/, clay/ or test/', () => {
  const found = reached(SHIPPED.flatMap(tsFiles));
  expect(describeChains(found, (file) => NOT_FOR_THE_APP.includes(topFolder(file)))).toEqual([]);
});

it('no test imports bench/ (shared inputs belong in test/helpers/ or src/)', () => {
  const found = reached(tsFiles('test'));
  expect(describeChains(found, (file) => topFolder(file) === 'bench')).toEqual([]);
});
