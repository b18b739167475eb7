/**
 * v2 as Reevo publishes it (contract §3): auth, writes and their rules, `_assert`, `_query`
 * (operators, groups, sort, cursors, limits), `_schema` and the v2 error codes. Request bodies
 * come from Reevo's own examples (test/fixtures/reevo-docs) wherever Reevo publishes one.
 */
import { SEEDED } from '../../sandbox/seed';
import { golden } from './golden';
import { type CallOptions, useSandbox, V1 } from './helpers';

const ctx = useSandbox();
const V2 = '/api/v2';
const USER = SEEDED.user;
const OTHER_USER_EMAIL = 'riley.chen@acme-outbound.example';

const query = (type: string, body: object) => ctx.call('POST', `${V2}/${type}/_query`, { body });
const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((r) => r.id);
const create = (type: string, attributes: object) => ctx.call('POST', `${V2}/${type}`, { body: { attributes } });
const patch = (type: string, id: string, attributes: object, options: CallOptions = {}) =>
  ctx.call('PATCH', `${V2}/${type}/${id}`, { ...options, body: { attributes } });

/** The assumed error body and status of contract §3.6. */
function expectV2Error(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.body).toEqual({ error: { code, message: expect.any(String), details: expect.any(Object) } });
  expect(res.status).toBe(status);
}

describe('authentication and permissions', () => {
  test('Authorization: Bearer and X-Api-Key are both accepted; no key is a 401', async () => {
    const path = `${V2}/contact/${SEEDED.contact.id}`;
    expect(
      (await ctx.call('GET', path, { key: null, headers: { authorization: `Bearer ${ctx.sandbox.keys.full}` } }))
        .status,
    ).toBe(200);
    expect((await ctx.call('GET', path, { key: null, headers: { 'X-Api-Key': ctx.sandbox.keys.full } })).status).toBe(
      200,
    );
    expect((await ctx.call('GET', path, { key: null })).status).toBe(401);
    expect((await ctx.call('GET', path, { key: null, headers: { authorization: 'Bearer not-a-key' } })).status).toBe(
      401,
    );
  });

  test('each route needs the permission src/v2-permissions.ts names', async () => {
    const readOnly = { key: ctx.sandbox.keys.readOnly };
    const denied = await patch('contact', SEEDED.contact.id, { title: 'x' }, readOnly);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('Contacts (write)');
    expect((await ctx.call('GET', `${V2}/contact/${SEEDED.contact.id}`, readOnly)).status).toBe(200);
    const note = await ctx.call('POST', `${V2}/note`, { ...readOnly, body: { attributes: { note_html: '<p>x</p>' } } });
    expect(note.body.message).toContain('Activities (write)');
    const tasksOnly = { key: ctx.sandbox.keys.tasksOnly };
    expect((await ctx.call('POST', `${V2}/task/_query`, { ...tasksOnly, body: {} })).status).toBe(200);
    expect((await ctx.call('POST', `${V2}/account/_query`, { ...tasksOnly, body: {} })).status).toBe(403);
    expect((await ctx.call('GET', `${V2}/_schema/opportunity`, tasksOnly)).status).toBe(403);
  });

  test('an unknown record type is an unknown path', async () => {
    const res = await query('widget', {});
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: 'Not Found' });
  });
});

describe('create, read, PATCH, archive', () => {
  test("Reevo's Quickstart contact: 201 and the record in a data envelope", async () => {
    const res = await ctx.call('POST', `${V2}/contact`, {
      body: golden('quickstart.create-contact.request.json').example,
    });
    expect(res.status).toBe(201);
    const { data } = res.body;
    expect(data).toMatchObject({ record_type: 'contact', id: expect.any(String) });
    expect(data.attributes.primary_email).toEqual({ value_type: 'email', value: 'sarah.chen@acme.com' });
    expect(data.attributes.first_name).toEqual({ value_type: 'string', value: 'Sarah' });
    expect(data.attributes.stage.value).toMatchObject({ api_name: 'working', display_value: 'Working' });
    expect((await ctx.call('GET', `${V2}/contact/${data.id}`)).body).toEqual(res.body);
    // One store for both APIs.
    expect((await ctx.call('GET', `${V1}/contacts/${data.id}`)).body).toMatchObject({
      email: 'sarah.chen@acme.com',
      first_name: 'Sarah',
    });
  });

  test('PATCH: omitted attributes stay, null clears a nullable one, a required one cannot be cleared', async () => {
    const created = await create('contact', {
      primary_email: 'patch.me@contoso-pharma.com',
      first_name: 'Pat',
      department: 'Lab',
    });
    const id = created.body.data.id;
    const titled = await ctx.call('PATCH', `${V2}/contact/${id}`, {
      body: golden('create-and-update-records.patch-contact.request.json').example,
    });
    expect(titled.status).toBe(200);
    expect(titled.body.data.attributes.title.value).toBe('CTO');
    expect(titled.body.data.attributes.department.value).toBe('Lab');
    expect(titled.body.data.attributes.first_name.value).toBe('Pat');

    const cleared = await patch('contact', id, { department: null });
    expect(cleared.body.data.attributes.department).toEqual({ value_type: 'string', value: null });
    expect(cleared.body.data.attributes.title.value).toBe('CTO');
    expect((await ctx.call('GET', `${V1}/contacts/${id}`)).body.department).toBeNull();

    expectV2Error(await patch('contact', id, { primary_email: null }), 422, 'field_value_invalid');
    // Attributes that always have a value (stages, enums, flags) cannot be cleared either.
    expectV2Error(await patch('contact', id, { stage: null }), 422, 'field_value_invalid');
    expectV2Error(await patch('task', SEEDED.task.id, { status: null }), 422, 'field_value_invalid');
    expect((await ctx.call('GET', `${V1}/contacts/${id}`)).body.email).toBe('patch.me@contoso-pharma.com');
  });

  test('writes take raw values or value envelopes of the right type', async () => {
    const id = (await create('contact', { primary_email: 'envelope@contoso-pharma.com' })).body.data.id;
    const res = await patch('contact', id, {
      title: { value_type: 'string', value: 'Head of QA' },
      sms_consent: { value_type: 'boolean', value: true },
    });
    expect(res.body.data.attributes.title.value).toBe('Head of QA');
    expect(res.body.data.attributes.sms_consent).toEqual({ value_type: 'boolean', value: true });
    expectV2Error(
      await patch('contact', id, { title: { value_type: 'email', value: 'x@y.z' } }),
      422,
      'field_value_invalid',
    );
  });

  test('an array attribute is replaced as a whole; the primary domain is the one marked, else the first', async () => {
    const created = await create('account', {
      display_name: 'Wingtip',
      domains: ['wingtip.example', { domain_name: 'wingtiptoys.example', is_primary: true }],
    });
    expect(created.status).toBe(201);
    expect(created.body.data.attributes.domains).toEqual([
      { value_type: 'account_domain', value: { domain_name: 'wingtiptoys.example', is_primary: true } },
      { value_type: 'account_domain', value: { domain_name: 'wingtip.example', is_primary: false } },
    ]);
    const replaced = await patch('account', created.body.data.id, { domains: ['wingtip.test'] });
    expect(replaced.body.data.attributes.domains).toEqual([
      { value_type: 'account_domain', value: { domain_name: 'wingtip.test', is_primary: true } },
    ]);
    expect((await ctx.call('GET', `${V1}/accounts/${created.body.data.id}`)).body.domain_name).toBe('wingtip.test');
    // v1's upsert no longer matches the account by a domain it lost.
    const upsert = await ctx.call('POST', `${V1}/account_contact`, {
      query: { payload_type: 'json' },
      body: { email: 'someone@wingtiptoys.example', account_website: 'wingtiptoys.example' },
    });
    expect(upsert.body.account_id).not.toBe(created.body.data.id);
  });

  test('references: bare UUID, {related_record_id}, {related_record_match: {email}}', async () => {
    const id = (await create('contact', { primary_email: 'owned@contoso-pharma.com', owner_user_id: USER.id })).body
      .data.id;
    const owner = (res: { body: { data: { attributes: { owner_user_id: { value: unknown } } } } }) =>
      res.body.data.attributes.owner_user_id.value;
    expect(owner(await ctx.call('GET', `${V2}/contact/${id}`))).toEqual({
      related_record_id: USER.id,
      related_record_type: 'user',
    });
    const byMatch = await patch('contact', id, {
      owner_user_id: { related_record_match: { email: OTHER_USER_EMAIL } },
    });
    expect(byMatch.status).toBe(200);
    expect((await ctx.call('GET', `${V1}/contacts/${id}`)).body.owner_email).toBe(OTHER_USER_EMAIL);
    expect(owner(await patch('contact', id, { owner_user_id: { related_record_id: USER.id } }))).toMatchObject({
      related_record_id: USER.id,
    });
    expect(owner(await patch('contact', id, { owner_user_id: null }))).toBeNull();

    expectV2Error(
      await patch('contact', id, { owner_user_id: { related_record_match: { email: 'nobody@nowhere.example' } } }),
      404,
      'target_record_not_found',
    );
    expectV2Error(
      await patch('contact', id, { owner_user_id: '6f0c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f' }),
      404,
      'target_record_not_found',
    );
    expectV2Error(
      await patch('contact', id, { owner_user_id: { related_record_match: { first_name: 'Morgan' } } }),
      422,
      'invalid_matching_field',
    );
    const both = { related_record_id: USER.id, related_record_match: { email: USER.email } };
    expectV2Error(await patch('contact', id, { owner_user_id: both }), 422, 'field_value_invalid');
  });

  test("Reevo's task examples: create with an owner, PATCH status COMPLETED", async () => {
    const body = golden('create-a-task.request.json').example as { attributes: Record<string, unknown> };
    const created = await ctx.call('POST', `${V2}/task`, {
      body: { attributes: { ...body.attributes, owner_user_id: USER.id } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.attributes.title.value).toBe('Acme Follow Up Task');
    expect(created.body.data.attributes.status).toEqual({ value_type: 'enum', value: 'OPEN' });
    const done = await ctx.call('PATCH', `${V2}/task/${created.body.data.id}`, {
      body: golden('patch-one-task.request.json').example,
    });
    expect(done.status).toBe(200);
    expect(done.body.data.attributes.status.value).toBe('COMPLETED');
    expect(done.body.data.attributes.title.value).toBe('Acme Follow Up Task');
    expect(done.body.data.updated_at >= created.body.data.updated_at).toBe(true);
    expectV2Error(await patch('task', created.body.data.id, { status: 'DONE' }), 422, 'field_value_invalid');
  });

  test("Reevo's note example, attached to a contact, an account and an opportunity", async () => {
    const body = golden('create-a-note.request.json').example as { attributes: Record<string, unknown> };
    const created = await ctx.call('POST', `${V2}/note`, {
      body: {
        attributes: {
          ...body.attributes,
          contact_id: SEEDED.contact.id,
          account_id: SEEDED.account.id,
          opportunity_id: { related_record_id: SEEDED.opportunity.id },
        },
      },
    });
    expect(created.status).toBe(201);
    const { attributes } = created.body.data;
    expect(attributes.note_html).toEqual({ value_type: 'rich_text', value: '<p>Discovery call recap.</p>' });
    expect(attributes.contact_id.value).toEqual({
      related_record_id: SEEDED.contact.id,
      related_record_type: 'contact',
    });
    expect(attributes.opportunity_id.value).toEqual({
      related_record_id: SEEDED.opportunity.id,
      related_record_type: 'opportunity',
    });
    const notes = await query('note', { filters: [{ field: 'contact_id', operator: 'eq', value: SEEDED.contact.id }] });
    expect(ids(notes)).toEqual(expect.arrayContaining([SEEDED.note.id, created.body.data.id]));
    expectV2Error(await create('note', { contact_id: SEEDED.contact.id }), 422, 'field_required_missing');
  });

  test("Reevo's opportunity examples: create on a stage, then move it to closed_won", async () => {
    const body = golden('manage-stages.create-opportunity.request.json').example as {
      attributes: Record<string, unknown>;
    };
    const created = await ctx.call('POST', `${V2}/opportunity`, {
      body: { attributes: { ...body.attributes, account_id: SEEDED.account.id } },
    });
    expect(created.status).toBe(201);
    const { attributes } = created.body.data;
    expect(attributes.stage.value).toMatchObject({ api_name: 'proposal', display_value: 'Proposal' });
    expect(attributes.amount).toEqual({ value_type: 'currency', value: { amount: 150000 } });
    expect(attributes.status.value).toBe('DEAL');
    expect(attributes.closed_at.value).toBeNull();

    const won = await ctx.call('PATCH', `${V2}/opportunity/${created.body.data.id}`, {
      body: { attributes: { stage: 'closed_won' } },
    });
    expect(won.body.data.attributes.stage.value).toMatchObject({ api_name: 'closed_won', closing_probability: '100' });
    expect(won.body.data.attributes).toMatchObject({ status: { value: 'CLOSED_WON' }, outcome: { value: 'WON' } });
    expect(won.body.data.attributes.closed_at.value).toBe(won.body.data.attributes.stage_last_shifted_at.value);
    expect((await ctx.call('GET', `${V1}/opportunities/${created.body.data.id}`)).body).toMatchObject({
      stage_name: 'Closed Won',
      status: 'CLOSED_WON',
    });

    // A stage by id, and the amount as Reevo's other page shows it (a string).
    const stageId = attributes.stage.value.id;
    const back = await patch('opportunity', created.body.data.id, { stage: stageId, amount: { amount: '1250.50' } });
    expect(back.body.data.attributes.stage.value.id).toBe(stageId);
    expect(back.body.data.attributes.amount.value).toEqual({ amount: 1250.5 });
  });

  test('DELETE archives: 204 without a body, then record_not_found everywhere', async () => {
    const id = (await create('account', { display_name: 'Short-lived' })).body.data.id;
    const res = await ctx.call('DELETE', `${V2}/account/${id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expectV2Error(await ctx.call('GET', `${V2}/account/${id}`), 404, 'record_not_found');
    expectV2Error(await ctx.call('DELETE', `${V2}/account/${id}`), 404, 'record_not_found');
    expect((await ctx.call('GET', `${V1}/accounts/${id}`)).status).toBe(404);
  });
});

describe('v2 error codes', () => {
  test.each([
    ['unknown_field', 422, 'POST', 'contact', { attributes: { primary_email: 'a@b.example', shoe_size: 44 } }],
    [
      'field_not_creatable',
      422,
      'POST',
      'contact',
      { attributes: { primary_email: 'c@b.example', display_name: 'Me' } },
    ],
    [
      'field_not_creatable',
      422,
      'POST',
      'task',
      { attributes: { title: 't', owner_user_id: SEEDED.user.id, source_type: 'API' } },
    ],
    [
      'field_required_missing',
      422,
      'POST',
      'opportunity',
      { attributes: { display_name: 'No stage', account_id: SEEDED.account.id } },
    ],
    [
      'field_value_invalid',
      422,
      'POST',
      'opportunity',
      { attributes: { display_name: 'x', stage: 'proposal', account_id: SEEDED.account.id, amount: 'lots' } },
    ],
    [
      'field_value_invalid',
      422,
      'POST',
      'opportunity',
      { attributes: { display_name: 'x', stage: 'no_such_stage', account_id: SEEDED.account.id } },
    ],
    [
      'target_record_not_found',
      404,
      'POST',
      'opportunity',
      { attributes: { display_name: 'x', stage: 'proposal', account_id: '6f0c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f' } },
    ],
    ['field_value_invalid', 422, 'POST', 'contact', { attributes: { primary_email: SEEDED.contact.email } }],
  ])('%s (%i) on %s %s', async (code, status, method, type, body) => {
    const res = await ctx.call(method, `${V2}/${type}`, { body });
    expectV2Error(res, status, code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });

  test('field_not_updatable, record_not_found and a refused write changes nothing', async () => {
    expectV2Error(await patch('opportunity', SEEDED.opportunity.id, { status: 'DEAL' }), 422, 'field_not_updatable');
    expectV2Error(await patch('contact', SEEDED.contact.id, { contact_emails: [] }), 422, 'field_not_updatable');
    expectV2Error(
      await patch('contact', '6f0c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f', { title: 'x' }),
      404,
      'record_not_found',
    );
    const before = (await ctx.call('GET', `${V2}/opportunity/${SEEDED.opportunity.id}`)).body;
    expectV2Error(
      await patch('opportunity', SEEDED.opportunity.id, { display_name: 'Renamed', amount: 'lots' }),
      422,
      'field_value_invalid',
    );
    expect((await ctx.call('GET', `${V2}/opportunity/${SEEDED.opportunity.id}`)).body).toEqual(before);
  });

  test('stage_entrance_criteria_not_met: a contact enters Qualified only with a title', async () => {
    const id = (await create('contact', { primary_email: 'untitled@contoso-pharma.com' })).body.data.id;
    expectV2Error(await patch('contact', id, { stage: 'qualified' }), 422, 'stage_entrance_criteria_not_met');
    expect((await patch('contact', id, { stage: 'Qualified', title: 'Lab Manager' })).status).toBe(200);
  });

  test('a body of the wrong shape is a FastAPI 422, before the v2 rules', async () => {
    const res = await ctx.call('POST', `${V2}/contact`, { body: { first_name: 'Sarah' } });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d: { loc: unknown[] }) => d.loc)).toEqual(
      expect.arrayContaining([
        ['body', 'attributes'],
        ['body', 'first_name'],
      ]),
    );
  });
});

describe('_assert', () => {
  test('contact: 201 created, then 200 updated; both published match keys work', async () => {
    const first = await ctx.call('POST', `${V2}/contact/_assert`, {
      body: { match: { primary_email: 'assert.me@fabrikam.com' }, attributes: { first_name: 'Ash' } },
    });
    expect(first.status).toBe(201);
    expect(first.body.meta).toEqual({ action: 'created' });
    expect(first.body.data.attributes.primary_email.value).toBe('assert.me@fabrikam.com');
    const again = await ctx.call('POST', `${V2}/contact/_assert`, {
      body: { match: { contact_emails: 'ASSERT.ME@fabrikam.com' }, attributes: { title: 'CFO' } },
    });
    expect(again.status).toBe(200);
    expect(again.body.meta).toEqual({ action: 'updated' });
    expect(again.body.data.id).toBe(first.body.data.id);
    expect(again.body.data.attributes).toMatchObject({ first_name: { value: 'Ash' }, title: { value: 'CFO' } });
    // Reevo's two examples name the same email with the two keys: the second one finds what the first made or found.
    const guide = await ctx.call('POST', `${V2}/contact/_assert`, {
      body: golden('create-and-update-records.assert-contact-match.request.json').example,
    });
    expect(guide.body.meta.action).toBe(guide.status === 201 ? 'created' : 'updated');
    const reference = await ctx.call('POST', `${V2}/contact/_assert`, {
      body: golden('upsert-a-contact.match.request.json').example,
    });
    expect(reference.status).toBe(200);
    expect(reference.body.data.id).toBe(guide.body.data.id);
  });

  test("account: by domain_name (or domains), by id as in Reevo's example, which writes `name`", async () => {
    const created = await ctx.call('POST', `${V2}/account/_assert`, {
      body: { match: { domain_name: 'Adatum.example' }, attributes: { display_name: 'Adatum' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.meta.action).toBe('created');
    expect(created.body.data.attributes.domains).toEqual([
      { value_type: 'account_domain', value: { domain_name: 'adatum.example', is_primary: true } },
    ]);
    const byDomains = await ctx.call('POST', `${V2}/account/_assert`, {
      body: { match: { domains: 'adatum.example' }, attributes: {} },
    });
    expect(byDomains.status).toBe(200);
    const example = golden('upsert-an-account.request.json').example as { match: { id: string }; attributes: object };
    const byId = await ctx.call('POST', `${V2}/account/_assert`, {
      body: { ...example, match: { id: created.body.data.id } },
    });
    expect(byId.status).toBe(200);
    expect(byId.body.data.attributes.display_name.value).toBe('Acme Corporation');
    expectV2Error(
      await ctx.call('POST', `${V2}/account/_assert`, {
        body: { match: { id: '6f0c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f' } },
      }),
      404,
      'record_not_found',
    );
  });

  test('ambiguous_match when a domain belongs to two accounts; invalid_matching_field for other keys', async () => {
    for (const name of ['Twin A', 'Twin B'])
      await ctx.call('POST', `${V1}/accounts`, { body: { name, domain_name: 'twins.example' } });
    expectV2Error(
      await ctx.call('POST', `${V2}/account/_assert`, {
        body: { match: { domain_name: 'twins.example' }, attributes: {} },
      }),
      409,
      'ambiguous_match',
    );
    expectV2Error(
      await ctx.call('POST', `${V2}/account/_assert`, { body: { match: { display_name: 'Twin A' } } }),
      422,
      'invalid_matching_field',
    );
    expectV2Error(
      await ctx.call('POST', `${V2}/contact/_assert`, {
        body: { match: { primary_email: 'a@b.example', first_name: 'A' } },
      }),
      422,
      'invalid_matching_field',
    );
    expect((await ctx.call('POST', `${V2}/opportunity/_assert`, { body: { match: {}, attributes: {} } })).status).toBe(
      405,
    );
  });
});

describe('_query', () => {
  const names = (res: { body: { data: { attributes: { display_name: { value: string } } }[] } }) =>
    res.body.data.map((r) => r.attributes.display_name.value);

  test("Reevo's sync query: filter, sort direction, limit; then the next page with only {cursor, limit}", async () => {
    const first = await query('account', golden('query-records-for-sync.first-page.request.json').example as object);
    expect(first.status).toBe(200);
    const updated = first.body.data.map((r: { updated_at: string }) => r.updated_at);
    expect(updated).toEqual([...updated].sort());

    const seen: string[] = [];
    let page = await query('account', { sort: [{ field: 'created_at', direction: 'desc' }], limit: 2 });
    seen.push(...ids(page));
    while (page.body.next_cursor !== null) {
      page = await query('account', { cursor: page.body.next_cursor, limit: 2 });
      expect(page.status).toBe(200);
      seen.push(...ids(page));
    }
    const all = await query('account', { sort: [{ field: 'created_at', direction: 'desc' }], limit: 100 });
    expect(seen).toEqual(ids(all));
    expect(all.body.next_cursor).toBeNull();
  });

  test('invalid_cursor: edited, from another query, or for another record type', async () => {
    const first = await query('contact', {
      filters: [{ field: 'primary_email', operator: 'contains', value: '@' }],
      limit: 1,
    });
    const cursor: string = first.body.next_cursor;
    expect(typeof cursor).toBe('string');
    expect((await query('contact', { cursor, limit: 1 })).status).toBe(200);
    expect(
      (
        await query('contact', {
          cursor,
          limit: 1,
          filters: [{ field: 'primary_email', operator: 'contains', value: '@' }],
        })
      ).status,
    ).toBe(200);
    expectV2Error(await query('contact', { cursor, limit: 1, filters: [] }), 422, 'invalid_cursor');
    expectV2Error(await query('contact', { cursor: `x${cursor}`, limit: 1 }), 422, 'invalid_cursor');
    expectV2Error(await query('account', { cursor, limit: 1 }), 422, 'invalid_cursor');
    expectV2Error(await query('contact', { cursor: 'not-a-cursor' }), 422, 'invalid_cursor');
  });

  test('limit: 50 by default, at most 100; the old sort grammar is refused', async () => {
    for (let i = 0; i < 50; i++) await create('task', { title: `Bulk ${i}`, owner_user_id: USER.id });
    const byDefault = await query('task', {});
    expect(byDefault.body.data).toHaveLength(50);
    expect(byDefault.body.next_cursor).not.toBeNull();
    expect((await query('task', { limit: 101 })).status).toBe(422);
    expect((await query('task', { limit: 0 })).status).toBe(422);
    const old = await query('task', { sort: [{ field: 'created_at', order: 'desc' }] });
    expect(old.status).toBe(422);
    expect(old.body.detail[0].loc).toEqual(['body', 'sort', 0, 'direction']);
  });

  test('sort: up to three sortable fields, in order', async () => {
    const res = await query('opportunity', {
      sort: [
        { field: 'status', direction: 'asc' },
        { field: 'amount', direction: 'desc' },
      ],
    });
    const rows = res.body.data.map(
      (r: { attributes: { status: { value: string }; amount: { value: { amount: number } | null } } }) => [
        r.attributes.status.value,
        r.attributes.amount.value?.amount ?? null,
      ],
    );
    const sorted = [...rows].sort((a, b) =>
      a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : (b[1] ?? -Infinity) - (a[1] ?? -Infinity),
    );
    expect(rows).toEqual(sorted);
    const four = ['created_at', 'updated_at', 'display_name', 'amount'].map((field) => ({ field, direction: 'asc' }));
    expectV2Error(await query('opportunity', { sort: four }), 422, 'sort_too_many_fields');
    expectV2Error(
      await query('opportunity', { sort: [{ field: 'stage', direction: 'asc' }] }),
      422,
      'unsortable_field',
    );
    expectV2Error(
      await query('opportunity', { sort: [{ field: 'lead_source', direction: 'asc' }] }),
      422,
      'unsortable_field',
    );
  });

  test.each([
    [
      'eq',
      'contact',
      { field: 'primary_email', operator: 'eq', value: SEEDED.contact.email.toUpperCase() },
      [SEEDED.contact.id],
    ],
    [
      'eq on a reference',
      'account',
      { field: 'owner_user_id', operator: 'eq', value: USER.id },
      [SEEDED.account.id, '9e3b7c25-6f1a-4a48-b2d9-0c4e8f5a1b67', 'd4a8e1b6-2c7f-4e93-a5d0-7b3f9c2e8a51'],
    ],
    ['eq on a stage by api_name', 'contact', { field: 'stage', operator: 'eq', value: 'working' }, [SEEDED.contact.id]],
    [
      'ne',
      'opportunity',
      { field: 'status', operator: 'ne', value: 'CLOSED_LOST' },
      'excludes:1c7e4b8a-9d3f-4a26-8f5b-2e0c6d9a4f37',
    ],
    [
      'in',
      'opportunity',
      { field: 'status', operator: 'in', value: ['CLOSED_WON', 'CLOSED_LOST'] },
      ['8d5c1a9f-6b2e-4f07-9c3d-0a7e4b8f2d63', '1c7e4b8a-9d3f-4a26-8f5b-2e0c6d9a4f37'],
    ],
    [
      'not_in',
      'account',
      { field: 'current_stage_id', operator: 'not_in', value: ['prospect'] },
      [SEEDED.account.id, '6c1f4a82-3e9b-4d07-8b6a-5e2d9c0f7a18'],
    ],
    [
      'contains',
      'account',
      { field: 'domains', operator: 'contains', value: 'NORTHWIND' },
      [SEEDED.account.id, '9e3b7c25-6f1a-4a48-b2d9-0c4e8f5a1b67'],
    ],
    [
      'starts_with',
      'contact',
      { field: 'display_name', operator: 'starts_with', value: 'jordan' },
      [SEEDED.contact.id],
    ],
    [
      'ends_with',
      'contact',
      { field: 'primary_email', operator: 'ends_with', value: '@fabrikam.com' },
      ['9b4e1f7c-0a6d-4b38-8e2c-5f9a3d7b1e60'],
    ],
    ['gt', 'opportunity', { field: 'amount', operator: 'gt', value: 48000 }, ['4f8a2d6c-1e9b-4c53-b7a0-6d3e9f2c8b15']],
    [
      'gte',
      'opportunity',
      { field: 'amount', operator: 'gte', value: 48000 },
      ['4f8a2d6c-1e9b-4c53-b7a0-6d3e9f2c8b15', SEEDED.opportunity.id],
    ],
    ['lt', 'opportunity', { field: 'amount', operator: 'lt', value: 20000 }, ['1c7e4b8a-9d3f-4a26-8f5b-2e0c6d9a4f37']],
    ['lte', 'account', { field: 'created_at', operator: 'lte', value: '2025-02-03T09:14:22Z' }, [SEEDED.account.id]],
    [
      'between',
      'opportunity',
      { field: 'amount', operator: 'between', value: [18000, 30000] },
      ['8d5c1a9f-6b2e-4f07-9c3d-0a7e4b8f2d63', '1c7e4b8a-9d3f-4a26-8f5b-2e0c6d9a4f37'],
    ],
    ['exists', 'opportunity', { field: 'next_step_details', operator: 'exists' }, [SEEDED.opportunity.id]],
    ['not_exists', 'account', { field: 'official_website', operator: 'not_exists', value: null }, []],
    [
      'a custom select',
      'account',
      { field: 'industry_segment', operator: 'eq', value: 'Retail' },
      ['d4a8e1b6-2c7f-4e93-a5d0-7b3f9c2e8a51'],
    ],
    [
      'a dot path through a reference',
      'opportunity',
      { field: 'account_id.display_name', operator: 'eq', value: 'Fabrikam' },
      ['8d5c1a9f-6b2e-4f07-9c3d-0a7e4b8f2d63'],
    ],
  ])('%s', async (_name, type, filter, expected) => {
    // Only seeded records: a filter on records created before the other tests in this file ran.
    const res = await query(type, {
      filters: [filter, { field: 'created_at', operator: 'lt', value: '2026-01-01T00:00:00Z' }],
      limit: 100,
    });
    expect(res.status).toBe(200);
    if (typeof expected === 'string') expect(ids(res)).not.toContain(expected.split(':')[1]);
    else expect(ids(res).sort()).toEqual([...expected].sort());
  });

  test("or, and, not groups (Reevo's composite example)", async () => {
    const example = golden('query-records-for-sync.or-filter.request.json').example as { filters: unknown[] };
    await create('contact', { primary_email: 'founder@acme.com', title: 'Founder' });
    const or = await query('contact', example);
    expect(or.status).toBe(200);
    expect(
      or.body.data.map((r: { attributes: { primary_email: { value: string } } }) => r.attributes.primary_email.value),
    ).toContain('founder@acme.com');
    const not = await query('account', {
      filters: [{ not: { field: 'display_name', operator: 'contains', value: 'north' } }],
      limit: 100,
    });
    expect(names(not).some((n: string) => n.toLowerCase().includes('north'))).toBe(false);
    const and = await query('account', {
      filters: [
        {
          and: [
            { field: 'display_name', operator: 'contains', value: 'north' },
            { field: 'current_stage_id', operator: 'eq', value: 'customer' },
          ],
        },
      ],
    });
    expect(names(and)).toEqual(['Northwind Traders']);
  });

  test.each([
    ['invalid_filter_field', { field: 'shoe_size', operator: 'eq', value: 1 }],
    ['invalid_filter_field', { field: 'address', operator: 'exists' }],
    ['invalid_filter_operator', { field: 'amount', operator: 'contains', value: '1' }],
    ['invalid_filter_operator', { field: 'display_name', operator: 'like', value: 'a' }],
    ['invalid_filter_value', { field: 'status', operator: 'in', value: 'DEAL' }],
    ['invalid_filter_value', { field: 'amount', operator: 'between', value: [1] }],
    ['invalid_filter_value', { field: 'amount', operator: 'gt', value: 'lots' }],
    ['invalid_filter_value', { field: 'created_at', operator: 'gte', value: 'yesterday' }],
    ['invalid_filter_value', { or: [] }],
    ['filter_depth_exceeded', { field: 'account_id.owner_user_id.email', operator: 'eq', value: 'a@b.c' }],
  ])('%s: %j', async (code, filter) => {
    expectV2Error(await query('opportunity', { filters: [filter] }), 422, code);
  });
});

describe("an account's domains one at a time", () => {
  const domains = async (id: string) =>
    (
      (await ctx.call('GET', `${V2}/account/${id}`)).body.data.attributes.domains as {
        value: { domain_name: string; is_primary: boolean };
      }[]
    ).map((d) => d.value);

  test('add (the first becomes primary), promote, unset, remove', async () => {
    const id = (await create('account', { display_name: 'Domains Inc' })).body.data.id;
    const base = `${V2}/account/${id}/attribute/domains`;
    const first = await ctx.call('POST', base, { body: { domain_name: 'Domains.example' } });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ data: { domain_name: 'domains.example', is_primary: true } });
    expect((await ctx.call('POST', base, { body: { domain_name: 'domains.test' } })).body.data).toEqual({
      domain_name: 'domains.test',
      is_primary: false,
    });

    const promoted = await ctx.call('PATCH', `${base}/domains.test`, { body: { is_primary: true } });
    expect(promoted.body.data).toEqual({ domain_name: 'domains.test', is_primary: true });
    expect(await domains(id)).toEqual([
      { domain_name: 'domains.test', is_primary: true },
      { domain_name: 'domains.example', is_primary: false },
    ]);
    expect((await ctx.call('GET', `${V1}/accounts/${id}`)).body.domain_name).toBe('domains.test');

    expect(
      (await ctx.call('PATCH', `${base}/domains.test`, { body: { is_primary: false } })).body.data.is_primary,
    ).toBe(false);
    expect((await domains(id))[0]).toEqual({ domain_name: 'domains.example', is_primary: true });

    const removed = await ctx.call('DELETE', `${base}/domains.example`);
    expect(removed.status).toBe(204);
    expect(await domains(id)).toEqual([{ domain_name: 'domains.test', is_primary: true }]);
  });

  test('errors: a domain twice, an unknown domain, is_primary on add, another key', async () => {
    const base = `${V2}/account/${SEEDED.account.id}/attribute/domains`;
    expectV2Error(
      await ctx.call('POST', base, { body: { domain_name: SEEDED.account.domain } }),
      422,
      'field_value_invalid',
    );
    expectV2Error(await ctx.call('DELETE', `${base}/nowhere.example`), 404, 'record_not_found');
    expect((await ctx.call('POST', base, { body: { domain_name: 'x.example', is_primary: true } })).status).toBe(422);
    expect(
      (await ctx.call('POST', base, { key: ctx.sandbox.keys.readOnly, body: { domain_name: 'x.example' } })).status,
    ).toBe(403);
  });
});

describe('relationships', () => {
  const related = (path: string) => ctx.call('GET', `${V2}/${path}`);
  const relatedIds = (res: { body: { items: { related_record_id: string }[] } }) =>
    res.body.items.map((i) => i.related_record_id);

  test('the typed relationships, read from the same links v1 shows', async () => {
    const accounts = await related(`contact/${SEEDED.contact.id}/relationship/accounts`);
    expect(accounts.status).toBe(200);
    expect(accounts.body).toMatchObject({
      parent: { id: SEEDED.contact.id, record_type: 'contact' },
      api_name: 'accounts',
      next_cursor: null,
    });
    expect(relatedIds(accounts)).toEqual([SEEDED.account.id]);
    expect(accounts.body.items[0].through.attributes.is_primary).toEqual({ value: true, value_type: 'boolean' });
    expect(relatedIds(await related(`account/${SEEDED.account.id}/relationship/contacts`))).toContain(
      SEEDED.contact.id,
    );
    expect(relatedIds(await related(`opportunity/${SEEDED.opportunity.id}/relationship/contacts`))).toEqual([
      SEEDED.contact.id,
    ]);
    expect(relatedIds(await related(`contact/${SEEDED.contact.id}/relationship/opportunities`))).toEqual([
      SEEDED.opportunity.id,
    ]);
  });

  test('unknown_relationship, record_not_found', async () => {
    expectV2Error(await related(`contact/${SEEDED.contact.id}/relationship/friends`), 422, 'unknown_relationship');
    expectV2Error(await related(`task/${SEEDED.task.id}/relationship/contacts`), 422, 'unknown_relationship');
    expectV2Error(
      await related('contact/6f0c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f/relationship/accounts'),
      404,
      'record_not_found',
    );
  });
});

describe('_schema', () => {
  test('the bare object: operators, sortability and custom attributes per field', async () => {
    const res = await ctx.call('GET', `${V2}/_schema/contact`);
    expect(res.body.data).toBeUndefined();
    const byName = Object.fromEntries(res.body.attributes.map((a: { api_name: string }) => [a.api_name, a]));
    expect(byName.primary_email).toMatchObject({
      is_unique: true,
      is_required_on_create: true,
      is_sortable: true,
      type_info: { value_type: 'email', is_array: false },
    });
    expect(byName.primary_email.filter_operators).toEqual(
      expect.arrayContaining(['eq', 'contains', 'starts_with', 'exists']),
    );
    expect(byName.contact_emails).toMatchObject({
      is_creatable: false,
      is_updatable: false,
      is_sortable: false,
      type_info: { is_array: true, value_type: 'contact_email' },
    });
    expect(byName.address).toMatchObject({ is_filterable: false, filter_operators: [] });
    expect(byName.persona).toMatchObject({
      is_custom: true,
      is_sortable: false,
      type_info: { value_type: 'select', is_array: false },
    });
    const opportunity = await ctx.call('GET', `${V2}/_schema/opportunity`);
    const amount = opportunity.body.attributes.find((a: { api_name: string }) => a.api_name === 'amount');
    expect(amount.filter_operators).toEqual(expect.arrayContaining(['gt', 'gte', 'lt', 'lte', 'between']));
    const required = opportunity.body.attributes
      .filter((a: { is_required_on_create: boolean }) => a.is_required_on_create)
      .map((a: { api_name: string }) => a.api_name);
    expect(required.sort()).toEqual(['account_id', 'display_name', 'stage']);
  });
});
