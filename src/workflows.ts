import type { ZObject } from 'zapier-platform-core';
import { asJson } from './client';
import type { RequestContext } from './errors';
import { networkFailure } from './network';
import { isBlank } from './normalise';

/**
 * Starting a Reevo workflow through its "Webhook Received" trigger (docs/reevo-api.md §5): a JSON object
 * POSTed to the URL Reevo shows on the trigger; its top-level keys become workflow variables.
 * Reevo answers 200 once the run is queued, not when it has finished.
 *
 * The request is marked external, so `beforeRequest` never adds the connection's API key, and
 * redirects are not followed, so neither the variables nor the workflow key go anywhere else.
 *
 * [assumed] A workflow protected by an API key expects it in the `x-api-key` header: Reevo says
 * the trigger can have a key but not how it is sent. This constant is the one place to change.
 */
export const WORKFLOW_KEY_HEADER = 'x-api-key';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** The URL as Reevo shows it: https (plain http only to this machine, for the sandbox), no user or password in it. */
export function checkWorkflowUrl(raw: unknown): Checked<URL> {
  if (typeof raw !== 'string' || raw.trim() === '')
    return { ok: false, message: 'Workflow URL (workflow_url) is required.' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      message:
        'Workflow URL (workflow_url) is not a web address: copy the whole URL from the Webhook Received trigger in Reevo.',
    };
  }
  if (url.username || url.password)
    return { ok: false, message: 'Workflow URL (workflow_url) must not contain a user name or password.' };
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return { ok: true, value: url };
  return {
    ok: false,
    message:
      "Workflow URL (workflow_url) must start with https:// (Reevo's workflow URLs do); plain http is allowed only to this machine.",
  };
}

type Variables = Record<string, unknown>;

/**
 * The variables, from key/value pairs or from raw JSON (one or the other), as the JSON object
 * Reevo expects. No variables at all is an empty object: a workflow may need none.
 */
export function checkVariables(pairs: unknown, json: unknown): Checked<Variables> {
  const hasPairs = !isBlank(pairs);
  const hasJson = !isBlank(json);
  if (hasPairs && hasJson) {
    return { ok: false, message: 'Fill in only one of Variables (variables) and Variables as JSON (variables_json).' };
  }
  if (hasJson) {
    if (typeof json === 'object' && json !== null && !Array.isArray(json))
      return { ok: true, value: json as Variables };
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(json));
    } catch (error) {
      return {
        ok: false,
        message: `Variables as JSON (variables_json) is not valid JSON: ${(error as Error).message}.`,
      };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return {
        ok: false,
        message:
          'Variables as JSON (variables_json) must be a JSON object such as {"email": "jane@acme.com"}: its keys become the workflow\'s variables.',
      };
    }
    return { ok: true, value: parsed as Variables };
  }
  if (!hasPairs) return { ok: true, value: {} };
  if (typeof pairs !== 'object' || pairs === null || Array.isArray(pairs)) {
    return { ok: false, message: 'Variables (variables) should be pairs of a variable name and its value.' };
  }
  const value: Variables = {};
  for (const [name, item] of Object.entries(pairs)) if (name.trim() !== '') value[name.trim()] = item;
  return { ok: true, value };
}

export interface WorkflowStart {
  readonly url: URL;
  readonly variables: Variables;
  readonly key?: string;
}

export interface WorkflowQueued {
  readonly status: 'queued';
  readonly http_status: number;
  readonly variable_names: string[];
}

/** Where a message may point without repeating the URL, which is the workflow's secret. */
const where = (url: URL) => `the workflow URL on ${url.host}`;

/** POSTs the variables; resolves once Reevo has queued the run, throws a message a person can act on otherwise. */
export async function startWorkflow(z: ZObject, start: WorkflowStart): Promise<WorkflowQueued> {
  const context: RequestContext = { external: true };
  let response;
  try {
    response = await z.request({
      method: 'POST',
      url: start.url.toString(),
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(start.key ? { [WORKFLOW_KEY_HEADER]: start.key } : {}),
      },
      body: asJson(start.variables),
      redirect: 'manual',
      skipThrowForStatus: true,
      middlewareData: context,
    });
  } catch (error) {
    const failure = networkFailure(error);
    if (!failure) throw error;
    const consequence = failure.maybeSent
      ? "The run may or may not have been queued: check the workflow's Runs tab in Reevo before you replay this run."
      : 'Nothing was sent, so it is safe to try again (replay this run).';
    throw new z.errors.Error(
      `Could not reach ${where(start.url)}: ${failure.reason}. ${consequence}`,
      'network_error',
      503,
    );
  }
  const { status } = response;
  // Reevo publishes no body for this answer, so only its status is read.
  if (status >= 200 && status < 300)
    return { status: 'queued', http_status: status, variable_names: Object.keys(start.variables) };
  throw workflowError(z, start, status, response.getHeader('retry-after'));
}

function workflowError(z: ZObject, start: WorkflowStart, status: number, retryAfter: string | null | undefined): Error {
  if (status === 429) {
    const seconds = Number.parseInt(retryAfter ?? '', 10);
    return new z.errors.ThrottledError(
      'Reevo is limiting how often this workflow may be started. Zapier will retry this step shortly.',
      seconds > 0 ? seconds : 60,
    );
  }
  const said = (() => {
    if (status >= 300 && status < 400) {
      return `answered with a redirect (HTTP ${status}). Redirects are not followed, so nothing was sent elsewhere: use the exact URL the Webhook Received trigger shows in Reevo`;
    }
    if (status === 401 || status === 403) {
      return start.key
        ? `refused the Workflow Key (HTTP ${status}): copy the key set on the workflow's Webhook Received trigger`
        : `needs a key (HTTP ${status}): fill in Workflow Key with the key set on the workflow's Webhook Received trigger`;
    }
    if (status === 404 || status === 410) {
      return `has no active workflow (HTTP ${status}): the workflow may be deactivated, or its URL rotated. Copy the current URL from its Webhook Received trigger`;
    }
    if (status === 400 || status === 422)
      return `rejected the variables (HTTP ${status}): the workflow expects other variables`;
    if (status >= 500)
      return `had a problem on Reevo's side (HTTP ${status}). The run was not queued; try again in a few minutes`;
    return `did not queue the run (HTTP ${status})`;
  })();
  return new z.errors.Error(
    `The workflow URL on ${start.url.host} ${said}.`,
    status >= 500 ? 'server_error' : 'workflow_refused',
    status,
  );
}
