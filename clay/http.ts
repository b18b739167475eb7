/**
 * The Clay sender's requests, made with Node's http and https modules in the shape of fetch.
 *
 * Node's fetch builds web streams and request objects that outlive each answer long enough to be
 * kept as old garbage: a 400,000-row send rose to about 200 MB with it, and stays at its
 * 10,000-row footprint (about 120 MB) this way (bench/clay-send.ts). Fetch's shape is kept, so
 * tests pass their own fetch, and so are its failures: no answer at all is a TypeError whose
 * `cause` holds the system code (src/network.ts reads it), and an abort rejects with the signal's
 * reason. Neither module follows a redirect.
 */
import http from 'node:http';
import https from 'node:https';
import { pipeline, type Readable, type Transform } from 'node:stream';
import zlib from 'node:zlib';

/** What the sender asks of fetch, and all this module offers. A redirect is always answered as it is, never followed. */
export type SendFetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    redirect: 'manual';
  },
) => Promise<Response>;

/** Statuses whose answer has no body, which `Response` refuses to be given one. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export const httpFetch: SendFetch = (url, { method, headers, body, signal }) =>
  new Promise((resolve, reject) => {
    const failed = (error: Error) =>
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    const client = url.startsWith('https:') ? https : http;
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const request = client.request(url, { method, headers: { ...headers, ...length }, signal }, (response) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 599) {
        response.destroy();
        return failed(new Error(`the answer had no valid HTTP status (${status})`));
      }
      let text = '';
      decoded(response)
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('error', failed)
        .on('end', () => {
          try {
            const answer = new Headers();
            for (let i = 0; i < response.rawHeaders.length; i += 2)
              answer.append(response.rawHeaders[i], response.rawHeaders[i + 1]);
            resolve(new Response(NULL_BODY.has(status) ? null : text, { status, headers: answer }));
          } catch (error) {
            failed(error as Error);
          }
        });
    });
    request.on('error', failed);
    request.end(body);
  });

const DECODERS = new Map<string, () => Transform>([
  ['gzip', () => zlib.createGunzip()],
  ['x-gzip', () => zlib.createGunzip()],
  ['deflate', () => zlib.createInflate()],
  ['br', () => zlib.createBrotliDecompress()],
]);

/** The body as the server wrote it before compressing it (none is asked for, but a server may); a failure on the way ends in the stream returned. */
function decoded(response: http.IncomingMessage): Readable {
  const decoder = DECODERS.get(response.headers['content-encoding']?.trim().toLowerCase() ?? '')?.();
  return decoder ? pipeline(response, decoder, () => undefined) : response;
}
