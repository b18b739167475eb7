/** v1 contacts: get and search (contract §2 #6–7); contacts are created through the upsert. */
import { wireSchemas } from '../contract';
import { notFound, unprocessable } from '../errors';
import { endpoint } from '../http';
import { read } from '../keys';
import { page } from './paging';

export const contactEndpoints = [
  endpoint({
    method: 'GET',
    url: '/api/v1/public/contacts/:contact_id',
    auth: 'v1',
    permissions: [read('contacts')],
    uuidParams: ['contact_id'],
    handle: ({ ws, params }) => {
      const contact = ws.contacts.get(params.contact_id);
      if (!contact) throw notFound(`Contact ${params.contact_id} not found`);
      return contact;
    },
  }),

  endpoint({
    method: 'POST',
    url: '/api/v1/public/contacts/search',
    auth: 'v1',
    permissions: [read('contacts')],
    body: wireSchemas.searchContacts,
    handle: ({ ws, body }) => {
      const { contact_email: email, owner_email: owner } = body;
      if (!email && !owner) {
        throw unprocessable(['body'], 'At least one of contact_email or owner_email is required', body);
      }
      if (email && !owner) {
        const contact = ws.contactByEmail(email);
        return contact && body.offset === 0 ? [contact] : [];
      }
      const wantedOwner = owner!.toLowerCase();
      const wantedEmail = email?.toLowerCase();
      return page(
        ws.contacts.values(),
        (c) =>
          c.owner_email?.toLowerCase() === wantedOwner &&
          (wantedEmail === undefined || c.email.toLowerCase() === wantedEmail),
        body,
      );
    },
  }),
];
