import { pollingTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, trigger } = pollingTrigger('new_account_poll', events.newAccount);

export { perform };
export default trigger;
