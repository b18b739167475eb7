import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { contactOutputFields } from '../src/output-fields';
import { sampleContact } from '../src/samples';
import { dropdownPage, type V1Record } from '../src/v2';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** "Jordan Blake (jordan.blake@northwind-traders.com)": the email tells apart people of the same name. */
const withLabel = <T extends V1Record>(contact: T): T & { label: string } => {
  const name = [text(contact.first_name), text(contact.last_name)].filter(Boolean).join(' ');
  const email = text(contact.email);
  return { ...contact, label: name && email ? `${name} (${email})` : name || email || 'Unnamed contact' };
};

export const perform = async (z: ZObject, bundle: Bundle) => (await dropdownPage(z, bundle.meta?.page ?? 0, 'contact')).map(withLabel);

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
    sample: withLabel(sampleContact),
    outputFields: [...contactOutputFields, { key: 'label', label: 'Contact (Name and Email)' }],
  },
});
