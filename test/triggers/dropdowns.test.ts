import nock from 'nock';
import { sampleAccount, sampleContact, sampleOpportunity } from '../../src/samples';
import * as account_list from '../../triggers/account_list';
import * as contact_list from '../../triggers/contact_list';
import * as opportunity_list from '../../triggers/opportunity_list';
import { accountFields, activityFields, opportunityFields } from '../../src/fields';
import { appTester, bundleWith, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { v2Record } from './helpers';

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

const reevo = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

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

const accounts = Array.from({ length: 3 }, (_, i) => ({
  ...sampleAccount,
  id: `0000000${i}-aaaa-4bbb-8ccc-dddddddddddd`,
  name: `Account ${i}`,
  domain_name: i === 2 ? null : `account-${i}.example`,
  created_at: `2025-0${6 - i}-01T08:00:00+00:00`,
}));

describe('account_list (the Account dropdown)', () => {
  it('the catalog’s Account dropdown points at it, with search by domain', () => {
    expect(accountFields.account_id.dropdown).toEqual({ dynamic: 'account_list.id.label', search: 'find_account.id' });
  });

  it('pages through accounts newest first with the opaque next_cursor, and stops after the last page', async () => {
    const store = fakeCursorStore();
    const first = reevo()
      .post('/api/v2/account/_query', { filters: [], limit: 100, sort: [{ field: 'created_at', order: 'desc' }] })
      .reply(200, { data: [v2Record('account', accounts[0]), v2Record('account', accounts[1])], next_cursor: 'cursor-page-2' });
    const second = reevo()
      .post('/api/v2/account/_query', { filters: [], limit: 100, sort: [{ field: 'created_at', order: 'desc' }], cursor: 'cursor-page-2' })
      .reply(200, { data: [v2Record('account', accounts[2])], next_cursor: null });

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

  it('each choice carries the whole account, flattened from v2', async () => {
    fakeCursorStore();
    reevo().post('/api/v2/account/_query').reply(200, { data: [v2Record('account', sampleAccount)], next_cursor: null });
    const [choice] = await appTester(account_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    expect(choice).toEqual({ ...sampleAccount, label: 'Northwind Traders (northwind-traders.com)' });
  });
});

describe('opportunity_list (the Opportunity dropdown)', () => {
  it('the catalog’s Opportunity dropdown points at it, labelled by display_name', () => {
    expect(opportunityFields.opportunity_id.dropdown?.dynamic).toBe('opportunity_list.id.display_name');
  });

  it('pages with the cursor and labels choices by display name', async () => {
    fakeCursorStore();
    const newer = { ...sampleOpportunity, id: 'b0000000-0000-4000-8000-000000000001', display_name: 'Newer deal', created_at: '2025-07-01T08:00:00+00:00' };
    reevo()
      .post('/api/v2/opportunity/_query', (body) => body.cursor === undefined)
      .reply(200, { data: [v2Record('opportunity', sampleOpportunity), v2Record('opportunity', newer)], next_cursor: 'opp-2' });
    const more = reevo()
      .post('/api/v2/opportunity/_query', (body) => body.cursor === 'opp-2')
      .reply(200, { data: [], next_cursor: null });

    const page0 = await appTester(opportunity_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    // Newest first even when the server's order is not.
    expect(page0.map((o) => o.display_name)).toEqual(['Newer deal', sampleOpportunity.display_name]);
    expect(page0[1]).toEqual(sampleOpportunity);

    const page1 = await appTester(opportunity_list.perform, bundleWith({}, { meta: { page: 1 } as never }));
    expect(page1).toEqual([]);
    expect(more.isDone()).toBe(true);
  });
});

describe('contact_list (the Contacts dropdown of Log Manual Activity)', () => {
  it('the catalog’s contact IDs dropdown points at it, with search by email', () => {
    expect(activityFields.contact_ids.dropdown).toEqual({ dynamic: 'contact_list.id.label', search: 'find_contact.id' });
  });

  it('pages with the cursor and labels choices by name and email', async () => {
    fakeCursorStore();
    const nameless = { ...sampleContact, id: 'c0000000-0000-4000-8000-000000000001', first_name: null, last_name: null, email: 'ops@harbourline.example', created_at: '2025-08-01T08:00:00+00:00' };
    reevo()
      .post('/api/v2/contact/_query', (body) => body.cursor === undefined)
      .reply(200, { data: [v2Record('contact', sampleContact), v2Record('contact', nameless)], next_cursor: 'c-2' });
    const more = reevo()
      .post('/api/v2/contact/_query', (body) => body.cursor === 'c-2')
      .reply(200, { data: [], next_cursor: null });

    const page0 = await appTester(contact_list.perform, bundleWith({}, { meta: { page: 0 } as never }));
    expect(page0.map((c) => c.label)).toEqual([
      'ops@harbourline.example',
      `${sampleContact.first_name} ${sampleContact.last_name} (${sampleContact.email})`,
    ]);
    expect(page0[1]).toMatchObject(sampleContact);

    expect(await appTester(contact_list.perform, bundleWith({}, { meta: { page: 1 } as never }))).toEqual([]);
    expect(more.isDone()).toBe(true);
  });
});
