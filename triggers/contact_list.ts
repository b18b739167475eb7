import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { outputFieldsOf } from '../src/output-fields';
import { sampleOf } from '../src/samples';
import { dropdownPage, type OutputRecord } from '../src/v2';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** "Jordan Blake (jordan.blake@northwind-traders.com)": the email tells apart people of the same name. */
export const withLabel = <T extends OutputRecord>(contact: T): T & { label: string } => {
  const name =
    [text(contact.first_name), text(contact.last_name)].filter(Boolean).join(' ') || text(contact.display_name);
  const email = text(contact.email);
  const label = name && email ? `${name} (${email})` : name || email || `Contact ${String(contact.id)}`;
  return { ...contact, label };
};

export const perform = async (z: ZObject, bundle: Bundle) =>
  (await dropdownPage(z, bundle.meta?.page ?? 0, 'contact')).map(withLabel);

export default defineTrigger({
  key: 'contact_list',
  noun: 'Contact',
  display: {
    label: 'List Contacts',
    description: 'Triggers when a contact is created; lists contacts, newest first, for contact dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: withLabel(sampleOf('contact')),
    outputFields: [...outputFieldsOf('contact'), { key: 'label', label: 'Contact (Name and Email)' }],
  },
});
