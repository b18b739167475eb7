import nock from 'nock';
import type creates from '../../creates';
import { endpoints, type Endpoint } from '../../src/endpoints';
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

/** Creates that call no Reevo API endpoint: Start Reevo Workflow posts to a workflow's own URL. */
export type EndpointlessCreate = 'start_workflow';

/** The endpoint each create calls (the per-action tests check the requests themselves). */
export const ENDPOINT_OF: Record<Exclude<keyof typeof creates, EndpointlessCreate>, Endpoint> = {
  upsert_account_contact: endpoints.upsertAccountContact,
  create_account: endpoints.createAccount,
  update_account: endpoints.updateAccount,
  create_opportunity: endpoints.createOpportunity,
  update_opportunity: endpoints.updateOpportunity,
  move_opportunity_stage: endpoints.shiftOpportunityStage,
  create_task: endpoints.createTask,
  log_manual_activity: endpoints.createManualActivity,
  enroll_contact_in_sequence: endpoints.enrollInSequence,
  create_note: endpoints.createNote,
  update_task: endpoints.updateTask,
  complete_task: endpoints.completeTask,
  update_contact: endpoints.updateContact,
  create_or_update_account: endpoints.assertAccount,
};
