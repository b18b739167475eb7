import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { accountFields } from '../src/fields';
import { accountOutputFields } from '../src/output-fields';
import { hasExactDomain, matchAccountsByDomain } from '../src/ranking';
import { findByIdOrFields, labelledAs, recordIdInput } from '../src/record-search';
import { sampleAccount } from '../src/samples';
import { inputField } from '../src/zapier-fields';

const inputFields = [
  inputField(accountFields.domain_name, {
    helpText:
      "The company's domain, e.g. `acme.com`; a URL or an email address works too (`https://www.acme.com/about`, `jane@acme.com`). The account with exactly this domain (any of its domains) comes first, then its subdomains such as `eu.acme.com`; other companies whose domain merely contains it (`notacme.com`) are left out.",
  }),
  recordIdInput(accountFields.account_id, {
    label: 'Account ID',
    helpText:
      'Or find the account by its Reevo ID, e.g. mapped from an earlier step. Tried first; when it finds nothing, the domain is searched.',
  }),
];

export const perform = async (z: ZObject, bundle: Bundle) =>
  findByIdOrFields(z, bundle.inputData, {
    byId: labelledAs(endpoints.getAccount, inputFields),
    byFields: labelledAs(endpoints.searchAccounts, inputFields),
    rank: (accounts, input) => matchAccountsByDomain(accounts, String(input.domain_name)),
    until: (account, input) => hasExactDomain(account, String(input.domain_name)),
  });

export default defineSearch({
  key: 'find_account',
  noun: 'Account',
  display: {
    label: 'Find Account',
    description: 'Finds an account by its domain or by its ID.',
  },
  operation: {
    inputFields,
    perform,
    sample: sampleAccount,
    outputFields: [...accountOutputFields],
  },
});
