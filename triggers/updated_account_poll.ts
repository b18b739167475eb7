import { pollingTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, trigger } = pollingTrigger('updated_account_poll', events.updatedAccount);

export { perform };
export default trigger;
