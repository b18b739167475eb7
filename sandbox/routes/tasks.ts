/** v1 POST /tasks (contract §2 #13). */
import { wireSchemas } from '../contract';
import { unprocessable } from '../errors';
import { endpoint } from '../http';
import { write } from '../keys';
import type { Task } from '../records';
import { existingAccount, ReferenceCheck } from '../references';
import { isoNow, newId } from '../values';

export const taskEndpoints = [
  endpoint({
    method: 'POST',
    url: '/api/v1/public/tasks',
    auth: 'v1',
    permissions: [write('tasks')],
    body: wireSchemas.createTask,
    status: 201,
    writes: true,
    handle: ({ ws, body, events }) => {
      if (body.account_id) existingAccount(ws, body.account_id);
      new ReferenceCheck(ws)
        .user(body.owner_email, ['owner_email'])
        .contactEmails(body.contact_emails, ['contact_emails'])
        .done();
      const opportunity = body.opportunity_name ? ws.opportunityByName(body.opportunity_name) : undefined;
      if (body.opportunity_name && !opportunity) {
        throw unprocessable(
          ['body', 'opportunity_name'],
          `No opportunity named '${body.opportunity_name}'`,
          body.opportunity_name,
        );
      }
      const task: Task = {
        id: newId(),
        title: body.title,
        owner_email: body.owner_email,
        status: body.status ?? 'OPEN',
        priority: body.priority ?? 'MEDIUM',
        type: body.type ?? 'REMINDER',
        due_at: body.due_at ?? null,
        note: body.note ?? null,
        account_id: body.account_id ?? null,
        contact_emails: body.contact_emails ?? [],
        opportunity_name: opportunity?.display_name ?? null,
        created_at: isoNow(),
      };
      ws.tasks.set(task.id, task);
      events.emit(ws, 'task.created', task);
      return task;
    },
  }),
];
