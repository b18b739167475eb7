import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callEndpoint } from '../src/client';
import { endpoints, SEARCH_PAGE_SIZE } from '../src/endpoints';
import { taskUpdateFields as task, type Field } from '../src/fields';
import { isBlank } from '../src/normalise';
import { outputFieldsOf } from '../src/output-fields';
import { rankBy } from '../src/ranking';
import { recordsOf } from '../src/record-search';
import { describeProblems, type InputProblem } from '../src/request-builder';
import { sampleOf } from '../src/samples';
import { queryRecords, type V2Filter } from '../src/v2';
import { inputField } from '../src/zapier-fields';

const SEARCH_FIELDS: readonly Field[] = [task.title, task.owner_email, task.status];

const inputFields = [
  inputField(task.title, {
    helpText: "Text in the task's title, e.g. `renewal`. A task with exactly this title comes first.",
  }),
  inputField(task.owner_email, { helpText: 'Only tasks of the Reevo user with this email.' }),
  inputField(task.status, { helpText: 'Only tasks with this status, e.g. Open to find a task to complete.' }),
];

type Input = Readonly<Record<string, unknown>>;

/** The given inputs, read and checked as the catalog says; throws before anything is sent. */
function readInputs(z: ZObject, input: Input): Map<string, string> {
  const problems: InputProblem[] = [];
  const values = new Map<string, string>();
  for (const field of SEARCH_FIELDS) {
    if (isBlank(input[field.key])) continue;
    const parsed = field.input.safeParse(input[field.key]);
    if (parsed.success) values.set(field.key, String(parsed.data));
    else
      problems.push({
        key: field.key,
        label: field.label,
        message: parsed.error.issues.map((issue) => issue.message).join('; '),
      });
  }
  if (problems.length === 0 && values.size === 0) {
    problems.push({
      key: 'title, owner_email',
      label: 'Title, Assignee Email',
      message: 'fill in at least one of: Title, Assignee Email, Status',
    });
  }
  if (problems.length > 0) throw new z.errors.Error(describeProblems(problems), 'invalid_input', 400);
  return values;
}

/** The user's ID (v2 filters a reference by ID; v1's user search finds it by email); null when no user has the email. */
async function userIdByEmail(z: ZObject, email: string): Promise<string | null> {
  const { data } = await callEndpoint(z, endpoints.searchUsers, { email });
  const user = recordsOf(z, data, 'user').find((record) => String(record.email ?? '').toLowerCase() === email);
  return user && typeof user.id === 'string' ? user.id : null;
}

export const perform = async (z: ZObject, bundle: Bundle) => {
  const values = readInputs(z, bundle.inputData);
  const filters: V2Filter[] = [];
  const title = values.get('title');
  const owner = values.get('owner_email');
  const status = values.get('status');
  if (title) filters.push({ field: 'title', operator: 'contains', value: title });
  if (owner) {
    const ownerId = await userIdByEmail(z, owner);
    // No user with that email has no tasks: nothing found, as for any other search.
    if (ownerId === null) return [];
    filters.push({ field: 'owner_user_id', operator: 'eq', value: ownerId });
  }
  if (status) filters.push({ field: 'status', operator: 'eq', value: status });
  const { records } = await queryRecords(z, 'task', { filters, newestBy: 'created_at', limit: SEARCH_PAGE_SIZE.tasks });
  const wanted = title?.toLowerCase();
  return wanted
    ? rankBy(records, (record) =>
        String(record.title ?? '')
          .trim()
          .toLowerCase() === wanted
          ? 0
          : 1,
      )
    : records;
};

export default defineSearch({
  key: 'find_task',
  noun: 'Task',
  display: {
    label: 'Find Task',
    description: 'Finds a task by text in its title, by assignee or by status, newest first.',
  },
  operation: {
    inputFields,
    perform,
    sample: sampleOf('task'),
    outputFields: outputFieldsOf('task'),
  },
});
