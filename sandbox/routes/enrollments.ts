/** v1 POST /sequence_enrollments (contract §2 #17). The sandbox sends no email, of course. */
import { wireSchemas } from '../contract';
import { notFound, unprocessable } from '../errors';
import { endpoint } from '../http';
import { write } from '../keys';
import type { Enrollment } from '../records';
import { isoNow, newId } from '../values';

export const enrollmentEndpoints = [
  endpoint({
    method: 'POST',
    url: '/api/v1/public/sequence_enrollments',
    auth: 'v1',
    permissions: [write('sequenceEnrollment')],
    body: wireSchemas.createSequenceEnrollment,
    status: 201,
    writes: true,
    handle: ({ ws, body }) => {
      const contact = ws.contactByEmail(body.contact_email);
      if (!contact) throw notFound(`Contact with email ${body.contact_email} not found`);
      if (!ws.sequences.has(body.sequence_id)) throw notFound(`Sequence ${body.sequence_id} not found`);
      let mailboxEmail: string;
      if (body.mailbox_email) {
        const mailbox = ws.mailboxByEmail(body.mailbox_email);
        if (!mailbox)
          throw unprocessable(
            ['body', 'mailbox_email'],
            `No mailbox '${body.mailbox_email}' in this workspace`,
            body.mailbox_email,
          );
        mailboxEmail = mailbox.email;
      } else {
        // Reevo picks a mailbox of the contact's owner; the sandbox takes the owner's first one.
        const mailbox = contact.owner_email ? ws.mailboxesOf(contact.owner_email)[0] : undefined;
        if (!mailbox) {
          throw unprocessable(
            ['body', 'mailbox_email'],
            `mailbox_email is required: the contact's owner has no mailbox to send from`,
            null,
          );
        }
        mailboxEmail = mailbox.email;
      }
      const enrollment: Enrollment = {
        id: newId(),
        contact_email: contact.email,
        sequence_id: body.sequence_id,
        mailbox_email: mailboxEmail,
        status: 'ACTIVE',
        created_at: isoNow(),
      };
      ws.enrollments.set(enrollment.id, enrollment);
      return enrollment;
    },
  }),
];
