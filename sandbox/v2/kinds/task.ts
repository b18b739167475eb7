/** task (contract §3.2), as Reevo's create-a-task and patch-one-task pages list it. */
import { TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES } from '../../contract';
import type { Task } from '../../records';
import type { Workspace } from '../../store';
import { extraAttribute, setExtraAttribute } from '../extras';
import { common, extra, field, ownerFromEmail, type RecordKind, RW, SET } from './kind';

const taskUpdatedAt = (ws: Workspace, t: Task) => extraAttribute(ws, t.id, 'updated_at', t.created_at);
const taskCommon = common<Task>(taskUpdatedAt);

export const task: RecordKind<Task> = {
  type: 'task',
  display_name: 'Task',
  description: 'A to-do for a user of the workspace.',
  customFields: null,
  relationships: [],
  attributes: [
    taskCommon.id,
    taskCommon.organization_id,
    field<Task>('title', 'string', { ...RW, required: true }),
    field<Task>('status', 'enum', { ...SET, options: TASK_STATUSES }),
    field<Task>('priority', 'enum', { ...SET, options: TASK_PRIORITIES }),
    ownerFromEmail<Task>({ ...RW, required: true }),
    field<Task>('type', 'enum', { ...SET, options: TASK_TYPES }),
    extra<Task>('source_type', 'enum', { options: ['API', 'MANUAL', 'SEQUENCE', 'WORKFLOW'] }, 'API'),
    taskCommon.created_at,
    taskCommon.updated_at,
    taskCommon.participant_user_id_list,
    field<Task>('note', 'long_text', RW),
    field<Task>('due_at', 'timestamp', RW),
  ],
  list: (ws) => ws.tasks.values(),
  find: (ws, id) => ws.tasks.get(id),
  blank: (_ws, id, now) => ({
    id,
    title: '',
    owner_email: '',
    status: 'OPEN',
    priority: 'MEDIUM',
    type: 'REMINDER',
    due_at: null,
    note: null,
    account_id: null,
    contact_emails: [],
    opportunity_name: null,
    created_at: now,
  }),
  insert: (ws, t) => void ws.tasks.set(t.id, t),
  remove: (ws, t) => void ws.tasks.delete(t.id),
  updatedAt: taskUpdatedAt,
  touch: (ws, t, now) => setExtraAttribute(ws, t.id, 'updated_at', now),
  events: { created: 'task.created' },
};
