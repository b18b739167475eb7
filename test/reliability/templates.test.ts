/**
 * Text that looks like one of Zapier's templates (`{{bundle.…}}`, `{{process.…}}`) is the user's
 * text: it is sent as typed, not refused by core's check of request bodies, and never filled in.
 */
import nock from 'nock';
import { perform as createTask } from '../../creates/create_task';
import { perform as findOpportunity } from '../../searches/find_opportunity';
import { API, useNock } from '../helpers/nock';
import { appTester, bundleWith, TEST_BASE_URL } from '../helpers/zapier';

useNock();

const TITLE = 'Reply to {{bundle.inputData.name}} about {{ process.env.HOME }}';
const NOTE = 'Our template said: Hi {{bundle.authData.api_key}}, {{{triple}}} and {{plain}}.';

it('a create sends template-like text as typed', async () => {
  let sent: unknown;
  nock(TEST_BASE_URL)
    .post(`${API}/tasks`, (body) => {
      sent = body;
      return true;
    })
    .reply(201, { id: '5b0f8c13-2e7a-4c69-a4d1-9e3b6f2a8c07', title: TITLE });

  await appTester(createTask, bundleWith({ title: TITLE, note: NOTE, owner_email: 'morgan@acme.com' }));

  expect(sent).toMatchObject({ title: TITLE, note: NOTE });
});

it('a search sends template-like text as typed', async () => {
  let sent: unknown;
  nock(TEST_BASE_URL)
    .post(`${API}/opportunities/search`, (body) => {
      sent = body;
      return true;
    })
    .reply(200, []);

  await appTester(findOpportunity, bundleWith({ display_name: '{{process.env.PATH}} deal' }));

  expect(sent).toMatchObject({ display_name: '{{process.env.PATH}} deal' });
});
