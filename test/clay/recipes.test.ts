/** The recipes: committed files equal the generator's output, and every recipe fits the contract. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generatedFiles } from '../../clay/generate';
import { generateRecipes, type Recipe } from '../../clay/recipes';
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
} from '../../src/samples';

const CLAY = resolve(__dirname, '../../clay');
const recipes = generateRecipes();
const byName = (name: string) => recipes.find((r) => r.name === name)!;

describe('committed recipe files', () => {
  const files = generatedFiles();

  test.each([...files.keys()])('clay/%s is what the generator writes (run `node dist/clay/generate.js` after a change)', (path) => {
    expect(readFileSync(join(CLAY, path), 'utf8')).toBe(files.get(path));
  });

  test('no stale recipe file lingers in clay/recipes', () => {
    const committed = readdirSync(join(CLAY, 'recipes')).map((name) => `recipes/${name}`);
    expect(committed.sort()).toEqual([...files.keys()].filter((p) => p.startsWith('recipes/')).sort());
  });
});

test('the recipes cover every operation of the issue', () => {
  expect(recipes.map((r) => r.name)).toEqual([
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
    'find_contacts_by_email',
    'find_contact_and_account_by_email',
    'find_contact_and_account_by_domain',
    'find_contact_and_account_by_phone',
  ]);
});

describe.each(recipes.map((r) => [r.name, r] as const))('%s', (_name, recipe: Recipe) => {
  const endpoint: Endpoint = endpoints[recipe.endpointName];
  const prepared = prepareRecipe(recipe);

  test('method, endpoint, query and permissions come from the endpoint table', () => {
    expect(recipe.method).toBe(endpoint.method);
    expect(recipe.endpoint.replace(/\{\{[^}]+\}\}/g, '{}')).toBe(`https://api.reevo.ai${endpoint.path.replace(/\{\w+\}/g, '{}')}`);
    for (const [key, value] of Object.entries(endpoint.query ?? {})) expect(recipe.queryString).toContainEqual({ key, value });
    expect(recipe.permissions).toEqual(endpoint.permissions);
    expect(recipe.account.headers).toEqual([{ key: 'x-api-key', value: '<your Reevo API key>' }]);
    expect(JSON.stringify(recipe.headers)).not.toMatch(/x-api-key/i);
  });

  test('every chip feeds a field of the endpoint, under its clay column, quoted by its wire shape', () => {
    for (const slot of prepared.bodySlots) {
      expect(slot.column).toBe(slot.param.field.wire === 'object' ? expect.any(String) : slot.param.field.clayColumn);
      expect(slot.bare).toBe(slot.param.field.wire === 'number');
      if (slot.param.field.wire === 'string[]') expect(typeof slot.path.at(-1)).toBe('number');
    }
    for (const slot of prepared.pathSlots) expect(slot.column).toBe(slot.param!.field.clayColumn);
  });

  test('every required field of the endpoint is in the recipe, and the body keeps the fixed values', () => {
    const sent = new Set([...prepared.bodySlots.map((s) => s.param.field.key), ...prepared.pathSlots.map((s) => s.param!.field.key), ...prepared.querySlots.map((s) => s.row.key)]);
    for (const param of endpoint.params.filter((p) => p.required)) expect(sent).toContain(param.field.key);
    if (recipe.body) for (const [key, value] of Object.entries(endpoint.fixedBody ?? {})) expect(JSON.parse(recipe.body.replace(/\{\{[^}]+\}\}/g, '0'))[key]).toBe(value);
  });

  test('a row of the catalog examples renders to a request the contract accepts', () => {
    const cells = Object.fromEntries(recipe.columns.map((c) => [c.name, c.example]));
    const outcome = evaluateRow(prepared, cells, 1);
    expect(outcome.status).toBe('ok');
    expect(outcome.issues).toEqual([]);
  });

  test('each optional line pasted into the body still fits the endpoint', () => {
    if (!recipe.body) return expect(recipe.optionalBodyLines).toEqual([]);
    for (const line of recipe.optionalBodyLines) {
      const body = line.where === 'top level' ? recipe.body.replace(/\n}$/, `,\n  ${line.line}\n}`) : recipe.body.replace(/\n {2}}/, `,\n    ${line.line}\n  }`);
      const withLine = prepareRecipe({ ...recipe, body });
      expect(withLine.bodySlots.map((s) => s.param.field.key)).toContain(line.field);
    }
  });

  test('Only run if needs the required columns, and for a create an empty result column', () => {
    for (const column of recipe.columns.filter((c) => c.required)) expect(recipe.onlyRunIf.filled).toContain(column.name);
    expect(recipe.onlyRunIf.formula).toBe([...recipe.onlyRunIf.filled.map((c) => `!!{{${c}}}`), ...recipe.onlyRunIf.empty.map((c) => `!{{${c}}}`)].join(' && '));
    if (recipe.rerun.safe) expect(recipe.onlyRunIf.empty).toEqual([]);
    else {
      expect(recipe.onlyRunIf.empty).toEqual([recipe.returns[0].column]);
      expect(recipe.returns[0].path).toBe('id');
      expect(recipe.columns.map((c) => c.name)).not.toContain(recipe.returns[0].column);
    }
  });

  test('the fields to return exist in the response Reevo sends', () => {
    const values = returnedValues(recipe, SAMPLE_RESPONSES[recipe.endpointName]);
    for (const ret of recipe.returns) expect(values[ret.column]).not.toBe('');
    expect(recipe.fieldPathsToReturn).toBe(recipe.returns.map((r) => r.path).join(', '));
  });

  test('a rate limit is set', () => {
    expect(recipe.rateLimit.requests).toBeGreaterThanOrEqual(1);
    expect(recipe.rateLimit.durationMs).toBeGreaterThanOrEqual(1000);
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
  searchContacts: [sampleContact],
  retrieveAccountAndContact: sampleRetrieval,
};

test('quoting follows the wire shape: text quoted, numbers bare, lists and custom fields as quoted chips', () => {
  expect(byName('create_opportunity').body).toContain('"amount": {{Deal Amount}}');
  expect(byName('create_opportunity').body).toContain('"display_name": "{{Opportunity Name}}"');
  expect(byName('create_task').body).toContain('"contact_emails": ["{{Email}}"]');
  expect(byName('log_manual_activity').body).toMatch(/"metadata": \{\n {4}"activity_time": "\{\{Activity Time\}\}"/);
  expect(byName('create_account').optionalBodyLines).toContainEqual(
    expect.objectContaining({ field: 'custom_fields', line: '"custom_fields": { "industry_segment": "{{Industry Segment}}" }' }),
  );
});

test("the upsert keeps payload_type=json and the retrieval sends its identifier as a query row", () => {
  expect(byName('upsert_account_contact').queryString).toEqual([{ key: 'payload_type', value: 'json' }]);
  expect(byName('find_contact_and_account_by_phone').queryString).toEqual([{ key: 'contact_phone_number', value: '{{Phone}}' }]);
  expect(byName('find_contact_and_account_by_phone').body).toBeNull();
  expect(byName('update_account').endpoint).toBe('https://api.reevo.ai/api/v1/public/accounts/{{Reevo Account ID}}');
});

test('upserts, updates and finds are safe to re-run; creates are not', () => {
  const unsafe = recipes.filter((r) => !r.rerun.safe).map((r) => r.name);
  expect(unsafe).toEqual(['create_account', 'create_opportunity', 'create_task', 'log_manual_activity', 'enroll_contact_in_sequence']);
  expect(byName('create_task').onlyRunIf.formula).toBe('!!{{Task Title}} && !!{{Task Owner Email}} && !{{Reevo Task ID}}');
});

test('the guide links the cards and agrees with the recipes on rate limits', () => {
  const guide = readFileSync(join(CLAY, 'README.md'), 'utf8');
  expect(guide).toContain('[RECIPES.md](RECIPES.md)');
  const rows = [...guide.matchAll(/^\| [^|]+ \| (\d+) \| (\d+) \|$/gm)].map((m) => `${m[1]}/${m[2]}`);
  expect(new Set(rows)).toEqual(new Set(recipes.map((r) => `${r.rateLimit.requests}/${r.rateLimit.durationMs}`)));
  for (const recipe of recipes.filter((r) => !r.rerun.safe)) expect(guide).toContain(recipe.title);
  expect(existsSync(join(CLAY, 'RECIPES.md'))).toBe(true);
});
