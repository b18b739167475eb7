import nock from 'nock';
import * as account_list from '../../triggers/account_list';
import * as contact_list from '../../triggers/contact_list';
import * as opportunity_list from '../../triggers/opportunity_list';
import { accountFields, activityFields, opportunityFields } from '../../src/fields';
import { appTester, bundleWith, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { envelope, envelopesIn, publishedRecord } from '../v2/fixtures';

/**
 * The hidden triggers behind the account and opportunity dropdowns page with v2's opaque cursor,
 * kept between pages in z.cursor. Core keeps cursors on Zapier's RPC service; here a fake of that
 * service (nock) stores them, and core needs a (dummy) deploy key to call it.
 */
const hadDeployKey = 'ZAPIER_DEPLOY_KEY' in process.env;
process.env.ZAPIER_DEPLOY_KEY ??= 'dummy-deploy-key-for-tests';

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  if (!hadDeployKey) delete process.env.ZAPIER_DEPLOY_KEY;
});
afterEach(() => nock.cleanAll());

const reevo = () =>
  nock(TEST_BASE_URL, { reqheaders: { authorization: `Bearer ${TEST_API_KEY}` }, badheaders: ['x-api-key'] });

/** A record as Reevo's reference pages show it (test/fixtures/reevo-docs), with these attribute values. */
function record(type: string, id: string, createdAt: string, attributes: Record<string, unknown>) {
  const published = publishedRecord(type);
  return {
    ...published,
    id,
    created_at: createdAt,
    attributes: { ...(published.attributes as object), ...attributes },
  };
}
const FIRST_PAGE = (type: string) => `/api/v2/${type}/_query`;

interface RpcCall {
  id: string;
  storeKey: string;
  method: string;
  params: unknown[];
}

/** Zapier's cursor store: get_cursor / set_cursor per store key. */
function fakeCursorStore() {
  const cursors = new Map<string, string>();
  const methods: string[] = [];
  nock('https://rpc.zapier.com')
    .persist()
    .post('/cli')
    .reply(200, (_uri, body) => {
      const call = (typeof body === 'string' ? JSON.parse(body) : body) as RpcCall;
      methods.push(call.method);
      if (call.method === 'get_cursor') return { id: call.id, result: cursors.get(call.storeKey) ?? null };
      if (call.method === 'set_cursor') {
        cursors.set(call.storeKey, String(call.params[0]));
        return { id: call.id, result: null };
      }
      return { id: call.id, error: `unexpected RPC ${call.method}` };
    });
  return { cursors, methods };
}

const domains = (...names: string[]) =>
  names.map((name, i) => envelope('account_domain', { domain_name: name, is_primary: i === names.length - 1 }));
const accounts = [
  record('account', '00000000-aaaa-4bbb-8ccc-dddddddddddd', '2025-06-01T08:00:00Z', {
    display_name: envelope('string', 'Account 0'),
    domains: domains('account-0.example'),
  }),
  // The primary domain labels the account, wherever it sits in the list.
  record('account', '00000001-aaaa-4bbb-8ccc-dddddddddddd', '2025-05-01T08:00:00Z', {
    display_name: envelope('string', 'Account 1'),
    domains: domains('old-1.example', 'account-1.example'),
  }),
  record('account', '00000002-aaaa-4bbb-8ccc-dddddddddddd', '2025-04-01T08:00:00Z', {
    display_name: envelope('string', 'Account 2'),
    domains: [],
  }),
];

describe('account_list (the Account dropdown)', () => {
  it('the catalog’s Account dropdown points at it, with search by domain', () => {
    expect(accountFields.account_id.dropdown).toEqual({ dynamic: 'account_list.id.label', search: 'find_account.id' });
  });

  it('pages through accounts newest first with the opaque next_cursor, and stops after the last page', async () => {
    const store = fakeCursorStore();
    const first = reevo()
      .post(FIRST_PAGE('account'), { sort: [{ field: 'created_at', direction: 'desc' }], limit: 100 })
      .reply(200, { data: [accounts[0], accounts[1]], next_cursor: 'cursor-page-2' });
    const second = reevo()
      .post(FIRST_PAGE('account'), { cursor: 'cursor-page-2', limit: 100 })
      .reply(200, { data: [accounts[2]], next_cursor: null });

    const page0 = await appTester(account_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    expect(page0.map((a) => [a.id, a.label])).toEqual([
      [accounts[0].id, 'Account 0 (account-0.example)'],
      [accounts[1].id, 'Account 1 (account-1.example)'],
    ]);
    expect(first.isDone()).toBe(true);

    const page1 = await appTester(account_list.perform, bundleWith({}, { meta: { page: 1 } as never }));
    expect(page1.map((a) => [a.id, a.label])).toEqual([[accounts[2].id, 'Account 2']]);
    expect(second.isDone()).toBe(true);

    // The last page stored an empty cursor: the next page is empty, and Reevo is not asked again.
    const page2 = await appTester(account_list.perform, bundleWith({}, { meta: { page: 2 } as never }));
    expect(page2).toEqual([]);
    expect(store.methods).toEqual(['set_cursor', 'get_cursor', 'set_cursor', 'get_cursor']);
  });

  it('each choice carries the whole account in the app’s output shape, without a value envelope', async () => {
    fakeCursorStore();
    reevo()
      .post(FIRST_PAGE('account'))
      .reply(200, { data: [publishedRecord('account')], next_cursor: null });
    const [choice] = await appTester(account_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    expect(choice).toMatchObject({
      id: publishedRecord('account').id,
      name: 'display_name value',
      domain_name: 'acme.com',
      label: 'display_name value (acme.com)',
    });
    expect(Object.keys(choice).sort()).toEqual(
      [...Object.keys(account_list.default.operation.sample as object)].sort(),
    );
    expect(envelopesIn(choice)).toEqual([]);
  });

  it('an account Reevo names by `name` is labelled by it too; one without any name by its domain, then its ID', async () => {
    fakeCursorStore();
    const named = record('account', 'a-named', '2025-03-01T08:00:00Z', {
      display_name: null,
      name: envelope('string', 'Acme Corporation'),
    });
    const domainOnly = record('account', 'a-domain', '2025-02-01T08:00:00Z', {
      display_name: envelope('string', null),
    });
    const bare = record('account', 'a-bare', '2025-01-01T08:00:00Z', { display_name: null, domains: [] });
    reevo()
      .post(FIRST_PAGE('account'))
      .reply(200, { data: [named, domainOnly, bare], next_cursor: null });
    const choices = await appTester(account_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    expect(choices.map((choice) => choice.label)).toEqual([
      'Acme Corporation (acme.com)',
      'acme.com',
      'Account a-bare',
    ]);
  });

  it('a refused cursor shows the first page again instead of failing the dropdown', async () => {
    const store = fakeCursorStore();
    reevo()
      .post(FIRST_PAGE('account'))
      .reply(200, { data: [accounts[0]], next_cursor: 'stale' });
    await appTester(account_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    reevo()
      .post(FIRST_PAGE('account'), { cursor: 'stale', limit: 100 })
      .reply(422, { error: { code: 'invalid_cursor', message: 'Cursor expired' } });
    reevo()
      .post(FIRST_PAGE('account'), { sort: [{ field: 'created_at', direction: 'desc' }], limit: 100 })
      .reply(200, { data: [accounts[0]], next_cursor: null });
    const page1 = await appTester(account_list.perform, bundleWith({}, { meta: { page: 1 } as never }));
    expect(page1.map((a) => a.label)).toEqual(['Account 0 (account-0.example)']);
    expect([...store.cursors.values()]).toEqual(['']);
  });
});

describe('opportunity_list (the Opportunity dropdown)', () => {
  it('the catalog’s Opportunity dropdown points at it, labelled by display_name', () => {
    expect(opportunityFields.opportunity_id.dropdown?.dynamic).toBe('opportunity_list.id.display_name');
  });

  it('pages with the cursor and labels choices by display name', async () => {
    fakeCursorStore();
    const older = record('opportunity', 'b0000000-0000-4000-8000-000000000000', '2025-06-01T08:00:00Z', {
      display_name: envelope('string', 'Acme - Enterprise Deal'),
    });
    const newer = record('opportunity', 'b0000000-0000-4000-8000-000000000001', '2025-07-01T08:00:00Z', {
      display_name: envelope('string', 'Newer deal'),
    });
    reevo()
      .post(FIRST_PAGE('opportunity'), (body) => body.cursor === undefined)
      .reply(200, { data: [older, newer], next_cursor: 'opp-2' });
    const more = reevo()
      .post(FIRST_PAGE('opportunity'), { cursor: 'opp-2', limit: 100 })
      .reply(200, { data: [], next_cursor: null });

    const page0 = await appTester(opportunity_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    // Newest first even when the server's order is not.
    expect(page0.map((o) => o.display_name)).toEqual(['Newer deal', 'Acme - Enterprise Deal']);
    expect(page0[1]).toMatchObject({
      stage_name: 'Proposal',
      stage_id: 'stage-proposal-id',
      account_id: 'account_id-ref',
    });
    expect(envelopesIn(page0)).toEqual([]);

    const page1 = await appTester(opportunity_list.perform, bundleWith({}, { meta: { page: 1 } as never }));
    expect(page1).toEqual([]);
    expect(more.isDone()).toBe(true);
  });
});

describe('contact_list (the Contacts dropdown of Log Manual Activity)', () => {
  it('the catalog’s contact IDs dropdown points at it, with search by email', () => {
    expect(activityFields.contact_ids.dropdown).toEqual({
      dynamic: 'contact_list.id.label',
      search: 'find_contact.id',
    });
  });

  it('pages with the cursor and labels choices by name and email', async () => {
    fakeCursorStore();
    const sarah = record('contact', 'c0000000-0000-4000-8000-000000000000', '2025-07-01T08:00:00Z', {
      first_name: envelope('string', 'Sarah'),
      last_name: envelope('string', 'Chen'),
    });
    const nameless = record('contact', 'c0000000-0000-4000-8000-000000000001', '2025-08-01T08:00:00Z', {
      first_name: null,
      last_name: envelope('string', null),
      display_name: null,
      primary_email: envelope('email', 'ops@harbourline.example'),
    });
    const displayOnly = record('contact', 'c0000000-0000-4000-8000-000000000002', '2025-06-01T08:00:00Z', {
      first_name: null,
      last_name: null,
      display_name: envelope('string', 'Dr. Lee'),
    });
    reevo()
      .post(FIRST_PAGE('contact'), (body) => body.cursor === undefined)
      .reply(200, { data: [sarah, nameless, displayOnly], next_cursor: 'c-2' });
    const more = reevo()
      .post(FIRST_PAGE('contact'), { cursor: 'c-2', limit: 100 })
      .reply(200, { data: [], next_cursor: null });

    const page0 = await appTester(contact_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    expect(page0.map((c) => c.label)).toEqual([
      'ops@harbourline.example',
      'Sarah Chen (sarah.chen@acme.com)',
      'Dr. Lee (sarah.chen@acme.com)',
    ]);
    expect(page0[1]).toMatchObject({
      email: 'sarah.chen@acme.com',
      emails: ['sarah@personal.example', 'sarah.chen@acme.com'],
      stage: 'Working',
    });

    expect(await appTester(contact_list.perform, bundleWith({}, { meta: { page: 1 } as never }))).toEqual([]);
    expect(more.isDone()).toBe(true);
  });
});
