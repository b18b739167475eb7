/** v1 opportunities: create, update (never the stage), get, search, shift_stage (contract §2 #8–12). */
import { wireSchemas } from '../contract';
import { notFound, unprocessable } from '../errors';
import { endpoint } from '../http';
import { read, write } from '../keys';
import type { Opportunity } from '../records';
import { existingAccount, ReferenceCheck } from '../references';
import type { Workspace } from '../store';
import { applyPatch, definedOnly, hasChanges, isoNow, newId } from '../values';
import { page } from './paging';

const BASE = '/api/v1/public/opportunities';

function existingOpportunity(ws: Workspace, id: string): Opportunity {
  const opportunity = ws.opportunities.get(id);
  if (!opportunity) throw notFound(`Opportunity ${id} not found`);
  return opportunity;
}

const sameText = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

export const opportunityEndpoints = [
  endpoint({
    method: 'POST',
    url: BASE,
    auth: 'v1',
    permissions: [write('opportunities')],
    body: wireSchemas.createOpportunity,
    status: 201,
    writes: true,
    handle: ({ ws, body, events }) => {
      existingAccount(ws, body.account_id);
      const check = new ReferenceCheck(ws)
        .user(body.owner_email, ['owner_email'])
        .contactEmail(body.primary_contact_email, ['primary_contact_email']);
      const customFields = check.customFields('opportunity', body.custom_fields, ['custom_fields']);
      check.done();
      const pipeline = body.pipeline_name ? ws.pipelineByName(body.pipeline_name) : ws.defaultPipeline();
      if (!pipeline) {
        const known = ws.pipelines.map((p) => p.name).join(', ');
        throw unprocessable(
          ['body', 'pipeline_name'],
          `Unknown pipeline '${body.pipeline_name}' (pipelines: ${known})`,
          body.pipeline_name,
        );
      }
      const stage = pipeline.stages[0];
      const now = isoNow();
      const opportunity: Opportunity = {
        id: newId(),
        display_name: body.display_name,
        account_id: body.account_id,
        owner_email: body.owner_email ?? null,
        primary_contact_email: body.primary_contact_email ?? null,
        additional_contact_emails: [],
        amount: body.amount ?? null,
        pipeline_name: pipeline.name,
        stage_name: stage.name,
        status: stage.kind,
        next_step_details: null,
        next_step_due_at: null,
        closed_reason_names: [],
        custom_fields: customFields ?? {},
        created_at: now,
        updated_at: now,
      };
      ws.opportunities.set(opportunity.id, opportunity);
      events.emit(ws, 'opportunity.created', opportunity);
      return opportunity;
    },
  }),

  endpoint({
    method: 'PATCH',
    url: `${BASE}/:opportunity_id`,
    auth: 'v1',
    permissions: [write('opportunities')],
    uuidParams: ['opportunity_id'],
    body: wireSchemas.updateOpportunity,
    writes: true,
    handle: ({ ws, body, params, events }) => {
      const opportunity = existingOpportunity(ws, params.opportunity_id);
      if (body.account_id) existingAccount(ws, body.account_id);
      const check = new ReferenceCheck(ws)
        .user(body.owner_email, ['owner_email'])
        .contactEmail(body.primary_contact_email, ['primary_contact_email'])
        .contactEmails(body.additional_contact_emails, ['additional_contact_emails']);
      const customFields = check.customFields('opportunity', body.custom_fields, ['custom_fields']);
      check.done();
      const { custom_fields: _sentCustomFields, additional_contact_emails: additional, ...fields } = body;
      const patch: Partial<Opportunity> = definedOnly(fields);
      if (additional !== undefined) patch.additional_contact_emails = additional ?? [];
      if (customFields) patch.custom_fields = { ...opportunity.custom_fields, ...customFields };
      const changes = applyPatch(opportunity, patch);
      if (hasChanges(changes)) {
        opportunity.updated_at = isoNow();
        events.emit(ws, 'opportunity.updated', opportunity, changes);
      }
      return opportunity;
    },
  }),

  endpoint({
    method: 'GET',
    url: `${BASE}/:opportunity_id`,
    auth: 'v1',
    permissions: [read('opportunities')],
    uuidParams: ['opportunity_id'],
    handle: ({ ws, params }) => existingOpportunity(ws, params.opportunity_id),
  }),

  endpoint({
    method: 'POST',
    url: `${BASE}/search`,
    auth: 'v1',
    permissions: [read('opportunities')],
    body: wireSchemas.searchOpportunities,
    handle: ({ ws, body }) => {
      const name = body.display_name?.toLowerCase();
      return page(
        ws.opportunities.values(),
        (o) =>
          // display_name matches as a case-insensitive substring [assumed]; the rest exactly.
          (!name || o.display_name.toLowerCase().includes(name)) &&
          (!body.account_id || o.account_id === body.account_id) &&
          (!body.owner_email || sameText(o.owner_email, body.owner_email)) &&
          (!body.status || o.status === body.status) &&
          (!body.stage_name || sameText(o.stage_name, body.stage_name)),
        body,
      );
    },
  }),

  endpoint({
    method: 'POST',
    url: `${BASE}/:opportunity_id/shift_stage`,
    auth: 'v1',
    permissions: [write('opportunities')],
    uuidParams: ['opportunity_id'],
    body: wireSchemas.shiftStage,
    writes: true,
    handle: ({ ws, body, params, events }) => {
      const opportunity = existingOpportunity(ws, params.opportunity_id);
      const pipeline = ws.pipelineByName(opportunity.pipeline_name) ?? ws.defaultPipeline();
      const stage = ws.stage(pipeline.name, body.target_stage_name);
      if (!stage) {
        const names = pipeline.stages.map((s) => s.name).join(', ');
        throw unprocessable(
          ['body', 'target_stage_name'],
          `Unknown stage '${body.target_stage_name}' in pipeline '${pipeline.name}' (stages: ${names})`,
          body.target_stage_name,
        );
      }
      let reasons: string[] = [];
      if (stage.kind === 'CLOSED_WON' || stage.kind === 'CLOSED_LOST') {
        reasons = body.closed_reason_names ?? [];
        if (reasons.length === 0) {
          throw unprocessable(
            ['body', 'closed_reason_names'],
            `Closed reasons are required for closed won/lost stages ('${stage.name}' is closed ${stage.kind === 'CLOSED_WON' ? 'won' : 'lost'})`,
            body.closed_reason_names ?? null,
          );
        }
        const allowed = stage.kind === 'CLOSED_WON' ? ws.closedReasons.won : ws.closedReasons.lost;
        const unknown = reasons.find((r) => !allowed.includes(r));
        if (unknown !== undefined) {
          throw unprocessable(
            ['body', 'closed_reason_names'],
            `Unknown closed reason '${unknown}' for stage '${stage.name}' (reasons: ${allowed.join(', ')})`,
            reasons,
          );
        }
      }
      const changes = applyPatch(opportunity, {
        stage_name: stage.name,
        status: stage.kind,
        closed_reason_names: reasons,
      });
      if (hasChanges(changes)) {
        opportunity.updated_at = isoNow();
        events.emit(ws, 'opportunity.stage_changed', opportunity, changes);
      }
      return opportunity;
    },
  }),
];
