import { instantTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, performList, performSubscribe, performUnsubscribe, trigger } = instantTrigger(
  'updated_contact',
  events.updatedContact,
);

export { perform, performList, performSubscribe, performUnsubscribe };
export default trigger;
