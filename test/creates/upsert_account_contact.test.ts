import { perform } from '../../creates/upsert_account_contact';
import { sampleAccount, sampleContact, sampleUpsertOutput, sampleUpsertResult } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

const PATH = `${API}/account_contact`;

describe('upsert_account_contact', () => {
  it('POSTs the normalised contact and account with payload_type=json', async () => {
    const call = expectRequest('POST', PATH, 200, sampleUpsertResult);
    const result = await appTester(
      perform,
      bundleWith({
        email: '  Jordan.Blake@Northwind-Traders.COM ',
        first_name: 'Jordan',
        middle_name: '',
        last_name: 'Blake',
        phone_number: '(202) 555-0143',
        title: 'VP of Operations',
        department: 'Operations',
        company: 'Northwind Traders',
        account_website: 'https://www.northwind-traders.com/about',
        contact_owner_email: 'Morgan.Ellery@acme-outbound.example',
        contact_linkedin_url: 'www.linkedin.com/in/jordan-blake-example',
        account_owner_email: 'morgan.ellery@acme-outbound.example',
        account_x_url: 'https://x.com/northwind_example',
        contact_custom_fields: { persona: 'Economic buyer' },
        account_custom_fields: { industry_segment: 'Wholesale distribution' },
        account_custom_fields__tech_stack: 'NetSuite, Shopify',
        contact_custom_fields__persona: '',
      }),
    );
    const seen = call.seen();
    expect(seen.query).toEqual({ payload_type: 'json' });
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.body).toEqual({
      email: 'jordan.blake@northwind-traders.com',
      first_name: 'Jordan',
      last_name: 'Blake',
      phone_number: '+12025550143',
      title: 'VP of Operations',
      department: 'Operations',
      company: 'Northwind Traders',
      account_website: 'https://www.northwind-traders.com',
      contact_owner_email: 'morgan.ellery@acme-outbound.example',
      contact_linkedin_url: 'https://www.linkedin.com/in/jordan-blake-example',
      account_owner_email: 'morgan.ellery@acme-outbound.example',
      account_x_url: 'https://x.com/northwind_example',
      contact_custom_fields: { persona: 'Economic buyer' },
      account_custom_fields: { industry_segment: 'Wholesale distribution', tech_stack: 'NetSuite, Shopify' },
    });
    // The contact's fields at the top level, in Find Contact's shape, for Find or Create Contact; each value once.
    expect(result).toEqual(sampleUpsertOutput);
  });

  it.each([
    ['line items', ['NetSuite', ' Shopify ']],
    ['one mapped comma-separated text', ['NetSuite, Shopify']],
  ])('sends a multi-value custom field given as %s as a list', async (_how, value) => {
    const call = expectRequest('POST', PATH, 200, sampleUpsertResult);
    await appTester(
      perform,
      bundleWith({ email: 'jordan.blake@northwind-traders.com', account_custom_fields__tech_stack: value }),
    );
    expect(call.seen().body).toEqual({
      email: 'jordan.blake@northwind-traders.com',
      account_custom_fields: { tech_stack: ['NetSuite', 'Shopify'] },
    });
  });

  it('puts account_id, contact_id and created/updated at the top level even when Reevo nests them', async () => {
    expectRequest('POST', PATH, 201, { account: sampleAccount, contact: sampleContact });
    const result = (await appTester(perform, bundleWith({ email: sampleContact.email }))) as Record<string, unknown>;
    expect(result).toMatchObject({
      id: sampleContact.id,
      email: sampleContact.email,
      account_id: sampleAccount.id,
      contact_id: sampleContact.id,
      action: 'created',
    });
    const { id: _accountId, ...account } = sampleAccount;
    expect(result.account).toEqual(account);
    expect(result.contact).toBeUndefined();
  });

  it('keeps Reevo’s own "action"', async () => {
    expectRequest('POST', PATH, 200, { ...sampleUpsertResult, action: 'created' });
    await expect(appTester(perform, bundleWith({ email: sampleContact.email }))).resolves.toMatchObject({
      action: 'created',
    });
  });

  it('fails instead of reporting success when Reevo answers without the contact', async () => {
    expectRequest('POST', PATH, 200, { account: sampleAccount, contact: null });
    const error = await caught(appTester(perform, bundleWith({ email: sampleContact.email })));
    expect(error.message).toMatch(/without the ID of the contact/);
  });

  it.each([
    [{ first_name: 'Jordan' }, /Contact Email \(email\) is required/],
    [
      { email: 'jordan.blake@northwind' },
      /Contact Email \(email\) "jordan.blake@northwind" is not a valid email address/,
    ],
    [{ email: 'jordan@acme.com', phone_number: '12' }, /Phone Number \(phone_number\) "12" is not a phone number/],
    [{ email: 'jordan@acme.com', account_website: 'not a site' }, /Company Website \(account_website\)/],
    [{ email: 'jordan@acme.com', account_owner_email: 'morgan' }, /Account Owner Email \(account_owner_email\)/],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});
