import { defineTrigger } from 'zapier-platform-core';
import { reevoHook } from '../src/webhooks';

const hook = reevoHook({ recordType: 'task', eventType: 'task.created', label: 'New Task', reportsChanges: false, newestBy: 'created_at' });

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'new_task',
  noun: 'Task',
  display: {
    label: 'New Task',
    description: 'Triggers when a new task is created.',
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
