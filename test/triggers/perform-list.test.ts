import nock from 'nock';
import * as opportunity_stage_changed from '../../triggers/opportunity_stage_changed';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';
import { envelope, HOOKS, stageEnvelope, publishedRecord } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const WEBHOOKS = '/api/v1/public/webhooks';
const OLDER = {
  id: '11111111-1111-4111-8111-111111111111',
  created_at: '2025-01-01T08:00:00Z',
  updated_at: '2025-01-02T08:00:00Z',
};
const NEWER = {
  id: '22222222-2222-4222-8222-222222222222',
  created_at: '2025-06-01T08:00:00Z',
  updated_at: '2025-06-02T08:00:00Z',
};

const reevo = () => nock(TEST_BASE_URL);
/** The cheap request each instant trigger's test step makes first: does this workspace have webhooks? */
const webhooksListed = () => reevo().get(WEBHOOKS).reply(200, []);

describe('performList (the test step of an instant trigger)', () => {
  it.each(HOOKS.map((hook) => [hook.key, hook] as const))(
    '%s checks for webhooks, then lists recent records via v2 _query, newest first, as perform shapes them',
    async (_key, hook) => {
      const attributes = (shiftedAt: string) =>
        hook.recordType === 'opportunity'
          ? { stage: stageEnvelope('Proposal'), stage_last_shifted_at: envelope('timestamp', shiftedAt) }
          : {};
      const probe = webhooksListed();
      const query = reevo()
        .post(`/api/v2/${hook.recordType}/_query`, { sort: [{ field: hook.occurredBy, direction: 'desc' }], limit: 50 })
        .reply(200, {
          data: [
            publishedRecord(hook.recordType, OLDER, attributes('2025-01-03T08:00:00Z')),
            publishedRecord(hook.recordType, NEWER, attributes('2025-06-03T08:00:00Z')),
          ],
          next_cursor: 'opaque-next',
        });

      const listed = await appTester(hook.trigger.performList, bundleWith({}));

      expect(probe.isDone() && query.isDone()).toBe(true);
      expect(listed.map((record) => record.record_id ?? record.id)).toEqual([NEWER.id, OLDER.id]);
      expect(listed[0]).toMatchObject({ event_id: `sample-${NEWER.id}`, event_type: hook.event });
    },
  );

  it('a workspace without a webhook API hears it at the test step, with the polling trigger to use; no records are read', async () => {
    const hook = HOOKS.find((h) => h.key === 'updated_opportunity')!;
    const probe = reevo().get(WEBHOOKS).reply(404, { detail: 'Not Found' });
    const error = await caught(appTester(hook.trigger.performList, bundleWith({})));
    expect(error.code).toBe('webhooks_unavailable');
    expect(error.message).toContain('"Updated Opportunity (Instant)" trigger cannot run here');
    expect(error.message).toContain('use the "Updated Opportunity" trigger instead');
    expect(error.message).toContain('Opportunities (read)');
    expect(probe.isDone()).toBe(true);
  });

  it('a key without the Webhooks permission hears it at the test step too', async () => {
    reevo().get(WEBHOOKS).reply(403, { message: 'Forbidden' });
    const error = await caught(appTester(HOOKS[0].trigger.performList, bundleWith({})));
    expect(error.code).toBe('missing_permission');
    expect(error.message).toMatch(/Webhooks \(write\)/);
    expect(error.message).toContain('"New Account" trigger instead');
  });

  it('Opportunity Entered Stage (Instant) samples only opportunities in the chosen stage, with the stage as what changed', async () => {
    const inStage = { ...NEWER, id: '33333333-3333-4333-8333-333333333333' };
    webhooksListed();
    reevo()
      .post('/api/v2/opportunity/_query')
      .reply(200, {
        data: [
          publishedRecord('opportunity', OLDER, { stage: stageEnvelope('Demo') }),
          publishedRecord('opportunity', inStage, { stage: stageEnvelope('Closed Won') }),
        ],
        next_cursor: null,
      });
    const listed = await appTester(opportunity_stage_changed.performList, bundleWith({ stage_name: 'closed won' }));
    expect(listed.map((record) => record.record_id)).toEqual([inStage.id]);
    expect(listed[0]).toMatchObject({
      changed_fields: ['stage_name'],
      changes: { stage_name: { old: null, new: 'Closed Won' } },
    });
  });

  it('a key without read permission is told which one it needs', async () => {
    webhooksListed();
    reevo().post('/api/v2/task/_query').reply(403, { message: 'Forbidden' });
    const hook = HOOKS.find((h) => h.key === 'new_task')!;
    const error = await caught(appTester(hook.trigger.performList, bundleWith({})));
    expect(error.message).toMatch(/Tasks \(read\)/);
  });

  it('an answer that is not a list of records is an error, not an empty sample', async () => {
    webhooksListed();
    reevo().post('/api/v2/account/_query').reply(200, { records: [] });
    const error = await caught(appTester(HOOKS[0].trigger.performList, bundleWith({})));
    expect(error.code).toBe('invalid_response');
  });
});
