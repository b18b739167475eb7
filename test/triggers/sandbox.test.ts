import http from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { DEMO_KEYS, startSandbox, type RunningSandbox } from '../../sandbox';
import { callEndpoint } from '../../src/client';
import { endpoints } from '../../src/endpoints';
import { OUTPUT_CATALOG } from '../../src/record-catalog';
import { sampleOpportunity } from '../../src/samples';
import { DROPDOWN_PAGE_SIZE } from '../../src/v2';
import * as account_list from '../../triggers/account_list';
import * as new_account from '../../triggers/new_account';
import * as new_task from '../../triggers/new_task';
import * as opportunity_stage_changed from '../../triggers/opportunity_stage_changed';
import * as updated_account from '../../triggers/updated_account';
import { appTester, caught, TEST_BASE_URL } from '../helpers/zapier';
import { keyPaths } from './helpers';

/**
 * Instant triggers end to end: performSubscribe against the local Reevo sandbox, which then
 * delivers real, signed webhooks over HTTP to a receiver standing in for Zapier's hook URL; the
 * trigger's perform gets what that receiver got, as Zapier would hand it over.
 */

interface Received {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

interface Receiver {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What Zapier hands perform for a request its hook URL received: `Http-`-prefixed headers, raw and parsed body. */
function asZapierDelivery(request: Received): Pick<Bundle, 'rawRequest' | 'cleanedRequest'> {
  const titled = (name: string) =>
    name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [`Http-${titled(name)}`, String(value)]),
  );
  return {
    rawRequest: { method: 'POST', querystring: '', headers, content: request.body },
    cleanedRequest: JSON.parse(request.body),
  };
}

let sb: RunningSandbox;
let receiver: Receiver;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  sb = await startSandbox();
  receiver = await startReceiver();
  process.env.REEVO_API_BASE_URL = sb.url;
});

afterAll(async () => {
  process.env.REEVO_API_BASE_URL = TEST_BASE_URL;
  await sb?.stop();
  await receiver?.close();
});

beforeEach(() => {
  sb.setWebhookVariants({});
  receiver.received.length = 0;
});

const as = (key: string, extra: Partial<Bundle> = {}): Partial<Bundle> => ({
  authData: { api_key: key },
  inputData: {},
  ...extra,
});
const full = (extra: Partial<Bundle> = {}) => as(DEMO_KEYS.full, extra);

type Rec = Record<string, unknown>;

/** A Reevo call through the app's own client, as another step of a Zap would make it. */
const call = (endpoint: (typeof endpoints)[keyof typeof endpoints], input: Rec) =>
  appTester(async (z: ZObject) => (await callEndpoint<Rec>(z, endpoint, input)).data, full());

describe('instant triggers against the sandbox', () => {
  it('New Account: subscribe, a real signed delivery, perform returns the account as Reevo has it; unsubscribe ends deliveries', async () => {
    const subscribeData = await appTester(
      new_account.performSubscribe,
      full({ targetUrl: `${receiver.url}/hooks/new_account` }),
    );
    expect(subscribeData).toMatchObject({
      id: expect.any(String),
      secret: expect.stringMatching(/^whsec_/),
      event_types: ['account.created'],
    });

    const created = await call(endpoints.createAccount, {
      name: 'Wingtip Toys',
      domain_name: 'wingtiptoys.com',
      official_website: 'wingtiptoys.com',
    });
    await sb.idle();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0].path).toBe('/hooks/new_account');

    const records = await appTester(
      new_account.perform,
      full({ subscribeData, ...asZapierDelivery(receiver.received[0]) }),
    );
    expect(records).toHaveLength(1);
    const event = JSON.parse(receiver.received[0].body) as Rec;
    // Every key v1 answered, with the same value; the delivery's record has every catalog key besides.
    expect(records[0]).toMatchObject({
      ...created,
      event_id: event.id,
      event_type: 'account.created',
      occurred_at: event.occurred_at,
    });

    // The same delivery again (a retry) does not trigger the Zap twice.
    expect(
      await appTester(new_account.perform, full({ subscribeData, ...asZapierDelivery(receiver.received[0]) })),
    ).toEqual([]);

    await expect(appTester(new_account.performUnsubscribe, full({ subscribeData }))).resolves.toEqual({
      id: subscribeData.id,
      deleted: true,
    });
    await call(endpoints.createAccount, { name: 'Litware', domain_name: 'litware.example' });
    await sb.idle();
    expect(receiver.received).toHaveLength(1);
    // Unsubscribing twice (Zapier retrying) is not an error.
    await expect(appTester(new_account.performUnsubscribe, full({ subscribeData }))).resolves.toEqual({
      id: subscribeData.id,
      deleted: false,
    });
  });

  it('Opportunity Stage Changed with a stage: only entering that stage triggers, with the old and new stage', async () => {
    const subscribeData = await appTester(
      opportunity_stage_changed.performSubscribe,
      full({ targetUrl: `${receiver.url}/hooks/stage`, inputData: { stage_name: 'negotiation' } }),
    );
    const inputData = { stage_name: 'negotiation' };

    await call(endpoints.shiftOpportunityStage, { opportunity_id: sampleOpportunity.id, target_stage_name: 'Demo' });
    await call(endpoints.shiftOpportunityStage, {
      opportunity_id: sampleOpportunity.id,
      target_stage_name: 'Negotiation',
    });
    await sb.idle();
    expect(receiver.received).toHaveLength(2);

    const toDemo = await appTester(
      opportunity_stage_changed.perform,
      full({ subscribeData, inputData, ...asZapierDelivery(receiver.received[0]) }),
    );
    expect(toDemo).toEqual([]);
    const [toNegotiation, ...rest] = await appTester(
      opportunity_stage_changed.perform,
      full({ subscribeData, inputData, ...asZapierDelivery(receiver.received[1]) }),
    );
    expect(rest).toEqual([]);
    const delivered = JSON.parse(receiver.received[1].body) as { occurred_at: string; data: Rec };
    expect(toNegotiation).toMatchObject({
      id: `${sampleOpportunity.id}:${String(delivered.data.stage_last_shifted_at ?? delivered.occurred_at)}`,
      record_id: sampleOpportunity.id,
      stage_name: 'Negotiation',
      event_type: 'opportunity.stage_changed',
      changed_fields: ['stage_name'],
      changes: { stage_name: { old: 'Demo', new: 'Negotiation' } },
    });

    await appTester(opportunity_stage_changed.performUnsubscribe, full({ subscribeData }));
  });

  it('Updated Account: the delivery variants a receiver must tolerate (record at the top level, no changes, extra keys, sent twice)', async () => {
    const subscribeData = await appTester(
      updated_account.performSubscribe,
      full({ targetUrl: `${receiver.url}/hooks/updated_account` }),
    );
    sb.setWebhookVariants({
      payloadStyle: 'top-level',
      omitChanges: true,
      duplicateDeliveries: true,
      extraKeys: { schema_version: 3 },
    });

    const updated = await call(endpoints.updateAccount, {
      account_id: '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63',
      name: 'Northwind Traders Group',
    });
    await sb.idle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0].body).toBe(receiver.received[1].body);

    const first = await appTester(
      updated_account.perform,
      full({ subscribeData, ...asZapierDelivery(receiver.received[0]) }),
    );
    expect(first).toHaveLength(1);
    // The event id comes from the signed body, never from the unsigned x-reevo-event-id header alone.
    expect(first[0]).toMatchObject({
      ...updated,
      id: `${String(updated.id)}:${String(updated.updated_at)}`,
      record_id: updated.id,
      event_id: expect.stringMatching(/^account\.updated:/),
      schema_version: 3,
      changed_fields: [],
    });
    expect(first[0]).toHaveProperty('changes.name', { old: null, new: 'Northwind Traders Group' });
    const second = await appTester(
      updated_account.perform,
      full({ subscribeData, ...asZapierDelivery(receiver.received[1]) }),
    );
    expect(second).toEqual([]);

    await appTester(updated_account.performUnsubscribe, full({ subscribeData }));
  });

  it('rejects a delivery to the Zap’s URL that the subscription did not sign, and one tampered with', async () => {
    const subscribeData = await appTester(
      new_task.performSubscribe,
      full({ targetUrl: `${receiver.url}/hooks/new_task` }),
    );
    const forged = {
      id: 'evt-forged',
      event_type: 'task.created',
      occurred_at: '2025-06-03T10:15:00+00:00',
      data: { id: 'x', title: 'Wire money' },
    };
    await sb.deliverRaw(subscribeData.id, { body: forged, sign: false });
    await sb.deliverRaw(subscribeData.id, {
      body: forged,
      headers: { 'x-reevo-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'ab'.repeat(32)}` },
    });
    expect(receiver.received).toHaveLength(2);
    for (const request of receiver.received) {
      const error = await caught(appTester(new_task.perform, full({ subscribeData, ...asZapierDelivery(request) })));
      expect(error.code).toBe('invalid_signature');
    }
    await appTester(new_task.performUnsubscribe, full({ subscribeData }));
  });

  it('a key without the Webhooks permission cannot turn the Zap on, and is told what to change', async () => {
    const error = await caught(
      appTester(new_account.performSubscribe, as(DEMO_KEYS.noWebhooks, { targetUrl: `${receiver.url}/hooks/x` })),
    );
    expect(error.code).toBe('missing_permission');
    expect(error.message).toMatch(/Webhooks \(write\)/);
    expect(error.message).toMatch(/Settings → API Keys/);
    expect(error.message).not.toContain(DEMO_KEYS.noWebhooks);
  });

  it('performList returns the sandbox’s records with exactly the keys of a live delivery', async () => {
    const subscribeData = await appTester(
      new_account.performSubscribe,
      full({ targetUrl: `${receiver.url}/hooks/shape` }),
    );
    await call(endpoints.createAccount, { name: 'Proseware', domain_name: 'proseware.example' });
    await sb.idle();
    const [delivered] = await appTester(
      new_account.perform,
      full({ subscribeData, ...asZapierDelivery(receiver.received[0]) }),
    );

    const listed = await appTester(new_account.performList, full());
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.find((record) => record.id === delivered.id)).toMatchObject({
      name: 'Proseware',
      event_id: `sample-${delivered.id}`,
      event_type: 'account.created',
    });
    for (const sample of listed) expect(keyPaths(sample)).toEqual(keyPaths(delivered));
    // Read from v2, a listed account has the values v1 answers for every key both APIs carry.
    const shared = OUTPUT_CATALOG.account
      .filter((entry) => entry.v1 === entry.key && entry.v2)
      .map((entry) => entry.key);
    expect(shared).toEqual(expect.arrayContaining(['id', 'name', 'domain_name', 'official_website', 'created_at']));
    for (const id of [delivered.id, '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63']) {
      const viaV1 = await call(endpoints.getAccount, { account_id: id });
      const pick = (record: Rec) => Object.fromEntries(shared.map((key) => [key, record[key]]));
      expect(pick(listed.find((record) => record.id === id)!)).toEqual(pick(viaV1));
    }
    // Newest first (whole-second timestamps: ties keep no particular order).
    const created = listed.map((record) => Date.parse(String(record.created_at)));
    expect(created).toEqual([...created].sort((a, b) => b - a));

    await appTester(new_account.performUnsubscribe, full({ subscribeData }));
  });

  it('the Account dropdown pages through every account of the sandbox with its cursor', async () => {
    const hadDeployKey = 'ZAPIER_DEPLOY_KEY' in process.env;
    process.env.ZAPIER_DEPLOY_KEY ??= 'dummy-deploy-key-for-tests';
    const cursors = new Map<string, string>();
    // Zapier's cursor store (an RPC service core calls), faked.
    nock('https://rpc.zapier.com')
      .persist()
      .post('/cli')
      .reply(200, (_uri, body) => {
        const rpc = (typeof body === 'string' ? JSON.parse(body) : body) as {
          id: string;
          storeKey: string;
          method: string;
          params: string[];
        };
        if (rpc.method === 'set_cursor') cursors.set(rpc.storeKey, rpc.params[0]);
        return { id: rpc.id, result: rpc.method === 'get_cursor' ? (cursors.get(rpc.storeKey) ?? null) : null };
      });
    try {
      // More accounts than one dropdown page holds, so the cursor is really used.
      const created: string[] = [];
      for (let i = 0; i < DROPDOWN_PAGE_SIZE; i += 1) {
        const response = await fetch(`${sb.url}/api/v1/public/accounts`, {
          method: 'POST',
          headers: { 'x-api-key': DEMO_KEYS.full, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Dropdown Co ${i}`, domain_name: `dropdown-${i}.example` }),
        });
        created.push(((await response.json()) as { id: string }).id);
      }
      sb.clearLogs();
      const pages: Rec[][] = [];
      for (let page = 0; page < 5; page += 1) {
        const choices = await appTester(account_list.perform, full({ meta: { page } as never }));
        pages.push(choices);
        if (choices.length === 0) break;
      }
      const seen = pages.flat().map((choice) => String(choice.id));
      expect(pages.map((page) => page.length)).toEqual([DROPDOWN_PAGE_SIZE, expect.any(Number), 0]);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(created));
      // Newest first (the sandbox's timestamps are whole seconds, so ties keep no particular order).
      const times = pages.flat().map((choice) => Date.parse(String(choice.created_at)));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(pages.flat().find((choice) => choice.id === created[7])?.label).toBe('Dropdown Co 7 (dropdown-7.example)');
      // Two pages asked of Reevo; the empty third page came from the stored (empty) cursor.
      expect(sb.requests.filter((r) => r.path === '/api/v2/account/_query').map((r) => r.status)).toEqual([200, 200]);
    } finally {
      nock.cleanAll();
      if (!hadDeployKey) delete process.env.ZAPIER_DEPLOY_KEY;
    }
  });
});
