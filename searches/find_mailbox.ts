import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { mailboxOutputFields } from '../src/output-fields';
import { labelledAs, searchRecords } from '../src/record-search';
import { sampleMailbox } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

const inputFields = inputFieldsFor(endpoints.searchMailboxes, {
  owner_user_email: {
    label: 'Mailbox Owner Email',
    helpText:
      'The email of the Reevo user whose connected mailboxes to find, e.g. to pick the mailbox a sequence sends from.',
  },
});

export const perform = async (z: ZObject, bundle: Bundle) =>
  searchRecords(z, labelledAs(endpoints.searchMailboxes, inputFields), bundle.inputData);

export default defineSearch({
  key: 'find_mailbox',
  noun: 'Mailbox',
  display: {
    label: 'Find Mailbox',
    description: "Finds a user's connected mailboxes by the owner's email.",
  },
  operation: {
    inputFields,
    perform,
    sample: sampleMailbox,
    outputFields: [...mailboxOutputFields],
  },
});
