import { instantTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, performList, performSubscribe, performUnsubscribe, trigger } = instantTrigger(
  'new_opportunity',
  events.newOpportunity,
);

export { perform, performList, performSubscribe, performUnsubscribe };
export default trigger;
