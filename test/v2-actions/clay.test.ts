import { recipeByName } from '../../clay/recipes';
import { evaluateRow, prepareRecipe, type Cells, type RowOutcome } from '../../clay/rows';
import { ACCOUNT_MATCH_KEY } from '../../src/v2-writes';
import { IDS } from './helpers';

/** The v2 recipes: a Clay row renders the request the Zapier action sends, and bad cells are caught. */

function row(name: string, cells: Cells): RowOutcome {
  const recipe = recipeByName(name);
  if (!recipe) throw new Error(`no recipe ${name}`);
  return evaluateRow(prepareRecipe(recipe), cells, 1);
}

const sent = (outcome: RowOutcome) => {
  expect(outcome).toMatchObject({ status: 'ok', issues: [] });
  const request = (outcome as { request: { method: string; url: string; body: string } }).request;
  return { method: request.method, url: request.url, body: JSON.parse(request.body) as unknown };
};

describe('v2 Clay recipes', () => {
  it('update_task sends the assignee as a match by email, under attributes', () => {
    const outcome = row('update_task', {
      'Reevo Task ID': IDS.task,
      'Task Status': 'IN_PROGRESS',
      'Task Priority': '',
      'Due Date': '',
      'Task Owner Email': 'morgan.lee@acme-sales.io',
    });
    expect(sent(outcome)).toEqual({
      method: 'PATCH',
      url: `https://api.reevo.ai/api/v2/task/${IDS.task}`,
      body: {
        attributes: {
          status: 'IN_PROGRESS',
          owner_user_id: { related_record_match: { email: 'morgan.lee@acme-sales.io' } },
        },
      },
    });
  });

  it('update_task leaves out an empty assignee whole, not as an empty match', () => {
    const outcome = row('update_task', {
      'Reevo Task ID': IDS.task,
      'Task Status': 'COMPLETED',
      'Task Owner Email': '',
    });
    expect(sent(outcome).body).toEqual({ attributes: { status: 'COMPLETED' } });
  });

  it('complete_task sends exactly {"attributes": {"status": "COMPLETED"}}', () => {
    expect(sent(row('complete_task', { 'Reevo Task ID': IDS.task })).body).toEqual({
      attributes: { status: 'COMPLETED' },
    });
  });

  it('create_note sends the note in its rich_text envelope', () => {
    const outcome = row('create_note', { Note: '<p>Recap</p>', 'Reevo Account ID': IDS.account });
    expect(sent(outcome).body).toEqual({
      attributes: { note_html: { value_type: 'rich_text', value: '<p>Recap</p>' }, account_id: IDS.account },
    });
  });

  it('create_or_update_account matches on the assumed key and writes the name as display_name', () => {
    const outcome = row('create_or_update_account', {
      'Company Domain': 'acme.com',
      'Company Name': 'Acme Analytics',
      'Company Website': '',
      'Company LinkedIn URL': '',
    });
    expect(sent(outcome).body).toEqual({
      match: { [ACCOUNT_MATCH_KEY]: 'acme.com' },
      attributes: { display_name: 'Acme Analytics' },
    });
  });

  it('update_contact writes the phone as primary_phone_number', () => {
    const outcome = row('update_contact', {
      'Reevo Contact ID': IDS.contact,
      'Job Title': 'CTO',
      Department: '',
      Phone: '+14155550123',
    });
    expect(sent(outcome).body).toEqual({ attributes: { title: 'CTO', primary_phone_number: '+14155550123' } });
  });

  it.each([
    ['update_task', { 'Reevo Task ID': IDS.task, 'Task Status': 'Done' }, 'Task Status', /"Done".*OPEN, IN_PROGRESS/],
    [
      'update_task',
      { 'Reevo Task ID': IDS.task, 'Task Owner Email': 'morgan at acme' },
      'Task Owner Email',
      /valid email/,
    ],
    [
      'create_or_update_account',
      { 'Company Domain': 'https://www.acme.com/about', 'Company Name': 'Acme' },
      'Company Domain',
      /bare domain/,
    ],
    [
      'update_contact',
      { 'Reevo Contact ID': 'jane@acme.com', 'Job Title': 'CTO' },
      'Reevo Contact ID',
      /not a Reevo ID/,
    ],
    ['complete_task', { 'Reevo Task ID': 'task-42' }, 'Reevo Task ID', /not a Reevo ID/],
  ])('%s: a bad cell is a problem on its column, before anything is sent', (name, cells, column, message) => {
    const outcome = row(name, cells);
    expect(outcome.status).toBe('problems');
    expect(outcome.issues).toContainEqual(
      expect.objectContaining({ column, severity: 'problem', message: expect.stringMatching(message) }),
    );
  });
});

describe('the Clay recipes of the new actions send what the Zapier actions send', () => {
  it('find_task queries as the search Find Task does: title contains, owner by user ID, newest first, 50 at most', () => {
    const outcome = row('find_task', {
      'Task Title': 'call jane about the renewal',
      'User Email': 'morgan.lee@acme-sales.io',
      'Task Owner ID': IDS.user,
    });
    expect(sent(outcome)).toEqual({
      method: 'POST',
      url: 'https://api.reevo.ai/api/v2/task/_query',
      body: {
        filters: [
          { field: 'title', operator: 'contains', value: 'call jane about the renewal' },
          { field: 'owner_user_id', operator: 'eq', value: IDS.user },
        ],
        sort: [{ field: 'created_at', direction: 'desc' }],
        limit: 50,
      },
    });
  });

  it('find_task with neither title nor owner is not run, so it never asks for every task', () => {
    expect(row('find_task', { 'Task Title': '', 'User Email': '', 'Task Owner ID': '' }).status).toBe('skipped');
  });

  it("start_workflow posts the variables as one JSON object to the row's URL", () => {
    const url = 'https://hooks.reevo.ai/workflows/0f3c9a27';
    const outcome = row('start_workflow', {
      'Workflow URL': url,
      Email: 'jane@acme.com',
      'Company Name': 'Acme',
      'Lead Score': '82',
    });
    expect(sent(outcome)).toEqual({
      method: 'POST',
      url,
      body: { email: 'jane@acme.com', company: 'Acme', lead_score: 82 },
    });
  });

  it.each([
    ['http://hooks.reevo.ai/workflows/1', /must start with https:\/\//],
    ['hooks.reevo.ai/workflows/1', /is not a web address/],
  ])('start_workflow refuses %j before anything is sent', (url, message) => {
    const outcome = row('start_workflow', { 'Workflow URL': url, Email: 'jane@acme.com' });
    expect(outcome.status).toBe('problems');
    expect(outcome.issues).toContainEqual(
      expect.objectContaining({ column: 'Workflow URL', severity: 'problem', message: expect.stringMatching(message) }),
    );
  });
});
