import nock from 'nock';
import { sampleAccount, sampleContact, sampleOpportunity, sampleTask } from '../../src/samples';
import { REPLAY_WINDOW_SECONDS } from '../../src/webhooks';
import triggers from '../../triggers';
import * as opportunity_stage_changed from '../../triggers/opportunity_stage_changed';
import * as updated_account from '../../triggers/updated_account';
import * as updated_opportunity from '../../triggers/updated_opportunity';
import { appTester, caught } from '../helpers/zapier';
import { delivery, eventId, expectedId, HOOKS, hookBundle, nowSeconds, SECRET, sign } from './helpers';

// perform reads what Zapier received; it must never call Reevo.
beforeAll(() => nock.disableNetConnect());
afterEach(() => expect(nock.pendingMocks()).toEqual([]));

const OCCURRED = '2025-06-03T10:15:00+00:00';

function envelope(event: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { id: eventId(), event_type: event, occurred_at: OCCURRED, data, ...extra };
}

describe('perform turns a delivery into the record', () => {
  it.each(HOOKS.map((hook) => [hook.key, hook] as const))(
    '%s: the enveloped delivery of the contract',
    async (_key, hook) => {
      const body = envelope(hook.event, hook.record);
      const [record, ...more] = await appTester(hook.trigger.perform, hookBundle(body));
      expect(more).toEqual([]);
      expect(record).toMatchObject({
        ...hook.record,
        id: expectedId(hook.occurredBy, hook.record, OCCURRED),
        event_id: body.id,
        event_type: hook.event,
        occurred_at: OCCURRED,
      });
      if (hook.occurredBy !== 'created_at') expect(record.record_id).toBe(hook.record.id);
    },
  );

  it('reports old and new values of changed fields, the current value as old for the rest, and lists what changed', async () => {
    const body = envelope('opportunity.updated', sampleOpportunity, {
      changes: {
        amount: { old: 42000, new: 48000 },
        next_step_details: { old: null, new: sampleOpportunity.next_step_details },
      },
    });
    const [record] = await appTester(updated_opportunity.perform, hookBundle(body));
    expect(record.changed_fields).toEqual(['amount', 'next_step_details']);
    expect(record.changes).toMatchObject({
      amount: { old: 42000, new: 48000 },
      next_step_details: { old: null, new: sampleOpportunity.next_step_details },
      stage_name: { old: sampleOpportunity.stage_name, new: sampleOpportunity.stage_name },
      display_name: { old: sampleOpportunity.display_name, new: sampleOpportunity.display_name },
    });
    expect(Object.keys(record.changes as object)).not.toContain('id');
  });

  it('a delivery without `changes` still triggers; old values are then unknown (null)', async () => {
    const body = envelope('opportunity.updated', sampleOpportunity);
    const [record] = await appTester(updated_opportunity.perform, hookBundle(body));
    expect(record.changed_fields).toEqual([]);
    expect(record.changes).toMatchObject({ amount: { old: null, new: sampleOpportunity.amount } });
  });

  it('the record at the top level (the event id only in the unsigned x-reevo-event-id header, so not used)', async () => {
    const body = {
      ...sampleContact,
      event_type: 'contact.updated',
      occurred_at: OCCURRED,
      changes: { title: { old: 'Director', new: sampleContact.title } },
    };
    const hook = HOOKS.find((h) => h.key === 'updated_contact')!;
    const [record] = await appTester(hook.trigger.perform, hookBundle(body, { eventIdHeader: eventId() }));
    expect(record).toMatchObject({
      ...sampleContact,
      id: `${sampleContact.id}:${sampleContact.updated_at}`,
      record_id: sampleContact.id,
      event_id: `contact.updated:${sampleContact.id}:${OCCURRED}`,
      event_type: 'contact.updated',
      changed_fields: ['title'],
    });
    expect(record).toHaveProperty('changes.title', { old: 'Director', new: sampleContact.title });
  });

  it('a task at the top level keeps its own `type` (VOICE_CALL), which is not the event type', async () => {
    const hook = HOOKS.find((h) => h.key === 'new_task')!;
    const body = { ...sampleTask, event_type: 'task.created', occurred_at: OCCURRED };
    const [record] = await appTester(hook.trigger.perform, hookBundle(body, { eventIdHeader: eventId() }));
    expect(record).toMatchObject({ type: 'VOICE_CALL', event_type: 'task.created', title: sampleTask.title });
  });

  it('unknown keys are passed through; keys missing from the record are present and empty', async () => {
    const { x_url: _x, facebook_url: _f, ...partial } = sampleAccount;
    const body = envelope('account.created', { ...partial, health_score: 87 }, { api_version: '2025-06-01' });
    const hook = HOOKS.find((h) => h.key === 'new_account')!;
    const [record] = await appTester(hook.trigger.perform, hookBundle(body));
    expect(record).toMatchObject({ health_score: 87, x_url: null, facebook_url: null, name: sampleAccount.name });
    expect(record).not.toHaveProperty('api_version');
  });

  it('without event_type, the delivery is taken as the subscribed event', async () => {
    const hook = HOOKS.find((h) => h.key === 'new_contact')!;
    const [record] = await appTester(hook.trigger.perform, hookBundle({ id: eventId(), data: sampleContact }));
    expect(record.event_type).toBe('contact.created');
    // A new contact occurred when it was created.
    expect(record.occurred_at).toBe(sampleContact.created_at);
  });

  it('reads headers however Zapier passes their names', async () => {
    const hook = HOOKS[0];
    const body = envelope(hook.event, hook.record);
    const result = await appTester(hook.trigger.perform, hookBundle(body, { headerStyle: 'plain' }));
    expect(result).toHaveLength(1);
  });
});

describe('signatures', () => {
  const hook = HOOKS[0];

  it('accepts a delivery signed with the subscription secret', async () => {
    const result = await appTester(hook.trigger.perform, hookBundle(envelope(hook.event, hook.record)));
    expect(result).toHaveLength(1);
  });

  it('accepts a header with several v1 signatures when one of them matches (a secret being rotated)', async () => {
    const body = envelope(hook.event, hook.record);
    const content = JSON.stringify(body);
    const t = nowSeconds();
    const good = sign(SECRET, content, t).split('v1=')[1];
    const signature = `t=${t},v1=${'0'.repeat(64)},v1=${good}`;
    const result = await appTester(hook.trigger.perform, hookBundle(body, { signature }));
    expect(result).toHaveLength(1);
  });

  it.each([
    ['signed with another secret', { secret: 'whsec_someone_else' }],
    ['unsigned', { secret: null }],
    ['with an unreadable signature', { signature: 'sha256=deadbeef' }],
    ['with a signature of the wrong length', { signature: `t=${Math.floor(Date.now() / 1000)},v1=abc123` }],
  ] as const)('rejects a delivery %s by throwing, so nothing is processed', async (_what, options) => {
    const error = await caught(appTester(hook.trigger.perform, hookBundle(envelope(hook.event, hook.record), options)));
    expect(error.code).toBe('invalid_signature');
    expect(error.message).toMatch(/nothing was processed/);
    expect(error.message).toMatch(/turn this Zap off and on again/);
  });

  it('rejects a body changed after signing', async () => {
    const body = envelope(hook.event, hook.record);
    const bundle = hookBundle(body);
    bundle.rawRequest!.content = JSON.stringify({ ...body, data: { ...hook.record, name: 'Evil Corp' } });
    const error = await caught(appTester(hook.trigger.perform, bundle));
    expect(error.code).toBe('invalid_signature');
  });

  it('rejects a replayed delivery whose signed timestamp is older than the replay window', async () => {
    const t = nowSeconds() - REPLAY_WINDOW_SECONDS - 60;
    const error = await caught(appTester(hook.trigger.perform, hookBundle(envelope(hook.event, hook.record), { t })));
    expect(error.code).toBe('stale_delivery');
    expect(error.message).toMatch(/ago/);
  });

  it('rejects a timestamp far in the future, and accepts one within the window', async () => {
    const future = await caught(
      appTester(
        hook.trigger.perform,
        hookBundle(envelope(hook.event, hook.record), { t: nowSeconds() + REPLAY_WINDOW_SECONDS + 3600 }),
      ),
    );
    expect(future.code).toBe('stale_delivery');
    const recent = await appTester(
      hook.trigger.perform,
      hookBundle(envelope(hook.event, hook.record), { t: nowSeconds() - 120 }),
    );
    expect(recent).toHaveLength(1);
  });

  it('a valid delivery held up for hours (Zapier’s queue, Reevo’s retries) is still accepted: the window is as long as the replay memory', async () => {
    const late = await appTester(
      hook.trigger.perform,
      hookBundle(envelope(hook.event, hook.record), { t: nowSeconds() - 6 * 3600 }),
    );
    expect(late).toHaveLength(1);
  });

  it('the timestamp is only trusted when signed: a fresh t on an old signature does not pass', async () => {
    const body = envelope(hook.event, hook.record);
    const content = JSON.stringify(body);
    const old = sign(SECRET, content, nowSeconds() - 7200).split('v1=')[1];
    const error = await caught(
      appTester(hook.trigger.perform, hookBundle(body, { signature: `t=${nowSeconds()},v1=${old}` })),
    );
    expect(error.code).toBe('invalid_signature');
  });

  it('a subscription without a secret accepts no delivery, signed or not: it says how to get a secret or which trigger to use', async () => {
    for (const secret of [null, SECRET]) {
      const error = await caught(
        appTester(
          hook.trigger.perform,
          hookBundle(envelope(hook.event, hook.record), { secret, subscribeData: { id: 'sub-without-secret' } }),
        ),
      );
      expect(error.code).toBe('unsigned_subscription');
      expect(error.message).toMatch(/turn the Zap off and on again/i);
      expect(error.message).toContain('"New Account" trigger instead');
    }
  });

  it('with a secret but no raw body to check, the delivery is rejected', async () => {
    const bundle = hookBundle(envelope(hook.event, hook.record));
    delete bundle.rawRequest;
    const error = await caught(appTester(hook.trigger.perform, bundle));
    expect(error.code).toBe('unverifiable_delivery');
  });
});

describe('what perform leaves out', () => {
  it('the same event id delivered twice triggers the Zap once', async () => {
    const hook = HOOKS.find((h) => h.key === 'new_opportunity')!;
    const body = envelope(hook.event, hook.record);
    expect(await appTester(hook.trigger.perform, hookBundle(body))).toHaveLength(1);
    expect(await appTester(hook.trigger.perform, hookBundle(body, { t: nowSeconds() - 30 }))).toEqual([]);
    // Another event about the same record is a new event.
    expect(await appTester(hook.trigger.perform, hookBundle({ ...body, id: eventId() }))).toHaveLength(1);
  });

  it('a replay cannot pass as new by changing the unsigned x-reevo-event-id header; another Zap still gets its copy', async () => {
    const hook = HOOKS.find((h) => h.key === 'new_task')!;
    const body = { ...sampleTask, id: `task-${eventId()}`, event_type: 'task.created', occurred_at: OCCURRED };
    expect(await appTester(hook.trigger.perform, hookBundle(body, { eventIdHeader: eventId() }))).toHaveLength(1);
    expect(await appTester(hook.trigger.perform, hookBundle(body, { eventIdHeader: eventId() }))).toEqual([]);
    const otherZap = hookBundle(body, {
      eventIdHeader: eventId(),
      subscribeData: { id: 'another-subscription', secret: SECRET },
    });
    expect(await appTester(hook.trigger.perform, otherZap)).toHaveLength(1);
  });

  it('an event type the trigger did not subscribe to is ignored', async () => {
    const hook = HOOKS.find((h) => h.key === 'new_account')!;
    expect(await appTester(hook.trigger.perform, hookBundle(envelope('account.updated', sampleAccount)))).toEqual([]);
    expect(await appTester(hook.trigger.perform, hookBundle(envelope('webhook.ping', { id: 'x' })))).toEqual([]);
  });

  it.each([
    ['a body that is not JSON', 'name=Northwind&id=1'],
    ['truncated JSON', '{"id": "evt_1", "data": {"id": '],
    ['a JSON list', '[1, 2]'],
    ['JSON that holds no record', '{"id": "evt_2", "event_type": "account.created", "data": {"name": "No ID"}}'],
  ])('%s is an error that says the delivery could not be read', async (_what, content) => {
    const hook = HOOKS[0];
    const error = await caught(appTester(hook.trigger.perform, hookBundle(content)));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toMatch(/nothing was processed/);
  });

  it('an empty delivery is an error too', async () => {
    const hook = HOOKS[0];
    const error = await caught(appTester(hook.trigger.perform, hookBundle('')));
    expect(error.code).toBe('invalid_payload');
  });
});

describe('Opportunity Stage Changed: the stage filter', () => {
  const moved = (stage: string) =>
    envelope(
      'opportunity.stage_changed',
      { ...sampleOpportunity, stage_name: stage },
      { changes: { stage_name: { old: 'Discovery', new: stage } } },
    );

  it('without a stage, every stage change triggers', async () => {
    const [record] = await appTester(opportunity_stage_changed.perform, hookBundle(moved('Negotiation')));
    expect(record).toMatchObject({
      stage_name: 'Negotiation',
      changed_fields: ['stage_name'],
      changes: { stage_name: { old: 'Discovery', new: 'Negotiation' } },
    });
  });

  it('with a stage, only entering that stage triggers, in any case and spacing', async () => {
    const inputData = { stage_name: '  closed WON ' };
    expect(await appTester(opportunity_stage_changed.perform, hookBundle(moved('Negotiation'), { inputData }))).toEqual(
      [],
    );
    const [record] = await appTester(opportunity_stage_changed.perform, hookBundle(moved('Closed Won'), { inputData }));
    expect(record.stage_name).toBe('Closed Won');
  });

  it('a filtered-out event does not use up its event id: the Zap with the matching stage still gets it', async () => {
    const body = moved('Proposal');
    expect(
      await appTester(
        opportunity_stage_changed.perform,
        hookBundle(body, { inputData: { stage_name: 'Negotiation' } }),
      ),
    ).toEqual([]);
    expect(
      await appTester(opportunity_stage_changed.perform, hookBundle(body, { inputData: { stage_name: 'proposal' } })),
    ).toHaveLength(1);
  });

  it('a stage change without `changes` still reports the stage as changed (old stage unknown)', async () => {
    const body = envelope('opportunity.stage_changed', { ...sampleOpportunity, stage_name: 'Closed Won' });
    const [record] = await appTester(
      opportunity_stage_changed.perform,
      hookBundle(body, { inputData: { stage_name: 'Closed Won' } }),
    );
    expect(record).toMatchObject({
      changed_fields: ['stage_name'],
      changes: { stage_name: { old: null, new: 'Closed Won' } },
    });
  });
});

describe('Updated triggers: Only When These Fields Change', () => {
  const update = (changes?: Record<string, unknown>) =>
    envelope('account.updated', sampleAccount, changes ? { changes } : {});
  const inputData = { only_when_changed: ['name', 'owner_email'] };

  it('triggers when one of the chosen fields changed', async () => {
    const [record] = await appTester(
      updated_account.perform,
      hookBundle(update({ owner_email: { old: 'a@x.example', new: sampleAccount.owner_email } }), { inputData }),
    );
    expect(record.changed_fields).toEqual(['owner_email']);
  });

  it('does not trigger when only other fields changed, so a Zap writing back to the account cannot loop', async () => {
    expect(
      await appTester(
        updated_account.perform,
        hookBundle(update({ official_website: { old: 'a.example', new: 'b.example' } }), { inputData }),
      ),
    ).toEqual([]);
  });

  it('does not trigger on a delivery that does not say what changed', async () => {
    expect(await appTester(updated_account.perform, hookBundle(update(), { inputData }))).toEqual([]);
  });

  it('left empty, every update triggers', async () => {
    expect(
      await appTester(
        updated_account.perform,
        hookBundle(update({ official_website: { old: 'a.example', new: 'b.example' } }), {
          inputData: { only_when_changed: [] },
        }),
      ),
    ).toHaveLength(1);
  });

  it('is offered on the three instant update triggers, with the record’s fields as choices', () => {
    for (const key of ['updated_account', 'updated_contact', 'updated_opportunity']) {
      const trigger = HOOKS.find((h) => h.key === key)!;
      const definition = (
        triggers as Record<
          string,
          { operation: { inputFields?: Array<{ key: string; list?: boolean; choices?: Record<string, string> }> } }
        >
      )[trigger.key];
      const field = definition.operation.inputFields?.find((f) => f.key === 'only_when_changed');
      expect(field).toMatchObject({ list: true, required: false });
      expect(Object.keys(field!.choices!)).toEqual(
        expect.arrayContaining(
          Object.keys(trigger.record)
            .filter((k) => !['id', 'created_at', 'updated_at', 'custom_fields'].includes(k))
            .slice(0, 3),
        ),
      );
    }
  });
});

describe('delivery helper', () => {
  it('builds what Zapier hands perform: Http- prefixed headers and the raw body', () => {
    const built = delivery({ a: 1 });
    expect(Object.keys(built.rawRequest!.headers!)).toEqual(['Http-Content-Type', 'Http-X-Reevo-Signature']);
    expect(built.rawRequest!.content).toBe('{"a":1}');
  });
});
