import { defineTrigger } from 'zapier-platform-core';
import { sampleContact } from '../src/samples';
import { reevoHook } from '../src/webhooks';

const hook = reevoHook({
  recordType: 'contact',
  eventType: 'contact.updated',
  label: 'Updated Contact',
  reportsChanges: true,
  newestBy: 'updated_at',
  exampleChanges: {
    title: { old: 'Director of Operations', new: sampleContact.title },
  },
});

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'updated_contact',
  noun: 'Contact',
  display: {
    label: 'Updated Contact',
    description: 'Triggers when a contact is updated, with the old and new value of each field that changed.',
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
