import { defineCreate } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { outputFieldsOf } from '../src/output-fields';
import { sampleOf } from '../src/samples';
import { performV2Write } from '../src/v2-perform';
import { inputFieldsFor } from '../src/zapier-fields';

export const perform = performV2Write(endpoints.createNote, 'note');

export default defineCreate({
  key: 'create_note',
  noun: 'Note',
  display: {
    label: 'Create Note',
    description: 'Creates a note on a contact, an account or an opportunity (or several of them).',
  },
  operation: {
    inputFields: inputFieldsFor(endpoints.createNote),
    perform,
    sample: sampleOf('note'),
    outputFields: outputFieldsOf('note'),
  },
});
