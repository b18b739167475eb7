import { defineCreate } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { customFieldInputs, customFieldOutputs, type CustomFieldTarget } from '../src/custom-fields';
import { endpoints } from '../src/endpoints';
import { opportunityOutputFields } from '../src/output-fields';
import { sampleOpportunity } from '../src/samples';
import { inputFieldsFor, keepWhenEmpty } from '../src/zapier-fields';

const customFields: CustomFieldTarget = { recordType: 'opportunity', inputKey: 'custom_fields', mode: 'update' };

export const perform = performEndpoint(endpoints.updateOpportunity);

export default defineCreate({
  key: 'update_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'Update Opportunity',
    description:
      'Updates an existing opportunity. Only the fields you fill in are changed; to change its stage, use Move Opportunity to Stage.',
  },
  operation: {
    inputFields: [
      ...keepWhenEmpty(
        inputFieldsFor(endpoints.updateOpportunity, {
          account_id: {
            helpText:
              'Moves the opportunity to this account. Pick one, search for it by domain, or map an account ID from an earlier step.',
          },
        }),
      ),
      customFieldInputs(customFields),
    ],
    perform,
    sample: sampleOpportunity,
    outputFields: [...opportunityOutputFields, customFieldOutputs(customFields)],
  },
});
