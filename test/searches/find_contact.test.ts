import { perform } from '../../searches/find_contact';
import { sampleContact } from '../../src/samples';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { API, reevo, unexpectedRequests, useNock } from './reevo-nock';

useNock();

const contact = (id: string, email: string) => ({ ...sampleContact, id, email });
const ID = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

describe('find_contact by email', () => {
  it('sends one POST /contacts/search with the normalised contact email', async () => {
    const scope = reevo()
      .post(`${API}/contacts/search`, { contact_email: 'jordan.blake@northwind-traders.com', limit: 50, offset: 0 })
      .reply(200, [sampleContact]);

    const found = await appTester(perform, bundleWith({ contact_email: ' Jordan Blake <Jordan.Blake@Northwind-Traders.com> ' }));

    expect(found).toEqual([sampleContact]);
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('sends the owner email alone, or both together', async () => {
    const ownerOnly = reevo()
      .post(`${API}/contacts/search`, { owner_email: 'morgan@acme-sales.io', limit: 50, offset: 0 })
      .reply(200, []);
    const both = reevo()
      .post(`${API}/contacts/search`, { contact_email: 'jane@acme.com', owner_email: 'morgan@acme-sales.io', limit: 50, offset: 0 })
      .reply(200, []);

    await appTester(perform, bundleWith({ owner_email: 'morgan@acme-sales.io' }));
    await appTester(perform, bundleWith({ contact_email: 'jane@acme.com', owner_email: 'morgan@acme-sales.io' }));

    expect(ownerOnly.isDone()).toBe(true);
    expect(both.isDone()).toBe(true);
  });

  it('puts the contact with exactly that email first', async () => {
    const similar = contact('00000000-0000-4000-8000-000000000001', 'jane@acme.com.au');
    const exact = contact('00000000-0000-4000-8000-000000000002', 'Jane@ACME.com');
    reevo().post(`${API}/contacts/search`).reply(200, [similar, exact]);

    const found = await appTester(perform, bundleWith({ contact_email: 'jane@acme.com' }));

    expect(found.map((c) => c.id)).toEqual([exact.id, similar.id]);
  });

  it('keeps Reevo order when only the owner is searched for', async () => {
    const first = contact('00000000-0000-4000-8000-000000000001', 'zoe@acme.com');
    const second = contact('00000000-0000-4000-8000-000000000002', 'adam@acme.com');
    reevo().post(`${API}/contacts/search`).reply(200, [first, second]);

    const found = await appTester(perform, bundleWith({ owner_email: 'morgan@acme-sales.io' }));

    expect(found.map((c) => c.id)).toEqual([first.id, second.id]);
  });

  it('returns [] when nothing matches', async () => {
    const scope = reevo().post(`${API}/contacts/search`).reply(200, []);

    await expect(appTester(perform, bundleWith({ contact_email: 'nobody@acme.com' }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('find_contact by ID', () => {
  it('sends one GET /contacts/{id}', async () => {
    const scope = reevo().get(`${API}/contacts/${sampleContact.id}`).reply(200, sampleContact);

    await expect(appTester(perform, bundleWith({ contact_id: sampleContact.id }))).resolves.toEqual([sampleContact]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns [] on 404', async () => {
    const scope = reevo().get(`${API}/contacts/${ID}`).reply(404, { detail: 'Not Found' });

    await expect(appTester(perform, bundleWith({ contact_id: ID }))).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('find_contact input rules (nothing is sent)', () => {
  it('asks for the ID or at least one email', async () => {
    const error = await caught(appTester(perform, bundleWith({})));

    expect(error.message).toBe(
      'Fill in Contact ID (contact_id) to find the contact by its ID, or at least one of Contact Email (contact_email), Contact Owner Email (owner_email) to search for it.',
    );
    expect(unexpectedRequests()).toBe(0);
  });

  it('refuses the ID together with search fields, naming the ones given', async () => {
    const error = await caught(appTester(perform, bundleWith({ contact_id: ID, owner_email: 'morgan@acme-sales.io' })));

    expect(error.message).toBe(
      'Fill in either Contact ID (contact_id) or the search fields (Contact Owner Email (owner_email)), not both: a search by ID would ignore the other fields.',
    );
    expect(unexpectedRequests()).toBe(0);
  });

  it('names an email it cannot read', async () => {
    const error = await caught(appTester(perform, bundleWith({ contact_email: 'jane at acme' })));

    expect(error.message).toBe('Contact Email (contact_email) "jane at acme" is not a valid email address.');
    expect(unexpectedRequests()).toBe(0);
  });
});
