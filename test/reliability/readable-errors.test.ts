/**
 * Error messages stay readable whatever Reevo sends: a 422 with thousands of details shows the
 * first few, labelled by field, in at most 1,000 characters; huge values are cut; `Retry-After`
 * as an HTTP date is honoured, and very long waits are capped.
 */
import nock from 'nock';
import { perform as createTask } from '../../creates/create_task';
import { MAX_RETRY_AFTER } from '../../src/errors';
import { API, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

useNock();

const TASK = { title: 'Call', owner_email: 'morgan@acme.com' };
const run = () => caught(appTester(createTask, bundleWith(TASK)));
const tasks = () => nock(TEST_BASE_URL).post(`${API}/tasks`);

describe('a 422 with many details', () => {
  const details = Array.from({ length: 5000 }, (_, i) => ({
    type: 'value_error',
    loc: ['body', i % 2 ? 'owner_email' : 'title'],
    msg: `problem number ${i}`,
    input: 'x'.repeat(1_000),
  }));

  it('shows the first few, labelled by field, within 1,000 characters, and counts the rest', async () => {
    tasks().reply(422, { detail: details });

    const error = await run();

    const listed = error.message.replace(/^Reevo rejected the request: /, '');
    expect(listed.length).toBeLessThanOrEqual(1_000 + 60);
    expect(error.message).toContain('Title (title): problem number 0.');
    expect(error.message).toContain('Assignee Email (owner_email): problem number 1.');
    expect(error.message).toMatch(/…and [\d,]+ more problems\.$/);
    expect(error.message).not.toContain('xxxxxxxxxx');
  });

  it('cuts a single huge message', async () => {
    tasks().reply(422, { detail: [{ loc: ['body', 'title'], msg: 'y'.repeat(50_000) }] });

    const error = await run();

    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain('Title (title): yyy');
  });
});

describe('Retry-After', () => {
  it('as an HTTP date is honoured', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    tasks().reply(429, { message: 'Too many requests' }, { 'Retry-After': inTwoMinutes });

    const error = await run();

    expect(error.name).toBe('ThrottledError');
    expect(error.delay).toBeGreaterThanOrEqual(115);
    expect(error.delay).toBeLessThanOrEqual(121);
  });

  it('very large values are capped', async () => {
    tasks().reply(429, { message: 'Too many requests' }, { 'Retry-After': '31536000' });

    const error = await run();

    expect(error.delay).toBe(MAX_RETRY_AFTER);
  });

  it('a date far ahead is capped too', async () => {
    tasks().reply(429, { message: 'Too many requests' }, { 'Retry-After': 'Fri, 31 Dec 2100 23:59:59 GMT' });

    expect((await run()).delay).toBe(MAX_RETRY_AFTER);
  });
});
