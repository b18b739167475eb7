import { defineCreate } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { customFieldInputs, customFieldOutputs, type CustomFieldTarget } from '../src/custom-fields';
import { endpoints } from '../src/endpoints';
import { accountOutputFields } from '../src/output-fields';
import { sampleAccount } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

const customFields: CustomFieldTarget = { recordType: 'account', inputKey: 'custom_fields', mode: 'create' };

export const perform = performEndpoint(endpoints.createAccount);

export default defineCreate({
  key: 'create_account',
  noun: 'Account',
  display: {
    label: 'Create Account',
    description: 'Creates a new account (company).',
  },
  operation: {
    inputFields: [...inputFieldsFor(endpoints.createAccount), customFieldInputs(customFields)],
    perform,
    sample: sampleAccount,
    outputFields: [...accountOutputFields, customFieldOutputs(customFields)],
  },
});
