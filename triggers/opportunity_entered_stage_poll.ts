import { defineTrigger } from 'zapier-platform-core';
import { reevoPoll } from '../src/polling';
import { events, stageInput } from '../src/trigger-events';

const event = events.opportunityEnteredStage;
const poll = reevoPoll(event);

export const { perform } = poll;

export default defineTrigger({
  key: 'opportunity_entered_stage_poll',
  noun: event.noun,
  display: {
    label: event.label,
    description: `Triggers when ${event.when}.`,
  },
  operation: {
    type: 'polling',
    inputFields: [stageInput],
    perform,
    sample: poll.sample,
    outputFields: poll.outputFields,
  },
});
