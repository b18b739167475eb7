import { pollingTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, trigger } = pollingTrigger('new_opportunity_poll', events.newOpportunity);

export { perform };
export default trigger;
