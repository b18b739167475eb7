import { defineCreate } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { endpoints } from '../src/endpoints';
import { enrollmentOutputFields } from '../src/output-fields';
import { sampleEnrollment } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

const REAL_EMAIL_WARNING =
  '**This sends real email.** Reevo starts the sequence right away and emails the contact from the chosen mailbox. ' +
  'Reevo has no protection against duplicates: re-running or replaying this step may enroll the contact again. ' +
  'Add a filter before this step if the trigger can fire twice for the same contact.';

export const perform = performEndpoint(endpoints.enrollInSequence);

export default defineCreate({
  key: 'enroll_contact_in_sequence',
  noun: 'Sequence Enrollment',
  display: {
    label: 'Enroll Contact in Sequence',
    description:
      "Creates a sequence enrollment: the sequence's emails go out to the contact for real. Running it again may enroll the contact again.",
  },
  operation: {
    inputFields: [
      { key: 'real_email_notice', label: 'Before You Turn This On', type: 'copy', helpText: REAL_EMAIL_WARNING },
      ...inputFieldsFor(endpoints.enrollInSequence, {
        contact_email: { helpText: "The email of the contact to enroll, e.g. `jane.doe@acme.com`. The contact must already exist in Reevo (add it with Create or Update Contact and Account first)." },
      }),
    ],
    perform,
    sample: sampleEnrollment,
    outputFields: [...enrollmentOutputFields],
  },
});
