/** opportunity (contract §3.2): Reevo's reference pages' attributes, then amount and the read-only stage history [assumed names past the cut]. */
import type { Opportunity } from '../../records';
import type { Workspace } from '../../store';
import { isoNow } from '../../values';
import { v2Error } from '../errors';
import { extraAttribute, setExtraAttribute } from '../extras';
import { allOpportunityStages, namesStage, opportunityStageOf, type StageValue } from '../stages';
import { attribute, common, extra, field, ownerFromEmail, type RecordKind, relationship, RW, stageName } from './kind';

interface StageShift {
  stage_name: string;
  at: string;
}

/**
 * When the stage last changed. v2 writes record it; a v1 shift_stage does not (v1 routes know
 * nothing of v2), so a stage that differs from the recorded one changed at the last update.
 */
function stageLastShiftedAt(ws: Workspace, o: Opportunity): string {
  const first = ws.pipelineByName(o.pipeline_name)?.stages[0]?.name ?? o.stage_name;
  const shift = extraAttribute<StageShift>(ws, o.id, 'stage_shift', { stage_name: first, at: o.created_at });
  return shift.stage_name === o.stage_name ? shift.at : o.updated_at;
}

const isClosed = (o: Opportunity) => o.status === 'CLOSED_WON' || o.status === 'CLOSED_LOST';
const opportunityUpdatedAt = (_ws: Workspace, o: Opportunity) => o.updated_at;
const opportunityCommon = common<Opportunity>(opportunityUpdatedAt);

export const opportunity: RecordKind<Opportunity> = {
  type: 'opportunity',
  display_name: 'Opportunity',
  description: 'A deal in one of the workspace’s pipelines.',
  customFields: 'opportunity',
  relationships: [relationship('contacts', 'contact', 'opportunities', 'contact_opportunity_role')],
  attributes: [
    opportunityCommon.id,
    opportunityCommon.organization_id,
    opportunityCommon.created_at,
    field<Opportunity>('display_name', 'string', { ...RW, required: true, display: 'Name' }),
    field<Opportunity>('status', 'enum', { options: ['PROSPECT', 'DEAL', 'CLOSED_WON', 'CLOSED_LOST'] }),
    attribute<Opportunity>(
      'stage',
      'opportunity_stage',
      { ...RW, required: true, resolve: (written, ws) => resolveOpportunityStage(ws, written) },
      (o, ws) => opportunityStageOf(ws, o),
      (o, v, ws) => {
        const { pipeline, stage } = allOpportunityStages(ws).find((s) => s.value.id === (v as StageValue).id)!;
        if (o.stage_name === stage.name && o.pipeline_name === pipeline.name) return;
        o.pipeline_name = pipeline.name;
        o.stage_name = stage.name;
        o.status = stage.kind;
        if (stage.kind === 'PROSPECT' || stage.kind === 'DEAL') o.closed_reason_names = [];
        setExtraAttribute(ws, o.id, 'stage_shift', { stage_name: stage.name, at: isoNow() } satisfies StageShift);
      },
    ),
    ownerFromEmail<Opportunity>(),
    attribute<Opportunity>(
      'account_id',
      'record_reference',
      { ...RW, required: true, target: 'account', display: 'Account' },
      (o) => o.account_id,
      (o, v) => void (o.account_id = v as string),
    ),
    opportunityCommon.participant_user_id_list,
    opportunityCommon.created_by_user_id,
    opportunityCommon.updated_at,
    field<Opportunity>('next_step_details', 'long_text', RW),
    field<Opportunity>('next_step_due_at', 'timestamp', RW),
    extra<Opportunity>('next_meeting_date', 'timestamp', {}),
    field<Opportunity>('amount', 'currency', RW),
    attribute<Opportunity>('outcome', 'enum', { options: ['WON', 'LOST'] }, (o) =>
      o.status === 'CLOSED_WON' ? 'WON' : o.status === 'CLOSED_LOST' ? 'LOST' : null,
    ),
    attribute<Opportunity>('closed_at', 'timestamp', {}, (o, ws) => (isClosed(o) ? stageLastShiftedAt(ws, o) : null)),
    attribute<Opportunity>('stage_last_shifted_at', 'timestamp', {}, (o, ws) => stageLastShiftedAt(ws, o)),
  ],
  list: (ws) => ws.opportunities.values(),
  find: (ws, id) => ws.opportunities.get(id),
  blank: (ws, id, now) => ({
    id,
    display_name: '',
    account_id: '',
    owner_email: null,
    primary_contact_email: null,
    additional_contact_emails: [],
    amount: null,
    pipeline_name: ws.defaultPipeline().name,
    stage_name: '',
    status: 'PROSPECT',
    next_step_details: null,
    next_step_due_at: null,
    closed_reason_names: [],
    custom_fields: {},
    created_at: now,
    updated_at: now,
  }),
  insert: (ws, o) => void ws.opportunities.set(o.id, o),
  remove: (ws, o) => void ws.opportunities.delete(o.id),
  updatedAt: opportunityUpdatedAt,
  touch: (_ws, o, now) => void (o.updated_at = now),
  events: { created: 'opportunity.created', updated: 'opportunity.updated', stageChanged: 'opportunity.stage_changed' },
};

/** Stage ids are unique; an api_name or display value must name one stage across all pipelines. */
function resolveOpportunityStage(ws: Workspace, written: unknown): StageValue {
  const stages = allOpportunityStages(ws);
  const name = stageName(written);
  const found = name === undefined ? [] : stages.filter((s) => namesStage(name, s.value));
  if (found.length === 1) return found[0].value;
  const known = [...new Set(stages.map((s) => s.value.api_name))].join(', ');
  const why = found.length === 0 ? 'Unknown opportunity stage' : 'Opportunity stage is ambiguous (use its id)';
  throw v2Error('field_value_invalid', `${why}: '${String(name ?? JSON.stringify(written))}' (stages: ${known})`, {
    field: 'stage',
    value: written,
  });
}
