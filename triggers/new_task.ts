import { defineTrigger } from 'zapier-platform-core';
import { events, instantLabel } from '../src/trigger-events';
import { reevoHook } from '../src/webhooks';

const event = events.newTask;
const hook = reevoHook({ ...event, label: instantLabel(event), pollingLabel: event.label });

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'new_task',
  noun: event.noun,
  display: {
    label: instantLabel(event),
    description: `Triggers when ${event.when}, the moment it happens. Needs webhook subscriptions, which not every workspace offers: use ${event.label} where they are missing.`,
  },
  operation: {
    type: 'hook',
    inputFields: hook.inputFields,
    perform,
    performList,
    performSubscribe,
    performUnsubscribe,
    sample: hook.sample,
    outputFields: hook.outputFields,
  },
});
