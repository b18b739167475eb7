/**
 * API calls per operation against the sandbox (the `api-calls` benchmark's count, as a test):
 * every trigger step, create, search and search-or-create at the least the contract allows, and
 * no custom-field schema read in a warm run. Counts, not timings.
 */
import nock from 'nock';
import { countApiCalls, type CallCount } from '../helpers/api-calls';
import { allOperations, searchOrCreates } from '../helpers/operations';

let counts: CallCount[];

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  counts = await countApiCalls();
}, 60_000);

test('every operation and search-or-create was counted', () => {
  const counted = new Set(counts.map((c) => c.operation));
  for (const op of allOperations()) expect(counted).toContain(op.key);
  expect(counts.filter((c) => c.step.startsWith('search-or-create')).length).toBe(searchOrCreates().length * 2);
});

test('every step ran and made no more API calls than the contract needs', () => {
  const over = counts.filter(
    (c) => !(c.calls <= c.minimum) || (c.note !== undefined && !c.ok && !c.step.startsWith('first run')),
  );
  expect(over).toEqual([]);
});

test('a search-or-create that creates makes exactly two calls, one that finds makes one', () => {
  for (const c of counts.filter((row) => row.step.startsWith('search-or-create'))) {
    expect({ step: `${c.operation} ${c.step}`, calls: c.calls }).toEqual({
      step: `${c.operation} ${c.step}`,
      calls: c.step.includes('not found') ? 2 : 1,
    });
  }
});

test('warm runs read no custom-field schema', () => {
  expect(counts.filter((c) => !c.step.startsWith('first run') && c.schemaReads > 0)).toEqual([]);
});
