/** `webhooks: false`: Reevo as published, with no webhook API (contract §4). */
import { useSandbox, V1 } from './helpers';

const published = useSandbox({ webhooks: false });
const assumed = useSandbox();

const TARGET = { target_url: 'https://hooks.zapier.com/hooks/standard/1/abc', event_types: ['contact.created'] };

test.each([
  ['POST', `${V1}/webhooks`, TARGET],
  ['GET', `${V1}/webhooks`, undefined],
  ['GET', `${V1}/webhooks/1f0c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f`, undefined],
  ['DELETE', `${V1}/webhooks/1f0c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f`, undefined],
  ['PUT', `${V1}/webhooks`, undefined],
])('%s %s answers 404 {"detail":"Not Found"} like an unknown path', async (method, path, body) => {
  const response = await published.call(method, path, { body });
  const unknown = await published.call(method, `${V1}/no_such_route`, { body });
  expect(response.status).toBe(404);
  expect(response.body).toEqual({ detail: 'Not Found' });
  expect({ status: unknown.status, body: unknown.body }).toEqual({ status: response.status, body: response.body });
});

test('everything else is unchanged', async () => {
  expect((await published.call('POST', '/api/v2/contact/_query', { body: { limit: 1 } })).status).toBe(200);
  expect((await published.call('POST', `${V1}/accounts/search`, { body: { domain_name: 'a' } })).status).toBe(200);
});

test('by default the assumed webhook API is there', async () => {
  const created = await assumed.call('POST', `${V1}/webhooks`, { body: TARGET });
  expect(created.status).toBe(201);
  expect((await assumed.call('PUT', `${V1}/webhooks`)).status).toBe(405);
});
