import nock from 'nock';
import { appTester, bundleWith, caught, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { HOOKS } from './helpers';

const WEBHOOKS = '/api/v1/public/webhooks';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';
const SUBSCRIPTION_ID = '6a0d2f4e-9b1c-4e7a-8d35-0f2c4b6e8a17';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const reevo = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

/** Reevo's list of the workspace's subscriptions, which a subscribe reads first. */
const listed = (...subscriptions: Array<Record<string, unknown>>) => reevo().get(WEBHOOKS).reply(200, subscriptions);

describe('performSubscribe', () => {
  it.each(HOOKS.map((hook) => [hook.key, hook] as const))(
    '%s subscribes the Zap to its one event type and keeps id and secret',
    async (_key, hook) => {
      const scope = listed()
        .post(WEBHOOKS, (body) => {
          expect(body).toEqual({
            target_url: TARGET,
            event_types: [hook.event],
            description: `Zapier: ${hook.label} trigger of Zap 98765`,
          });
          return true;
        })
        .reply(201, {
          id: SUBSCRIPTION_ID,
          target_url: TARGET,
          event_types: [hook.event],
          status: 'ACTIVE',
          secret: 'whsec_from_reevo',
          created_at: '2025-06-01T12:00:00+00:00',
        });

      const subscribeData = await appTester(
        hook.trigger.performSubscribe,
        bundleWith({}, { targetUrl: TARGET, meta: { zap: { id: '98765' } } as never }),
      );

      expect(subscribeData).toEqual({
        id: SUBSCRIPTION_ID,
        secret: 'whsec_from_reevo',
        event_types: [hook.event],
        target_url: TARGET,
      });
      expect(scope.isDone()).toBe(true);
    },
  );

  it('a retried subscribe whose first answer was lost removes the subscription that attempt made: one live subscription per Zap', async () => {
    const lost = {
      id: 'a1b2c3d4-0000-4000-8000-000000000001',
      target_url: TARGET,
      event_types: ['account.created'],
      status: 'ACTIVE',
    };
    const otherZap = {
      id: 'a1b2c3d4-0000-4000-8000-000000000002',
      target_url: 'https://hooks.zapier.com/hooks/standard/1234567/another/',
      event_types: ['account.created'],
    };
    const scope = listed(otherZap, lost)
      .delete(`${WEBHOOKS}/${lost.id}`)
      .reply(204)
      .post(WEBHOOKS)
      .reply(201, { id: SUBSCRIPTION_ID, secret: 'whsec_from_reevo' });
    const subscribeData = await appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET }));
    expect(subscribeData.id).toBe(SUBSCRIPTION_ID);
    // Only the lost attempt at this Zap's URL was deleted; another Zap's subscription was left alone.
    expect(scope.isDone()).toBe(true);
  });

  it.each([404, 405, 501])(
    'a workspace without a webhook API (%i) is told so, with the polling trigger to use instead; nothing is created',
    async (status) => {
      const hook = HOOKS.find((h) => h.key === 'new_contact')!;
      const scope = reevo().get(WEBHOOKS).reply(status, { detail: 'Not Found' });
      const error = await caught(appTester(hook.trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
      expect(error.code).toBe('webhooks_unavailable');
      expect(error.message).toMatch(/^This Reevo workspace offers no webhook subscriptions/);
      expect(error.message).toContain('"New Contact" trigger instead');
      expect(error.message).toContain('Contacts (read)');
      expect(scope.isDone()).toBe(true);
    },
  );

  it('a webhook API that lists but refuses to create (404 on POST) gets the same message', async () => {
    const hook = HOOKS.find((h) => h.key === 'opportunity_stage_changed')!;
    listed().post(WEBHOOKS).reply(404, { detail: 'Not Found' });
    const error = await caught(appTester(hook.trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
    expect(error.code).toBe('webhooks_unavailable');
    expect(error.message).toContain('"Opportunity Entered Stage" trigger instead');
  });

  it('a key without the Webhooks permission is told which permission to add and where, or which trigger to use instead', async () => {
    const scope = reevo()
      .get(WEBHOOKS)
      .reply(403, { error_response_type: 'GENERIC', error: 'ForbiddenError', message: 'Forbidden', details: null });
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
    expect(error.code).toBe('missing_permission');
    expect(error.message).toMatch(/Webhooks \(write\)/);
    expect(error.message).toMatch(/Settings → API Keys/);
    expect(error.message).toContain('"New Account" trigger instead');
    expect(error.message).not.toContain(TEST_API_KEY);
    expect(scope.isDone()).toBe(true);
  });

  it('Reevo’s own words about a missing permission are kept in the message', async () => {
    reevo().get(WEBHOOKS).reply(403, { message: 'API key is missing required permissions: Webhooks (write)' });
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
    expect(error.message).toContain('Reevo said: API key is missing required permissions: Webhooks (write)');
  });

  it('a subscription Reevo answers without an id is an error, not a Zap that could never be turned off', async () => {
    const scope = listed().post(WEBHOOKS).reply(201, { status: 'ACTIVE', secret: 'whsec_x' });
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
    expect(error.code).toBe('invalid_response');
    expect(scope.isDone()).toBe(true);
  });

  it('a subscription without a signing secret is removed again and refused: unsigned deliveries are never accepted', async () => {
    const scope = listed()
      .post(WEBHOOKS)
      .reply(201, { id: SUBSCRIPTION_ID })
      .delete(`${WEBHOOKS}/${SUBSCRIPTION_ID}`)
      .reply(204);
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
    expect(error.code).toBe('unsigned_subscription');
    expect(error.message).toMatch(/without a signing secret/);
    expect(error.message).toContain('"New Account" trigger instead');
    expect(scope.isDone()).toBe(true);
  });

  it('sends nothing without a target URL', async () => {
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({})));
    expect(error.code).toBe('missing_target_url');
  });
});

describe('performUnsubscribe', () => {
  const subscribeData = {
    id: SUBSCRIPTION_ID,
    secret: 'whsec_x',
    event_types: ['account.created'],
    target_url: TARGET,
  };

  it('deletes the Zap’s subscription', async () => {
    const scope = reevo().delete(`${WEBHOOKS}/${SUBSCRIPTION_ID}`).reply(204);
    const result = await appTester(HOOKS[0].trigger.performUnsubscribe, bundleWith({}, { subscribeData }));
    expect(result).toEqual({ id: SUBSCRIPTION_ID, deleted: true });
    expect(scope.isDone()).toBe(true);
  });

  it.each([404, 410])('a subscription that is already gone (%i) is not an error', async (status) => {
    const scope = reevo()
      .delete(`${WEBHOOKS}/${SUBSCRIPTION_ID}`)
      .reply(status, { detail: 'Webhook subscription not found' });
    const result = await appTester(HOOKS[1].trigger.performUnsubscribe, bundleWith({}, { subscribeData }));
    expect(result).toEqual({ id: SUBSCRIPTION_ID, deleted: false });
    expect(scope.isDone()).toBe(true);
  });

  it('other failures are errors, so Zapier does not forget a subscription that still exists', async () => {
    reevo().delete(`${WEBHOOKS}/${SUBSCRIPTION_ID}`).reply(403, { message: 'Forbidden' });
    const forbidden = await caught(appTester(HOOKS[0].trigger.performUnsubscribe, bundleWith({}, { subscribeData })));
    expect(forbidden.message).toMatch(/Webhooks \(write\)/);

    reevo().delete(`${WEBHOOKS}/${SUBSCRIPTION_ID}`).reply(503, { message: 'maintenance' });
    const down = await caught(appTester(HOOKS[0].trigger.performUnsubscribe, bundleWith({}, { subscribeData })));
    expect(down.code).toBe('server_error');
  });

  it('without a subscription id there is nothing to delete and no request is sent', async () => {
    const result = await appTester(HOOKS[0].trigger.performUnsubscribe, bundleWith({}, {}));
    expect(result).toEqual({ id: null, deleted: false });
  });
});
