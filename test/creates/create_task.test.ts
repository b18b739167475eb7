import { perform } from '../../creates/create_task';
import { sampleAccount, sampleTask } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

describe('create_task', () => {
  it('POSTs the task with choices by value, the due date as ISO-8601 and contacts as a list', async () => {
    const call = expectRequest('POST', `${API}/tasks`, 201, sampleTask);
    const result = await appTester(
      perform,
      bundleWith({
        title: 'Call Jordan about the proposal',
        owner_email: 'Morgan.Ellery@Acme-Outbound.example',
        status: 'In progress',
        priority: 'high',
        type: 'VOICE_CALL',
        due_at: 1781794800,
        note: 'Walk through the volume tiers before the review.',
        account_id: sampleAccount.id,
        contact_emails: [
          'Jordan.Blake@northwind-traders.com',
          'sam.patel@northwind-traders.com, lee.wong@northwind-traders.com',
        ],
        opportunity_name: 'Northwind Traders - Warehouse rollout',
      }),
    );
    const seen = call.seen();
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.query).toEqual({});
    expect(seen.body).toEqual({
      title: 'Call Jordan about the proposal',
      owner_email: 'morgan.ellery@acme-outbound.example',
      status: 'IN_PROGRESS',
      priority: 'HIGH',
      type: 'VOICE_CALL',
      due_at: '2026-06-18T15:00:00.000Z',
      note: 'Walk through the volume tiers before the review.',
      account_id: sampleAccount.id,
      contact_emails: [
        'jordan.blake@northwind-traders.com',
        'sam.patel@northwind-traders.com',
        'lee.wong@northwind-traders.com',
      ],
      opportunity_name: 'Northwind Traders - Warehouse rollout',
    });
    expect(result).toEqual(sampleTask);
  });

  it('leaves out what is empty, so Reevo applies its own defaults', async () => {
    const call = expectRequest('POST', `${API}/tasks`, 201, sampleTask);
    await appTester(
      perform,
      bundleWith({
        title: 'Follow up',
        owner_email: 'morgan.ellery@acme-outbound.example',
        status: '',
        priority: null,
        due_at: '',
        contact_emails: [],
      }),
    );
    expect(call.seen().body).toEqual({ title: 'Follow up', owner_email: 'morgan.ellery@acme-outbound.example' });
  });

  it('offers the contract’s choices with readable labels and defaults', async () => {
    const { default: createTask } = await import('../../creates/create_task');
    const fields = createTask.operation.inputFields as Array<{
      key: string;
      default?: string;
      choices?: Array<{ value: string; label: string }>;
      required?: boolean;
    }>;
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));
    expect(byKey.status.default).toBe('OPEN');
    expect(byKey.priority.default).toBe('MEDIUM');
    expect(byKey.type.default).toBe('REMINDER');
    expect(byKey.type.choices?.map((c) => c.value)).toEqual([
      'ACTION_ITEM',
      'LINKEDIN_MESSAGE',
      'REMINDER',
      'SCHEDULING',
      'EMAIL',
      'VOICE_CALL',
      'LINKEDIN_CONNECT_REQUEST',
      'SMS_MESSAGE',
      'CUSTOM_TASK',
    ]);
    expect(byKey.status.choices).toContainEqual(
      expect.objectContaining({ value: 'IN_PROGRESS', label: 'In progress' }),
    );
    expect([byKey.title.required, byKey.owner_email.required, byKey.note.required]).toEqual([true, true, false]);
  });

  it.each([
    [{ owner_email: 'morgan@acme.com' }, /Title \(title\) is required/],
    [{ title: 'Call' }, /Assignee Email \(owner_email\) is required/],
    [
      { title: 'Call', owner_email: 'morgan@acme.com', priority: 'Critical' },
      /Priority \(priority\) "Critical" is not one of: URGENT, HIGH, MEDIUM, LOW/,
    ],
    [{ title: 'Call', owner_email: 'morgan@acme.com', type: 'MEETING' }, /Type \(type\) "MEETING" is not one of/],
    [
      { title: 'Call', owner_email: 'morgan@acme.com', due_at: 'tomorrow morning' },
      /Due \(due_at\) "tomorrow morning" is not a date and time/,
    ],
    [
      { title: 'Call', owner_email: 'morgan@acme.com', contact_emails: 'jordan@acme.com; jordan at acme' },
      /Contact Emails \(contact_emails\) "jordan at acme"/,
    ],
    [
      { title: 'Call', owner_email: 'morgan@acme.com', account_id: 'acme.com' },
      /Account \(account_id\) "acme.com" is not a Reevo ID/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});
