import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import creates from '../../creates';
import { perform as createAccount } from '../../creates/create_account';
import { clearCustomFieldCache, SCHEMA_CACHE_TTL_MS } from '../../src/custom-fields';
import { sampleAccount } from '../../src/samples';
import { appTester, bundleWith, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();
/** Zapier's cache as core's app tester keeps it between runs (`z.cache`, shared by a connection's workers). */
const zapierCache = appTester as unknown as { zcacheTestObj: Record<string, unknown> };
beforeEach(() => {
  clearCustomFieldCache();
  zapierCache.zcacheTestObj = {};
});
afterEach(() => jest.restoreAllMocks());

/** Runs an operation's field list as Zapier does (core resolves it to its path in the app and runs each function). */
const run = appTester as unknown as (fields: unknown, bundle: Partial<Bundle>) => Promise<unknown>;
type CreateKey = keyof typeof creates;

interface Field {
  key: string;
  label?: string;
  helpText?: string;
  type?: string;
  list?: boolean;
  dict?: boolean;
  required?: boolean;
}
const inputFields = async (create: CreateKey, bundle = bundleWith()) =>
  (await run(creates[create].operation.inputFields, bundle)) as Field[];
const outputFields = async (create: CreateKey, bundle = bundleWith()) =>
  (await run(creates[create].operation.outputFields, bundle)) as Field[];
const byKey = (fields: Field[]) => Object.fromEntries(fields.map((field) => [field.key, field]));

const attribute = (
  api_name: string,
  display_name: string,
  extra: Record<string, unknown> = {},
  type_info = { is_array: false, value_type: 'string' },
) => ({
  api_name,
  display_name,
  is_creatable: true,
  is_updatable: true,
  is_custom: true,
  is_required_on_create: false,
  type_info,
  ...extra,
});

/** Bare objects, as `GET /api/v2/_schema/{type}` answers (test/fixtures/reevo-docs/introspect-schema.response.json). */
const ACCOUNT_SCHEMA = {
  api_name: 'account',
  display_name: 'Account',
  is_custom: false,
  attributes: [
    attribute('display_name', 'Name', { is_custom: false, is_required_on_create: true }),
    attribute('domains', 'Domains', { is_custom: false }, { is_array: true, value_type: 'account_domain' }),
    attribute('industry_segment', 'Industry Segment', {}, { is_array: false, value_type: 'select' }),
    attribute('tech_stack', 'Tech Stack', {}, { is_array: true, value_type: 'string' }),
    attribute(
      'employee_count',
      'Employees',
      { is_required_on_create: true },
      { is_array: false, value_type: 'number' },
    ),
    attribute('renewal_date', 'Renewal Date', {}, { is_array: false, value_type: 'date' }),
    attribute('legacy_crm_id', 'Legacy CRM ID', { is_updatable: false }),
    attribute(
      'health_score',
      'Health Score',
      { is_creatable: false, is_updatable: false },
      { is_array: false, value_type: 'percent' },
    ),
    attribute('contract_value', 'Contract Value', {}, { is_array: false, value_type: 'currency' }),
    attribute('is_partner', 'Partner', {}, { is_array: false, value_type: 'boolean' }),
    attribute('last_reviewed_at', 'Last Reviewed', {}, { is_array: false, value_type: 'timestamp' }),
    attribute('billing_address', 'Billing Address', {}, { is_array: false, value_type: 'address' }),
  ],
  relationships: [],
};
const CONTACT_SCHEMA = {
  api_name: 'contact',
  attributes: [attribute('primary_email', 'Email', { is_custom: false }), attribute('persona', 'Persona')],
  relationships: [],
};
const OPPORTUNITY_SCHEMA = {
  api_name: 'opportunity',
  attributes: [
    attribute('deal_source', 'Deal Source'),
    attribute('competitors', 'Competitors', {}, { is_array: true, value_type: 'string' }),
  ],
  relationships: [],
};
const EMPTY_SCHEMA = { api_name: 'account', attributes: [], relationships: [] };

const schemaPath = (type: string) => `/api/v2/_schema/${type}`;
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/reevo-docs', name), 'utf8')) as { example: unknown };

/** Create Account's inputs when no custom field is known. */
const staticKeys = [
  'name',
  'domain_name',
  'owner_email',
  'official_website',
  'linkedin_url',
  'facebook_url',
  'zoominfo_url',
  'x_url',
  'custom_fields',
];

describe('dynamic custom field inputs', () => {
  it('adds one input per writable custom field of the schema, after the catalog fields', async () => {
    const call = expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const fields = await inputFields('create_account');

    expect(call.seen().headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(call.seen().headers['x-api-key']).toBeUndefined();
    const keys = fields.map((field) => field.key);
    expect(keys.slice(0, 2)).toEqual(['name', 'domain_name']);
    expect(keys).toContain('custom_fields');
    expect(keys.filter((key) => key.startsWith('custom_fields__'))).toEqual([
      'custom_fields__industry_segment',
      'custom_fields__tech_stack',
      'custom_fields__employee_count',
      'custom_fields__renewal_date',
      'custom_fields__legacy_crm_id',
      'custom_fields__contract_value',
      'custom_fields__is_partner',
      'custom_fields__last_reviewed_at',
    ]);
    const f = byKey(fields);
    expect(f.custom_fields__industry_segment).toMatchObject({
      label: 'Industry Segment',
      type: 'string',
      required: false,
    });
    expect(f.custom_fields__industry_segment.helpText).toMatch(/`industry_segment`/);
    expect(f.custom_fields__tech_stack).toMatchObject({ label: 'Tech Stack', list: true });
    expect(f.custom_fields__employee_count).toMatchObject({ type: 'number', required: true });
    expect(f.custom_fields__renewal_date).toMatchObject({ type: 'datetime' });
    expect(f.custom_fields__contract_value).toMatchObject({ type: 'number' });
    expect(f.custom_fields__is_partner).toMatchObject({ type: 'boolean' });
    expect(f.custom_fields__last_reviewed_at).toMatchObject({ type: 'datetime' });
  });

  it('reads the schema page’s own example: a bare object whose one attribute is not custom', async () => {
    expectRequest('GET', schemaPath('account'), 200, fixture('introspect-schema.response.json').example);
    expect((await inputFields('create_account')).map((field) => field.key)).toEqual(staticKeys);
  });

  it('also reads a schema wrapped in data, as the health page says every answer is', async () => {
    expectRequest('GET', schemaPath('account'), 200, { data: ACCOUNT_SCHEMA });
    expect((await inputFields('create_account')).map((field) => field.key)).toContain('custom_fields__tech_stack');
  });

  it('offers only updatable fields on an update, none required, each saying empty keeps the value', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const custom = (await inputFields('update_account')).filter((field) => field.key.startsWith('custom_fields__'));
    expect(custom.map((field) => field.key)).not.toContain('custom_fields__legacy_crm_id');
    expect(custom.map((field) => field.key)).not.toContain('custom_fields__health_score');
    for (const field of custom) {
      expect(field.required).toBe(false);
      expect(field.helpText).toMatch(/Leave empty to keep the current value\./);
    }
  });

  it('gives the upsert both account_custom_fields__… and contact_custom_fields__… inputs, labelled by record', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    expectRequest('GET', schemaPath('contact'), 200, CONTACT_SCHEMA);
    const f = byKey(await inputFields('upsert_account_contact'));
    expect(f.contact_custom_fields__persona).toMatchObject({ label: 'Contact: Persona' });
    expect(f.account_custom_fields__industry_segment).toMatchObject({ label: 'Account: Industry Segment' });
    expect(f.account_custom_fields__tech_stack).toMatchObject({ list: true });
    expect(f.account_custom_fields).toMatchObject({ dict: true });
    expect(f.contact_custom_fields).toMatchObject({ dict: true });
    expect(f.contact_custom_fields__email).toBeUndefined();
  });

  it('reads opportunity custom fields for the opportunity actions', async () => {
    expectRequest('GET', schemaPath('opportunity'), 200, OPPORTUNITY_SCHEMA);
    const keys = (await inputFields('create_opportunity')).map((field) => field.key);
    expect(keys).toEqual(expect.arrayContaining(['custom_fields__deal_source', 'custom_fields__competitors']));
  });

  it('sends what a user types into a generated input inside custom_fields', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const generated = (await inputFields('create_account')).find((field) => field.label === 'Tech Stack')!;
    const call = expectRequest('POST', `${API}/accounts`, 201, sampleAccount);
    await appTester(createAccount, bundleWith({ name: 'Acme', [generated.key]: ['NetSuite', 'Shopify'] }));
    expect(call.seen().body).toEqual({ name: 'Acme', custom_fields: { tech_stack: ['NetSuite', 'Shopify'] } });
  });
});

describe('custom field outputs', () => {
  it('labels custom field values where Zapier finds them in the output', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const f = byKey(await outputFields('create_account'));
    expect(f.id).toMatchObject({ label: 'Account ID' });
    expect(f.custom_fields__industry_segment).toMatchObject({ label: 'Industry Segment' });
    expect(f.custom_fields__tech_stack).toMatchObject({ list: true });
    // Read-only custom fields are not inputs, but Reevo returns them.
    expect(f.custom_fields__health_score).toMatchObject({ label: 'Health Score', type: 'number' });
    expect(f.custom_fields__contract_value).toMatchObject({ type: 'number' });
    expect(f.custom_fields__is_partner).toMatchObject({ type: 'boolean' });
    expect(f.custom_fields__renewal_date).toMatchObject({ type: 'datetime' });
    // An address is read into labelled parts (src/output-records.ts), never an object Zapier cannot show.
    expect(f.custom_fields__billing_address__city).toMatchObject({ label: 'Billing Address: City' });
    expect(f.custom_fields__billing_address).toBeUndefined();
  });

  it('labels the upsert’s account custom fields under account__ and the contact’s at the top level', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    expectRequest('GET', schemaPath('contact'), 200, CONTACT_SCHEMA);
    const f = byKey(await outputFields('upsert_account_contact'));
    expect(f.account__custom_fields__industry_segment).toMatchObject({ label: 'Account: Industry Segment' });
    expect(f.custom_fields__persona).toMatchObject({ label: 'Contact: Persona' });
    expect(f.contact_id).toMatchObject({ label: 'Contact ID' });
    expect(f.account__name).toMatchObject({ label: 'Account Name' });
    expect(f.email).toMatchObject({ label: 'Email' });
  });
});

describe('the schema cache', () => {
  it('reads a schema once for the input and output fields of several runs', async () => {
    const call = expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const first = await inputFields('create_account');
    const [second, outputs, update] = await Promise.all([
      inputFields('create_account'),
      outputFields('create_account'),
      inputFields('update_account'),
    ]);
    expect(call.scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
    expect(second).toEqual(first);
    expect(outputs.some((field) => field.key === 'custom_fields__tech_stack')).toBe(true);
    expect(update.some((field) => field.key === 'custom_fields__tech_stack')).toBe(true);
  });

  it('a cold worker of the same connection reads no schema: Zapier’s cache has it', async () => {
    const call = expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const warm = await inputFields('create_account');
    expect(call.scope.isDone()).toBe(true);
    clearCustomFieldCache();
    const cold = await inputFields('create_account');
    expect(unexpectedRequests()).toBe(0);
    expect(cold).toEqual(warm);
    // What Zapier keeps is the field list, under a key that holds no API key.
    const stored = Object.keys(zapierCache.zcacheTestObj);
    expect(stored).toHaveLength(1);
    expect(stored[0]).not.toContain(TEST_API_KEY);
    expect(JSON.stringify(zapierCache.zcacheTestObj)).not.toContain(TEST_API_KEY);
  });

  it('a worker whose Zapier cache is empty reads the schema again', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    await inputFields('create_account');
    clearCustomFieldCache();
    zapierCache.zcacheTestObj = {};
    const again = expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    await inputFields('create_account');
    expect(again.scope.isDone()).toBe(true);
  });

  it('keeps connections apart: another key reads the schema again', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    await inputFields('create_account');
    const other = expectRequest('GET', schemaPath('account'), 200, EMPTY_SCHEMA);
    const fields = await inputFields(
      'create_account',
      bundleWith({}, { authData: { api_key: 'rv_test_another_workspace_key' } }),
    );
    expect(other.seen().headers.authorization).toBe('Bearer rv_test_another_workspace_key');
    expect(fields.some((field) => field.key.startsWith('custom_fields__'))).toBe(false);
    expect(unexpectedRequests()).toBe(0);
  });

  it('keeps base URLs apart', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    await inputFields('create_account');
    const elsewhere = 'https://eu.api.reevo.test';
    const previous = process.env.REEVO_API_BASE_URL;
    process.env.REEVO_API_BASE_URL = elsewhere;
    try {
      const scope = nock(elsewhere).get(schemaPath('account')).reply(200, ACCOUNT_SCHEMA);
      await inputFields('create_account');
      expect(scope.isDone()).toBe(true);
    } finally {
      process.env.REEVO_API_BASE_URL = previous;
    }
    expect(process.env.REEVO_API_BASE_URL).toBe(TEST_BASE_URL);
  });

  it('reads the schema again once it is older than the cache lifetime', async () => {
    const start = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(start);
    expectRequest('GET', schemaPath('account'), 200, EMPTY_SCHEMA);
    await inputFields('create_account');
    clock.mockReturnValue(start + SCHEMA_CACHE_TTL_MS - 1);
    await inputFields('create_account');
    clearCustomFieldCache();
    await inputFields('create_account');
    expect(unexpectedRequests()).toBe(0);

    clock.mockReturnValue(start + SCHEMA_CACHE_TTL_MS + 1);
    const fresh = expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const fields = await inputFields('create_account');
    expect(fresh.scope.isDone()).toBe(true);
    expect(fields.some((field) => field.key === 'custom_fields__tech_stack')).toBe(true);
  });
});

describe('when the schema cannot be had', () => {
  it.each([
    [
      403,
      {
        error_response_type: 'GENERIC',
        error: 'ForbiddenError',
        message: 'Missing permission: Accounts (read)',
        details: null,
      },
    ],
    [404, { detail: 'Not Found' }],
    [405, { detail: 'Method Not Allowed' }],
  ])(
    'HTTP %i: the action keeps its fields and the key/value custom fields, and does not ask again',
    async (status, body) => {
      const call = expectRequest('GET', schemaPath('account'), status, body);
      const fields = await inputFields('create_account');
      expect(call.scope.isDone()).toBe(true);
      expect(fields.map((field) => field.key)).toEqual(staticKeys);
      expect(byKey(fields).custom_fields).toMatchObject({ dict: true });
      await inputFields('create_account');
      await outputFields('create_account');
      expect(unexpectedRequests()).toBe(0);
    },
  );

  it.each([
    ['a server error', 503, { detail: 'Service Unavailable' }],
    [
      'an invalid key',
      401,
      { error_response_type: 'GENERIC', error: 'UnauthorizedError', message: 'Invalid API key', details: null },
    ],
    ['an unreadable answer', 200, '<html>gateway</html>'],
  ])('%s: the fields still load, the log says why, and the next run asks again', async (_what, status, body) => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    expectRequest('GET', schemaPath('account'), status, body);
    expect((await inputFields('create_account')).map((field) => field.key)).toEqual(staticKeys);
    const logged = log.mock.calls.flat().join(' ');
    expect(logged).toMatch(/custom fields of account records are not available right now: \S/);
    expect(logged).not.toContain(TEST_API_KEY);
    const retry = expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const fields = await inputFields('create_account');
    expect(retry.scope.isDone()).toBe(true);
    expect(fields.some((field) => field.key === 'custom_fields__tech_stack')).toBe(true);
  });

  it('a schema of an unexpected shape gives no dynamic fields', async () => {
    expectRequest('GET', schemaPath('account'), 200, { fields: ['industry_segment'] });
    expect((await inputFields('create_account')).map((field) => field.key)).toEqual(staticKeys);
  });
});
