/**
 * Stages as v2 shows them (contract §3.1): `{id, api_name, display_value, color}` for contacts and
 * accounts, plus `closing_probability` and `expected_days` for opportunities. Reevo's stage lists
 * are workspace settings with no v2 endpoint; the sandbox fixes its own [assumed]: the contact
 * stages below (Reevo's own example is `working` / "Working" / #6966FF), account stages that are
 * v1's account `status`, and opportunity stages from the workspace's pipelines. Ids are derived
 * from the names, so they are stable without being stored.
 */
import type { Opportunity, Pipeline, Stage } from '../records';
import type { Workspace } from '../store';
import { stableId } from '../values';

export interface StageValue {
  id: string;
  api_name: string;
  display_value: string;
  color: string;
}

interface OpportunityStageValue extends StageValue {
  closing_probability: string;
  expected_days: number;
}

const apiName = (display: string) =>
  display
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');

function stage(kind: string, display: string, color: string): StageValue {
  return { id: stableId(kind, display), api_name: apiName(display), display_value: display, color };
}

export const CONTACT_STAGES: readonly StageValue[] = [
  stage('contact_stage', 'New', '#9CA3AF'),
  stage('contact_stage', 'Working', '#6966FF'),
  stage('contact_stage', 'Qualified', '#10B981'),
  stage('contact_stage', 'Unqualified', '#EF4444'),
];

/**
 * The sandbox's one entrance criterion, so that `stage_entrance_criteria_not_met` can be seen:
 * a contact enters "Qualified" only with a job title.
 */
export const QUALIFIED_NEEDS_TITLE = CONTACT_STAGES[2];

/** v1's account `status` values, as v2's `current_stage_id` shows them. */
export const ACCOUNT_STAGES: readonly (StageValue & { status: string })[] = [
  { ...stage('account_stage', 'Prospect', '#6966FF'), status: 'PROSPECT' },
  { ...stage('account_stage', 'Customer', '#10B981'), status: 'CUSTOMER' },
  { ...stage('account_stage', 'Churned', '#EF4444'), status: 'CHURNED' },
];

export function accountStageOf(status: string): StageValue | null {
  const found = ACCOUNT_STAGES.find((s) => s.status === status);
  if (!found) return null;
  const { status: _status, ...value } = found;
  return value;
}

const COLORS: Record<Stage['kind'], string> = {
  PROSPECT: '#6966FF',
  DEAL: '#F59E0B',
  CLOSED_WON: '#10B981',
  CLOSED_LOST: '#EF4444',
};

function opportunityStage(pipeline: Pipeline, index: number): OpportunityStageValue {
  const { name, kind } = pipeline.stages[index];
  const open = pipeline.stages.filter((s) => s.kind === 'PROSPECT' || s.kind === 'DEAL').length;
  const probability =
    kind === 'CLOSED_WON' ? 100 : kind === 'CLOSED_LOST' ? 0 : Math.round(((index + 1) * 100) / (open + 1));
  return {
    id: stableId('opportunity_stage', pipeline.id, name),
    display_value: name,
    api_name: apiName(name),
    color: COLORS[kind],
    closing_probability: String(probability),
    expected_days: 14,
  };
}

export function opportunityStageOf(
  ws: Workspace,
  opportunity: Pick<Opportunity, 'pipeline_name' | 'stage_name'>,
): OpportunityStageValue | null {
  const pipeline = ws.pipelineByName(opportunity.pipeline_name);
  const index = pipeline?.stages.findIndex((s) => s.name.toLowerCase() === opportunity.stage_name.toLowerCase()) ?? -1;
  return pipeline && index >= 0 ? opportunityStage(pipeline, index) : null;
}

interface ResolvedOpportunityStage {
  pipeline: Pipeline;
  stage: Stage;
  value: OpportunityStageValue;
}

export function allOpportunityStages(ws: Workspace): ResolvedOpportunityStage[] {
  return ws.pipelines.flatMap((pipeline) =>
    pipeline.stages.map((s, i) => ({ pipeline, stage: s, value: opportunityStage(pipeline, i) })),
  );
}

/** Whether a written stage value (an id, an api_name or a display value) names this stage. */
export function namesStage(written: string, value: StageValue): boolean {
  const wanted = written.trim().toLowerCase();
  return wanted === value.id || wanted === value.api_name || wanted === value.display_value.toLowerCase();
}
