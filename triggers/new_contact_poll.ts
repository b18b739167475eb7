import { pollingTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, trigger } = pollingTrigger('new_contact_poll', events.newContact);

export { perform };
export default trigger;
