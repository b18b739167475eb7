import { instantTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, performList, performSubscribe, performUnsubscribe, trigger } = instantTrigger(
  'new_contact',
  events.newContact,
);

export { perform, performList, performSubscribe, performUnsubscribe };
export default trigger;
