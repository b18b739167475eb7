import { defineCreate } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { outputFieldsOf } from '../src/output-fields';
import { sampleOf } from '../src/samples';
import { performV2Write } from '../src/v2-perform';
import { inputFieldsFor, keepWhenEmpty } from '../src/zapier-fields';

export const perform = performV2Write(endpoints.updateContact, 'contact');

export default defineCreate({
  key: 'update_contact',
  noun: 'Contact',
  display: {
    label: 'Update Contact',
    description:
      'Updates a contact. Only the fields you fill in are changed; fields chosen in Clear These Fields are emptied.',
  },
  operation: {
    inputFields: keepWhenEmpty(inputFieldsFor(endpoints.updateContact)),
    perform,
    sample: sampleOf('contact'),
    outputFields: outputFieldsOf('contact'),
  },
});
