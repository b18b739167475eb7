/** Find Task in Clay: a two-column chain (Find Task Owner, then the v2 task `_query`), each picking the exact match from a contains search. */
import { join } from 'node:path';
import { recipeByName } from '../../clay/recipes';
import { returnedValues } from '../../clay/send';
import { DEMO_KEYS, type RunningSandbox, startSandbox } from '../../sandbox';
import { cli, problemLines, readCsv, tempDir, writeTable } from './helpers';

const owner = recipeByName('find_task_owner')!;
const findTask = recipeByName('find_task')!;
const OWNER_EMAIL = 'morgan.ellery@acme-outbound.example';

describe("Find Task Owner picks the user whose email is exactly the row's", () => {
  const pick = (answer: unknown, email: string) =>
    returnedValues(owner, answer, (column) => (column === 'User Email' ? email : ''))['Task Owner ID'];
  const answer = [
    { id: 'longer', email: 'xmorgan@acme.example' },
    { id: 'exact', email: 'Morgan@Acme.example' },
  ];

  test.each([
    ['morgan@acme.example', 'exact'],
    [' MORGAN@acme.example ', 'exact'],
    ['organ@acme.example', ''],
    ['', ''],
  ])('%j → %j', (email, id) => {
    expect(pick(answer, email)).toBe(id);
  });

  test('an empty answer, or none at all, finds nothing', () => {
    expect(pick([], 'morgan@acme.example')).toBe('');
    expect(pick(null, 'morgan@acme.example')).toBe('');
  });
});

describe('Find Task picks the exact title, else the newest', () => {
  const task = (id: string, title: string) => ({
    id,
    record_type: 'task',
    attributes: { title: { value_type: 'string', value: title } },
  });
  const pick = (answer: unknown, title: string) =>
    returnedValues(findTask, answer, (column) => (column === 'Task Title' ? title : ''))['Found Task ID'];
  const answer = { data: [task('newest', 'Renewal call: pricing'), task('exact', 'Renewal call')], next_cursor: null };

  test.each([
    ['renewal call', 'exact'],
    ['Renewal', 'newest'],
    ['', 'newest'],
  ])('%j → %j', (title, id) => {
    expect(pick(answer, title)).toBe(id);
  });

  test('no task found is empty', () => {
    expect(pick({ data: [], next_cursor: null }, 'Renewal call')).toBe('');
    expect(pick(undefined, 'Renewal call')).toBe('');
  });
});

describe('Find Task rows', () => {
  const HEADER = ['Task Title', 'User Email', 'Task Owner ID', 'Found Task ID'];

  test('render: only filled cells become filters; an owner email without its ID waits for Find Task Owner', async () => {
    const dir = tempDir();
    const table = writeTable(dir, 't.csv', [
      HEADER,
      ['renewal', '', '', ''],
      ['', OWNER_EMAIL, 'b8e2f4a1-3c5d-4e6f-9a7b-1c2d3e4f5a6b', ''],
      ['renewal', OWNER_EMAIL, '', ''],
    ]);
    const { code, stdout } = await cli(['render', 'find_task', table]);
    expect(code).toBe(0);
    const bodies = stdout.split('### ').slice(1);
    expect(bodies[0]).toContain('POST https://api.reevo.ai/api/v2/task/_query');
    expect(bodies[0]).toContain('Authorization: (from the Clay Account "Reevo API key (v2)")');
    expect(JSON.parse(bodies[0].slice(bodies[0].indexOf('{')))).toEqual({
      filters: [{ field: 'title', operator: 'contains', value: 'renewal' }],
      sort: [{ field: 'created_at', direction: 'desc' }],
      limit: 50,
    });
    expect(JSON.parse(bodies[1].slice(bodies[1].indexOf('{'))).filters).toEqual([
      { field: 'owner_user_id', operator: 'eq', value: 'b8e2f4a1-3c5d-4e6f-9a7b-1c2d3e4f5a6b' },
    ]);
    expect(bodies[2]).toMatch(
      /^row 3: not run \(Only run if is false: .*\(!\{\{User Email\}\} \|\| !!\{\{Task Owner ID\}\}\)\)/,
    );
  });

  test('check: a placeholder title is a problem', async () => {
    const dir = tempDir();
    const table = writeTable(dir, 't.csv', [HEADER, ['N/A', '', '', '']]);
    const { code, stdout } = await cli(['check', 'find_task', table]);
    expect(code).toBe(1);
    expect(problemLines(stdout)).toEqual([
      expect.stringMatching(/^row 1, column "Task Title" \(title\): "N\/A" is a placeholder/),
    ]);
  });
});

describe('the chain against the sandbox', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    await sb.stop();
  });

  test('Find Task Owner, then Find Task, finds the task of that owner with exactly that title', async () => {
    const dir = tempDir();
    const io = { env: { REEVO_API_KEY: DEMO_KEYS.full }, sleep: async () => undefined, backoffMs: 1 };
    const send = (recipe: string, table: string) => cli(['send', recipe, table, '--base-url', sb.url], io);
    const tasks = writeTable(dir, 'tasks.csv', [
      ['Task Title', 'Task Owner Email', 'Due Date', 'Task Priority', 'Task Type', 'Note', 'Email', 'Reevo Task ID'],
      ['Chain check: renewal call', OWNER_EMAIL, '', '', '', '', '', ''],
      ['Chain check: renewal call with pricing', OWNER_EMAIL, '', '', '', '', '', ''],
    ]);
    const made = await send('create_task', tasks);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const created = readCsv(join(dir, 'tasks.out.csv'));

    const users = writeTable(dir, 'users.csv', [
      ['User Email', 'Task Owner ID'],
      [OWNER_EMAIL, ''],
    ]);
    expect((await send('find_task_owner', users)).code).toBe(0);
    const ownerId = readCsv(join(dir, 'users.out.csv'))[0]['Task Owner ID'];
    expect(ownerId).toMatch(/^[0-9a-f-]{36}$/);

    const lookups = writeTable(dir, 'lookups.csv', [
      ['Task Title', 'User Email', 'Task Owner ID', 'Found Task ID'],
      ['chain check: renewal call', OWNER_EMAIL, ownerId, ''],
    ]);
    const run = await send('find_task', lookups);
    expect(run.stdout).toMatch(/1 ok, 0 failed/);
    const found = readCsv(join(dir, 'lookups.out.csv'))[0]['Found Task ID'];
    expect(found).toBe(created.find((row) => row['Task Title'] === 'Chain check: renewal call')!['Reevo Task ID']);
  });
});
