import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One webhook delivery as it reached the receiver. */
export interface ReceivedHook {
  /** The path it was posted to: one per subscribed trigger. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly content: string;
}

/** A local stand-in for Zapier's hook URLs: records every POST and answers 200. */
export async function startReceiver(): Promise<{ url: string; received: ReceivedHook[]; stop: () => Promise<void> }> {
  const received: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '/',
        headers: request.headers,
        content: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
