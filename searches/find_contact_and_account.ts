import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callEndpoint, hasId } from '../src/client';
import { endpoints } from '../src/endpoints';
import { contactFields, retrievalFields } from '../src/fields';
import { retrievalOutputFields } from '../src/output-fields';
import { isRecord, labelledAs, unreadable, type SearchRecord } from '../src/record-search';
import { sampleRetrieval } from '../src/samples';
import { inputField } from '../src/zapier-fields';

const ONE_OF = 'Fill in exactly one of Contact Email, Company Domain and Contact Phone Number.';

const inputFields = [
  inputField(contactFields.contact_email, { helpText: `The contact's email address, e.g. \`jane.doe@acme.com\`. ${ONE_OF}` }),
  inputField(retrievalFields.account_domain, {
    helpText: `The company's domain, e.g. \`acme.com\`; a URL or an email address works too. ${ONE_OF}`,
  }),
  inputField(retrievalFields.contact_phone_number, {
    helpText: `The contact's phone number in any common format, e.g. \`+44 20 7946 0958\` or \`(415) 555-0123\`; numbers without a country code are read as US numbers. ${ONE_OF}`,
  }),
];

/** Only a record with an ID counts as found. */
const asRecord = (value: unknown): SearchRecord | null => (hasId(value) ? value : null);

/**
 * `{account, contact}` with both IDs lifted to the top level. Zapier flattens the nested records
 * itself, so every value can be mapped: `contact__email`, `account__name`, `contact_id`, `account_id`.
 * The account ID comes from the contact when Reevo found the contact but not its account.
 */
export function retrievalResult(found: { readonly account?: unknown; readonly contact?: unknown }): SearchRecord {
  const account = asRecord(found.account);
  const contact = asRecord(found.contact);
  return {
    contact_id: contact?.id ?? null,
    account_id: account?.id ?? contact?.account_id ?? null,
    contact,
    account,
  };
}

export const perform = async (z: ZObject, bundle: Bundle): Promise<SearchRecord[]> => {
  const { data } = await callEndpoint(z, labelledAs(endpoints.retrieveAccountAndContact, inputFields), bundle.inputData);
  if (!isRecord(data)) throw unreadable(z, 'account and contact', 'an account and a contact');
  if (!hasId(data.account) && !hasId(data.contact)) return [];
  return [retrievalResult(data)];
};

export default defineSearch({
  key: 'find_contact_and_account',
  noun: 'Contact and Account',
  display: {
    label: 'Find Contact and Account',
    description: 'Finds a contact and its account by the contact\'s email, the company domain or the contact\'s phone number.',
  },
  operation: {
    inputFields,
    perform,
    sample: retrievalResult(sampleRetrieval),
    outputFields: [...retrievalOutputFields],
  },
});
