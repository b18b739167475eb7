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
    helpText: 'Email of the Reevo user who owns the contact. With a contact email, finds that contact only if this user owns it; alone, finds the contacts this user owns.',
  }),
  recordIdInput(contactFields.contact_id, {
    label: 'Contact ID',
    helpText: 'Or find the contact by its Reevo ID, e.g. mapped from an earlier step. Leave empty to search by email.',
  }),
];

export const perform = async (z: ZObject, bundle: Bundle) =>
  findByIdOrFields(z, bundle.inputData, {
    byId: labelledAs(endpoints.getContact, inputFields),
    byFields: labelledAs(endpoints.searchContacts, inputFields),
    rank: (contacts, input) => (isBlank(input.contact_email) ? contacts : rankByEmail(contacts, String(input.contact_email))),
  });

export default defineSearch({
  key: 'find_contact',
  noun: 'Contact',
  display: {
    label: 'Find Contact',
    description: "Finds a contact by email, by its owner's email, or by its ID.",
  },
  operation: {
    inputFields,
    perform,
    sample: sampleContact,
    outputFields: [...contactOutputFields],
  },
});
