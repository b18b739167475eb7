import { perform } from '../../searches/find_contact_and_account';
import { sampleAccount, sampleContact } from '../../src/samples';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { API, reevo, unexpectedRequests, useNock } from './reevo-nock';

useNock();

const PATH = `${API}/account_and_contact_retrieval`;

/** Answers one GET of the retrieval and remembers the path exactly as it was sent. */
function retrieval(body: unknown) {
  const sent: string[] = [];
  const scope = reevo()
    .get((uri) => uri.startsWith(`${PATH}?`))
    .reply(200, (uri) => {
      sent.push(uri);
      return body;
    });
  return { scope, sent };
}

describe('find_contact_and_account', () => {
  it('sends one GET with the contact email as the only query parameter', async () => {
    const { scope, sent } = retrieval({ account: sampleAccount, contact: sampleContact });

    await appTester(perform, bundleWith({ contact_email: 'Jordan.Blake@northwind-traders.com' }));

    expect(sent).toEqual([`${PATH}?contact_email=jordan.blake%40northwind-traders.com`]);
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('sends a URL or an email in the domain field as the bare domain', async () => {
    const { sent } = retrieval({ account: sampleAccount, contact: null });

    await appTester(perform, bundleWith({ account_domain: 'https://www.northwind-traders.com/contact' }));

    expect(sent).toEqual([`${PATH}?account_domain=northwind-traders.com`]);
  });

  it.each([
    ['(202) 555-0143', '%2B12025550143'],
    ['+1 202-555-0143', '%2B12025550143'],
    ['+44 20 7946 0958', '%2B442079460958'],
    ['202.555.0143', '%2B12025550143'],
  ])('sends the phone number %s in E.164 with the + encoded', async (typed, encoded) => {
    const { sent } = retrieval({ account: sampleAccount, contact: sampleContact });

    await appTester(perform, bundleWith({ contact_phone_number: typed }));

    expect(sent).toEqual([`${PATH}?contact_phone_number=${encoded}`]);
  });

  it('returns the contact and the account as one result, with both IDs at the top level', async () => {
    retrieval({ account: sampleAccount, contact: sampleContact });

    const [found, ...rest] = await appTester(perform, bundleWith({ contact_email: sampleContact.email }));

    expect(rest).toEqual([]);
    expect(found).toEqual({
      contact_id: sampleContact.id,
      account_id: sampleAccount.id,
      contact: sampleContact,
      account: sampleAccount,
    });
  });

  it('returns an account found by domain without a contact', async () => {
    retrieval({ account: sampleAccount, contact: null });

    const found = await appTester(perform, bundleWith({ account_domain: sampleAccount.domain_name }));

    expect(found).toEqual([{ contact_id: null, account_id: sampleAccount.id, contact: null, account: sampleAccount }]);
  });

  it('takes the account ID from the contact when Reevo gives the contact without its account', async () => {
    retrieval({ account: null, contact: sampleContact });

    const [found] = await appTester(perform, bundleWith({ contact_email: sampleContact.email }));

    expect(found).toMatchObject({ contact_id: sampleContact.id, account_id: sampleContact.account_id, account: null });
  });

  it('returns [] when neither a contact nor an account was found', async () => {
    const { scope } = retrieval({ account: null, contact: null });

    await expect(appTester(perform, bundleWith({ contact_email: 'nobody@acme.com' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('refuses a response that is not an object instead of reporting nothing found', async () => {
    retrieval([]);

    const error = await caught(appTester(perform, bundleWith({ contact_email: 'nobody@acme.com' })));

    expect(error.message).toMatch(/something other than an account and a contact/);
  });
});

describe('find_contact_and_account input rules (nothing is sent)', () => {
  it('asks for one of the three identifiers', async () => {
    const error = await caught(appTester(perform, bundleWith({ contact_email: '', account_domain: ' ' })));

    expect(error.message).toMatch(/^Fill in one or more of Contact Email, Contact Phone Number and Company Domain/);
    expect(unexpectedRequests()).toBe(0);
  });

  it('checks every identifier given before sending any', async () => {
    const error = await caught(
      appTester(perform, bundleWith({ contact_email: 'jane@acme.com', contact_phone_number: '12' })),
    );

    expect(error.message).toMatch(/Contact Phone Number \(contact_phone_number\) "12"/);
    expect(unexpectedRequests()).toBe(0);
  });

  it('names a phone number it cannot read', async () => {
    const error = await caught(appTester(perform, bundleWith({ contact_phone_number: '12' })));

    expect(error.message).toMatch(/^Contact Phone Number \(contact_phone_number\) "12" is not a phone number/);
    expect(unexpectedRequests()).toBe(0);
  });
});
