import { defineTrigger } from 'zapier-platform-core';
import { sampleAccount } from '../src/samples';
import { reevoHook } from '../src/webhooks';

const hook = reevoHook({
  recordType: 'account',
  eventType: 'account.updated',
  label: 'Updated Account',
  reportsChanges: true,
  newestBy: 'updated_at',
  exampleChanges: {
    status: { old: 'PROSPECT', new: sampleAccount.status },
    official_website: { old: 'https://northwind-traders.com', new: sampleAccount.official_website },
  },
});

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'updated_account',
  noun: 'Account',
  display: {
    label: 'Updated Account',
    description: 'Triggers when an account is updated, with the old and new value of each field that changed.',
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
