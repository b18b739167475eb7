/**
 * Numbers and dates are never silently changed: negative amounts in accounting, trailing-minus
 * and Unicode-minus forms keep their sign, decimals stay decimals, and a date that does not exist
 * (or is not a date at all, like `1` or `Dec 25`) is refused before anything is sent.
 */
import nock from 'nock';
import { perform as createOpportunity } from '../../creates/create_opportunity';
import { perform as createTask } from '../../creates/create_task';
import { API, unexpectedRequests, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

useNock();

const ACCOUNT_ID = '3f6c2a9e-8d1b-4c57-9e0a-6b2f1d4c8a71';
const OPPORTUNITY = { id: 'c27d9e41-6a3b-4d8f-8e15-2b9f0a7c6d38' };
const TASK = { id: '5b0f8c13-2e7a-4c69-a4d1-9e3b6f2a8c07' };

/** The body Reevo received for one create. */
async function sentBody(path: string, reply: object, run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  let sent: Record<string, unknown> = {};
  nock(TEST_BASE_URL)
    .post(path, (body) => {
      sent = body as Record<string, unknown>;
      return true;
    })
    .reply(201, reply);
  await run();
  return sent;
}

const opportunityWith = (amount: unknown) => () =>
  appTester(createOpportunity, bundleWith({ display_name: 'Acme - Pilot', account_id: ACCOUNT_ID, amount }));
const taskDue = (due_at: unknown) => () =>
  appTester(createTask, bundleWith({ title: 'Call', owner_email: 'morgan@acme.com', due_at }));

describe('amounts', () => {
  it.each([
    ['(1,234.56)', -1234.56],
    ['1,234.56-', -1234.56],
    ['\u221295,000', -95000],
    ['-$1,234.56', -1234.56],
    ['$(2,500)', -2500],
    ['0.125', 0.125],
    ['0,125', 0.125],
    ['12.3456', 12.3456],
    ['1,234,567.891', 1234567.891],
    ['€1.234,56', 1234.56],
    ['95,000', 95000],
    ['$95 000', 95000],
  ])('%s is sent as %d', async (typed, expected) => {
    const body = await sentBody(`${API}/opportunities`, OPPORTUNITY, opportunityWith(typed));
    expect(body.amount).toBe(expected);
  });

  it.each(['1.234', '--5', '(-5)', '5-5', '+-5', '1,23,4'])('%s is refused, naming the field', async (typed) => {
    const error = await caught(opportunityWith(typed)());
    expect(error.message).toMatch(/Amount \(amount\)/);
    expect(unexpectedRequests()).toBe(0);
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', '2026-02-28T00:00:00.000Z'],
    ['2026-11-25 14:30', '2026-11-25T14:30:00.000Z'],
    ['2026-11-25T14:30:00+01:00', '2026-11-25T13:30:00.000Z'],
    ['2026-11-25T14:30:00.250Z', '2026-11-25T14:30:00.250Z'],
    ['Wed, 25 Nov 2026 14:30:00 GMT', '2026-11-25T14:30:00.000Z'],
    ['1795617000', '2026-11-25T14:30:00.000Z'],
  ])('%s is sent as %s', async (typed, expected) => {
    const body = await sentBody(`${API}/tasks`, TASK, taskDue(typed));
    expect(body.due_at).toBe(expected);
  });

  it.each([
    '2026-02-31',
    '2026-02-29',
    '2026-13-01',
    '2026-11-25T24:30:00Z',
    '1',
    '0',
    'Dec 25',
    'Feb 31 2026',
    '31 Feb 2026',
  ])('%s is refused, naming the field', async (typed) => {
    const error = await caught(taskDue(typed)());
    expect(error.message).toMatch(/Due \(due_at\)/);
    expect(unexpectedRequests()).toBe(0);
  });
});
