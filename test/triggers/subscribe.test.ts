import nock from 'nock';
import { appTester, bundleWith, caught, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { HOOKS } from './helpers';

const WEBHOOKS = '/api/v1/public/webhooks';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1234567/abcdef0123456789/';
const SUBSCRIPTION_ID = '6a0d2f4e-9b1c-4e7a-8d35-0f2c4b6e8a17';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const reevo = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

describe('performSubscribe', () => {
  it.each(HOOKS.map((hook) => [hook.key, hook] as const))('%s subscribes the Zap to its one event type and keeps id and secret', async (_key, hook) => {
    const scope = reevo()
      .post(WEBHOOKS, (body) => {
        expect(body).toEqual({
          target_url: TARGET,
          event_types: [hook.event],
          description: expect.stringMatching(/^Zapier: .+ trigger of Zap 98765$/),
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

    const subscribeData = await appTester(hook.trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET, meta: { zap: { id: '98765' } } as never }));

    expect(subscribeData).toEqual({ id: SUBSCRIPTION_ID, secret: 'whsec_from_reevo', event_types: [hook.event], target_url: TARGET });
    expect(scope.isDone()).toBe(true);
  });

  it('names the trigger in the description, so the subscription can be recognised in Reevo', async () => {
    let description = '';
    const scope = reevo()
      .post(WEBHOOKS, (body) => {
        description = body.description;
        return true;
      })
      .reply(201, { id: SUBSCRIPTION_ID, secret: 's' });
    const stageChanged = HOOKS.find((hook) => hook.key === 'opportunity_stage_changed')!;
    await appTester(stageChanged.trigger.performSubscribe, bundleWith({ stage_name: 'Proposal' }, { targetUrl: TARGET }));
    expect(description).toBe('Zapier: Opportunity Stage Changed trigger');
    expect(scope.isDone()).toBe(true);
  });

  it('a key without the Webhooks permission gets a message that says which permission to add and where', async () => {
    const scope = reevo().post(WEBHOOKS).reply(403, { error_response_type: 'GENERIC', error: 'ForbiddenError', message: 'Forbidden', details: null });
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
    expect(error.code).toBe('missing_permission');
    expect(error.message).toMatch(/Webhooks \(write\)/);
    expect(error.message).toMatch(/Settings → API Keys/);
    expect(error.message).not.toContain(TEST_API_KEY);
    expect(scope.isDone()).toBe(true);
  });

  it('a 403 whose message already names the permission is shown as Reevo wrote it', async () => {
    reevo().post(WEBHOOKS).reply(403, { message: 'API key is missing required permissions: Webhooks (write)' });
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
    expect(error.message).toMatch(/^Your Reevo API key may not do this: API key is missing required permissions: Webhooks \(write\)\. /);
  });

  it('a subscription Reevo answers without an id is an error, not a Zap that could never be turned off', async () => {
    const scope = reevo().post(WEBHOOKS).reply(201, { status: 'ACTIVE', secret: 'whsec_x' });
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET })));
    expect(error.code).toBe('invalid_response');
    expect(scope.isDone()).toBe(true);
  });

  it('keeps no secret when Reevo returns none (deliveries are then not verified)', async () => {
    reevo().post(WEBHOOKS).reply(201, { id: SUBSCRIPTION_ID });
    const subscribeData = await appTester(HOOKS[0].trigger.performSubscribe, bundleWith({}, { targetUrl: TARGET }));
    expect(subscribeData).toEqual({ id: SUBSCRIPTION_ID, event_types: ['account.created'], target_url: TARGET });
  });

  it('sends nothing without a target URL', async () => {
    const error = await caught(appTester(HOOKS[0].trigger.performSubscribe, bundleWith({})));
    expect(error.code).toBe('missing_target_url');
  });
});

describe('performUnsubscribe', () => {
  const subscribeData = { id: SUBSCRIPTION_ID, secret: 'whsec_x', event_types: ['account.created'], target_url: TARGET };

  it('deletes the Zap’s subscription', async () => {
    const scope = reevo().delete(`${WEBHOOKS}/${SUBSCRIPTION_ID}`).reply(204);
    const result = await appTester(HOOKS[0].trigger.performUnsubscribe, bundleWith({}, { subscribeData }));
    expect(result).toEqual({ id: SUBSCRIPTION_ID, deleted: true });
    expect(scope.isDone()).toBe(true);
  });

  it.each([404, 410])('a subscription that is already gone (%i) is not an error', async (status) => {
    const scope = reevo().delete(`${WEBHOOKS}/${SUBSCRIPTION_ID}`).reply(status, { detail: 'Webhook subscription not found' });
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
