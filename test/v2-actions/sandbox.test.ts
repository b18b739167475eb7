import type { Bundle } from 'zapier-platform-core';
import { perform as completeTask } from '../../creates/complete_task';
import { perform as createNote } from '../../creates/create_note';
import { perform as createOrUpdateAccount } from '../../creates/create_or_update_account';
import { perform as createTask } from '../../creates/create_task';
import { perform as startWorkflow } from '../../creates/start_workflow';
import { perform as updateContact } from '../../creates/update_contact';
import { perform as updateTask } from '../../creates/update_task';
import { perform as upsertAccountContact } from '../../creates/upsert_account_contact';
import { DEMO_KEYS } from '../../sandbox';
import { DEMO_WORKFLOW, type WorkflowRun } from '../../sandbox/workflows';
import { perform as findTask } from '../../searches/find_task';
import { useSandbox } from '../helpers/sandbox';
import { appTester, caught } from '../helpers/zapier';

/**
 * The v2 actions end to end: through zapier-platform-core's middleware, over real HTTP, against
 * the sandbox. One story: an account is upserted by domain, gets a contact, a note and a task; the
 * task is found, updated and completed; the contact is updated and a value cleared; a workflow runs.
 */

const sb = useSandbox();

const full = (inputData: Record<string, unknown>): Partial<Bundle> => ({
  authData: { api_key: DEMO_KEYS.full },
  inputData,
});
type Rec = Record<string, unknown>;
const OWNER = 'morgan.ellery@acme-outbound.example';
const state: { accountId?: string; contactId?: string; taskId?: string } = {};

async function sandboxJson<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; data: T }> {
  const response = await fetch(`${sb().url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': DEMO_KEYS.full },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, data: (await response.json()) as T };
}

describe('v2 actions against the sandbox', () => {
  it('create_or_update_account creates by domain, then updates the same account', async () => {
    const created = (await appTester(
      createOrUpdateAccount,
      full({ domain_name: 'https://www.tailspin-toys.example/about', name: 'Tailspin Toys' }),
    )) as Rec;
    expect(created).toMatchObject({ action: 'created', name: 'Tailspin Toys' });
    const updated = (await appTester(
      createOrUpdateAccount,
      full({
        domain_name: 'tailspin-toys.example',
        name: 'Tailspin Toys Ltd',
        official_website: 'tailspin-toys.example',
        owner_email: OWNER,
      }),
    )) as Rec;
    expect(updated).toMatchObject({
      action: 'updated',
      id: created.id,
      name: 'Tailspin Toys Ltd',
      official_website: 'https://tailspin-toys.example',
    });
    state.accountId = String(created.id);
  });

  it('create_note attaches an escaped plain-text note to the account and a contact', async () => {
    const contact = (await appTester(
      upsertAccountContact,
      full({
        email: 'ada.moreau@tailspin-toys.example',
        first_name: 'Ada',
        middle_name: 'Louise',
        last_name: 'Moreau',
        account_website: 'tailspin-toys.example',
      }),
    )) as Rec;
    state.contactId = String(contact.contact_id);
    const note = (await appTester(
      createNote,
      full({ note_html: 'Budget < $10k & decision in Q1.', account_id: state.accountId, contact_id: state.contactId }),
    )) as Rec;
    expect(note.id).toEqual(expect.any(String));
    const stored = await sandboxJson<{ data: { attributes: Record<string, { value: unknown }> } }>(
      'GET',
      `/api/v2/note/${String(note.id)}`,
    );
    expect(stored.data.data.attributes.note_html.value).toBe('<p>Budget &lt; $10k &amp; decision in Q1.</p>');
  });

  it('find_task finds a task by title and assignee; update_task and complete_task change it', async () => {
    const task = (await appTester(
      createTask,
      full({ title: 'Send Tailspin the pilot proposal', owner_email: OWNER, account_id: state.accountId }),
    )) as Rec;
    const found = (await appTester(findTask, full({ title: 'tailspin the pilot', owner_email: OWNER }))) as Rec[];
    expect(found[0]).toMatchObject({ id: task.id, title: 'Send Tailspin the pilot proposal' });
    state.taskId = String(found[0].id);

    const updated = (await appTester(
      updateTask,
      full({ task_id: state.taskId, priority: 'Urgent', status: 'In progress', due_at: '2026-12-09T16:00:00Z' }),
    )) as Rec;
    expect(updated).toMatchObject({
      id: state.taskId,
      priority: 'URGENT',
      status: 'IN_PROGRESS',
      title: 'Send Tailspin the pilot proposal',
    });

    const completed = (await appTester(completeTask, full({ task_id: state.taskId }))) as Rec;
    expect(completed).toMatchObject({ id: state.taskId, status: 'COMPLETED', priority: 'URGENT' });
    expect(await appTester(findTask, full({ title: 'Tailspin the pilot', status: 'Open' }))).toEqual([]);
  });

  it('update_contact changes what is filled in, keeps what is empty, and clears what is chosen', async () => {
    const updated = (await appTester(
      updateContact,
      full({
        contact_id: state.contactId,
        title: 'Head of Partnerships',
        first_name: '',
        clear_fields: ['Middle Name'],
      }),
    )) as Rec;
    expect(updated).toMatchObject({
      id: state.contactId,
      title: 'Head of Partnerships',
      first_name: 'Ada',
      middle_name: null,
      last_name: 'Moreau',
    });
  });

  it('refuses to PATCH a task that does not exist, naming it', async () => {
    const error = await caught(appTester(completeTask, full({ task_id: '00000000-0000-4000-8000-000000000000' })));
    expect(error.message).toMatch(/task/i);
    expect(error.message).toMatch(/00000000-0000-4000-8000-000000000000/);
  });

  it('start_workflow queues a run with the variables, and no Reevo API key reaches the workflow URL', async () => {
    const made = await sandboxJson<{ webhook_url: string; id: string }>('POST', '/_sandbox/workflows', {
      name: 'Route Clay leads',
    });
    expect(made.status).toBe(201);
    const result = await appTester(
      startWorkflow,
      full({
        workflow_url: made.data.webhook_url,
        variables_json: '{"email": "ada.moreau@tailspin-toys.example", "score": 87}',
      }),
    );
    expect(result).toMatchObject({ status: 'queued', http_status: 200, variable_names: ['email', 'score'] });
    const runs = await sandboxJson<{ data: WorkflowRun[] }>('GET', `/_sandbox/workflows/${made.data.id}/runs`);
    expect(runs.data.data).toEqual([
      expect.objectContaining({
        variables: { email: 'ada.moreau@tailspin-toys.example', score: 87 },
        status: 'queued',
      }),
    ]);
    expect(runs.data.data[0].header_names).not.toContain('x-api-key');
    expect(runs.data.data[0].header_names).not.toContain('authorization');
  });

  it('start_workflow sends the workflow key to a protected workflow, and a wrong one fails clearly', async () => {
    const url = `${sb().url}/workflow-hooks/${DEMO_WORKFLOW.id}`;
    const error = await caught(
      appTester(
        startWorkflow,
        full({
          workflow_url: url,
          variables: { email: 'ada.moreau@tailspin-toys.example' },
          workflow_key: 'not-the-key',
        }),
      ),
    );
    expect(error.message).toMatch(/refused the Workflow Key \(HTTP 401\)/);
    const result = await appTester(
      startWorkflow,
      full({
        workflow_url: url,
        variables: { email: 'ada.moreau@tailspin-toys.example' },
        workflow_key: DEMO_WORKFLOW.key,
      }),
    );
    expect(result).toMatchObject({ status: 'queued', variable_names: ['email'] });
  });
});
