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

    const found = await appTester(
      perform,
      bundleWith({ contact_email: ' Jordan Blake <Jordan.Blake@Northwind-Traders.com> ' }),
    );

    expect(found).toEqual([sampleContact]);
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('sends the owner email together with the contact email', async () => {
    const both = reevo()
      .post(`${API}/contacts/search`, {
        contact_email: 'jane@acme.com',
        owner_email: 'morgan@acme-sales.io',
        limit: 50,
        offset: 0,
      })
      .reply(200, []);

    await appTester(perform, bundleWith({ contact_email: 'jane@acme.com', owner_email: 'morgan@acme-sales.io' }));

    expect(both.isDone()).toBe(true);
  });

  it('puts the contact with exactly that email first', async () => {
    const similar = contact('00000000-0000-4000-8000-000000000001', 'jane@acme.com.au');
    const exact = contact('00000000-0000-4000-8000-000000000002', 'Jane@ACME.com');
    reevo().post(`${API}/contacts/search`).reply(200, [similar, exact]);

    const found = await appTester(perform, bundleWith({ contact_email: 'jane@acme.com' }));

    expect(found.map((c) => c.id)).toEqual([exact.id, similar.id]);
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

    expect(error.message).toMatch(/^Fill in Contact Email \(contact_email\) or Contact ID \(contact_id\)\./);
    expect(unexpectedRequests()).toBe(0);
  });

  it('names an email it cannot read', async () => {
    const error = await caught(appTester(perform, bundleWith({ contact_email: 'jane at acme' })));

    expect(error.message).toBe('Contact Email (contact_email) "jane at acme" is not a valid email address.');
    expect(unexpectedRequests()).toBe(0);
  });
});
