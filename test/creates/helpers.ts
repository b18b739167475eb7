import nock from 'nock';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import creates from '../../creates';
import { endpoints, type Endpoint, type EndpointName } from '../../src/endpoints';
import { TEST_BASE_URL } from '../helpers/zapier';

/** Shared set-up for the nock tests of creates: no real network, every request recorded. */

export { API, unexpectedRequests, useNock } from '../helpers/nock';

/** What reached the fake Reevo. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * Expects one request to `method path` (any query) and answers it; `seen()` tells exactly what
 * arrived, so a test can compare the whole request rather than only what a matcher looked at.
 */
export function expectRequest(method: 'GET' | 'POST' | 'PATCH', path: string, status: number, reply: unknown) {
  let seen: SeenRequest | undefined;
  const scope = nock(TEST_BASE_URL)
    .intercept((uri) => uri.split('?')[0] === path, method)
    .reply(function (uri, body) {
      const url = new URL(uri, TEST_BASE_URL);
      seen = {
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: this.req.headers,
        body: typeof body === 'string' && body !== '' ? JSON.parse(body) : body === '' ? undefined : body,
      };
      return [status, reply as nock.Body];
    });
  return {
    scope,
    seen(): SeenRequest {
      if (!seen) throw new Error(`no ${method} ${path} request arrived`);
      return seen;
    },
  };
}

/**
 * The endpoint each create calls: the one entry of src/endpoints.ts that its file names
 * (`endpoints.createTask`); the per-action tests check the requests themselves. A create whose file
 * names none (Start Reevo Workflow posts to a workflow's own URL) is not here.
 */
export const ENDPOINT_OF: Readonly<Record<string, Endpoint>> = Object.fromEntries(
  Object.keys(creates).flatMap((key) => {
    const file = `creates/${key}.ts`;
    const text = readFileSync(join(__dirname, '../..', file), 'utf8');
    const named = [...new Set([...text.matchAll(/\bendpoints\.(\w+)/g)].map((match) => match[1]))];
    if (named.length > 1) throw new Error(`${file} names several endpoints (${named.join(', ')}): a create calls one`);
    return named.map((name) => [key, endpoints[name as EndpointName]]);
  }),
);
