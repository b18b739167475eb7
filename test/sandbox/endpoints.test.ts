/** One request per endpoint of the contract: the status and the exact key set of §2.2 / §3 / §4. */
import { SEEDED } from '../../sandbox/seed';
import { expectKeySet, ISO_DATE_TIME, KEY_SETS, UUID, useSandbox, V1 } from './helpers';

const ctx = useSandbox();

describe('v1 endpoints answer with the contract key sets', () => {
  test('POST /account_contact?payload_type=json → 200 upsert result', async () => {
    const res = await ctx.call('POST', `${V1}/account_contact`, {
      query: { payload_type: 'json' },
      body: { email: 'new.person@fabrikam.com', first_name: 'Nia', company: 'Fabrikam' },
    });
    expect(res.status).toBe(200);
    expectKeySet(res.body, KEY_SETS.upsert);
    expectKeySet(res.body.account, KEY_SETS.account);
    expectKeySet(res.body.contact, KEY_SETS.contact);
    expect(res.body.action).toBe('created');
    expect(res.body.contact_id).toBe(res.body.contact.id);
    expect(res.body.account_id).toBe(res.body.account.id);
  });

  test('POST /accounts → 201 account', async () => {
    const res = await ctx.call('POST', `${V1}/accounts`, {
      body: { name: 'Wingtip Toys', domain_name: 'wingtiptoys.com' },
    });
    expect(res.status).toBe(201);
    expectKeySet(res.body, KEY_SETS.account);
    expect(res.body.id).toMatch(UUID);
    expect(res.body.created_at).toMatch(ISO_DATE_TIME);
  });

  test('PATCH /accounts/{id} → 200 account', async () => {
    const res = await ctx.call('PATCH', `${V1}/accounts/${SEEDED.account.id}`, {
      body: { x_url: 'https://x.com/northwind_news' },
    });
    expect(res.status).toBe(200);
    expectKeySet(res.body, KEY_SETS.account);
  });

  test('GET /accounts/{id} → 200 account', async () => {
    const res = await ctx.call('GET', `${V1}/accounts/${SEEDED.account.id}`);
    expect(res.status).toBe(200);
    expectKeySet(res.body, KEY_SETS.account);
  });

  test('POST /accounts/search → 200 array of accounts', async () => {
    const res = await ctx.call('POST', `${V1}/accounts/search`, { body: { domain_name: 'northwind' } });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const account of res.body) expectKeySet(account, KEY_SETS.account);
  });

  test('GET /contacts/{id} → 200 contact', async () => {
    const res = await ctx.call('GET', `${V1}/contacts/${SEEDED.contact.id}`);
    expect(res.status).toBe(200);
    expectKeySet(res.body, KEY_SETS.contact);
  });

  test('POST /contacts/search → 200 array of contacts', async () => {
    const res = await ctx.call('POST', `${V1}/contacts/search`, { body: { owner_email: SEEDED.user.email } });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const contact of res.body) expectKeySet(contact, KEY_SETS.contact);
  });

  test('POST /opportunities → 201 opportunity', async () => {
    const res = await ctx.call('POST', `${V1}/opportunities`, {
      body: { display_name: 'Northwind - Pilot', account_id: SEEDED.account.id },
    });
    expect(res.status).toBe(201);
    expectKeySet(res.body, KEY_SETS.opportunity);
  });

  test('PATCH /opportunities/{id} → 200 opportunity', async () => {
    const res = await ctx.call('PATCH', `${V1}/opportunities/${SEEDED.opportunity.id}`, { body: { amount: 52000 } });
    expect(res.status).toBe(200);
    expectKeySet(res.body, KEY_SETS.opportunity);
  });

  test('GET /opportunities/{id} → 200 opportunity', async () => {
    const res = await ctx.call('GET', `${V1}/opportunities/${SEEDED.opportunity.id}`);
    expect(res.status).toBe(200);
    expectKeySet(res.body, KEY_SETS.opportunity);
  });

  test('POST /opportunities/search → 200 array of opportunities', async () => {
    const res = await ctx.call('POST', `${V1}/opportunities/search`, { body: { status: 'DEAL' } });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const opportunity of res.body) expectKeySet(opportunity, KEY_SETS.opportunity);
  });

  test('POST /opportunities/{id}/shift_stage → 200 opportunity', async () => {
    const res = await ctx.call('POST', `${V1}/opportunities/${SEEDED.opportunity.id}/shift_stage`, {
      body: { target_stage_name: 'Negotiation' },
    });
    expect(res.status).toBe(200);
    expectKeySet(res.body, KEY_SETS.opportunity);
  });

  test('POST /tasks → 201 task', async () => {
    const res = await ctx.call('POST', `${V1}/tasks`, { body: { title: 'Follow up', owner_email: SEEDED.user.email } });
    expect(res.status).toBe(201);
    expectKeySet(res.body, KEY_SETS.task);
  });

  test('POST /manual_activities → 201 manual activity', async () => {
    const res = await ctx.call('POST', `${V1}/manual_activities`, {
      body: {
        metadata: { activity_time: '2026-01-10T10:00:00+00:00', subject: 'Coffee', description: 'Met for coffee' },
        account_id: SEEDED.account.id,
      },
    });
    expect(res.status).toBe(201);
    expectKeySet(res.body, KEY_SETS.manualActivity);
    expect(Object.keys(res.body.metadata).sort()).toEqual(['activity_time', 'category', 'description', 'subject']);
  });

  test('POST /users/search → 200 array of users', async () => {
    const res = await ctx.call('POST', `${V1}/users/search`, { body: { email: SEEDED.user.email } });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(1);
    expectKeySet(res.body[0], KEY_SETS.user);
  });

  test('POST /mailboxes/search → 200 array of mailboxes', async () => {
    const res = await ctx.call('POST', `${V1}/mailboxes/search`, { body: { owner_user_email: SEEDED.user.email } });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const mailbox of res.body) expectKeySet(mailbox, KEY_SETS.mailbox);
  });

  test('POST /sequence_enrollments → 201 enrollment', async () => {
    const res = await ctx.call('POST', `${V1}/sequence_enrollments`, {
      body: { contact_email: SEEDED.contact.email, sequence_id: SEEDED.sequence.id },
    });
    expect(res.status).toBe(201);
    expectKeySet(res.body, KEY_SETS.enrollment);
  });

  test('GET /account_and_contact_retrieval → 200 retrieval', async () => {
    const res = await ctx.call('GET', `${V1}/account_and_contact_retrieval`, {
      query: { contact_email: SEEDED.contact.email },
    });
    expect(res.status).toBe(200);
    expectKeySet(res.body, KEY_SETS.retrieval);
    expectKeySet(res.body.account, KEY_SETS.account);
    expectKeySet(res.body.contact, KEY_SETS.contact);
  });

  test('webhooks: POST → 201, GET list → array, GET one, DELETE → 204 then 404', async () => {
    const created = await ctx.call('POST', `${V1}/webhooks`, {
      body: { target_url: 'http://127.0.0.1:9/hook', event_types: ['contact.created'], description: 'Zapier Webhook' },
    });
    expect(created.status).toBe(201);
    expectKeySet(created.body, KEY_SETS.webhook);
    expect(created.body.status).toBe('ACTIVE');

    const list = await ctx.call('GET', `${V1}/webhooks`);
    expect(list.status).toBe(200);
    expect(list.body.map((w: { id: string }) => w.id)).toContain(created.body.id);
    for (const webhook of list.body) expectKeySet(webhook, KEY_SETS.webhook);

    const one = await ctx.call('GET', `${V1}/webhooks/${created.body.id}`);
    expect(one.status).toBe(200);
    expectKeySet(one.body, KEY_SETS.webhook);

    const deleted = await ctx.call('DELETE', `${V1}/webhooks/${created.body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await ctx.call('DELETE', `${V1}/webhooks/${created.body.id}`)).status).toBe(404);
  });
});

describe('v2 endpoints', () => {
  test('GET /api/v2/health needs no key', async () => {
    const res = await ctx.call('GET', '/api/v2/health', { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { status: 'healthy' } });
  });

  test.each(['account', 'contact', 'opportunity', 'task', 'note'])(
    'POST /api/v2/%s/_query → data + next_cursor',
    async (type) => {
      const res = await ctx.call('POST', `/api/v2/${type}/_query`, { body: { limit: 2 } });
      expect(res.status).toBe(200);
      expectKeySet(res.body, ['data', 'next_cursor']);
      expect(res.body.data.length).toBeGreaterThan(0);
      for (const record of res.body.data) {
        expectKeySet(record, ['id', 'record_type', 'attributes', 'created_at', 'updated_at']);
        expect(record.record_type).toBe(type);
        for (const attribute of Object.values(record.attributes)) {
          for (const envelope of Array.isArray(attribute) ? attribute : [attribute])
            expectKeySet(envelope, ['value_type', 'value']);
        }
      }
    },
  );

  test.each(['account', 'contact', 'opportunity', 'task', 'note'])(
    'GET /api/v2/_schema/%s → the bare PublicSchema object',
    async (type) => {
      const res = await ctx.call('GET', `/api/v2/_schema/${type}`);
      expect(res.status).toBe(200);
      expectKeySet(res.body, [
        'api_name',
        'display_name',
        'description',
        'is_custom',
        'is_junction',
        'supports_custom_fields',
        'attributes',
        'relationships',
      ]);
      expect(res.body.api_name).toBe(type);
      for (const attribute of res.body.attributes) {
        expectKeySet(attribute, [
          'api_name',
          'display_name',
          'description',
          'is_creatable',
          'is_updatable',
          'is_required_on_create',
          'is_unique',
          'is_custom',
          'is_sortable',
          'is_filterable',
          'filter_operators',
          'type_info',
        ]);
        expectKeySet(attribute.type_info, ['is_array', 'value_type']);
      }
      for (const relationship of res.body.relationships) {
        expectKeySet(relationship, [
          'api_name',
          'display_name',
          'related_object_api_name',
          'is_creatable',
          'is_updatable',
          'description',
          'related_object_relationship_api_name',
          'junction_object_api_name',
          'is_custom',
          'is_array',
        ]);
      }
    },
  );

  test('custom fields are ordinary attributes marked is_custom', async () => {
    const schema = await ctx.call('GET', '/api/v2/_schema/account');
    const custom = schema.body.attributes
      .filter((a: { is_custom: boolean }) => a.is_custom)
      .map((a: { api_name: string }) => a.api_name);
    expect(custom.sort()).toEqual(['industry_segment', 'tech_stack']);
    const record = await ctx.call('GET', `/api/v2/account/${SEEDED.account.id}`);
    expect(record.body.data.attributes.industry_segment).toEqual({
      value_type: 'select',
      value: 'Wholesale distribution',
    });
    expect(record.body.data.attributes.tech_stack).toEqual([
      { value_type: 'string', value: 'NetSuite' },
      { value_type: 'string', value: 'Shopify' },
    ]);
  });
});
