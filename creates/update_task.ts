import { defineCreate } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { outputFieldsOf } from '../src/output-fields';
import { sampleOf } from '../src/samples';
import { performV2Write } from '../src/v2-perform';
import { inputFieldsFor, keepWhenEmpty } from '../src/zapier-fields';

export const perform = performV2Write(endpoints.updateTask, 'task');

/** Task IDs come from a Find Task step (there is no task dropdown). */
export const TASK_SEARCH = 'find_task.id';

export default defineCreate({
  key: 'update_task',
  noun: 'Task',
  display: {
    label: 'Update Task',
    description:
      'Updates a task: its status, priority, type, due date, title or assignee. Only the fields you fill in are changed.',
  },
  operation: {
    inputFields: keepWhenEmpty(inputFieldsFor(endpoints.updateTask)).map((field) =>
      field.key === 'task_id' ? { ...field, search: TASK_SEARCH } : field,
    ),
    perform,
    sample: sampleOf('task'),
    outputFields: outputFieldsOf('task'),
  },
});
