/**
 * Reevo workflows as far as their "Webhook Received" trigger goes (docs/reevo-api.md §5): each
 * workflow has a URL of its own; a JSON object POSTed to it is queued as a run (200) whose
 * variables are the object's top-level keys; a workflow may be protected by a key, expected in
 * `x-api-key` (the app's assumption, src/workflows.ts). Every run is logged, with the names (never
 * the values) of the headers that came with it, so a test can see that no Reevo API key did.
 *
 * Reevo builds workflows in its UI only; the sandbox makes them with routes of its own under
 * `/_sandbox/`, which real Reevo does not have. Runs are queued and never executed. Workflows live
 * as long as the server (they are not saved to the data file).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError, routeNotFound } from './errors';
import { respond } from './http';
import { isoNow, newId } from './values';

export interface WorkflowRun {
  readonly id: string;
  readonly received_at: string;
  readonly variables: Record<string, unknown>;
  /** Lower-cased names of the request's headers. */
  readonly header_names: readonly string[];
  readonly status: 'queued';
}

interface Workflow {
  readonly id: string;
  readonly name: string;
  readonly key: string | null;
  readonly runs: WorkflowRun[];
}

/** The workflow every sandbox starts with, for the demo and manual tries. */
export const DEMO_WORKFLOW = {
  id: '0f3c9a27-5d1e-4b8a-9c6f-2e7d4a1b8c53',
  name: 'Enrich and route a new lead',
  key: 'reevo_sandbox_workflow_key',
} as const;

export const WORKFLOW_HOOK_PATH = '/workflow-hooks';

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

const sameKey = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

const origin = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? '127.0.0.1'}`;

function summary(request: FastifyRequest, workflow: Workflow) {
  return {
    id: workflow.id,
    name: workflow.name,
    has_key: workflow.key !== null,
    webhook_url: `${origin(request)}${WORKFLOW_HOOK_PATH}/${workflow.id}`,
  };
}

/** The Webhook Received URLs and the sandbox-only routes that make workflows and read their runs. */
export function registerWorkflows(app: FastifyInstance): void {
  const workflows = new Map<string, Workflow>([[DEMO_WORKFLOW.id, { ...DEMO_WORKFLOW, runs: [] }]]);
  const known = (id: string) => {
    const workflow = workflows.get(id);
    if (!workflow) throw routeNotFound();
    return workflow;
  };

  app.post<{ Params: { id: string } }>(`${WORKFLOW_HOOK_PATH}/:id`, (request, reply) => {
    const workflow = known(request.params.id);
    if (workflow.key !== null) {
      const given = request.headers['x-api-key'];
      if (typeof given !== 'string' || !sameKey(given, workflow.key))
        throw new ApiError(401, { detail: 'Invalid or missing workflow API key' });
    }
    if (!isObject(request.body))
      throw new ApiError(422, { detail: 'The body must be a JSON object: its keys become the workflow variables' });
    const run: WorkflowRun = {
      id: newId(),
      received_at: isoNow(),
      variables: request.body,
      header_names: Object.keys(request.headers).sort(),
      status: 'queued',
    };
    workflow.runs.push(run);
    respond(request, reply, 200, { status: 'queued', run_id: run.id });
  });

  app.post('/_sandbox/workflows', (request, reply) => {
    const body = isObject(request.body) ? request.body : {};
    const name = typeof body.name === 'string' && body.name.trim() ? body.name.trim() : 'Untitled workflow';
    const key = typeof body.key === 'string' && body.key !== '' ? body.key : null;
    const workflow: Workflow = { id: newId(), name, key, runs: [] };
    workflows.set(workflow.id, workflow);
    respond(request, reply, 201, summary(request, workflow));
  });

  app.get('/_sandbox/workflows', (request, reply) => {
    respond(request, reply, 200, { data: [...workflows.values()].map((workflow) => summary(request, workflow)) });
  });

  app.get<{ Params: { id: string } }>('/_sandbox/workflows/:id/runs', (request, reply) => {
    respond(request, reply, 200, { data: known(request.params.id).runs });
  });
}
