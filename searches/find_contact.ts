import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { contactFields } from '../src/fields';
import { isBlank } from '../src/normalise';
import { contactOutputFields } from '../src/output-fields';
import { rankByEmail } from '../src/ranking';
import { findByIdOrFields, labelledAs, recordIdInput } from '../src/record-search';
import { sampleContact } from '../src/samples';
import { inputField } from '../src/zapier-fields';

const inputFields = [
  inputField(contactFields.contact_email, {
    helpText: "The contact's email address, e.g. `jane.doe@acme.com`. The contact with exactly this email comes first.",
  }),
  inputField(contactFields.owner_email, {
    helpText:
      'Email of the Reevo user who owns the contact: finds the contact with the email above only if this user owns it. Not a search on its own.',
  }),
  recordIdInput(contactFields.contact_id, {
    label: 'Contact ID',
    helpText:
      'Or find the contact by its Reevo ID, e.g. mapped from an earlier step. Tried first; when it finds nothing, the email is searched.',
  }),
];

export const perform = async (z: ZObject, bundle: Bundle) => {
  // Alone, the owner's email would find some contact of theirs, which Find or Create would take for the one sought.
  if (isBlank(bundle.inputData.contact_email) && isBlank(bundle.inputData.contact_id)) {
    throw new z.errors.Error(
      'Fill in Contact Email (contact_email) or Contact ID (contact_id). Contact Owner Email (owner_email) only narrows a search by email, so that another contact of the same owner is never taken for the one you are looking for.',
      'invalid_input',
      400,
    );
  }
  return findByIdOrFields(z, bundle.inputData, {
    byId: labelledAs(endpoints.getContact, inputFields),
    byFields: labelledAs(endpoints.searchContacts, inputFields),
    rank: (contacts, input) =>
      isBlank(input.contact_email) ? contacts : rankByEmail(contacts, String(input.contact_email)),
  });
};

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: 'Finds a contact by email (optionally only one of a given owner) or by its ID.',
  },
  operation: {
    inputFields,
    perform,
    sample: sampleContact,
    outputFields: [...contactOutputFields],
  },
});
