/**
 * `reevo-clay send` over real HTTP (clay/http.ts, no stub fetch) against answers Reevo should not
 * give: a row counts as done only when Reevo confirms the record; anything else is a failed row.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recipeByName } from '../../clay/recipes';
import { sendTable } from '../../clay/send';
import { readCsv, tempDir, writeTable } from './helpers';

let server: Server;
let base: string;
/** How the next task creation is answered; the key check always finds the key good. */
let answer: (response: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      if (request.method === 'GET')
        return void response
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"detail":"Account not found"}');
      answer(response);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((done) => server.close(() => done()));
});

async function sendOneTask(timeoutMs = 5_000) {
  const table = writeTable(tempDir(), 'tasks.csv', [
    ['Task Title', 'Task Owner Email', 'Due Date', 'Task Priority', 'Task Type', 'Note', 'Email', 'Reevo Task ID'],
    ['Call Zoë about "Phase 2"', 'morgan.ellery@acme-outbound.example', '', '', '', '', '', ''],
  ]);
  const summary = await sendTable(recipeByName('create_task')!, table, {
    baseUrl: base,
    apiKey: 'reevo_test_key_0123456789',
    timeoutMs,
    retries: 0,
  });
  return { summary, failed: summary.files.failed ? readCsv(summary.files.failed) : [] };
}

test('a created task confirmed with its id is done', async () => {
  answer = (response) =>
    response
      .writeHead(201, { 'content-type': 'application/json' })
      .end('{"id":"7d4a2c9e-3b1f-4e8a-9c6d-5f0b2e1a8c47"}');
  const { summary } = await sendOneTask();
  expect(summary).toMatchObject({ ok: 1, failed: 0 });
  expect(readCsv(summary.files.out!)[0]['Reevo Task ID']).toBe('7d4a2c9e-3b1f-4e8a-9c6d-5f0b2e1a8c47');
});

const html = (status: number) => (r: ServerResponse) =>
  r.writeHead(status, { 'content-type': 'text/html' }).end('<html><body>Access denied</body></html>');

test.each([
  [
    'an empty 200',
    (r: ServerResponse) => r.writeHead(200).end(),
    200,
    'Reevo did not confirm the write: its answer was empty.',
  ],
  [
    'an empty 204',
    (r: ServerResponse) => r.writeHead(204).end(),
    204,
    'it answered HTTP 204 (no content) instead of the saved task',
  ],
  ['a 200 HTML page', html(200), 200, 'its response could not be read (it was not complete JSON)'],
  [
    'a 200 without an id',
    (r: ServerResponse) => r.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
    200,
    'Reevo did not confirm the write: it answered without the ID of the task.',
  ],
  ['a 403 firewall page', html(403), 403, 'Reevo could not be reached properly: the answer (HTTP 403) was a web page'],
])('%s is not a created task: the row fails, with the answer named', async (_what, reply, status, error) => {
  answer = reply;
  const { summary, failed } = await sendOneTask();
  expect(summary).toMatchObject({ ok: 0, failed: 1 });
  expect(summary.files.out).toBeUndefined();
  expect(failed).toHaveLength(1);
  expect(failed[0]['HTTP Status']).toBe(String(status));
  expect(failed[0]['Reevo Error']).toContain(error);
});

test('no answer within the timeout: the row fails as timed out, and the run ends', async () => {
  answer = () => undefined;
  const { summary, failed } = await sendOneTask(100);
  expect(summary).toMatchObject({ ok: 0, failed: 1 });
  expect(failed[0]['Reevo Error']).toMatch(/timed out/);
});
