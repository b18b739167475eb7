import enrollContact, { perform } from '../../creates/enroll_contact_in_sequence';
import { sampleEnrollment } from '../../src/samples';
import { appTester, bundleWith, caught, TEST_API_KEY } from '../helpers/zapier';
import { API, expectRequest, unexpectedRequests, useNock } from './helpers';

useNock();

describe('enroll_contact_in_sequence', () => {
  it('POSTs the enrollment; an empty mailbox is left for Reevo to pick', async () => {
    const call = expectRequest('POST', `${API}/sequence_enrollments`, 201, sampleEnrollment);
    const result = await appTester(
      perform,
      bundleWith({
        contact_email: ' Jordan.Blake@Northwind-Traders.com',
        sequence_id: sampleEnrollment.sequence_id.toUpperCase(),
        mailbox_email: '',
      }),
    );
    const seen = call.seen();
    expect(seen.headers['x-api-key']).toBe(TEST_API_KEY);
    expect(seen.body).toEqual({
      contact_email: 'jordan.blake@northwind-traders.com',
      sequence_id: sampleEnrollment.sequence_id,
    });
    expect(result).toEqual(sampleEnrollment);
  });

  it('sends the chosen mailbox', async () => {
    const call = expectRequest('POST', `${API}/sequence_enrollments`, 201, sampleEnrollment);
    await appTester(
      perform,
      bundleWith({
        contact_email: 'jordan.blake@northwind-traders.com',
        sequence_id: sampleEnrollment.sequence_id,
        mailbox_email: 'Morgan@Mail.Acme-Outbound.example',
      }),
      true,
    );
    expect(call.seen().body).toMatchObject({ mailbox_email: 'morgan@mail.acme-outbound.example' });
  });

  it('warns that it sends real email and says how a second enrollment is prevented', () => {
    const text = [
      enrollContact.display.description,
      ...(enrollContact.operation.inputFields as Array<{ helpText?: string }>).map((f) => f.helpText),
    ].join(' ');
    expect(enrollContact.display.description).toMatch(/real/);
    expect(enrollContact.display.description).toMatch(/again/);
    expect(text).toMatch(/sends real email/i);
    expect(text).toMatch(/remembers each contact and sequence it enrolled for 30 days/i);
  });

  it.each([
    [{ sequence_id: sampleEnrollment.sequence_id }, /Contact Email \(contact_email\) is required/],
    [{ contact_email: 'jordan@acme.com' }, /Sequence ID \(sequence_id\) is required/],
    [
      { contact_email: 'jordan@acme.com', sequence_id: 'Q3 outbound' },
      /Sequence ID \(sequence_id\) "Q3 outbound" is not a Reevo ID/,
    ],
    [
      { contact_email: 'jordan', sequence_id: sampleEnrollment.sequence_id },
      /Contact Email \(contact_email\) "jordan" is not a valid email address/,
    ],
    [
      { contact_email: 'jordan@acme.com', sequence_id: sampleEnrollment.sequence_id, mailbox_email: 'morgan@' },
      /Send From Mailbox \(mailbox_email\)/,
    ],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});
