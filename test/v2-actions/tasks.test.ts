import publishedPatch from '../fixtures/reevo-docs/patch-one-task.request.json';
import completeTask from '../../creates/complete_task';
import { perform as complete } from '../../creates/complete_task';
import updateTask from '../../creates/update_task';
import { perform as update } from '../../creates/update_task';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { expectRequest, IDS, sentWithKey, unexpectedRequests, useNock, v2Answer } from './helpers';

useNock();

const taskAnswer = (status: string) =>
  v2Answer('task', IDS.task, {
    title: { value_type: 'string', value: 'Call Jane about the renewal' },
    status: { value_type: 'enum', value: status },
    owner_user_id: {
      value_type: 'record_reference',
      value: { related_record_id: IDS.user, related_record_type: 'user' },
    },
  });

describe('update_task', () => {
  it('PATCHes only what is filled in, choices by value and the owner matched by email', async () => {
    const call = expectRequest('PATCH', `/api/v2/task/${IDS.task}`, 200, taskAnswer('IN_PROGRESS'));
    const result = (await appTester(
      update,
      bundleWith({
        task_id: IDS.task,
        status: 'in progress',
        priority: 'High',
        type: '',
        due_at: '2026-12-04 17:00',
        title: ' Call Jane about the renewal ',
        owner_email: ' Morgan.Lee@Acme-Sales.io ',
      }),
    )) as Record<string, unknown>;
    const seen = call.seen();
    expect(sentWithKey(seen)).toBe(true);
    expect(seen.body).toEqual({
      attributes: {
        status: 'IN_PROGRESS',
        priority: 'HIGH',
        due_at: '2026-12-04T17:00:00.000Z',
        title: 'Call Jane about the renewal',
        owner_user_id: { related_record_match: { email: 'morgan.lee@acme-sales.io' } },
      },
    });
    expect(result).toMatchObject({ id: IDS.task, status: 'IN_PROGRESS' });
  });

  it('offers a Find Task connector on the task ID and says that empty keeps the value', () => {
    const fields = updateTask.operation.inputFields as Array<{
      key: string;
      required?: boolean;
      search?: string;
      helpText?: string;
      default?: string;
    }>;
    expect(fields.find((field) => field.key === 'task_id')).toMatchObject({ required: true, search: 'find_task.id' });
    for (const field of fields.filter((f) => !f.required)) {
      expect([field.key, field.helpText, field.default]).toEqual([
        field.key,
        expect.stringMatching(/Leave empty to keep the current value\.$/),
        undefined,
      ]);
    }
  });

  it.each([
    [{ status: 'OPEN' }, /Task ID \(task_id\) is required/],
    [{ task_id: 'task-42', status: 'OPEN' }, /Task ID \(task_id\) "task-42" is not a Reevo ID/],
    [
      { task_id: IDS.task, status: 'Done' },
      /Status \(status\) "Done" is not one of: OPEN, IN_PROGRESS, BLOCKED, COMPLETED, CLOSED/,
    ],
    [
      { task_id: IDS.task, owner_email: 'morgan' },
      /Assignee Email \(owner_email\) "morgan" is not a valid email address/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(update, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('complete_task', () => {
  it("PATCHes exactly the body of Reevo's own example", async () => {
    const call = expectRequest('PATCH', `/api/v2/task/${IDS.task}`, 200, taskAnswer('COMPLETED'));
    const result = (await appTester(complete, bundleWith({ task_id: IDS.task }))) as Record<string, unknown>;
    expect(call.seen().body).toEqual(publishedPatch.example);
    expect(result).toMatchObject({ id: IDS.task, status: 'COMPLETED' });
  });

  it('takes only the task, found by a Find Task step', () => {
    const fields = completeTask.operation.inputFields as Array<{ key: string; required?: boolean; search?: string }>;
    expect(fields).toEqual([expect.objectContaining({ key: 'task_id', required: true, search: 'find_task.id' })]);
  });

  it('sends nothing without a task ID', async () => {
    const error = await caught(appTester(complete, bundleWith({})));
    expect(error.message).toMatch(/Task ID \(task_id\) is required/);
    expect(unexpectedRequests()).toBe(0);
  });
});
