import nock from 'nock';
import triggers from '../../triggers';
import * as opportunity_entered_stage_poll from '../../triggers/opportunity_entered_stage_poll';
import * as updated_account_poll from '../../triggers/updated_account_poll';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';
import { envelope, eventId, expectedId, HOOKS, hookBundle, keyPaths, stageEnvelope, publishedRecord } from './helpers';

// Requests no mock expected: a poll that made a second request would show here.
let unexpected = 0;
const countUnexpected = () => (unexpected += 1);
beforeAll(() => {
  nock.disableNetConnect();
  nock.emitter.on('no match', countUnexpected);
});
beforeEach(() => (unexpected = 0));
afterEach(() => nock.cleanAll());
afterAll(() => nock.emitter.removeListener('no match', countUnexpected));

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

/** Attributes every record of a kind carries in these tests; the stage trigger needs a stage and when it was entered. */
function attributesFor(recordType: string, shiftedAt: string) {
  if (recordType !== 'opportunity') return { display_name: envelope('string', `A ${recordType}`) };
  return {
    display_name: envelope('string', 'Fleet rollout'),
    stage: stageEnvelope('Proposal'),
    stage_last_shifted_at: envelope('timestamp', shiftedAt),
  };
}

describe('every polling trigger', () => {
  it.each(HOOKS.map((hook) => [hook.twin.key, hook] as const))(
    '%s: one _query per poll, newest first by the event’s time, at most 100 records',
    async (_key, hook) => {
      let body: unknown;
      const scope = nock(TEST_BASE_URL)
        .post(`/api/v2/${hook.recordType}/_query`, (sent) => {
          body = sent;
          return true;
        })
        .reply(200, {
          // Oldest first on purpose: the trigger must not rely on the server's order.
          data: [
            publishedRecord(hook.recordType, OLDER, attributesFor(hook.recordType, '2025-01-03T08:00:00Z')),
            publishedRecord(hook.recordType, NEWER, attributesFor(hook.recordType, '2025-06-03T08:00:00Z')),
          ],
          next_cursor: 'more-pages-are-not-read',
        });

      const polled = await appTester(hook.twin.trigger.perform, bundleWith({}));

      expect(scope.isDone()).toBe(true);
      expect(unexpected).toBe(0);
      expect(body).toEqual({
        ...(hook.occurredBy === 'stage_last_shifted_at'
          ? { filters: [{ field: 'stage_last_shifted_at', operator: 'exists' }] }
          : {}),
        sort: [{ field: hook.occurredBy, direction: 'desc' }],
        limit: 100,
      });
      const times = {
        created_at: ['2025-06-01T08:00:00Z', '2025-01-01T08:00:00Z'],
        updated_at: ['2025-06-02T08:00:00Z', '2025-01-02T08:00:00Z'],
        stage_last_shifted_at: ['2025-06-03T08:00:00Z', '2025-01-03T08:00:00Z'],
      }[hook.occurredBy];
      expect(polled.map((record) => record.occurred_at)).toEqual(times);
      expect(polled[0]).toMatchObject({ event_type: hook.event, event_id: expect.any(String) });
      if (hook.occurredBy === 'created_at') {
        // A new record: Zapier deduplicates on the record's own id, so it triggers once.
        expect(polled.map((record) => record.id)).toEqual([NEWER.id, OLDER.id]);
        expect(polled[0]).not.toHaveProperty('record_id');
      } else {
        // An update or a stage entry: the id names the record at that time, so each one triggers once.
        expect(polled.map((record) => record.id)).toEqual([`${NEWER.id}:${times[0]}`, `${OLDER.id}:${times[1]}`]);
        expect(polled.map((record) => record.record_id)).toEqual([NEWER.id, OLDER.id]);
      }
    },
  );

  it.each(HOOKS.map((hook) => [hook.twin.key, hook] as const))(
    '%s: its records have exactly the keys of its instant twin’s and of both samples',
    async (_key, hook) => {
      nock(TEST_BASE_URL)
        .post(`/api/v2/${hook.recordType}/_query`)
        .reply(200, {
          data: [publishedRecord(hook.recordType, NEWER, attributesFor(hook.recordType, '2025-06-03T08:00:00Z'))],
          next_cursor: null,
        });
      const [polled] = await appTester(hook.twin.trigger.perform, bundleWith({}));
      const changes = hook.reportsChanges
        ? { changes: { [Object.keys(hook.record)[1]]: { old: 'Before', new: 'After' } } }
        : {};
      const [delivered] = await appTester(
        hook.trigger.perform,
        hookBundle({
          id: eventId(),
          event_type: hook.event,
          occurred_at: '2025-06-03T10:15:00Z',
          data: hook.record,
          ...changes,
        }),
      );
      const definitions = triggers as Record<string, { operation: { sample: unknown } }>;

      expect(keyPaths(polled)).toEqual(keyPaths(delivered));
      expect(keyPaths(definitions[hook.twin.key].operation.sample)).toEqual(keyPaths(delivered));
      expect(keyPaths(definitions[hook.key].operation.sample)).toEqual(keyPaths(delivered));
      // The instant twin names its records the same way, so a Zap can move from one to the other.
      expect(delivered.id).toBe(expectedId(hook.occurredBy, hook.record, '2025-06-03T10:15:00Z'));
      if (hook.occurredBy !== 'created_at') expect(delivered.record_id).toBe(hook.record.id);
    },
  );
});

describe('Updated Account', () => {
  it('an account updated again between two polls comes back with a new id (a new trigger), the same record_id', async () => {
    const poll = (updatedAt: string) =>
      nock(TEST_BASE_URL)
        .post('/api/v2/account/_query')
        .reply(200, {
          data: [
            publishedRecord(
              'account',
              { ...NEWER, updated_at: updatedAt },
              { display_name: envelope('string', 'Northwind') },
            ),
          ],
          next_cursor: null,
        });
    poll('2025-06-02T08:00:00Z');
    const [first] = await appTester(updated_account_poll.perform, bundleWith({}));
    poll('2025-06-02T09:30:00Z');
    const [second] = await appTester(updated_account_poll.perform, bundleWith({}));
    expect(first.id).not.toBe(second.id);
    expect([first.record_id, second.record_id]).toEqual([NEWER.id, NEWER.id]);
    // Nothing says what changed between two polls: every old value is unknown.
    expect(second).toMatchObject({ changed_fields: [], changes: { name: { old: null, new: 'Northwind' } } });
  });

  it('a key without read permission is told which permission the trigger needs', async () => {
    nock(TEST_BASE_URL).post('/api/v2/account/_query').reply(403, { message: 'Forbidden' });
    const error = await caught(appTester(updated_account_poll.perform, bundleWith({})));
    expect(error.message).toMatch(/Accounts \(read\)/);
  });
});

describe('Opportunity Entered Stage', () => {
  const opportunity = (id: string, stage: string, shiftedAt: string | null) =>
    publishedRecord(
      'opportunity',
      { ...NEWER, id },
      {
        display_name: envelope('string', `Deal ${id.slice(0, 4)}`),
        stage: stageEnvelope(stage),
        stage_last_shifted_at: shiftedAt === null ? null : envelope('timestamp', shiftedAt),
      },
    );
  const A = 'aaaaaaaa-1111-4111-8111-111111111111';
  const B = 'bbbbbbbb-2222-4222-8222-222222222222';
  const C = 'cccccccc-3333-4333-8333-333333333333';

  it('with a stage chosen, only opportunities that entered it, in any case; the stage as what changed', async () => {
    nock(TEST_BASE_URL)
      .post('/api/v2/opportunity/_query')
      .reply(200, {
        data: [
          opportunity(A, 'Negotiation', '2025-06-03T08:00:00Z'),
          opportunity(B, 'Closed Won', '2025-06-02T08:00:00Z'),
        ],
        next_cursor: null,
      });
    const polled = await appTester(opportunity_entered_stage_poll.perform, bundleWith({ stage_name: ' closed won ' }));
    expect(polled.map((record) => record.id)).toEqual([`${B}:2025-06-02T08:00:00Z`]);
    expect(polled[0]).toMatchObject({
      record_id: B,
      stage_name: 'Closed Won',
      changed_fields: ['stage_name'],
      changes: { stage_name: { old: null, new: 'Closed Won' } },
    });
  });

  it('an opportunity that never moved (no stage_last_shifted_at) is no stage entry', async () => {
    nock(TEST_BASE_URL)
      .post('/api/v2/opportunity/_query')
      .reply(200, {
        data: [opportunity(C, 'Discovery', null), opportunity(A, 'Demo', '2025-06-03T08:00:00Z')],
        next_cursor: null,
      });
    const polled = await appTester(opportunity_entered_stage_poll.perform, bundleWith({}));
    expect(polled.map((record) => record.record_id)).toEqual([A]);
  });
});
