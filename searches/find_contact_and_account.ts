import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { callEndpoint } from '../src/client';
import { isBlank } from '../src/normalise';
import { buildRequest, describeProblems } from '../src/request-builder';
import { endpoints } from '../src/endpoints';
import { hasId } from '../src/write-confirmation';
import { contactFields, retrievalFields } from '../src/fields';
import { retrievalOutputFields } from '../src/output-fields';
import { isRecord, labelledAs, unreadable, type SearchRecord } from '../src/record-search';
import { sampleRetrieval } from '../src/samples';
import { inputField } from '../src/zapier-fields';

const ONE_OF =
  'Fill in one or more of Contact Email, Contact Phone Number and Company Domain: they are tried in that order, the next only when one finds nothing.';

const inputFields = [
  inputField(contactFields.contact_email, {
    helpText: `The contact's email address, e.g. \`jane.doe@acme.com\`. ${ONE_OF}`,
  }),
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

/** The identifiers in the order they are tried: the most specific first. */
const IDENTIFIERS = ['contact_email', 'contact_phone_number', 'account_domain'] as const;

/** Reevo takes exactly one identifier per request; each given one is checked before the first is sent. */
export const perform = async (z: ZObject, bundle: Bundle): Promise<SearchRecord[]> => {
  const endpoint = labelledAs(endpoints.retrieveAccountAndContact, inputFields);
  const given = IDENTIFIERS.filter((key) => !isBlank(bundle.inputData[key]));
  const problems = given.flatMap((key) => {
    const built = buildRequest(endpoint, { [key]: bundle.inputData[key] });
    return built.ok ? [] : built.problems;
  });
  if (given.length === 0) throw new z.errors.Error(ONE_OF, 'invalid_input', 400);
  if (problems.length > 0) throw new z.errors.Error(describeProblems(problems), 'invalid_input', 400);
  for (const key of given) {
    const { data } = await callEndpoint(z, endpoint, { [key]: bundle.inputData[key] });
    if (!isRecord(data)) throw unreadable(z, 'account and contact', 'an account and a contact');
    if (hasId(data.account) || hasId(data.contact)) return [retrievalResult(data)];
  }
  return [];
};

export default defineSearch({
  key: 'find_contact_and_account',
  noun: 'Contact and Account',
  display: {
    label: 'Find Contact and Account',
    description:
      "Finds a contact and its account by the contact's email, the contact's phone number or the company domain.",
  },
  operation: {
    inputFields,
    perform,
    sample: retrievalResult(sampleRetrieval),
    outputFields: [...retrievalOutputFields],
  },
});
