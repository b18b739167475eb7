/** The Clay sender's own requests (clay/http.ts): what fetch would answer, and fail with, over real HTTP. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { httpFetch } from '../../clay/http';
import { networkFailure } from '../../src/network';

let server: Server;
let base: string;
let handle: (request: IncomingMessage, body: string, response: ServerResponse) => void;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handle(request, body, response));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const post = (path: string, init: { body?: string; signal?: AbortSignal } = {}) =>
  httpFetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'reevo_test_key' },
    redirect: 'manual',
    ...init,
  });

test('the body, method and headers go out as given; status, headers and text come back', async () => {
  let seen: { method?: string; headers?: IncomingMessage['headers']; body?: string } = {};
  handle = (request, body, response) => {
    seen = { method: request.method, headers: request.headers, body };
    response.writeHead(201, { 'content-type': 'application/json', 'retry-after': '7' }).end('{"id":"Zoë 🌱"}');
  };
  const answer = await post('/api/v1/public/tasks', { body: '{"title":"Call Zoë 🌱"}' });
  expect(seen).toMatchObject({
    method: 'POST',
    body: '{"title":"Call Zoë 🌱"}',
    headers: {
      'content-type': 'application/json',
      'x-api-key': 'reevo_test_key',
      'content-length': String(Buffer.byteLength('{"title":"Call Zoë 🌱"}')),
    },
  });
  expect(answer.status).toBe(201);
  expect(answer.headers.get('retry-after')).toBe('7');
  expect(await answer.text()).toBe('{"id":"Zoë 🌱"}');
});

test('an answer without a body (204) is an empty text', async () => {
  handle = (_request, _body, response) => response.writeHead(204).end();
  const answer = await post('/nothing');
  expect(answer.status).toBe(204);
  expect(await answer.text()).toBe('');
});

test('a redirect is answered as it is, and its Location is never asked', async () => {
  const paths: string[] = [];
  handle = (request, _body, response) => {
    paths.push(request.url ?? '');
    response.writeHead(302, { location: `${base}/elsewhere` }).end();
  };
  const answer = await post('/api/v1/public/accounts');
  expect(answer.status).toBe(302);
  expect(answer.headers.get('location')).toBe(`${base}/elsewhere`);
  expect(paths).toEqual(['/api/v1/public/accounts']);
});

test('a compressed answer is read as the text the server compressed', async () => {
  handle = (_request, _body, response) =>
    response.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('{"id":"acc_1"}'));
  expect(await (await post('/gzip')).text()).toBe('{"id":"acc_1"}');
});

test('a refused connection fails as fetch does, and is read as "nothing was sent"', async () => {
  const closed = createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((done) => closed.close(() => done()));
  const error = await httpFetch(`http://127.0.0.1:${port}/`, { method: 'GET', headers: {}, redirect: 'manual' }).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TypeError);
  expect(networkFailure(error)).toEqual({ reason: 'the connection was refused', maybeSent: false });
});

test('an answer cut off half-way is a dropped connection, which may have been carried out', async () => {
  handle = (_request, _body, response) => {
    response.writeHead(200, { 'content-length': '100' }).write('{"id":');
    setTimeout(() => response.destroy(), 20);
  };
  const error = await post('/cut').catch((e: unknown) => e);
  expect(networkFailure(error)).toEqual({
    reason: 'the connection was dropped before an answer came',
    maybeSent: true,
  });
});

test("an abort while the answer is awaited rejects with the signal's reason", async () => {
  handle = () => undefined; // never answers
  const abort = new AbortController();
  const reason = new DOMException('no answer within 50 ms', 'TimeoutError');
  setTimeout(() => abort.abort(reason), 50);
  await expect(post('/silent', { signal: abort.signal })).rejects.toBe(reason);
  expect(networkFailure(reason)).toEqual({ reason: 'the request timed out', maybeSent: true });
});
