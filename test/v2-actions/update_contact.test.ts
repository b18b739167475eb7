import updateContact from '../../creates/update_contact';
import { perform } from '../../creates/update_contact';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { expectRequest, IDS, sentWithKey, unexpectedRequests, useNock, v2Answer } from './helpers';

useNock();

const answer = v2Answer('contact', IDS.contact, {
  first_name: { value_type: 'string', value: 'Jane' },
  title: { value_type: 'string', value: 'CTO' },
  middle_name: { value_type: 'string', value: null },
});

describe('update_contact', () => {
  it('PATCHes the filled-in fields under their v2 names, and null for the fields chosen to clear', async () => {
    const call = expectRequest('PATCH', `/api/v2/contact/${IDS.contact}`, 200, answer);
    const result = (await appTester(
      perform,
      bundleWith({
        contact_id: IDS.contact,
        first_name: '',
        title: 'CTO',
        phone_number: '(415) 555-0123',
        owner_email: 'Morgan.Lee@acme-sales.io',
        clear_fields: ['Middle Name', 'department'],
      }),
    )) as Record<string, unknown>;
    const seen = call.seen();
    expect(sentWithKey(seen)).toBe(true);
    expect(seen.body).toEqual({
      attributes: {
        title: 'CTO',
        primary_phone_number: '+14155550123',
        owner_user_id: { related_record_match: { email: 'morgan.lee@acme-sales.io' } },
        middle_name: null,
        department: null,
      },
    });
    expect(result).toMatchObject({ id: IDS.contact, title: 'CTO' });
  });

  it('accepts the choices of Clear These Fields as comma-separated text', async () => {
    const call = expectRequest('PATCH', `/api/v2/contact/${IDS.contact}`, 200, answer);
    await appTester(perform, bundleWith({ contact_id: IDS.contact, clear_fields: 'title, Phone Number' }));
    expect(call.seen().body).toEqual({ attributes: { title: null, primary_phone_number: null } });
  });

  it('offers the clearable fields as a multi-select', () => {
    const fields = updateContact.operation.inputFields as Array<{
      key: string;
      list?: boolean;
      choices?: Array<{ value: string }>;
    }>;
    const clear = fields.find((field) => field.key === 'clear_fields');
    expect(clear?.list).toBe(true);
    expect(clear?.choices?.map((choice) => choice.value)).toEqual([
      'first_name',
      'middle_name',
      'last_name',
      'title',
      'department',
      'primary_phone_number',
    ]);
  });

  it.each([
    [{ title: 'CTO' }, /Contact \(contact_id\) is required/],
    [
      { contact_id: IDS.contact, title: 'CTO', clear_fields: ['title'] },
      /Job Title \(title\) is filled in and also chosen in Clear These Fields/,
    ],
    [
      { contact_id: IDS.contact, phone_number: '+14155550123', clear_fields: 'Phone Number' },
      /Phone Number \(phone_number\) is filled in and also chosen/,
    ],
    [
      { contact_id: IDS.contact, clear_fields: ['email'] },
      /Clear These Fields \(clear_fields\) "email" is not one of: first_name/,
    ],
    [
      { contact_id: IDS.contact, phone_number: 'call me' },
      /Phone Number \(phone_number\) "call me" is not a phone number/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});
