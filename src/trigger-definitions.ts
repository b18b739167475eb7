import { defineTrigger } from 'zapier-platform-core';
import { reevoPoll } from './polling';
import { instantLabel, type Event } from './trigger-events';
import { reevoHook } from './webhooks';

/**
 * The two triggers of an event (src/trigger-events.ts), so a trigger's file names only its key
 * and its event: the polling one, which works on every workspace, and its instant twin.
 */

/** A polling trigger over v2 `_query` (src/polling.ts). */
export function pollingTrigger(key: string, event: Event) {
  const { perform, sample, outputFields } = reevoPoll(event);
  const trigger = defineTrigger({
    key,
    noun: event.noun,
    display: { label: event.label, description: `Triggers when ${event.when}.` },
    operation: {
      type: 'polling',
      ...(event.inputFields ? { inputFields: [...event.inputFields] } : {}),
      perform,
      sample,
      outputFields,
    },
  });
  return { perform, trigger };
}

/**
 * The instant twin: a REST hook on the assumed webhook API (src/webhooks.ts), with the same
 * records. Its update triggers can filter on the fields that changed; the stage trigger filters by
 * its stage input instead.
 */
export function instantTrigger(key: string, event: Event) {
  const label = instantLabel(event);
  const filtersChangedFields = event.reportsChanges && !event.inputFields;
  const hook = reevoHook({ ...event, label, pollingLabel: event.label, filtersChangedFields });
  const { perform, performList, performSubscribe, performUnsubscribe } = hook;
  const reportsChanges = event.reportsChanges ? ' Reports the old and new value of each field that changed.' : '';
  const trigger = defineTrigger({
    key,
    noun: event.noun,
    display: {
      label,
      description: `Triggers when ${event.when}, the moment it happens.${reportsChanges} Needs webhook subscriptions, which not every workspace offers: use ${event.label} where they are missing.`,
    },
    operation: {
      type: 'hook',
      inputFields: [...(event.inputFields ?? []), ...hook.inputFields],
      perform,
      performList,
      performSubscribe,
      performUnsubscribe,
      sample: hook.sample,
      outputFields: hook.outputFields,
    },
  });
  return { perform, performList, performSubscribe, performUnsubscribe, trigger };
}
