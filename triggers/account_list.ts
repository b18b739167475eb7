import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { accountOutputFields } from '../src/output-fields';
import { sampleAccount } from '../src/samples';
import { dropdownPage, type V1Record } from '../src/v2';

/** "Northwind Traders (northwind-traders.com)": the domain tells apart accounts of the same name. */
const withLabel = <T extends V1Record>(account: T): T & { label: string } => {
  const name = typeof account.name === 'string' && account.name.trim() ? account.name.trim() : 'Unnamed account';
  const domain = typeof account.domain_name === 'string' && account.domain_name.trim() ? account.domain_name.trim() : '';
  return { ...account, label: domain ? `${name} (${domain})` : name };
};

export const perform = async (z: ZObject, bundle: Bundle) => (await dropdownPage(z, bundle.meta?.page ?? 0, 'account')).map(withLabel);

export default defineTrigger({
  key: 'account_list',
  noun: 'Account',
  display: {
    label: 'List Accounts',
    description: 'Triggers when an account is created; lists accounts, newest first, for account dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: withLabel(sampleAccount),
    outputFields: [...accountOutputFields, { key: 'label', label: 'Account (Name and Domain)' }],
  },
});
