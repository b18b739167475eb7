/** Persistence: state written with `dataFile` survives a restart; the file is replaced atomically. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox';
import { SEEDED } from '../../sandbox/seed';
import { client, V1 } from './helpers';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reevo-sandbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('writes survive a stop and a start from the same data file', async () => {
  const dataFile = join(dir, 'state.json');
  const first = await startSandbox({ dataFile });
  const call = client(first);
  const upsert = await call('POST', `${V1}/account_contact`, {
    query: { payload_type: 'json' },
    body: { email: 'persist@contoso-pharma.com', first_name: 'Pat' },
  });
  expect(upsert.status).toBe(200);
  await call('PATCH', `${V1}/accounts/${SEEDED.account.id}`, { body: { name: 'Northwind Traders Ltd' } });
  const hook = await call('POST', `${V1}/webhooks`, {
    body: { target_url: 'http://127.0.0.1:9/h', event_types: ['task.created'] },
  });
  await first.stop();

  expect(readdirSync(dir)).toEqual(['state.json']);
  expect(JSON.parse(readFileSync(dataFile, 'utf8')).version).toBe(1);

  const second = await startSandbox({ dataFile });
  try {
    const again = client(second);
    const contact = await again('GET', `${V1}/contacts/${upsert.body.contact_id}`);
    expect(contact.status).toBe(200);
    expect(contact.body).toEqual(upsert.body.contact);
    expect((await again('GET', `${V1}/accounts/${SEEDED.account.id}`)).body.name).toBe('Northwind Traders Ltd');
    expect((await again('GET', `${V1}/webhooks/${hook.body.id}`)).body.secret).toBe(hook.body.secret);
    // Indexes are rebuilt: the upsert finds the persisted contact by email.
    const update = await again('POST', `${V1}/account_contact`, {
      query: { payload_type: 'json' },
      body: { email: 'persist@contoso-pharma.com', last_name: 'Quill' },
    });
    expect(update.body).toMatchObject({ action: 'updated', contact_id: upsert.body.contact_id });
  } finally {
    await second.stop();
  }
});

test('v2 writes survive too: notes, and the attributes v1 has no key for', async () => {
  const dataFile = join(dir, 'v2.json');
  const first = await startSandbox({ dataFile });
  const call = client(first);
  const note = await call('POST', '/api/v2/note', {
    body: { attributes: { note_html: '<p>Kept</p>', account_id: SEEDED.account.id } },
  });
  expect(note.status).toBe(201);
  await call('PATCH', `/api/v2/contact/${SEEDED.contact.id}`, {
    body: { attributes: { stage: 'unqualified', sms_consent: true } },
  });
  await first.stop();

  const second = await startSandbox({ dataFile });
  try {
    const again = client(second);
    expect((await again('GET', `/api/v2/note/${note.body.data.id}`)).body).toEqual(note.body);
    const contact = (await again('GET', `/api/v2/contact/${SEEDED.contact.id}`)).body.data.attributes;
    expect(contact.stage.value.api_name).toBe('unqualified');
    expect(contact.sms_consent.value).toBe(true);
  } finally {
    await second.stop();
  }
});

test('reads do not rewrite the file; a missing file starts from the seed', async () => {
  const dataFile = join(dir, 'fresh.json');
  const sandbox = await startSandbox({ dataFile });
  try {
    const savedAt = JSON.parse(readFileSync(dataFile, 'utf8')).saved_at;
    expect((await client(sandbox)('GET', `${V1}/accounts/${SEEDED.account.id}`)).body).toMatchObject({
      id: SEEDED.account.id,
      name: SEEDED.account.name,
    });
    expect(JSON.parse(readFileSync(dataFile, 'utf8')).saved_at).toBe(savedAt);
  } finally {
    await sandbox.stop();
  }
});

test('a file that is not a sandbox data file is refused at start', async () => {
  const dataFile = join(dir, 'other.json');
  writeFileSync(dataFile, JSON.stringify({ hello: 'world' }));
  await expect(startSandbox({ dataFile })).rejects.toThrow(/not a Reevo sandbox data file/);
});
