import { pollingTrigger } from '../src/trigger-definitions';
import { events } from '../src/trigger-events';

const { perform, trigger } = pollingTrigger('new_task_poll', events.newTask);

export { perform };
export default trigger;
