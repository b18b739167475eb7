/**
 * An optional value that cannot be normalised (a phone number without a country code that is not a
 * US number) does not fail the whole write: it is sent as typed, with a note in the output.
 * Identifiers and required fields stay strict.
 */
import nock from 'nock';
import { perform as upsert } from '../../creates/upsert_account_contact';
import { perform as findContactAndAccount } from '../../searches/find_contact_and_account';
import { sampleUpsertResult } from '../../src/samples';
import { API, unexpectedRequests, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

useNock();

const LOCAL_UK = '020 7946 0958';

it('an optional phone number that cannot be read is sent as typed, and the output says so', async () => {
  let sent: Record<string, unknown> = {};
  nock(TEST_BASE_URL)
    .post(`${API}/account_contact`, (body) => {
      sent = body as Record<string, unknown>;
      return true;
    })
    .query(true)
    .reply(200, sampleUpsertResult);

  const result = (await appTester(upsert, bundleWith({ email: 'jane@acme.com', phone_number: LOCAL_UK }))) as {
    input_notes?: string[];
  };

  expect(sent.phone_number).toBe(LOCAL_UK);
  expect(result.input_notes).toEqual([
    expect.stringMatching(/^Phone Number \(phone_number\) "020 7946 0958" was sent as typed/),
  ]);
});

it('a value that is not a phone number at all is still refused', async () => {
  const error = await caught(appTester(upsert, bundleWith({ email: 'jane@acme.com', phone_number: 'call me maybe' })));
  expect(error.message).toMatch(/Phone Number \(phone_number\)/);
  expect(unexpectedRequests()).toBe(0);
});

it('an identifier stays strict: a phone number to search by must be readable', async () => {
  const error = await caught(appTester(findContactAndAccount, bundleWith({ contact_phone_number: LOCAL_UK })));
  expect(error.message).toMatch(/Contact Phone Number \(contact_phone_number\)/);
  expect(unexpectedRequests()).toBe(0);
});
