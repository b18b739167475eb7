import { defineTrigger } from 'zapier-platform-core';
import { sampleOpportunity } from '../src/samples';
import { reevoHook } from '../src/webhooks';

const hook = reevoHook({
  recordType: 'opportunity',
  eventType: 'opportunity.updated',
  label: 'Updated Opportunity',
  reportsChanges: true,
  newestBy: 'updated_at',
  exampleChanges: {
    amount: { old: 42000, new: sampleOpportunity.amount },
    next_step_details: { old: 'Book the pricing review', new: sampleOpportunity.next_step_details },
  },
});

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'updated_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'Updated Opportunity',
    description: 'Triggers when an opportunity is updated, with the old and new value of each field that changed.',
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
