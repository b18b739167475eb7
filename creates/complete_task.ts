import { defineCreate } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { outputFieldsOf } from '../src/output-fields';
import { sampleOf } from '../src/samples';
import { performV2Write } from '../src/v2-perform';
import { inputFieldsFor } from '../src/zapier-fields';
import { TASK_SEARCH } from './update_task';

export const perform = performV2Write(endpoints.completeTask, 'task');

export default defineCreate({
  key: 'complete_task',
  noun: 'Task',
  display: {
    label: 'Complete Task',
    description: "Updates a task's status to Completed.",
  },
  operation: {
    inputFields: inputFieldsFor(endpoints.completeTask).map((field) => ({ ...field, search: TASK_SEARCH })),
    perform,
    sample: { ...sampleOf('task'), status: 'COMPLETED' },
    outputFields: outputFieldsOf('task'),
  },
});
