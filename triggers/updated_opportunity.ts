import { defineTrigger } from 'zapier-platform-core';
import { events, instantLabel } from '../src/trigger-events';
import { reevoHook } from '../src/webhooks';

const event = events.updatedOpportunity;
const hook = reevoHook({ ...event, label: instantLabel(event), pollingLabel: event.label, filtersChangedFields: true });

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'updated_opportunity',
  noun: event.noun,
  display: {
    label: instantLabel(event),
    description: `Triggers when ${event.when}, the moment it happens. Reports the old and new value of each field that changed. Needs webhook subscriptions, which not every workspace offers: use ${event.label} where they are missing.`,
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
