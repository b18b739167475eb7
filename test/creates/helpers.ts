import nock from 'nock';
import type creates from '../../creates';
import { endpoints, type Endpoint } from '../../src/endpoints';
import { TEST_BASE_URL } from '../helpers/zapier';

/** Shared set-up for the nock tests of creates: no real network, every request recorded. */

export const API = '/api/v1/public';

/** What reached the fake Reevo. */
export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

let unmatched = 0;
const countUnmatched = () => {
  unmatched += 1;
};

/** No real network, nothing left over between tests, and a count of requests no mock expected. */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', countUnmatched);
  });
  beforeEach(() => {
    unmatched = 0;
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.emitter.removeListener('no match', countUnmatched);
    nock.enableNetConnect();
  });
}

/** Requests sent in this test that no mock expected (a validation failure must leave this at 0). */
export const unexpectedRequests = () => unmatched;

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

/** The endpoint each create calls (the per-action tests check the requests themselves). */
export const ENDPOINT_OF: Record<keyof typeof creates, Endpoint> = {
  upsert_account_contact: endpoints.upsertAccountContact,
  create_account: endpoints.createAccount,
  update_account: endpoints.updateAccount,
  create_opportunity: endpoints.createOpportunity,
  update_opportunity: endpoints.updateOpportunity,
  move_opportunity_stage: endpoints.shiftOpportunityStage,
  create_task: endpoints.createTask,
  log_manual_activity: endpoints.createManualActivity,
  enroll_contact_in_sequence: endpoints.enrollInSequence,
};
