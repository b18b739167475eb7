import { pollingTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, trigger } = pollingTrigger('updated_opportunity_poll', events.updatedOpportunity);

export { perform };
export default trigger;
