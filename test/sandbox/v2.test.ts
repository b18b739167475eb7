/** v2 `_query` (filters, sort, opaque cursors) and `_schema` (standard and custom attributes). */
import { sampleAccount, sampleContact } from '../../src/samples';
import { useSandbox } from './helpers';

const ctx = useSandbox();
const query = (type: string, body: object) => ctx.call('POST', `/api/v2/${type}/_query`, { body });

test('eq and contains filters, on standard and custom attributes', async () => {
  const eq = await query('contact', { filters: [{ field: 'email', operator: 'eq', value: sampleContact.email.toUpperCase() }] });
  expect(eq.body.data.map((r: { id: string }) => r.id)).toEqual([sampleContact.id]);
  expect(eq.body.data[0].attributes.email).toEqual({ value_type: 'email', value: sampleContact.email });

  const contains = await query('account', { filters: [{ field: 'domain_name', operator: 'contains', value: 'NORTHWIND' }] });
  expect(contains.body.data).toHaveLength(2);

  const custom = await query('account', { filters: [{ field: 'tech_stack', operator: 'eq', value: 'NetSuite' }] });
  expect(custom.body.data.map((r: { id: string }) => r.id)).toEqual([sampleAccount.id]);
  expect(custom.body.data[0].attributes.tech_stack).toEqual({ value_type: 'string', value: ['NetSuite', 'Shopify'] });
  expect(custom.body.data[0].attributes.industry_segment).toEqual({ value_type: 'enum', value: 'Wholesale distribution' });
});

test('sort by created_at desc and cursor paging through every record exactly once', async () => {
  const seen: string[] = [];
  const createdAt: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await query('account', { limit: 2, cursor, sort: [{ field: 'created_at', order: 'desc' }] });
    expect(res.status).toBe(200);
    for (const record of res.body.data) {
      seen.push(record.id);
      createdAt.push(record.created_at);
    }
    cursor = res.body.next_cursor;
    pages += 1;
  } while (cursor !== null && pages < 10);
  expect(cursor).toBeNull();
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toHaveLength(5);
  expect([...createdAt].sort().reverse()).toEqual(createdAt);
});

test('a cursor only works for the query that issued it; garbage cursors → 422', async () => {
  const first = await query('account', { limit: 1 });
  const cursor = first.body.next_cursor;
  expect(typeof cursor).toBe('string');
  const other = await query('account', { limit: 1, cursor, filters: [{ field: 'name', operator: 'contains', value: 'a' }] });
  expect(other.status).toBe(422);
  expect((await query('account', { cursor: 'not-a-cursor' })).body.detail[0].loc).toEqual(['body', 'cursor']);
});

test('unknown fields, operators and record types are rejected', async () => {
  const field = await query('account', { filters: [{ field: 'shoe_size', operator: 'eq', value: '1' }] });
  expect(field.status).toBe(422);
  expect(field.body.detail[0].loc).toEqual(['body', 'filters', 0, 'field']);
  const operator = await query('account', { filters: [{ field: 'name', operator: 'starts_with', value: 'N' }] });
  expect(operator.status).toBe(422);
  const type = await query('widget', {});
  expect(type.status).toBe(404);
  expect(type.body.message).toContain("'widget'");
});

test('_schema marks custom fields and what can be created or updated', async () => {
  const res = await ctx.call('GET', '/api/v2/_schema/opportunity');
  const byName = Object.fromEntries(res.body.data.attributes.map((a: { api_name: string }) => [a.api_name, a]));
  expect(byName.display_name).toMatchObject({ is_custom: false, is_creatable: true, is_updatable: true, is_required_on_create: true });
  expect(byName.stage_name).toMatchObject({ is_creatable: false, is_updatable: false });
  expect(byName.competitors).toMatchObject({ is_custom: true, type_info: { is_array: true, value_type: 'string' } });
  expect(byName.lead_source).toMatchObject({ is_custom: true, display_name: 'Lead source', type_info: { is_array: false, value_type: 'enum' } });
});
