import { defineCreate } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { endpoints } from '../src/endpoints';
import { opportunityOutputFields } from '../src/output-fields';
import { sampleOpportunity } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

// A closed stage rejected for missing closed reasons is explained by the error mapping (src/errors.ts).
export const perform = performEndpoint(endpoints.shiftOpportunityStage);

export default defineCreate({
  key: 'move_opportunity_stage',
  noun: 'Opportunity',
  display: {
    label: 'Move Opportunity to Stage',
    description:
      "Updates an opportunity's pipeline stage. Closed won and closed lost stages need at least one closed reason.",
  },
  operation: {
    inputFields: inputFieldsFor(endpoints.shiftOpportunityStage),
    perform,
    sample: sampleOpportunity,
    outputFields: [...opportunityOutputFields],
  },
});
