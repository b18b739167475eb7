import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { outputFieldsOf } from '../src/output-fields';
import { sampleOf } from '../src/samples';
import { dropdownPage, type OutputRecord } from '../src/v2';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** "Northwind Traders (northwind-traders.com)": the domain tells apart accounts of the same name. */
export const withLabel = <T extends OutputRecord>(account: T): T & { label: string } => {
  const name = text(account.name);
  const domain = text(account.domain_name);
  const label = name && domain ? `${name} (${domain})` : name || domain || `Account ${String(account.id)}`;
  return { ...account, label };
};

export const perform = async (z: ZObject, bundle: Bundle) =>
  (await dropdownPage(z, bundle.meta?.page ?? 0, 'account')).map(withLabel);

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
    sample: withLabel(sampleOf('account')),
    outputFields: [...outputFieldsOf('account'), { key: 'label', label: 'Account (Name and Domain)' }],
  },
});
