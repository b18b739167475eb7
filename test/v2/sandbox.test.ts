import type { ZObject } from 'zapier-platform-core';
import creates from '../../creates';
import { clearCustomFieldCache } from '../../src/custom-fields';
import type { V2RecordType } from '../../src/record-catalog';
import { sampleOf } from '../../src/samples';
import { queryRecords, type V2Query } from '../../src/v2';
import * as account_list from '../../triggers/account_list';
import * as contact_list from '../../triggers/contact_list';
import { DEMO_KEYS } from '../../sandbox';
import { useSandbox } from '../helpers/sandbox';
import { appTester, caught } from '../helpers/zapier';
import { envelopesIn } from './fixtures';

/** The app's v2 reading against the sandbox speaking v2 as Reevo publishes it, over real HTTP. */
const sandbox = useSandbox();
const full = { authData: { api_key: DEMO_KEYS.full }, inputData: {} };
const query = (type: V2RecordType, q: V2Query) =>
  appTester((z: ZObject) => queryRecords(z, type, q), full) as ReturnType<typeof queryRecords>;
const run = appTester as unknown as (
  fields: unknown,
  bundle: unknown,
) => Promise<Array<{ key: string; label?: string }>>;

describe('v2 records from the sandbox', () => {
  it.each(['account', 'contact', 'opportunity', 'task', 'note'] as const)(
    '%s: every output key, no envelope, custom attributes under custom_fields',
    async (type) => {
      const { records } = await query(type, { newestBy: 'created_at', limit: 100 });
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        expect(envelopesIn(record)).toEqual([]);
        expect(Object.keys(record).sort()).toEqual(Object.keys(sampleOf(type)).sort());
        expect(typeof record.id).toBe('string');
      }
    },
  );

  it('accounts are named, with their primary domain among all their domains; contacts have their email', async () => {
    const { records: accounts } = await query('account', { newestBy: 'created_at', limit: 100 });
    for (const account of accounts) {
      expect(typeof account.name).toBe('string');
      if (account.domain_name !== null) expect(account.domains).toContain(account.domain_name);
    }
    const { records: contacts } = await query('contact', { newestBy: 'created_at', limit: 100 });
    expect(contacts.filter((contact) => typeof contact.email === 'string' && contact.email.includes('@')).length).toBe(
      contacts.length,
    );
  });

  it('the sandbox’s custom fields are read as values and labelled from its schema', async () => {
    const { records } = await query('account', { newestBy: 'created_at', limit: 100 });
    const custom = records.flatMap((record) => Object.keys(record.custom_fields as object));
    expect(custom.length).toBeGreaterThan(0);
    clearCustomFieldCache();
    const outputs = await run(creates.create_account.operation.outputFields, full);
    for (const name of new Set(custom))
      expect(outputs.find((field) => field.key === `custom_fields__${name}`)?.label).toBeTruthy();
  });

  it('pages with the cursor to the end, each record once, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const result = await query('contact', { newestBy: 'created_at', limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...result.records.map((record) => String(record.id)));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    const { records: all } = await query('contact', { newestBy: 'created_at', limit: 100 });
    expect(seen).toEqual(all.map((record) => record.id));
    expect(
      sandbox()
        .requests.filter((request) => request.path === '/api/v2/contact/_query')
        .every((request) => request.status === 200),
    ).toBe(true);
  });

  it('a cursor the sandbox refuses restarts from the first page', async () => {
    const first = await query('account', { newestBy: 'created_at', limit: 1 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const restarted = await query('account', {
      newestBy: 'created_at',
      limit: 1,
      cursor: `${first.nextCursor}tampered`,
    });
    expect(restarted.restarted).toBe(true);
    expect(restarted.records.map((record) => record.id)).toEqual(first.records.map((record) => record.id));
  });

  it('a filter on a field that cannot be filtered is refused in words', async () => {
    const error = await caught(
      query('account', {
        newestBy: 'created_at',
        limit: 5,
        filters: [{ field: 'no_such_field', operator: 'eq', value: 'x' }],
      }),
    );
    expect(error.message).toMatch(/cannot filter records by the field `no_such_field`|does not know/);
    expect(error.message).not.toMatch(/^\{|invalid_filter_field/);
  });
});

describe('dropdown labels of the sandbox’s records', () => {
  // The dropdown triggers keep their cursor in z.cursor, which needs Zapier's RPC: their labels are checked here on what they list.
  it('every account and contact by its real name and domain or email', async () => {
    const { records: accounts } = await query('account', { newestBy: 'created_at', limit: 100 });
    for (const account of accounts.map(account_list.withLabel)) {
      expect(account.label).toBe(account.domain_name ? `${account.name} (${account.domain_name})` : account.name);
    }
    const { records: contacts } = await query('contact', { newestBy: 'created_at', limit: 100 });
    for (const contact of contacts.map(contact_list.withLabel)) {
      const name = [contact.first_name, contact.last_name].filter(Boolean).join(' ') || contact.display_name;
      expect(contact.label).toBe(`${String(name)} (${String(contact.email)})`);
    }
  });
});
