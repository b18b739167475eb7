import { perform as findMailbox } from '../../searches/find_mailbox';
import { perform as findUser } from '../../searches/find_user';
import { sampleMailbox, sampleUser } from '../../src/samples';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { API, reevo, unexpectedRequests, useNock } from './reevo-nock';

useNock();

describe('find_user', () => {
  it('sends one POST /users/search with the normalised email', async () => {
    const scope = reevo().post(`${API}/users/search`, { email: sampleUser.email }).reply(200, [sampleUser]);

    const found = await appTester(findUser, bundleWith({ email: ` ${sampleUser.email.toUpperCase()} ` }));

    expect(found).toEqual([sampleUser]);
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('puts the user with exactly that email first', async () => {
    const other = { ...sampleUser, id: '00000000-0000-4000-8000-000000000001', email: `x.${sampleUser.email}` };
    reevo().post(`${API}/users/search`).reply(200, [other, sampleUser]);

    const found = await appTester(findUser, bundleWith({ email: sampleUser.email }));

    expect(found.map((u) => u.id)).toEqual([sampleUser.id, other.id]);
  });

  it('returns [] when no user has the email', async () => {
    reevo().post(`${API}/users/search`).reply(200, []);

    await expect(appTester(findUser, bundleWith({ email: 'nobody@acme-sales.io' }))).resolves.toEqual([]);
  });

  it('requires the email before sending anything', async () => {
    const error = await caught(appTester(findUser, bundleWith({})));

    expect(error.message).toBe('User Email (email) is required.');
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('find_mailbox', () => {
  it("sends one POST /mailboxes/search with the owner's email and returns every mailbox", async () => {
    const second = {
      ...sampleMailbox,
      id: '00000000-0000-4000-8000-000000000002',
      email: 'morgan@acme-outbound.example',
    };
    const scope = reevo()
      .post(`${API}/mailboxes/search`, { owner_user_email: sampleMailbox.owner_user_email })
      .reply(200, [sampleMailbox, second]);

    const found = await appTester(findMailbox, bundleWith({ owner_user_email: sampleMailbox.owner_user_email }));

    expect(found).toEqual([sampleMailbox, second]);
    expect(scope.isDone()).toBe(true);
    expect(unexpectedRequests()).toBe(0);
  });

  it('returns [] when the user has no mailbox', async () => {
    reevo().post(`${API}/mailboxes/search`).reply(200, []);

    await expect(appTester(findMailbox, bundleWith({ owner_user_email: 'nobody@acme-sales.io' }))).resolves.toEqual([]);
  });

  it('names the email field as the editor labels it', async () => {
    const error = await caught(appTester(findMailbox, bundleWith({ owner_user_email: 'morgan' })));

    expect(error.message).toBe('Mailbox Owner Email (owner_user_email) "morgan" is not a valid email address.');
    expect(unexpectedRequests()).toBe(0);
  });
});
