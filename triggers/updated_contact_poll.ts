import { pollingTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, trigger } = pollingTrigger('updated_contact_poll', events.updatedContact);

export { perform };
export default trigger;
