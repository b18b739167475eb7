import { defineCreate } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { customFieldInputs, customFieldOutputs, type CustomFieldTarget } from '../src/custom-fields';
import { endpoints } from '../src/endpoints';
import { opportunityOutputFields } from '../src/output-fields';
import { sampleOpportunity } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

const customFields: CustomFieldTarget = { recordType: 'opportunity', inputKey: 'custom_fields', mode: 'create' };

export const perform = performEndpoint(endpoints.createOpportunity);

export default defineCreate({
  key: 'create_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'Create Opportunity',
    description: 'Creates a new opportunity (deal) on an existing account.',
  },
  operation: {
    inputFields: [
      ...inputFieldsFor(endpoints.createOpportunity, {
        account_id: {
          helpText:
            'The account the opportunity belongs to; it must already exist in Reevo. Pick one, search for it by domain, or map an account ID from an earlier step.',
        },
      }),
      customFieldInputs(customFields),
    ],
    perform,
    sample: sampleOpportunity,
    outputFields: [...opportunityOutputFields, customFieldOutputs(customFields)],
  },
});
