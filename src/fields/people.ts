import { email, id } from './field';

/** Reevo users, mailboxes and sequence enrollment (contract §2.1, bodies 15 to 17). */
export const peopleFields = {
  user_email: email({
    key: 'email',
    label: 'User Email',
    helpText: 'The email the Reevo user signs in with.',
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'User Email',
  }),
  owner_user_email: email({
    key: 'owner_user_email',
    label: 'User Email',
    helpText: 'The email of the Reevo user whose connected mailboxes you want.',
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'User Email',
  }),
  sequence_id: id({
    key: 'sequence_id',
    label: 'Sequence ID',
    helpText: 'The Reevo sequence to enroll the contact in. Copy its ID from the sequence page in Reevo.',
    example: '5a7c3e1d-9b2f-4d8a-a6e0-1c4b7f9d2e58',
    clayColumn: 'Reevo Sequence ID',
  }),
  mailbox_email: email({
    key: 'mailbox_email',
    label: 'Send From Mailbox',
    helpText:
      "The mailbox the sequence's emails are sent from. Leave empty to let Reevo pick a mailbox of the contact's owner.",
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'Sender Mailbox',
  }),
} as const;
