import { defineTrigger } from 'zapier-platform-core';
import { reevoPoll } from '../src/polling';
import { events } from '../src/trigger-events';

const event = events.newContact;
const poll = reevoPoll(event);

export const { perform } = poll;

export default defineTrigger({
  key: 'new_contact_poll',
  noun: event.noun,
  display: {
    label: event.label,
    description: `Triggers when ${event.when}.`,
  },
  operation: {
    type: 'polling',
    perform,
    sample: poll.sample,
    outputFields: poll.outputFields,
  },
});
