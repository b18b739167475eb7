/** The recipes: committed files equal the generator's output, and every recipe fits the contract. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedFiles } from '../../clay/generate';
import { callsEndpointTable, generateRecipes, type Recipe } from '../../clay/recipes';
import { compileFormula, runIfColumns } from '../../clay/formula';
import { evaluateRow, prepareRecipe } from '../../clay/rows';
import { returnedValues } from '../../clay/send';
import { endpoints, type Endpoint, type EndpointName } from '../../src/endpoints';
import {
  sampleAccount,
  sampleContact,
  sampleEnrollment,
  sampleManualActivity,
  sampleOpportunity,
  sampleRetrieval,
  sampleTask,
  sampleUpsertResult,
  sampleUser,
} from '../../src/samples';

const CLAY = resolve(__dirname, '../../clay');
const recipes = generateRecipes();
const byName = (name: string) => recipes.find((r) => r.name === name)!;

describe('committed recipe files', () => {
  const files = generatedFiles();

  test.each([...files.keys()])(
    'clay/%s is what the generator writes (run `node dist/clay/generate.js` after a change)',
    (path) => {
      expect(readFileSync(join(CLAY, path), 'utf8')).toBe(files.get(path));
    },
  );

  test('no stale recipe file lingers in clay/recipes', () => {
    const committed = readdirSync(join(CLAY, 'recipes')).map((name) => `recipes/${name}`);
    expect(committed.sort()).toEqual([...files.keys()].filter((p) => p.startsWith('recipes/')).sort());
  });
});

test('the recipes cover every operation of the issue', () => {
  expect(recipes.map((r) => r.name)).toEqual(
    expect.arrayContaining([
      'upsert_account_contact',
      'create_account',
      'update_account',
      'create_opportunity',
      'update_opportunity',
      'move_opportunity_stage',
      'create_task',
      'log_manual_activity',
      'enroll_contact_in_sequence',
      'find_account_by_domain',
      'find_opportunity',
      'find_contacts_by_email',
      'find_contact_and_account_by_email',
      'find_contact_and_account_by_domain',
      'find_contact_and_account_by_phone',
      'start_workflow',
      'find_task_owner',
      'find_task',
    ]),
  );
});

/** A row of the catalog's example cells, as a formula sees it. */
const exampleCells = (recipe: Recipe): Record<string, string> =>
  Object.fromEntries(recipe.columns.map((c) => [c.name, c.example]));
const bodyOf = (recipe: Recipe, cells: Record<string, string>) =>
  JSON.parse(String(compileFormula(recipe.bodyFormula!.formula).evaluate((column) => cells[column] ?? '')));

/** The recipes that call an endpoint of src/endpoints.ts (Start Reevo Workflow and Find Task: test/clay/workflow.test.ts, test/clay/find-task.test.ts). */
const endpointRecipes = recipes.filter(callsEndpointTable);

describe.each(endpointRecipes.map((r) => [r.name, r] as const))('%s', (_name, recipe: Recipe) => {
  const endpoint: Endpoint = endpoints[recipe.endpointName as EndpointName];
  const prepared = prepareRecipe(recipe);

  test('method, endpoint, query and permissions come from the endpoint table', () => {
    expect(recipe.method).toBe(endpoint.method);
    expect(recipe.endpoint.replace(/\{\{[^}]+\}\}/g, '{}')).toBe(
      `https://api.reevo.ai${endpoint.path.replace(/\{\w+\}/g, '{}')}`,
    );
    for (const [key, value] of Object.entries(endpoint.query ?? {}))
      expect(recipe.queryString).toContainEqual({ key, value });
    expect(recipe.permissions).toEqual(endpoint.permissions);
    // v1 takes the key in x-api-key, v2 as a bearer token: the one header of the recipe's Clay Account.
    expect(recipe.account.headers).toEqual(
      endpoint.path.startsWith('/api/v2/')
        ? [{ key: 'Authorization', value: 'Bearer <your Reevo API key>' }]
        : [{ key: 'x-api-key', value: '<your Reevo API key>' }],
    );
    expect(JSON.stringify(recipe.headers)).not.toMatch(/x-api-key|authorization/i);
  });

  test('the Body is the chip of the body formula, whose keys are fields of the endpoint read from their clay columns', () => {
    if (recipe.method === 'GET') return expect([recipe.body, recipe.bodyFormula]).toEqual([null, null]);
    expect(recipe.body).toBe(`{{${recipe.bodyFormula!.column}}}`);
    const body = bodyOf(recipe, exampleCells(recipe));
    for (const param of endpoint.params.filter((p) => (p.in ?? 'body') === 'body')) {
      const holder = param.under ? body[param.under] : body;
      if (holder && param.field.key in holder && param.field.wire !== 'object')
        expect(prepared.columnsOfKey.get(param.field.key)).toEqual([param.field.clayColumn]);
    }
    for (const [key, value] of Object.entries(endpoint.fixedBody ?? {})) expect(body[key]).toEqual(value);
    for (const slot of prepared.pathParams) expect(slot.column).toBe(slot.param.field.clayColumn);
  });

  test('every required field of the endpoint is in the recipe', () => {
    const sent = new Set([...recipe.columns.map((c) => c.field), ...recipe.queryString.map((q) => q.key)]);
    for (const param of endpoint.params.filter((p) => p.required)) expect(sent).toContain(param.field.key);
  });

  test('a row of the catalog examples renders to a request the contract accepts', () => {
    const outcome = evaluateRow(prepared, exampleCells(recipe), 1);
    expect(outcome.status).toBe('ok');
    expect(outcome.issues).toEqual([]);
  });

  test('a row with only the required cells sends only those fields: no empty value reaches Reevo', () => {
    if (!recipe.bodyFormula) return;
    const cells = Object.fromEntries(recipe.columns.map((c) => [c.name, c.required ? c.example : '']));
    const outcome = evaluateRow(prepared, cells, 1);
    expect(outcome.status).toBe('ok');
    const sent = JSON.parse((outcome as { request: { body: string } }).request.body);
    const keys = [
      ...Object.keys(sent),
      ...Object.values(sent).flatMap((v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [])),
    ];
    for (const column of recipe.columns.filter((c) => !c.required && c.where === 'body'))
      expect(keys).not.toContain(column.field);
    expect(JSON.stringify(sent)).not.toMatch(/""/);
  });

  test('each optional line pasted into the body formula still fits the endpoint', () => {
    if (!recipe.bodyFormula) return expect(recipe.optionalBodyLines).toEqual([]);
    for (const line of recipe.optionalBodyLines) {
      const formula =
        line.where === 'top level'
          ? recipe.bodyFormula.formula.replace(/\n\}, \(key, value\)/, `,\n  ${line.line}\n}, (key, value)`)
          : recipe.bodyFormula.formula.replace(/\n {2}\}/, `,\n    ${line.line}\n  }`);
      const edited = { ...recipe, bodyFormula: { ...recipe.bodyFormula, formula } };
      expect(prepareRecipe(edited).columnsOfKey.get(line.field)).toEqual(line.column.split(', '));
      const cells = { ...exampleCells(recipe), ...Object.fromEntries(line.column.split(', ').map((c) => [c, 'x'])) };
      // The line's own key: a v2 attribute may be named otherwise than its input (`owner_email` → `owner_user_id`).
      expect(JSON.stringify(bodyOf(edited, cells))).toContain(line.line.slice(0, line.line.indexOf(':')));
    }
  });

  test('Only run if needs the required columns, and for a create an empty result column', () => {
    const run = (cells: Record<string, string>) =>
      Boolean(compileFormula(recipe.onlyRunIf.formula).evaluate((c) => cells[c] ?? ''));
    const cells = exampleCells(recipe);
    expect(run(cells)).toBe(true);
    for (const column of recipe.columns.filter((c) => c.required))
      expect(run({ ...cells, [column.name]: '' })).toBe(false);
    if (recipe.rerun.safe) expect(runIfColumns(recipe.onlyRunIf.formula).empty).toEqual([]);
    else {
      // v1 answers the record itself, v2 in a `data` envelope.
      expect(recipe.returns[0].path).toBe(recipe.endpoint.includes('/api/v2/') ? 'data.id' : 'id');
      expect(run({ ...cells, [recipe.returns[0].column]: 'c27d9e41-6a3b-4d8f-8e15-2b9f0a7c6d38' })).toBe(false);
      expect(recipe.columns.map((c) => c.name)).not.toContain(recipe.returns[0].column);
    }
    if (recipe.chain)
      expect(run({ ...cells, [recipe.chain.foundColumn]: 'c27d9e41-6a3b-4d8f-8e15-2b9f0a7c6d38' })).toBe(false);
  });

  test('the fields to return exist in the response Reevo sends', () => {
    const values = returnedValues(recipe, SAMPLE_RESPONSES[recipe.endpointName as EndpointName], (column) =>
      column === 'Opportunity Name'
        ? sampleOpportunity.display_name
        : column === 'User Email'
          ? String(sampleUser.email)
          : '',
    );
    for (const ret of recipe.returns) expect(values[ret.column]).not.toBe('');
    expect(recipe.fieldPathsToReturn).toBe(recipe.returns.flatMap((r) => (r.path ? [r.path] : [])).join(', '));
  });

  test('a rate limit is set', () => {
    expect(recipe.rateLimit.requests).toBeGreaterThanOrEqual(1);
    expect(recipe.rateLimit.durationMs).toBeGreaterThanOrEqual(1000);
  });

  test('the help speaks Clay: no advice that only holds in Zapier', () => {
    const text = JSON.stringify([recipe.columns, recipe.notes, recipe.optionalBodyLines, recipe.rerun]);
    expect(text).not.toMatch(
      /zap\b|zapier|95,000\.00|read as (UTC|US)|all work|both work|works too|any common format|(Find|New) [A-Z][\w ]* step\b|pick (it|them)|dropdown|line item/i,
    );
  });
});

/** What each endpoint answers (contract §2.2), from the samples the sandbox also serves. */
const SAMPLE_RESPONSES: Partial<Record<EndpointName, unknown>> = {
  upsertAccountContact: sampleUpsertResult,
  createAccount: sampleAccount,
  updateAccount: sampleAccount,
  createOpportunity: sampleOpportunity,
  updateOpportunity: sampleOpportunity,
  shiftOpportunityStage: sampleOpportunity,
  createTask: sampleTask,
  createManualActivity: sampleManualActivity,
  enrollInSequence: sampleEnrollment,
  searchAccounts: [sampleAccount],
  searchOpportunities: [
    { ...sampleOpportunity, id: 'a-contains-match', display_name: `${sampleOpportunity.display_name} renewal` },
    sampleOpportunity,
  ],
  searchContacts: [sampleContact],
  searchUsers: [{ ...sampleUser, id: 'a-contains-match', email: `x${sampleUser.email}` }, sampleUser],
  retrieveAccountAndContact: sampleRetrieval,
  assertAccount: v2Answer(
    'account',
    { display_name: { value_type: 'string', value: 'Acme Analytics' } },
    { action: 'created' },
  ),
  createNote: v2Answer('note', { note_html: { value_type: 'rich_text', value: '<p>Discovery call recap.</p>' } }),
  updateTask: v2Answer('task', { status: { value_type: 'enum', value: 'IN_PROGRESS' } }),
  completeTask: v2Answer('task', { status: { value_type: 'enum', value: 'COMPLETED' } }),
  updateContact: v2Answer('contact', { title: { value_type: 'string', value: 'CTO' } }),
};

/** A v2 write's answer (docs/reevo-api.md §3.1): the record in a `data` envelope, `_assert`'s `meta.action`. */
function v2Answer(recordType: string, attributes: Record<string, unknown>, meta?: { action: string }) {
  const record = {
    id: 'd9a6e2b4-3f1c-4a8e-b7d5-1c0e9f4a6b27',
    record_type: recordType,
    created_at: '2026-12-01T09:30:00Z',
    updated_at: '2026-12-02T08:15:00Z',
    attributes,
  };
  return { data: record, ...(meta ? { meta } : {}) };
}

test('the body formula puts each field in its shape: text, a number, a list, custom fields, nested objects', () => {
  const body = (name: string) => byName(name).bodyFormula!.formula;
  expect(body('create_opportunity')).toContain('"amount": {{Deal Amount}}');
  expect(body('create_task')).toContain('"contact_emails": [{{Email}}]');
  expect(body('log_manual_activity')).toMatch(/"metadata": \{\n {4}"activity_time": \{\{Activity Time\}\}/);
  expect(byName('create_account').optionalBodyLines).toContainEqual(
    expect.objectContaining({
      field: 'custom_fields',
      line: '"custom_fields": { "industry_segment": {{Industry Segment}} }',
    }),
  );
});

test('the upsert keeps payload_type=json and the retrieval sends its identifier as a query row', () => {
  expect(byName('upsert_account_contact').queryString).toEqual([{ key: 'payload_type', value: 'json' }]);
  expect(byName('find_contact_and_account_by_phone').queryString).toEqual([
    { key: 'contact_phone_number', value: '{{Phone}}' },
  ]);
  expect(byName('find_contact_and_account_by_phone').body).toBeNull();
  expect(byName('find_account_by_domain').queryString).toEqual([
    { key: 'account_domain', value: '{{Company Domain}}' },
  ]);
  expect(byName('update_account').endpoint).toBe('https://api.reevo.ai/api/v1/public/accounts/{{Reevo Account ID}}');
});

test('upserts, updates and finds are safe to re-run; creates are not', () => {
  const unsafe = recipes.filter((r) => !r.rerun.safe).map((r) => r.name);
  expect(unsafe).toEqual(
    expect.arrayContaining([
      'create_account',
      'create_opportunity',
      'create_task',
      'log_manual_activity',
      'enroll_contact_in_sequence',
    ]),
  );
  expect(byName('create_task').onlyRunIf.formula).toBe(
    '!!{{Task Title}} && !!{{Task Owner Email}} && !{{Reevo Task ID}}',
  );
  expect(byName('create_account').onlyRunIf.formula).toBe(
    '!!{{Company Name}} && !{{Found Account ID}} && !{{Created Account ID}}',
  );
});

test('the guide links the cards and agrees with the recipes on rate limits', () => {
  const guide = readFileSync(join(CLAY, 'README.md'), 'utf8');
  expect(guide).toContain('[RECIPES.md](RECIPES.md)');
  const rows = [...guide.matchAll(/^\| [^|]+ \| (\d+) \| (\d+) \|$/gm)].map((m) => `${m[1]}/${m[2]}`);
  expect(new Set(rows)).toEqual(new Set(recipes.map((r) => `${r.rateLimit.requests}/${r.rateLimit.durationMs}`)));
  for (const recipe of recipes.filter((r) => !r.rerun.safe)) expect(guide).toContain(recipe.title);
  expect(existsSync(join(CLAY, 'RECIPES.md'))).toBe(true);
});

describe('Find Opportunity picks the exact name from a contains-search answer', () => {
  const find = byName('find_opportunity');
  const pick = (answer: unknown, name: string) =>
    returnedValues(find, answer, (column) => (column === 'Opportunity Name' ? name : ''))['Found Opportunity ID'];
  const answer = [
    { id: 'renewal', display_name: 'Northwind - Phase 2 renewal' },
    { id: 'exact', display_name: 'Northwind - Phase 2' },
    { id: 'other', display_name: 'Northwind - Phase 20' },
  ];

  test.each([
    ['Northwind - Phase 2', 'exact'],
    ['  northwind - PHASE 2 ', 'exact'],
    ['Northwind - Phase 2 renewal', 'renewal'],
    ['Northwind', ''],
    ['', ''],
  ])('%j → %j', (name, id) => {
    expect(pick(answer, name)).toBe(id);
  });

  test('an empty answer, or none at all, finds nothing', () => {
    expect(pick([], 'Northwind - Phase 2')).toBe('');
    expect(pick(null, 'Northwind - Phase 2')).toBe('');
    expect(find.fieldPathsToReturn).toBe('');
  });
});
