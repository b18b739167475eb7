import nock from 'nock';
import { sampleOpportunity } from '../../src/samples';
import * as opportunity_stage_changed from '../../triggers/opportunity_stage_changed';
import triggers from '../../triggers';
import { appTester, bundleWith, caught, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { eventId, HOOKS, hookBundle, keyPaths, v2Record } from './helpers';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const reevo = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

/** Two records of the case's kind: an older one and a newer one (returned oldest first on purpose). */
function twoRecords(record: Record<string, unknown>) {
  const older = { ...record, id: '11111111-1111-4111-8111-111111111111', created_at: '2025-01-01T08:00:00+00:00', ...('updated_at' in record ? { updated_at: '2025-01-02T08:00:00+00:00' } : {}) };
  const newer = { ...record, id: '22222222-2222-4222-8222-222222222222', created_at: '2025-06-01T08:00:00+00:00', ...('updated_at' in record ? { updated_at: '2025-06-02T08:00:00+00:00' } : {}) };
  return { older, newer };
}

describe('performList', () => {
  it.each(HOOKS.map((hook) => [hook.key, hook] as const))('%s lists recent records via v2 _query, newest first, as perform shapes them', async (_key, hook) => {
    const newestBy = hook.reportsChanges ? 'updated_at' : 'created_at';
    const { older, newer } = twoRecords(hook.record);
    const scope = reevo()
      .post(`/api/v2/${hook.recordType}/_query`, { filters: [], limit: 50, sort: [{ field: newestBy, order: 'desc' }] })
      .reply(200, { data: [v2Record(hook.recordType, older), v2Record(hook.recordType, newer)], next_cursor: 'opaque-next' });

    const listed = await appTester(hook.trigger.performList, bundleWith({}));

    expect(scope.isDone()).toBe(true);
    expect(listed.map((record) => record.id)).toEqual([newer.id, older.id]);
    expect(listed[0]).toMatchObject({ ...newer, event_id: `sample-${newer.id}`, event_type: hook.event, occurred_at: newer[newestBy as 'created_at'] });
  });

  it.each(HOOKS.map((hook) => [hook.key, hook] as const))('%s: performList, perform and the static sample have the same keys', async (_key, hook) => {
    reevo().post(`/api/v2/${hook.recordType}/_query`).reply(200, { data: [v2Record(hook.recordType, hook.record)], next_cursor: null });
    const [listed] = await appTester(hook.trigger.performList, bundleWith({}));
    const changedField = Object.keys(hook.record)[1];
    const changes = hook.reportsChanges ? { changes: { [changedField]: { old: 'before', new: 'after' } } } : {};
    const [delivered] = await appTester(
      hook.trigger.perform,
      hookBundle({ id: eventId(), event_type: hook.event, occurred_at: '2025-06-03T10:15:00+00:00', data: hook.record, ...changes }),
    );
    const sample = (triggers as Record<string, { operation: { sample: unknown } }>)[hook.key].operation.sample;

    expect(keyPaths(listed)).toEqual(keyPaths(delivered));
    expect(keyPaths(sample)).toEqual(keyPaths(delivered));
    expect(keyPaths(delivered)).toEqual(expect.arrayContaining(['event_id', 'event_type', 'occurred_at']));
    if (hook.reportsChanges) expect(keyPaths(delivered)).toEqual(expect.arrayContaining(['changed_fields', `changes__${changedField}__old`]));
  });

  it('custom attributes of a v2 record land under custom_fields, as in v1 records and webhooks', async () => {
    const hook = HOOKS.find((h) => h.key === 'new_opportunity')!;
    const record = v2Record('opportunity', hook.record) as { attributes: Record<string, unknown> };
    // An unset custom field: v2 says null, v1 leaves it out.
    record.attributes.win_probability = { value_type: 'number', value: null };
    reevo().post('/api/v2/opportunity/_query').reply(200, { data: [record], next_cursor: null });
    const [listed] = await appTester(hook.trigger.performList, bundleWith({}));
    expect(listed.custom_fields).toEqual(sampleOpportunity.custom_fields);
    expect(listed).not.toHaveProperty('lead_source');
  });

  it('Opportunity Stage Changed samples only opportunities in the chosen stage, with the stage as what changed', async () => {
    const inStage = { ...sampleOpportunity, id: '33333333-3333-4333-8333-333333333333', stage_name: 'Closed Won' };
    reevo().post('/api/v2/opportunity/_query').reply(200, { data: [v2Record('opportunity', sampleOpportunity), v2Record('opportunity', inStage)], next_cursor: null });
    const listed = await appTester(opportunity_stage_changed.performList, bundleWith({ stage_name: 'closed won' }));
    expect(listed.map((record) => record.id)).toEqual([inStage.id]);
    expect(listed[0]).toMatchObject({ changed_fields: ['stage_name'], changes: { stage_name: { old: null, new: 'Closed Won' } } });
  });

  it('a key without read permission is told which one it needs', async () => {
    reevo().post('/api/v2/task/_query').reply(403, { message: 'Forbidden' });
    const hook = HOOKS.find((h) => h.key === 'new_task')!;
    const error = await caught(appTester(hook.trigger.performList, bundleWith({})));
    expect(error.message).toMatch(/Tasks \(read\)/);
  });

  it('an answer that is not a list of records is an error, not an empty sample', async () => {
    reevo().post('/api/v2/account/_query').reply(200, { records: [] });
    const error = await caught(appTester(HOOKS[0].trigger.performList, bundleWith({})));
    expect(error.code).toBe('invalid_response');
  });
});
