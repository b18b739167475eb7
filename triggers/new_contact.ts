import { defineTrigger } from 'zapier-platform-core';
import { reevoHook } from '../src/webhooks';

const hook = reevoHook({ recordType: 'contact', eventType: 'contact.created', label: 'New Contact', reportsChanges: false, newestBy: 'created_at' });

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'new_contact',
  noun: 'Contact',
  display: {
    label: 'New Contact',
    description: 'Triggers when a new contact is created.',
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
