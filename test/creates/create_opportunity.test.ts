import { perform } from '../../creates/create_opportunity';
import { sampleAccount, sampleOpportunity } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

describe('create_opportunity', () => {
  it('POSTs the opportunity with the amount as a number and the account by ID', async () => {
    const call = expectRequest('POST', `${API}/opportunities`, 201, sampleOpportunity);
    const result = await appTester(
      perform,
      bundleWith({
        display_name: 'Northwind Traders - Warehouse rollout',
        account_id: sampleAccount.id,
        owner_email: 'MORGAN.ELLERY@acme-outbound.example',
        primary_contact_email: 'Jordan Blake <Jordan.Blake@Northwind-Traders.com>',
        amount: '95,000.00',
        pipeline_name: 'New Business',
        custom_fields__lead_source: 'Outbound',
        custom_fields__competitors: 'Globex',
      }),
    );
    const seen = call.seen();
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.query).toEqual({});
    expect(seen.body).toEqual({
      display_name: 'Northwind Traders - Warehouse rollout',
      account_id: sampleAccount.id,
      owner_email: 'morgan.ellery@acme-outbound.example',
      primary_contact_email: 'jordan.blake@northwind-traders.com',
      amount: 95000,
      pipeline_name: 'New Business',
      custom_fields: { lead_source: 'Outbound', competitors: 'Globex' },
    });
    expect(result).toEqual(sampleOpportunity);
  });

  it.each([
    ['$48,000', 48000],
    ['€1.234,56', 1234.56],
    [12500.5, 12500.5],
  ])('reads the amount %j as %j', async (amount, expected) => {
    const call = expectRequest('POST', `${API}/opportunities`, 201, sampleOpportunity);
    await appTester(perform, bundleWith({ display_name: 'Deal', account_id: sampleAccount.id, amount }));
    expect(call.seen().body).toEqual({ display_name: 'Deal', account_id: sampleAccount.id, amount: expected });
  });

  it.each([
    [{ account_id: sampleAccount.id }, /Opportunity Name \(display_name\) is required/],
    [{ display_name: 'Deal' }, /Account \(account_id\) is required/],
    [
      { display_name: 'Deal', account_id: 'northwind-traders.com' },
      /Account \(account_id\) "northwind-traders.com" is not a Reevo ID/,
    ],
    [
      { display_name: 'Deal', account_id: sampleAccount.id, amount: 'ninety thousand' },
      /Amount \(amount\) "ninety thousand" is not an amount/,
    ],
    [
      { display_name: 'Deal', account_id: sampleAccount.id, primary_contact_email: 'jordan@' },
      /Primary Contact Email \(primary_contact_email\)/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });

  it('shows Reevo’s own validation error with the field’s label', async () => {
    expectRequest('POST', `${API}/opportunities`, 422, {
      detail: [
        {
          type: 'value_error',
          loc: ['body', 'pipeline_name'],
          msg: "Value error, no pipeline named 'Renewals'",
          input: 'Renewals',
        },
      ],
    });
    const error = await caught(
      appTester(perform, bundleWith({ display_name: 'Deal', account_id: sampleAccount.id, pipeline_name: 'Renewals' })),
    );
    expect(error.message).toMatch(/Pipeline Name \(pipeline_name\): Value error, no pipeline named 'Renewals'/);
  });
});
