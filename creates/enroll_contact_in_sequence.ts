import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { endpoints } from '../src/endpoints';
import { buildRequest, describeProblems } from '../src/request-builder';
import { enrollmentOutputFields } from '../src/output-fields';
import { sampleEnrollment } from '../src/samples';
import { yesNo } from '../src/yes-no';
import { inputFieldsFor } from '../src/zapier-fields';

const REAL_EMAIL_WARNING =
  '**This sends real email.** Reevo starts the sequence right away and emails the contact from the chosen mailbox. ' +
  'Reevo itself has no protection against duplicates, so this step remembers each contact and sequence it enrolled for 30 days ' +
  'and stops instead of enrolling the same contact in the same sequence again, unless Enroll Again Within 30 Days is Yes.';

/** How long an enrollment is remembered, in seconds. */
const REMEMBER_FOR = 30 * 24 * 60 * 60;

interface Remembered {
  readonly id: string;
  readonly at: string;
}

/** One memory per connection, contact and sequence, both as normalised for Reevo. */
const memoryKey = (body: Readonly<Record<string, unknown>>) =>
  `enrollment:${String(body.sequence_id)}:${String(body.contact_email)}`;

const ENROLL_AGAIN = { key: 'enroll_again', label: 'Enroll Again Within 30 Days' };

export const perform = async (z: ZObject, bundle: Bundle) => {
  // Checked before the memory is asked, so the memory knows the contact as Reevo will.
  const built = buildRequest(endpoints.enrollInSequence, bundle.inputData);
  if (!built.ok) throw new z.errors.Error(describeProblems(built.problems), 'invalid_input', 400);
  const key = memoryKey(built.request.body ?? {});
  if (!yesNo(z, bundle.inputData.enroll_again, ENROLL_AGAIN)) {
    // Core's types leave out get's scope, which it takes at run time like set's.
    const getScoped = z.cache.get as (key: string, scope: string[]) => Promise<Remembered | null>;
    const earlier = await getScoped(key, ['auth']);
    if (earlier) {
      throw new z.errors.HaltedError(
        `This contact was already enrolled in this sequence on ${earlier.at} (enrollment ${earlier.id}), so it was not enrolled again and no email went out. To enroll it again within 30 days, set Enroll Again Within 30 Days to Yes.`,
      );
    }
  }
  const enrollment = await performEndpoint(endpoints.enrollInSequence)(z, bundle);
  const remembered: Remembered = {
    id: String(enrollment.id),
    at: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
  await z.cache.set(key, remembered, REMEMBER_FOR, ['auth']);
  return enrollment;
};

export default defineCreate({
  key: 'enroll_contact_in_sequence',
  noun: 'Sequence Enrollment',
  display: {
    label: 'Enroll Contact in Sequence',
    description:
      "Creates a sequence enrollment: the sequence's emails go out to the contact for real. The same contact is not enrolled in the same sequence again within 30 days unless you ask to.",
  },
  operation: {
    inputFields: [
      { key: 'real_email_notice', label: 'Before You Turn This On', type: 'copy', helpText: REAL_EMAIL_WARNING },
      ...inputFieldsFor(endpoints.enrollInSequence, {
        contact_email: {
          helpText:
            'The email of the contact to enroll, e.g. `jane.doe@acme.com`. The contact must already exist in Reevo (add it with Create or Update Contact and Account first).',
        },
      }),
      {
        ...ENROLL_AGAIN,
        type: 'boolean',
        required: false,
        default: 'no',
        helpText:
          'Yes enrolls the contact even if this step enrolled it in the same sequence in the last 30 days. Leave at No so a replayed run or a trigger that fires twice does not send the sequence twice.',
      },
    ],
    perform,
    sample: sampleEnrollment,
    outputFields: [...enrollmentOutputFields],
  },
});
