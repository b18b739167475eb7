/**
 * Property: whatever a Zap hands an action or a search — plausible values, unicode, control
 * characters, huge strings, wrong types, lists where one value goes, objects — the operation
 * either sends requests the contract accepts (judged by the sandbox's independent wire schemas)
 * or stops before sending with a Zapier error that names a field. Never an uncaught exception,
 * never a request for a value that cannot be valid.
 *
 * Operations come from the app's creates and searches maps, so new ones are covered as added.
 */
import fc from 'fast-check';
import nock from 'nock';
import { callsReevoApi, catalogField, creates, searches, type Operation } from '../helpers/operations';
import { isBlank } from '../../src/normalise';
import { inputsFor } from './arbitraries';
import { bundleFor, fieldNames, recordReevo, runPerform } from './harness';
import { judge } from './wire';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const operations = [...creates(), ...searches()].filter((op) => op.perform && callsReevoApi(op));

beforeAll(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  nock.cleanAll();
});

test('there are operations to check', () => {
  expect(creates().length).toBeGreaterThan(0);
  expect(searches().length).toBeGreaterThan(0);
});

describe.each(operations.map((op) => [op.kind, op.key, op] as const))('%s %s', (_kind, _key, op: Operation) => {
  test(`sends only contract-valid requests or fails with a Zapier error naming a field (${RUNS} runs)`, async () => {
    const perform = op.perform!;
    const names = fieldNames(op);
    const tally = { sent: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(inputsFor(op), async ({ inputData, invalidKeys }) => {
        const reevo = recordReevo();
        try {
          const outcome = await runPerform(perform, bundleFor(inputData));
          for (const request of reevo.sent) {
            const verdict = judge(request);
            if (verdict.problems.length > 0) {
              throw new Error(
                `sent a request the contract rejects: ${request.method} ${request.path}: ${verdict.problems.join('; ')}`,
              );
            }
          }
          if (reevo.sent.length > 0 && invalidKeys.length > 0) {
            throw new Error(
              `sent ${reevo.sent.length} request(s) although ${invalidKeys.join(', ')} can never be valid`,
            );
          }
          // Every input is checked: a value the field's own catalog schema rejects is never sent past,
          // unless the field sends it as typed (an optional phone number without a country code).
          const rejected = op.inputFields.filter((field) => {
            const value = inputData[field.key];
            const catalog = catalogField(field);
            const asTyped = !field.required && catalog?.asTyped?.input.safeParse(value).success === true;
            return !isBlank(value) && catalog?.input.safeParse(value).success === false && !asTyped;
          });
          if (reevo.sent.length > 0 && rejected.length > 0) {
            throw new Error(
              `sent a request although ${rejected.map((f) => f.key).join(', ')} failed the field's own check`,
            );
          }
          if (outcome.ok) {
            if (reevo.sent.length === 0) throw new Error('succeeded without asking Reevo anything');
            if (op.kind === 'search' && !Array.isArray(outcome.result)) throw new Error('a search must return a list');
            if (
              op.kind === 'create' &&
              (typeof outcome.result !== 'object' || outcome.result === null || Array.isArray(outcome.result))
            ) {
              throw new Error('a create must return one object');
            }
            tally.sent += 1;
            return;
          }
          const error = outcome.error!;
          if (error.name !== 'AppError')
            throw new Error(`threw ${error.name} instead of a Zapier error: ${error.message}`);
          if (reevo.sent.length > 0)
            throw new Error(`failed after sending (the answers were valid samples): ${error.message}`);
          if (!names.some((name) => error.message.includes(name)))
            throw new Error(`the message names no field: ${error.message}`);
          tally.refused += 1;
        } finally {
          reevo.stop();
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20261125), endOnFailure: true },
    );
    // Both outcomes must have happened, or the generators are not exercising the operation.
    expect(tally.sent).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  });
});
