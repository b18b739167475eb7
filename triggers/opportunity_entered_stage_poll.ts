import { pollingTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, trigger } = pollingTrigger('opportunity_entered_stage_poll', events.opportunityEnteredStage);

export { perform };
export default trigger;
