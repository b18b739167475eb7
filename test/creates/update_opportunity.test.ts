import { perform } from '../../creates/update_opportunity';
import { sampleAccount, sampleOpportunity } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

const ID = sampleOpportunity.id;

describe('update_opportunity', () => {
  it('PATCHes lists as arrays, date-times as ISO-8601 and nothing that was left empty', async () => {
    const call = expectRequest('PATCH', `${API}/opportunities/${ID}`, 200, sampleOpportunity);
    await appTester(
      perform,
      bundleWith({
        opportunity_id: ID,
        display_name: '',
        account_id: '',
        additional_contact_emails: 'Sam.Patel@Northwind-Traders.com, lee.wong@northwind-traders.com ,',
        amount: '',
        next_step_details: 'Send the revised proposal',
        next_step_due_at: '2026-12-04T09:00:00-08:00',
        custom_fields: {},
      }),
    );
    const seen = call.seen();
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.body).toEqual({
      additional_contact_emails: ['sam.patel@northwind-traders.com', 'lee.wong@northwind-traders.com'],
      next_step_details: 'Send the revised proposal',
      next_step_due_at: '2026-12-04T17:00:00.000Z',
    });
  });

  it('takes Zapier line items for a list and a date-time without a zone as UTC', async () => {
    const call = expectRequest('PATCH', `${API}/opportunities/${ID}`, 200, sampleOpportunity);
    await appTester(
      perform,
      bundleWith({
        opportunity_id: ID,
        account_id: sampleAccount.id,
        additional_contact_emails: ['sam.patel@northwind-traders.com', ' LEE.WONG@northwind-traders.com'],
        next_step_due_at: '2026-12-04 17:00',
        amount: '48000',
      }),
    );
    expect(call.seen().body).toEqual({
      account_id: sampleAccount.id,
      additional_contact_emails: ['sam.patel@northwind-traders.com', 'lee.wong@northwind-traders.com'],
      amount: 48000,
      next_step_due_at: '2026-12-04T17:00:00.000Z',
    });
  });

  it.each([
    [{ display_name: 'Deal' }, /Opportunity \(opportunity_id\) is required/],
    [{ opportunity_id: 'c27d9e41' }, /Opportunity \(opportunity_id\) "c27d9e41" is not a Reevo ID/],
    [
      { opportunity_id: ID, additional_contact_emails: 'sam@acme.com, not-an-email' },
      /Additional Contact Emails \(additional_contact_emails\) "not-an-email" is not a valid email address/,
    ],
    [
      { opportunity_id: ID, next_step_due_at: 'next Tuesday-ish' },
      /Next Step Due \(next_step_due_at\) "next Tuesday-ish" is not a date and time/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});
