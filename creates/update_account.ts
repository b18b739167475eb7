import { defineCreate } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { customFieldInputs, customFieldOutputs, type CustomFieldTarget } from '../src/custom-fields';
import { endpoints } from '../src/endpoints';
import { accountOutputFields } from '../src/output-fields';
import { sampleAccount } from '../src/samples';
import { inputFieldsFor, keepWhenEmpty } from '../src/zapier-fields';

const customFields: CustomFieldTarget = { recordType: 'account', inputKey: 'custom_fields', mode: 'update' };

export const perform = performEndpoint(endpoints.updateAccount);

export default defineCreate({
  key: 'update_account',
  noun: 'Account',
  display: {
    label: 'Update Account',
    description: 'Updates an existing account. Only the fields you fill in are changed.',
  },
  operation: {
    inputFields: [...keepWhenEmpty(inputFieldsFor(endpoints.updateAccount)), customFieldInputs(customFields)],
    perform,
    sample: sampleAccount,
    outputFields: [...accountOutputFields, customFieldOutputs(customFields)],
  },
});
