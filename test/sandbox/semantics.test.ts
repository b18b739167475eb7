/** What the endpoints do: upsert matching, partial updates, search rules, stages, references. */
import { SEEDED } from '../../sandbox/seed';
import { useSandbox, V1 } from './helpers';

const ctx = useSandbox();
const upsert = (body: object) => ctx.call('POST', `${V1}/account_contact`, { query: { payload_type: 'json' }, body });

describe('POST /account_contact upsert', () => {
  test('creates a contact, then updates the same email (any case) and reports the action', async () => {
    const created = await upsert({
      email: 'lee.fontaine@adventure-works.com',
      first_name: 'Lee',
      company: 'Adventure Works',
      account_website: 'https://www.adventure-works.com',
    });
    expect(created.body.action).toBe('created');
    expect(created.body.account).toMatchObject({
      name: 'Adventure Works',
      domain_name: 'adventure-works.com',
      official_website: 'https://www.adventure-works.com',
    });

    const updated = await upsert({ email: 'Lee.Fontaine@Adventure-Works.com', title: 'COO' });
    expect(updated.body.action).toBe('updated');
    expect(updated.body.contact_id).toBe(created.body.contact_id);
    expect(updated.body.account_id).toBe(created.body.account_id);
    // Only the keys sent change.
    expect(updated.body.contact).toMatchObject({ first_name: 'Lee', title: 'COO' });
  });

  test('matches the account by website domain first, then by company name', async () => {
    const byDomain = await upsert({
      email: 'kim@northwind-traders.com',
      account_website: 'northwind-traders.com/contact',
    });
    expect(byDomain.body.account_id).toBe(SEEDED.account.id);
    const byName = await upsert({ email: 'ari@contoso-mail.example', company: 'contoso pharmaceuticals' });
    expect(byName.body.account.domain_name).toBe('contoso-pharma.com');
    const fresh = await upsert({ email: 'bo@litware.example', company: 'Litware' });
    expect(fresh.body.account).toMatchObject({ name: 'Litware', domain_name: 'litware.example' });
  });

  test('stores phone numbers in E.164 and applies account fields and custom fields', async () => {
    const res = await upsert({
      email: 'dee@tailspintoys.com',
      phone_number: '(415) 555-0199',
      account_website: 'tailspintoys.com',
      account_x_url: 'https://x.com/tailspin',
      account_custom_fields: { '5a2c8e4f-1b7d-4a39-9c6e-0f3b8d2a7c14': 'Retail' },
      contact_custom_fields: { persona: 'Champion' },
    });
    expect(res.status).toBe(200);
    expect(res.body.contact.phone_number).toBe('+14155550199');
    expect(res.body.account.x_url).toBe('https://x.com/tailspin');
    expect(res.body.account.custom_fields).toEqual({ industry_segment: 'Retail', tech_stack: ['Shopify'] });
    expect(res.body.contact.custom_fields).toEqual({ persona: 'Champion' });
  });

  test('rejects unknown owners and unknown custom fields with 422 naming them', async () => {
    const res = await upsert({
      email: 'x@fabrikam.com',
      contact_owner_email: 'ghost@acme-outbound.example',
      contact_custom_fields: { shoe_size: '42' },
    });
    expect(res.status).toBe(422);
    const byLoc = Object.fromEntries(
      res.body.detail.map((d: { loc: string[]; msg: string }) => [d.loc.join('.'), d.msg]),
    );
    expect(byLoc['body.contact_owner_email']).toContain('ghost@acme-outbound.example');
    expect(byLoc['body.contact_custom_fields.shoe_size']).toContain('shoe_size');
  });
});

describe('updates change only the keys sent', () => {
  test('PATCH /accounts merges custom fields and keeps other fields', async () => {
    const before = (await ctx.call('GET', `${V1}/accounts/${SEEDED.account.id}`)).body;
    const res = await ctx.call('PATCH', `${V1}/accounts/${SEEDED.account.id}`, {
      body: { custom_fields: { tech_stack: ['SAP'] }, facebook_url: 'https://facebook.com/nw' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...before,
      facebook_url: 'https://facebook.com/nw',
      custom_fields: { ...before.custom_fields, tech_stack: ['SAP'] },
      updated_at: expect.any(String),
    });
  });

  test('PATCH /opportunities can clear an optional field with null', async () => {
    const res = await ctx.call('PATCH', `${V1}/opportunities/${SEEDED.opportunity.id}`, {
      body: { next_step_details: null, additional_contact_emails: [SEEDED.contact.email] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      next_step_details: null,
      additional_contact_emails: [SEEDED.contact.email],
      display_name: SEEDED.opportunity.name,
    });
  });
});

describe('searches', () => {
  test('accounts: domain_name is a case-insensitive substring; limit and offset page', async () => {
    const all = await ctx.call('POST', `${V1}/accounts/search`, { body: { domain_name: 'NORTHWIND' } });
    expect(all.body.map((a: { domain_name: string }) => a.domain_name).sort()).toEqual([
      'northwind-logistics.com',
      'northwind-traders.com',
    ]);
    const middle = await ctx.call('POST', `${V1}/accounts/search`, { body: { domain_name: 'Traders.C' } });
    expect(middle.body.map((a: { id: string }) => a.id)).toEqual([SEEDED.account.id]);
    const second = await ctx.call('POST', `${V1}/accounts/search`, {
      body: { domain_name: 'northwind', limit: 1, offset: 1 },
    });
    expect(second.body).toHaveLength(1);
    expect(second.body[0].id).toBe(all.body[1].id);
    expect((await ctx.call('POST', `${V1}/accounts/search`, { body: { domain_name: 'no-such-domain' } })).body).toEqual(
      [],
    );
  });

  test('accounts: domain_name is required', async () => {
    const res = await ctx.call('POST', `${V1}/accounts/search`, { body: {} });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(['body', 'domain_name']);
  });

  test('contacts: by contact email, by owner email, by both; neither → 422', async () => {
    const byEmail = await ctx.call('POST', `${V1}/contacts/search`, {
      body: { contact_email: SEEDED.contact.email.toUpperCase() },
    });
    expect(byEmail.body.map((c: { id: string }) => c.id)).toEqual([SEEDED.contact.id]);
    const byOwner = await ctx.call('POST', `${V1}/contacts/search`, {
      body: { owner_email: 'riley.chen@acme-outbound.example' },
    });
    expect(byOwner.body.length).toBe(2);
    const both = await ctx.call('POST', `${V1}/contacts/search`, {
      body: { contact_email: SEEDED.contact.email, owner_email: 'riley.chen@acme-outbound.example' },
    });
    expect(both.body).toEqual([]);
    const neither = await ctx.call('POST', `${V1}/contacts/search`, { body: { limit: 5 } });
    expect(neither.status).toBe(422);
    expect(neither.body.detail[0].msg).toMatch(/contact_email or owner_email/);
  });

  test('opportunities: by name substring, account, owner, status and stage', async () => {
    const search = async (body: object) =>
      (await ctx.call('POST', `${V1}/opportunities/search`, { body })).body.map(
        (o: { display_name: string }) => o.display_name,
      );
    expect(await search({ display_name: 'fleet' })).toEqual(['Fabrikam - Fleet pilot']);
    expect(await search({ account_id: '2a6d9f13-8c4e-4b71-9e05-3f8a1c7d2b46' })).toEqual([
      'Contoso - Lab equipment renewal',
    ]);
    expect(await search({ status: 'PROSPECT', owner_email: 'RILEY.CHEN@acme-outbound.example' })).toEqual([
      'Contoso - Lab equipment renewal',
    ]);
    expect(await search({ stage_name: 'closed lost' })).toEqual(['Tailspin Toys - Holiday season']);
    const invalid = await ctx.call('POST', `${V1}/opportunities/search`, { body: { status: 'WON' } });
    expect(invalid.status).toBe(422);
  });

  test('users and mailboxes return arrays, empty when nothing matches', async () => {
    expect(
      (await ctx.call('POST', `${V1}/users/search`, { body: { email: 'nobody@acme-outbound.example' } })).body,
    ).toEqual([]);
    const mailboxes = await ctx.call('POST', `${V1}/mailboxes/search`, {
      body: { owner_user_email: SEEDED.user.email },
    });
    expect(mailboxes.body.map((m: { email: string }) => m.email)).toContain(SEEDED.mailbox.email);
  });
});

describe('opportunities and stages', () => {
  let id: string;

  beforeAll(async () => {
    const created = await ctx.call('POST', `${V1}/opportunities`, {
      body: {
        display_name: 'Fabrikam - Expansion',
        account_id: '6c1f4a82-3e9b-4d07-8b6a-5e2d9c0f7a18',
        amount: 9000,
        custom_fields: { lead_source: 'Partner' },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      pipeline_name: 'New Business',
      stage_name: 'Discovery',
      status: 'PROSPECT',
      closed_reason_names: [],
    });
    id = created.body.id;
  });

  const shift = (body: object) => ctx.call('POST', `${V1}/opportunities/${id}/shift_stage`, { body });

  test('create needs an existing account and a known pipeline', async () => {
    const noAccount = await ctx.call('POST', `${V1}/opportunities`, {
      body: { display_name: 'x', account_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(noAccount.status).toBe(404);
    expect(noAccount.body.message).toMatch(/Account 00000000-0000-4000-8000-000000000000 not found/);
    const noPipeline = await ctx.call('POST', `${V1}/opportunities`, {
      body: { display_name: 'x', account_id: SEEDED.account.id, pipeline_name: 'Renewals' },
    });
    expect(noPipeline.status).toBe(422);
    expect(noPipeline.body.detail[0]).toMatchObject({ loc: ['body', 'pipeline_name'] });
  });

  test('shift to an open stage by display name sets stage and status', async () => {
    const res = await shift({ target_stage_name: 'Demo' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage_name: 'Demo', status: 'DEAL' });
  });

  test('an unknown stage → 422 naming it', async () => {
    const res = await shift({ target_stage_name: 'Contract Sent' });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(['body', 'target_stage_name']);
    expect(res.body.detail[0].msg).toContain("'Contract Sent'");
  });

  test.each(['Closed Won', 'Closed Lost'])(
    '%s without closed_reason_names → 422 saying reasons are required',
    async (stage) => {
      for (const body of [{ target_stage_name: stage }, { target_stage_name: stage, closed_reason_names: [] }]) {
        const res = await shift(body);
        expect(res.status).toBe(422);
        expect(res.body.detail[0].loc).toEqual(['body', 'closed_reason_names']);
        expect(res.body.detail[0].msg).toMatch(/closed reasons are required for closed won\/lost stages/i);
      }
    },
  );

  test('closed lost with a won reason → 422; with a lost reason → closed', async () => {
    expect((await shift({ target_stage_name: 'Closed Lost', closed_reason_names: ['Pricing'] })).status).toBe(422);
    const res = await shift({
      target_stage_name: 'Closed Lost',
      closed_reason_names: ['Budget'],
      closed_reason_custom_detail: 'Frozen until Q3',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      stage_name: 'Closed Lost',
      status: 'CLOSED_LOST',
      closed_reason_names: ['Budget'],
    });
  });
});

describe('tasks, activities, enrollments', () => {
  test('a task gets the contract defaults and links an opportunity by name', async () => {
    const res = await ctx.call('POST', `${V1}/tasks`, {
      body: {
        title: 'Prep QBR',
        owner_email: SEEDED.user.email,
        opportunity_name: SEEDED.opportunity.name,
        contact_emails: [SEEDED.contact.email],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'OPEN',
      priority: 'MEDIUM',
      type: 'REMINDER',
      opportunity_name: SEEDED.opportunity.name,
      due_at: null,
    });
    const unknown = await ctx.call('POST', `${V1}/tasks`, {
      body: { title: 'x', owner_email: SEEDED.user.email, opportunity_name: 'No such deal' },
    });
    expect(unknown.status).toBe(422);
  });

  test('a manual activity keeps its metadata, defaults the category and checks references', async () => {
    const res = await ctx.call('POST', `${V1}/manual_activities`, {
      body: {
        metadata: { activity_time: '2026-02-01T09:30:00Z', subject: 'Call', description: 'Intro call' },
        contact_ids: [SEEDED.contact.id],
        pipeline_id: SEEDED.opportunity.id,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.metadata).toEqual({
      activity_time: '2026-02-01T09:30:00Z',
      subject: 'Call',
      description: 'Intro call',
      category: 'OTHER',
    });
    const badOpportunity = await ctx.call('POST', `${V1}/manual_activities`, {
      body: {
        metadata: { activity_time: '2026-02-01T09:30:00Z', subject: 's', description: 'd' },
        pipeline_id: SEEDED.account.id,
      },
    });
    expect(badOpportunity.status).toBe(404);
  });

  test('an enrollment defaults to a mailbox of the contact owner; unknown sequence or contact → 404', async () => {
    const res = await ctx.call('POST', `${V1}/sequence_enrollments`, {
      body: { contact_email: SEEDED.contact.email, sequence_id: SEEDED.sequence.id },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mailbox_email: SEEDED.mailbox.email, status: 'ACTIVE' });
    const chosen = await ctx.call('POST', `${V1}/sequence_enrollments`, {
      body: {
        contact_email: SEEDED.contact.email,
        sequence_id: SEEDED.sequence.id,
        mailbox_email: 'riley@mail.acme-outbound.example',
      },
    });
    expect(chosen.body.mailbox_email).toBe('riley@mail.acme-outbound.example');
    const noSequence = await ctx.call('POST', `${V1}/sequence_enrollments`, {
      body: { contact_email: SEEDED.contact.email, sequence_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(noSequence.status).toBe(404);
    expect(noSequence.body.message).toMatch(/Sequence/);
    const noContact = await ctx.call('POST', `${V1}/sequence_enrollments`, {
      body: { contact_email: 'who@nowhere.example', sequence_id: SEEDED.sequence.id },
    });
    expect(noContact.status).toBe(404);
    expect(noContact.body.message).toMatch(/who@nowhere.example/);
  });
});

describe('GET /account_and_contact_retrieval', () => {
  const retrieve = (query: Record<string, string>) => ctx.call('GET', `${V1}/account_and_contact_retrieval`, { query });

  test('by contact email, by account domain, by E.164 phone', async () => {
    expect((await retrieve({ contact_email: SEEDED.contact.email })).body).toMatchObject({
      account: { id: SEEDED.account.id },
      contact: { id: SEEDED.contact.id },
    });
    expect((await retrieve({ account_domain: 'fabrikam.com' })).body).toMatchObject({
      account: { name: 'Fabrikam' },
      contact: null,
    });
    expect((await retrieve({ contact_phone_number: '+14155550178' })).body).toMatchObject({
      contact: { email: 'alex.rivera@contoso-pharma.com' },
    });
    expect((await retrieve({ contact_email: 'nobody@nowhere.example' })).body).toEqual({
      account: null,
      contact: null,
    });
  });

  test('an unencoded "+" (decoded as a space) finds nothing', async () => {
    const url = new URL(`${V1}/account_and_contact_retrieval?contact_phone_number=+14155550178`, ctx.sandbox.url);
    const res = await fetch(url, { headers: { 'x-api-key': ctx.sandbox.keys.full } });
    expect(await res.json()).toEqual({ account: null, contact: null });
  });

  test('not exactly one identifier → 422', async () => {
    expect((await retrieve({})).status).toBe(422);
    const two = await retrieve({ contact_email: SEEDED.contact.email, account_domain: 'fabrikam.com' });
    expect(two.status).toBe(422);
    expect(two.body.detail[0].msg).toMatch(/Exactly one of contact_email, account_domain, contact_phone_number/);
  });
});

describe('organizations are isolated', () => {
  test("the second org's key sees its own records only", async () => {
    const key = ctx.sandbox.keys.otherOrgFull;
    expect((await ctx.call('GET', `${V1}/accounts/${SEEDED.account.id}`, { key })).status).toBe(404);
    const own = await ctx.call('POST', `${V1}/accounts/search`, { key, body: { domain_name: 'initech' } });
    expect(own.body).toHaveLength(1);
  });
});
