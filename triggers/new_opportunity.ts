import { defineTrigger } from 'zapier-platform-core';
import { reevoHook } from '../src/webhooks';

const hook = reevoHook({ recordType: 'opportunity', eventType: 'opportunity.created', label: 'New Opportunity', reportsChanges: false, newestBy: 'created_at' });

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'new_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'New Opportunity',
    description: 'Triggers when a new opportunity is created.',
  },
  operation: {
    type: 'hook',
    perform,
    performList,
    performSubscribe,
    performUnsubscribe,
    sample: hook.sample,
    outputFields: hook.outputFields,
  },
});
