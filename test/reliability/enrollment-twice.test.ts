/**
 * Enroll Contact in Sequence sends real email, and Reevo has no protection against duplicates: the
 * same contact and sequence within 30 days (remembered in z.cache) stops the step with a message
 * naming the earlier enrollment, unless the Zap asks to enroll again.
 */
import nock from 'nock';
import { perform } from '../../creates/enroll_contact_in_sequence';
import { sampleEnrollment } from '../../src/samples';
import { API, unexpectedRequests, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

useNock();

const SEQUENCE = sampleEnrollment.sequence_id;
const OTHER_SEQUENCE = 'b9e4d7f2-8f3c-4eab-9d50-2c7fae4b6d31';
const input = { contact_email: 'jordan.blake@northwind-traders.com', sequence_id: SEQUENCE };
const enrollments = () => nock(TEST_BASE_URL).post(`${API}/sequence_enrollments`);

/** A fresh z.cache, as a new Zap would start with. */
const firstRun = (data: Record<string, unknown>) => appTester(perform, bundleWith(data), true);
const laterRun = (data: Record<string, unknown>) => appTester(perform, bundleWith(data));

it('the same contact and sequence again stops the step, naming the earlier enrollment, and sends nothing', async () => {
  enrollments().reply(201, sampleEnrollment);
  await firstRun(input);

  const error = await caught(
    laterRun({ contact_email: ' Jordan.Blake@Northwind-Traders.com', sequence_id: SEQUENCE.toUpperCase() }),
  );

  expect(error.name).toBe('HaltedError');
  expect(error.message).toContain(sampleEnrollment.id);
  expect(error.message).toMatch(/already enrolled/);
  expect(error.message).toMatch(/Enroll Again/);
  expect(unexpectedRequests()).toBe(0);
});

it('enrolls again when the Zap asks to', async () => {
  enrollments().reply(201, sampleEnrollment);
  await firstRun(input);
  const again = enrollments().reply(201, { ...sampleEnrollment, id: '7f3e9b5d-0c2a-4d8f-b4e1-6a9c3f7d0b82' });

  await expect(laterRun({ ...input, enroll_again: true })).resolves.toMatchObject({
    id: '7f3e9b5d-0c2a-4d8f-b4e1-6a9c3f7d0b82',
  });
  expect(again.isDone()).toBe(true);
});

it('another sequence for the same contact is sent', async () => {
  enrollments().reply(201, sampleEnrollment);
  await firstRun(input);
  const other = enrollments().reply(201, { ...sampleEnrollment, sequence_id: OTHER_SEQUENCE });

  await laterRun({ ...input, sequence_id: OTHER_SEQUENCE });

  expect(other.isDone()).toBe(true);
});

it('an enrollment Reevo refused is not remembered', async () => {
  enrollments().reply(422, { detail: [{ loc: ['body', 'sequence_id'], msg: 'Sequence is paused' }] });
  await caught(firstRun(input));
  const retry = enrollments().reply(201, sampleEnrollment);

  await laterRun(input);

  expect(retry.isDone()).toBe(true);
});
