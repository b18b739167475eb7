import { defineCreate } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { endpoints } from '../src/endpoints';
import { taskOutputFields } from '../src/output-fields';
import { sampleTask } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

export const perform = performEndpoint(endpoints.createTask);

export default defineCreate({
  key: 'create_task',
  noun: 'Task',
  display: {
    label: 'Create Task',
    description: 'Creates a task for a user, optionally linked to an account, contacts and an opportunity.',
  },
  operation: {
    inputFields: inputFieldsFor(endpoints.createTask, {
      account_id: {
        helpText:
          'The account the task is about, if any. Pick one, search for it by domain, or map an account ID from an earlier step.',
      },
    }),
    perform,
    sample: sampleTask,
    outputFields: [...taskOutputFields],
  },
});
