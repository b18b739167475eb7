import { instantTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, performList, performSubscribe, performUnsubscribe, trigger } = instantTrigger(
  'opportunity_stage_changed',
  events.opportunityEnteredStage,
);

export { perform, performList, performSubscribe, performUnsubscribe };
export default trigger;
