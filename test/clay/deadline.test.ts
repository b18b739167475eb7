/** `reevo-clay send`: a request Reevo never answers fails at the deadline, and a run does not wait for it. */
import { recipeByName } from '../../clay/recipes';
import { sendTable } from '../../clay/send';
import { readCsv, tempDir, writeTable } from './helpers';

/** Answers the key check (no such account: the key is good); every row's request waits until it is aborted. */
const silentReevo = (async (_input: string | URL | Request, init?: RequestInit) => {
  if ((init?.method ?? 'GET') === 'GET') return new Response('{"detail":"Account not found"}', { status: 404 });
  return new Promise<Response>((_answer, fail) =>
    init!.signal!.addEventListener('abort', () => fail(init!.signal!.reason), { once: true }),
  );
}) as typeof fetch;

test('a row whose request gets no answer within the timeout fails as timed out; the run ends', async () => {
  const table = writeTable(tempDir(), 'contacts', [
    ['Email', 'First Name', 'Last Name', 'Job Title', 'Phone', 'Company Name', 'Company Website'],
    ['lena.fischer@alpenglow-outdoor.example', 'Lena', 'Fischer', 'Buyer', '', 'Alpenglow Outdoor GmbH', ''],
  ]);
  const summary = await sendTable(recipeByName('upsert_account_contact')!, table, {
    baseUrl: 'http://127.0.0.1:9',
    apiKey: 'reevo_test_key_0123456789',
    fetch: silentReevo,
    timeoutMs: 50,
    retries: 0,
  });
  expect(summary).toMatchObject({ rows: 1, ok: 0, failed: 1 });
  const [failed] = readCsv(summary.files.failed!);
  expect(failed.Row).toBe('1');
  expect(failed['Reevo Error']).toMatch(/timed out/);
});
