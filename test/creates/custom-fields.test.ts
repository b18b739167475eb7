import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import creates from '../../creates';
import { perform as createAccount } from '../../creates/create_account';
import { clearCustomFieldCache, SCHEMA_CACHE_TTL_MS } from '../../src/custom-fields';
import { sampleAccount } from '../../src/samples';
import { appTester, bundleWith, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();
beforeEach(() => clearCustomFieldCache());
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
const inputFields = async (create: CreateKey, bundle = bundleWith()) => (await run(creates[create].operation.inputFields, bundle)) as Field[];
const outputFields = async (create: CreateKey, bundle = bundleWith()) => (await run(creates[create].operation.outputFields, bundle)) as Field[];
const byKey = (fields: Field[]) => Object.fromEntries(fields.map((field) => [field.key, field]));

const attribute = (api_name: string, display_name: string, extra: Record<string, unknown> = {}, type_info = { is_array: false, value_type: 'string' }) => ({
  api_name,
  display_name,
  is_creatable: true,
  is_updatable: true,
  is_custom: true,
  is_required_on_create: false,
  type_info,
  ...extra,
});

const ACCOUNT_SCHEMA = {
  data: {
    api_name: 'account',
    attributes: [
      attribute('name', 'Name', { is_custom: false, is_required_on_create: true }),
      attribute('domain_name', 'Domain', { is_custom: false }),
      attribute('industry_segment', 'Industry Segment', {}, { is_array: false, value_type: 'enum' }),
      attribute('tech_stack', 'Tech Stack', {}, { is_array: true, value_type: 'string' }),
      attribute('employee_count', 'Employees', { is_required_on_create: true }, { is_array: false, value_type: 'number' }),
      attribute('renewal_date', 'Renewal Date', {}, { is_array: false, value_type: 'datetime' }),
      attribute('legacy_crm_id', 'Legacy CRM ID', { is_updatable: false }),
      attribute('health_score', 'Health Score', { is_creatable: false, is_updatable: false }, { is_array: false, value_type: 'number' }),
    ],
  },
};
const CONTACT_SCHEMA = {
  data: { api_name: 'contact', attributes: [attribute('email', 'Email', { is_custom: false }), attribute('persona', 'Persona')] },
};
const OPPORTUNITY_SCHEMA = { data: { api_name: 'opportunity', attributes: [attribute('lead_source', 'Lead Source'), attribute('competitors', 'Competitors', {}, { is_array: true, value_type: 'string' })] } };

const schemaPath = (type: string) => `/api/v2/_schema/${type}`;

describe('dynamic custom field inputs', () => {
  it('adds one input per writable custom field of the schema, after the catalog fields', async () => {
    const call = expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    const fields = await inputFields('create_account');

    expect(call.seen().headers['x-api-key']).toBe(TEST_API_KEY);
    const keys = fields.map((field) => field.key);
    expect(keys.slice(0, 2)).toEqual(['name', 'domain_name']);
    expect(keys).toContain('custom_fields');
    expect(keys.filter((key) => key.startsWith('custom_fields__'))).toEqual([
      'custom_fields__industry_segment',
      'custom_fields__tech_stack',
      'custom_fields__employee_count',
      'custom_fields__renewal_date',
      'custom_fields__legacy_crm_id',
    ]);
    const f = byKey(fields);
    expect(f.custom_fields__industry_segment).toMatchObject({ label: 'Industry Segment', type: 'string', required: false });
    expect(f.custom_fields__industry_segment.helpText).toMatch(/`industry_segment`/);
    expect(f.custom_fields__tech_stack).toMatchObject({ label: 'Tech Stack', list: true });
    expect(f.custom_fields__employee_count).toMatchObject({ type: 'number', required: true });
    expect(f.custom_fields__renewal_date).toMatchObject({ type: 'datetime' });
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
    expect(keys).toEqual(expect.arrayContaining(['custom_fields__lead_source', 'custom_fields__competitors']));
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
    expect(f.custom_fields__health_score).toMatchObject({ label: 'Health Score' });
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
    const [second, outputs, update] = await Promise.all([inputFields('create_account'), outputFields('create_account'), inputFields('update_account')]);
    expect(call.scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
    expect(second).toEqual(first);
    expect(outputs.some((field) => field.key === 'custom_fields__tech_stack')).toBe(true);
    expect(update.some((field) => field.key === 'custom_fields__tech_stack')).toBe(true);
  });

  it('keeps connections apart: another key reads the schema again', async () => {
    expectRequest('GET', schemaPath('account'), 200, ACCOUNT_SCHEMA);
    await inputFields('create_account');
    const other = expectRequest('GET', schemaPath('account'), 200, { data: { api_name: 'account', attributes: [] } });
    const fields = await inputFields('create_account', bundleWith({}, { authData: { api_key: 'rv_test_another_workspace_key' } }));
    expect(other.seen().headers['x-api-key']).toBe('rv_test_another_workspace_key');
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
    expectRequest('GET', schemaPath('account'), 200, { data: { api_name: 'account', attributes: [] } });
    await inputFields('create_account');
    clock.mockReturnValue(start + SCHEMA_CACHE_TTL_MS - 1);
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
  const staticKeys = ['name', 'domain_name', 'owner_email', 'official_website', 'linkedin_url', 'facebook_url', 'zoominfo_url', 'x_url', 'custom_fields'];

  it.each([
    [403, { error_response_type: 'GENERIC', error: 'ForbiddenError', message: 'Missing permission: Accounts (read)', details: null }],
    [404, { detail: 'Not Found' }],
    [405, { detail: 'Method Not Allowed' }],
  ])('HTTP %i: the action keeps its fields and the key/value custom fields, and does not ask again', async (status, body) => {
    const call = expectRequest('GET', schemaPath('account'), status, body);
    const fields = await inputFields('create_account');
    expect(call.scope.isDone()).toBe(true);
    expect(fields.map((field) => field.key)).toEqual(staticKeys);
    expect(byKey(fields).custom_fields).toMatchObject({ dict: true });
    await inputFields('create_account');
    await outputFields('create_account');
    expect(unexpectedRequests()).toBe(0);
  });

  it.each([
    ['a server error', 503, { detail: 'Service Unavailable' }],
    ['an invalid key', 401, { error_response_type: 'GENERIC', error: 'UnauthorizedError', message: 'Invalid API key', details: null }],
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
    expectRequest('GET', schemaPath('account'), 200, { data: { fields: ['industry_segment'] } });
    expect((await inputFields('create_account')).map((field) => field.key)).toEqual(staticKeys);
  });
});
