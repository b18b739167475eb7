import { defineTrigger } from 'zapier-platform-core';
import { reevoHook } from '../src/webhooks';

const hook = reevoHook({ recordType: 'account', eventType: 'account.created', label: 'New Account', reportsChanges: false, newestBy: 'created_at' });

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'new_account',
  noun: 'Account',
  display: {
    label: 'New Account',
    description: 'Triggers when a new account is created.',
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
