/** Every error path of contract §1, in the status and body shape the contract gives. */
import { SEEDED } from '../../sandbox/seed';
import { client, useSandbox, V1 } from './helpers';

const ctx = useSandbox();

const REEVO_ENVELOPE = ['details', 'error', 'error_response_type', 'message'];

describe('authentication', () => {
  test('an unknown key → 401 with the observed body, exactly', async () => {
    const res = await ctx.call('GET', `${V1}/accounts/${SEEDED.account.id}`, { key: 'not-a-real-key' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error_response_type: 'GENERIC',
      error: 'UnauthorizedError',
      message: 'Invalid API key',
      details: null,
    });
  });

  test('an expired key → 401 "API key has expired" in the Reevo envelope', async () => {
    const res = await ctx.call('GET', `${V1}/accounts/${SEEDED.account.id}`, { key: ctx.sandbox.keys.expired });
    expect(res.status).toBe(401);
    expect(Object.keys(res.body).sort()).toEqual(REEVO_ENVELOPE);
    expect(res.body.message).toBe('API key has expired');
  });

  test('no x-api-key header → 422 with the observed FastAPI body, exactly', async () => {
    const res = await ctx.call('GET', `${V1}/accounts/${SEEDED.account.id}`, { key: null });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      detail: [{ type: 'missing', loc: ['header', 'x-api-key'], msg: 'Field required', input: null }],
    });
  });

  test('v2 takes the key as a Bearer token or as X-Api-Key; v1 only as x-api-key', async () => {
    const bearer = { key: null, headers: { authorization: `Bearer ${ctx.sandbox.keys.full}` } };
    expect((await ctx.call('GET', '/api/v2/_schema/account', bearer)).status).toBe(200);
    expect(
      (await ctx.call('GET', '/api/v2/_schema/account', { headers: { 'X-Api-Key': ctx.sandbox.keys.full }, key: null }))
        .status,
    ).toBe(200);
    expect((await ctx.call('GET', `${V1}/accounts/${SEEDED.account.id}`, bearer)).status).toBe(422);
    expect((await ctx.call('GET', '/api/v2/_schema/account', { key: 'wrong' })).status).toBe(401);
  });

  test('a key expired while the sandbox runs stops working at once', async () => {
    const { startSandbox } = await import('../../sandbox');
    const sandbox = await startSandbox();
    try {
      const call = client(sandbox);
      expect((await call('GET', `${V1}/accounts/${SEEDED.account.id}`)).status).toBe(200);
      sandbox.expireKey(sandbox.keys.full);
      const res = await call('GET', `${V1}/accounts/${SEEDED.account.id}`);
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('API key has expired');
    } finally {
      await sandbox.stop();
    }
  });
});

describe('permissions → 403 naming what is missing', () => {
  test.each([
    [
      'readOnly',
      'POST',
      '/opportunities',
      { display_name: 'x', account_id: SEEDED.account.id },
      'Opportunities (write)',
    ],
    [
      'readOnly',
      'POST',
      '/account_contact?payload_type=json',
      { email: 'a@b.co' },
      'Accounts (write), Contacts (write)',
    ],
    ['readOnly', 'POST', '/manual_activities', {}, 'Activities (write)'],
    ['tasksOnly', 'POST', '/accounts/search', { domain_name: 'x' }, 'Accounts (read)'],
    [
      'tasksOnly',
      'GET',
      '/account_and_contact_retrieval?contact_email=a@b.co',
      undefined,
      'Accounts (read), Contacts (read)',
    ],
    ['tasksOnly', 'POST', '/users/search', { email: 'a@b.co' }, 'Users (read)'],
    ['tasksOnly', 'POST', '/mailboxes/search', { owner_user_email: 'a@b.co' }, 'Mailbox (read)'],
    ['tasksOnly', 'POST', '/sequence_enrollments', {}, 'Sequence Enrollment (write)'],
    ['noWebhooks', 'GET', '/webhooks', undefined, 'Webhooks (read)'],
    [
      'readOnly',
      'POST',
      '/webhooks',
      { target_url: 'http://127.0.0.1/x', event_types: ['task.created'] },
      'Webhooks (write)',
    ],
  ] as const)('%s key: %s %s needs %s', async (keyName, method, path, body, named) => {
    const res = await ctx.call(method, `${V1}${path}`, { key: ctx.sandbox.keys[keyName], body });
    expect(res.status).toBe(403);
    expect(Object.keys(res.body).sort()).toEqual(REEVO_ENVELOPE);
    expect(res.body.message).toBe(`API key is missing required permissions: ${named}`);
  });

  test('v2 _query and _schema need read of that record type', async () => {
    const key = ctx.sandbox.keys.tasksOnly;
    expect((await ctx.call('POST', '/api/v2/task/_query', { key, body: {} })).status).toBe(200);
    const res = await ctx.call('GET', '/api/v2/_schema/opportunity', { key });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('Opportunities (read)');
  });

  test('write implies read; the read-only key reads everything readable', async () => {
    expect(
      (
        await ctx.call('POST', `${V1}/tasks`, {
          key: ctx.sandbox.keys.tasksOnly,
          body: { title: 't', owner_email: SEEDED.user.email },
        })
      ).status,
    ).toBe(201);
    const readOnly = ctx.sandbox.keys.readOnly;
    expect((await ctx.call('GET', `${V1}/opportunities/${SEEDED.opportunity.id}`, { key: readOnly })).status).toBe(200);
    expect(
      (await ctx.call('POST', `${V1}/users/search`, { key: readOnly, body: { email: SEEDED.user.email } })).status,
    ).toBe(200);
    expect((await ctx.call('GET', `${V1}/webhooks`, { key: readOnly })).status).toBe(200);
  });
});

describe('request validation → 422 FastAPI detail list', () => {
  test('a missing required field', async () => {
    const res = await ctx.call('POST', `${V1}/accounts`, { body: { domain_name: 'x.com' } });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([
      expect.objectContaining({ type: 'missing', loc: ['body', 'name'], msg: 'Field required' }),
    ]);
  });

  test('a bad email, a bad enum and an unknown key, all reported at once', async () => {
    const res = await ctx.call('POST', `${V1}/tasks`, {
      body: { title: 't', owner_email: 'not-an-email', priority: 'HUGE', colour: 'red' },
    });
    expect(res.status).toBe(422);
    const byField = Object.fromEntries(res.body.detail.map((d: { loc: string[] }) => [d.loc.join('.'), d]));
    expect(byField['body.owner_email'].msg).toMatch(/email/);
    expect(byField['body.priority']).toMatchObject({
      type: 'enum',
      msg: "Input should be 'URGENT', 'HIGH', 'MEDIUM' or 'LOW'",
    });
    expect(byField['body.colour']).toMatchObject({ type: 'extra_forbidden', msg: 'Extra inputs are not permitted' });
  });

  test('types, UUIDs, date-times, nested objects and custom field values', async () => {
    const res = await ctx.call('POST', `${V1}/manual_activities`, {
      body: { metadata: { activity_time: 'yesterday', subject: 1 }, account_id: 'nope', contact_ids: 'x' },
    });
    expect(res.status).toBe(422);
    const locs = res.body.detail.map((d: { loc: string[] }) => d.loc.join('.'));
    expect(locs).toEqual(
      expect.arrayContaining([
        'body.metadata.activity_time',
        'body.metadata.subject',
        'body.metadata.description',
        'body.account_id',
        'body.contact_ids',
      ]),
    );
    const cf = await ctx.call('POST', `${V1}/accounts`, { body: { name: 'n', custom_fields: { tech_stack: 3 } } });
    expect(cf.status).toBe(422);
    expect(cf.body.detail[0].loc).toEqual(['body', 'custom_fields', 'tech_stack']);
  });

  test('the stage cannot be changed through PATCH /opportunities', async () => {
    const res = await ctx.call('PATCH', `${V1}/opportunities/${SEEDED.opportunity.id}`, {
      body: { stage_name: 'Closed Won' },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ type: 'extra_forbidden', loc: ['body', 'stage_name'] });
  });

  test('POST /account_contact without payload_type=json', async () => {
    const res = await ctx.call('POST', `${V1}/account_contact`, { body: { email: 'a@b.co' } });
    expect(res.status).toBe(422);
    expect(res.body.detail).toEqual([
      { type: 'missing', loc: ['query', 'payload_type'], msg: 'Field required', input: null },
    ]);
  });

  test('invalid JSON and a missing body', async () => {
    const invalid = await ctx.call('POST', `${V1}/accounts`, { rawBody: '{"name": ' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail[0]).toMatchObject({ type: 'json_invalid', msg: 'JSON decode error' });
    const missing = await ctx.call('POST', `${V1}/accounts`);
    expect(missing.status).toBe(422);
    expect(missing.body.detail).toEqual([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  });

  test('a body nested too deep is a FastAPI 422 naming where, on v1 and v2 alike; deep inside a string is fine', async () => {
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    for (const path of [`${V1}/accounts`, '/api/v2/contact', '/api/v2/contact/_query']) {
      const res = await ctx.call('POST', path, { rawBody: `{"attributes": ${deep}}` });
      expect(res.status).toBe(422);
      expect(res.body.detail).toEqual([
        {
          type: 'json_invalid',
          loc: ['body', 78],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: 'Nesting too deep (more than 64 levels)' },
        },
      ]);
    }
    const justUnder = `${'['.repeat(62)}${']'.repeat(62)}`;
    expect(
      (await ctx.call('POST', '/api/v2/contact', { rawBody: `{"attributes": {"x": ${justUnder}}}` })).body.error.code,
    ).toBe('unknown_field');
    const inString = await ctx.call('POST', `${V1}/accounts`, { rawBody: JSON.stringify({ name: `[{"\\${deep}` }) });
    expect(inString.status).toBe(201);
  });

  test('a non-UUID path id', async () => {
    const res = await ctx.call('GET', `${V1}/accounts/12345`);
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ type: 'uuid_parsing', loc: ['path', 'account_id'] });
  });

  test('a missing header is reported together with the body errors, as FastAPI collects them', async () => {
    const res = await ctx.call('POST', `${V1}/accounts`, { key: null, body: {} });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d: { loc: string[] }) => d.loc.join('.'))).toEqual(['header.x-api-key', 'body.name']);
  });
});

describe('unknown ids, paths and methods', () => {
  test('an unknown id → 404 in the Reevo envelope naming the record', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/accounts/${id}`, `/contacts/${id}`, `/opportunities/${id}`, `/webhooks/${id}`]) {
      const res = await ctx.call('GET', `${V1}${path}`);
      expect(res.status).toBe(404);
      expect(Object.keys(res.body).sort()).toEqual(REEVO_ENVELOPE);
      expect(res.body.message).toContain(id);
    }
  });

  test('an unknown path → 404 {"detail":"Not Found"}', async () => {
    for (const path of [`${V1}/nothing`, '/api/v3/health', '/']) {
      const res = await ctx.call('GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: 'Not Found' });
    }
  });

  test('a wrong method → 405 {"detail":"Method Not Allowed"}', async () => {
    for (const [method, path] of [
      ['GET', '/accounts'],
      ['DELETE', '/accounts/' + SEEDED.account.id],
      ['PUT', '/tasks'],
      ['GET', '/account_contact'],
      ['POST', '/account_and_contact_retrieval'],
    ]) {
      const res = await ctx.call(method, `${V1}${path}`);
      expect(res.status).toBe(405);
      expect(res.body).toEqual({ detail: 'Method Not Allowed' });
    }
    expect((await ctx.call('POST', '/api/v2/health')).status).toBe(405);
  });
});

describe('quota and rate limits', () => {
  test('a spent org quota → 429 with Retry-After and a message about the quota; the other org is unaffected', async () => {
    const { startSandbox } = await import('../../sandbox');
    const sandbox = await startSandbox({ quota: 2 });
    try {
      const call = client(sandbox);
      const path = `${V1}/accounts/${SEEDED.account.id}`;
      expect((await call('GET', path)).status).toBe(200);
      expect((await call('GET', path, { key: sandbox.keys.readOnly })).status).toBe(200);
      const spent = await call('GET', path);
      expect(spent.status).toBe(429);
      expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Object.keys(spent.body).sort()).toEqual(REEVO_ENVELOPE);
      expect(spent.body.message).toMatch(/organization's public API quota is exhausted/);

      const other = await call('POST', `${V1}/accounts/search`, {
        key: sandbox.keys.otherOrgFull,
        body: { domain_name: 'initech' },
      });
      expect(other.status).toBe(200);
      expect(other.body).toHaveLength(1);

      sandbox.setQuota(null);
      expect((await call('GET', path)).status).toBe(200);
    } finally {
      await sandbox.stop();
    }
  });

  test('the plain rate limit → 429 without quota wording, with or without Retry-After', async () => {
    const { startSandbox } = await import('../../sandbox');
    const sandbox = await startSandbox({ rateLimit: { requests: 1, windowMs: 60_000 } });
    try {
      const call = client(sandbox);
      const path = `${V1}/accounts/${SEEDED.account.id}`;
      expect((await call('GET', path)).status).toBe(200);
      const limited = await call('GET', path);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.message).not.toMatch(/quota/i);

      sandbox.setRateLimit({ requests: 1, windowMs: 60_000, retryAfter: false });
      expect((await call('GET', path)).status).toBe(200);
      const bare = await call('GET', path);
      expect(bare.status).toBe(429);
      expect(bare.headers.get('retry-after')).toBeNull();
    } finally {
      await sandbox.stop();
    }
  });
});

describe('the request log', () => {
  test('records method, path, query, status and the key label, never the key', async () => {
    ctx.sandbox.clearLogs();
    await ctx.call('GET', `${V1}/account_and_contact_retrieval`, {
      query: { account_domain: 'fabrikam.com' },
      key: ctx.sandbox.keys.readOnly,
    });
    await ctx.call('GET', `${V1}/accounts`, { key: 'bogus' });
    const [first, second] = ctx.sandbox.requests;
    expect(first).toMatchObject({
      method: 'GET',
      path: `${V1}/account_and_contact_retrieval`,
      query: { account_domain: 'fabrikam.com' },
      status: 200,
      key: 'readOnly',
    });
    expect(second).toMatchObject({ status: 405, path: `${V1}/accounts` });
    expect(JSON.stringify(ctx.sandbox.requests)).not.toContain(ctx.sandbox.keys.readOnly);
    ctx.sandbox.clearLogs();
    expect(ctx.sandbox.requests).toEqual([]);
  });

  test('keeps only the newest entries up to its limit', async () => {
    const { startSandbox } = await import('../../sandbox');
    const sandbox = await startSandbox({ requestLogLimit: 3 });
    try {
      const call = client(sandbox);
      for (const n of [1, 2, 3, 4, 5]) await call('GET', `/api/v2/health?n=${n}`);
      expect(sandbox.requests.map((r) => r.query.n)).toEqual(['3', '4', '5']);
    } finally {
      await sandbox.stop();
    }
  });
});
