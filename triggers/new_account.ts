import { instantTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, performList, performSubscribe, performUnsubscribe, trigger } = instantTrigger(
  'new_account',
  events.newAccount,
);

export { perform, performList, performSubscribe, performUnsubscribe };
export default trigger;
