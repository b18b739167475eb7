/**
 * docs/adding-an-operation.md as a test: each failure names the step of the checklist that is
 * missing. Everything else about a new operation (its inputs, its README permissions, its API-call
 * count, its place in the reliability and publishing checks) is derived from these few places.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import creates from '../../creates';
import searches from '../../searches';
import { DEMO_KEYS } from '../../sandbox';
import { endpoints, V2, type Endpoint } from '../../src/endpoints';
import { v2Permissions } from '../../src/v2-permissions';
import triggers from '../../triggers';
import { useSandbox } from '../helpers/sandbox';

const ROOT = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const CHECKLIST = 'docs/adding-an-operation.md';

const FOLDERS = { creates, searches, triggers } as const;
type Folder = keyof typeof FOLDERS;

/** The operation files of a folder: every .ts file but its index. */
const operationFiles = (folder: Folder) =>
  readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.replace(/\.ts$/, ''));

/** Every .ts file under test/, with its text. */
const testFiles = (readdirSync(join(ROOT, 'test'), { recursive: true, encoding: 'utf8' }) as string[])
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name: `test/${name}`, text: read(`test/${name}`) }));

/** The problems found, as sentences naming the step to take; the test shows them all at once. */
function problems(check: (report: (message: string) => void) => void): string[] {
  const found: string[] = [];
  check((message) => found.push(message));
  return found;
}

it('the checklist exists', () => {
  expect(read(CHECKLIST)).toMatch(/^# Adding an operation/);
});

describe.each(Object.keys(FOLDERS) as Folder[])('%s/', (folder) => {
  const registered = FOLDERS[folder] as Record<string, { key: string }>;

  it('every operation file is registered under its own key (step 1)', () => {
    expect(
      problems((report) => {
        for (const file of operationFiles(folder)) {
          const entry = Object.values(registered).find((operation) => operation.key === file);
          if (!entry) {
            report(
              folder === 'triggers'
                ? `step 1: ${folder}/${file}.ts is not registered (or its key is not '${file}'): import it in ${folder}/index.ts and add it to the map, keyed by its key`
                : `step 1: ${folder}/${file}.ts defines no operation with the key '${file}': name the file after the operation's key`,
            );
          }
        }
        for (const [mapKey, operation] of Object.entries(registered)) {
          if (mapKey !== operation.key)
            report(
              `step 1: ${folder}/index.ts registers '${operation.key}' under '${mapKey}': key the map by the operation's key`,
            );
        }
      }),
    ).toEqual([]);
  });

  it('every operation has a test that runs it (step 2)', () => {
    expect(
      problems((report) => {
        for (const file of operationFiles(folder)) {
          const imported = new RegExp(`from '(\\.\\./)+${folder}/${file}'`);
          if (!testFiles.some((test) => imported.test(test.text))) {
            report(
              `step 2: ${folder}/${file}.ts has no test: add test/${folder}/${file}.test.ts, which imports it and checks the exact request (see ${CHECKLIST})`,
            );
          }
        }
      }),
    ).toEqual([]);
  });
});

describe('README lines (step 5)', () => {
  const rowsOf = (path: string) =>
    read(path)
      .split('\n')
      .filter((line) => line.startsWith('| '));

  it.each(['creates', 'searches'] as const)('%s/README.md has one line for each operation', (folder) => {
    const rows = rowsOf(`${folder}/README.md`);
    expect(
      problems((report) => {
        for (const operation of Object.values(FOLDERS[folder]) as Array<{ key: string; display: { label: string } }>) {
          if (!rows.some((row) => row.startsWith(`| \`${operation.key}\` | ${operation.display.label} |`))) {
            report(
              `step 5: ${folder}/README.md has no line for ${operation.key}: add "| \`${operation.key}\` | ${operation.display.label} | … |" to its table`,
            );
          }
        }
      }),
    ).toEqual([]);
  });

  it('triggers/README.md names every visible trigger', () => {
    const text = read('triggers/README.md');
    expect(
      problems((report) => {
        for (const trigger of Object.values(triggers) as Array<{ key: string; display: { hidden?: boolean } }>) {
          if (!trigger.display.hidden && !text.includes(`\`${trigger.key}\``))
            report(`step 5: triggers/README.md has no line for ${trigger.key}: add it to the table of triggers`);
        }
      }),
    ).toEqual([]);
  });

  it('README.md names every permission an endpoint needs, and only those', () => {
    const section = read('README.md').split('## Connecting a real Reevo key')[1]?.split('\n2. ')[0] ?? '';
    const named = new Set(
      [...section.matchAll(/^\s*\| ([A-Z][\w ]+ \((?:read|write)\)) \|/gm)].map((match) => match[1]),
    );
    // The endpoint table's, and the reads of v2 records (triggers, dropdowns, Find Task) that go through `_query`.
    const reads = (['account', 'contact', 'opportunity', 'task'] as const).flatMap((type) =>
      v2Permissions(type, 'read'),
    );
    const needed = new Set<string>([
      ...Object.values(endpoints).flatMap((endpoint: Endpoint) => endpoint.permissions),
      ...reads,
    ]);
    expect(
      problems((report) => {
        for (const permission of needed) {
          if (!named.has(permission))
            report(
              `step 5: README.md's permission table has no line for ${permission}: add "| ${permission} | what it allows |"`,
            );
        }
        for (const permission of named)
          if (!needed.has(permission) && !permission.startsWith('Webhooks'))
            report(`README.md's permission table names ${permission}, which no endpoint needs`);
      }),
    ).toEqual([]);
  });
});

describe('the sandbox (step 4)', () => {
  const sandbox = useSandbox();

  it('answers every endpoint of src/endpoints.ts with a route of its own', async () => {
    const found: string[] = [];
    for (const [name, endpoint] of Object.entries(endpoints) as Array<[string, Endpoint]>) {
      const path = endpoint.path.replace(/\{\w+\}/g, '00000000-0000-0000-0000-000000000000');
      const query = endpoint.query ? `?${new URLSearchParams(endpoint.query as Record<string, string>)}` : '';
      const v2 = endpoint.path.startsWith(V2);
      const response = await fetch(`${sandbox().url}${path}${query}`, {
        method: endpoint.method,
        headers: {
          'content-type': 'application/json',
          ...(v2 ? { authorization: `Bearer ${DEMO_KEYS.full}` } : { 'x-api-key': DEMO_KEYS.full }),
        },
        ...(endpoint.method === 'GET' ? {} : { body: '{}' }),
      });
      const body = (await response.json().catch(() => undefined)) as { detail?: unknown } | undefined;
      const noRoute = response.status === 405 || (response.status === 404 && body?.detail === 'Not Found');
      if (noRoute)
        found.push(
          `step 4: the sandbox has no route for ${endpoint.method} ${endpoint.path} (endpoints.${name}): add one (see ${CHECKLIST})`,
        );
    }
    expect(found).toEqual([]);
  });
});
