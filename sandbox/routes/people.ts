/** v1 user and mailbox searches (contract §2 #15–16); both return a bare array. */
import { wireSchemas } from '../contract';
import { endpoint } from '../http';
import { read } from '../keys';

export const peopleEndpoints = [
  endpoint({
    method: 'POST',
    url: '/api/v1/public/users/search',
    auth: 'v1',
    permissions: [read('users')],
    body: wireSchemas.searchUsers,
    handle: ({ ws, body }) => {
      const user = ws.userByEmail(body.email);
      return user ? [user] : [];
    },
  }),

  endpoint({
    method: 'POST',
    url: '/api/v1/public/mailboxes/search',
    auth: 'v1',
    permissions: [read('mailbox')],
    body: wireSchemas.searchMailboxes,
    handle: ({ ws, body }) => ws.mailboxesOf(body.owner_user_email),
  }),
];
