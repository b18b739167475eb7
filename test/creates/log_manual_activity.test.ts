import { perform } from '../../creates/log_manual_activity';
import { sampleAccount, sampleContact, sampleManualActivity, sampleOpportunity } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

const SECOND_CONTACT = '2b7f1c9e-4d3a-4e8b-9c6f-0a1d5e7b3c92';

describe('log_manual_activity', () => {
  it('POSTs the activity with time, subject, description and category under metadata', async () => {
    const call = expectRequest('POST', `${API}/manual_activities`, 201, sampleManualActivity);
    const result = await appTester(
      perform,
      bundleWith({
        activity_time: '2025-05-28T16:30:00+02:00',
        subject: 'Met at the Logistics Summit',
        description: 'Talked through their warehouse expansion and the timeline for Q3.',
        category: 'conference',
        account_id: sampleAccount.id,
        contact_ids: `${sampleContact.id}, ${SECOND_CONTACT.toUpperCase()}`,
        pipeline_id: sampleOpportunity.id,
        sequence_id: '',
      }),
    );
    const seen = call.seen();
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.body).toEqual({
      metadata: {
        activity_time: '2025-05-28T14:30:00.000Z',
        subject: 'Met at the Logistics Summit',
        description: 'Talked through their warehouse expansion and the timeline for Q3.',
        category: 'CONFERENCE',
      },
      account_id: sampleAccount.id,
      contact_ids: [sampleContact.id, SECOND_CONTACT],
      pipeline_id: sampleOpportunity.id,
    });
    expect(result).toEqual(sampleManualActivity);
  });

  it('takes a date alone as midnight UTC and leaves the category to Reevo when empty', async () => {
    const call = expectRequest('POST', `${API}/manual_activities`, 201, sampleManualActivity);
    await appTester(
      perform,
      bundleWith({ activity_time: '2025-05-28', subject: 'Call', description: 'Quick check-in', category: '' }),
    );
    expect(call.seen().body).toEqual({
      metadata: { activity_time: '2025-05-28T00:00:00.000Z', subject: 'Call', description: 'Quick check-in' },
    });
  });

  it.each([
    [{ subject: 'Call', description: 'x' }, /Activity Time \(activity_time\) is required/],
    [{ activity_time: '2025-05-28', description: 'x' }, /Subject \(subject\) is required/],
    [{ activity_time: '2025-05-28', subject: 'Call' }, /Description \(description\) is required/],
    [
      { activity_time: '2025-05-28', subject: 'Call', description: 'x', category: 'MEETING' },
      /Category \(category\) "MEETING" is not one of/,
    ],
    [
      {
        activity_time: '2025-05-28',
        subject: 'Call',
        description: 'x',
        contact_ids: 'jordan.blake@northwind-traders.com',
      },
      /Contacts \(contact_ids\) "jordan.blake@northwind-traders.com" is not a Reevo ID/,
    ],
    [
      { activity_time: '2025-05-28', subject: 'Call', description: 'x', pipeline_id: 'New Business' },
      /Opportunity \(pipeline_id\) "New Business" is not a Reevo ID/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});
