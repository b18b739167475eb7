import { perform } from '../../searches/find_task';
import { V1 } from '../../src/endpoints';
import { appTester, bundleWith, caught } from '../helpers/zapier';
import { expectRequest, IDS, sentWithKey, unexpectedRequests, useNock } from './helpers';

useNock();

const task = (id: string, title: string, created: string) => ({
  id,
  record_type: 'task',
  created_at: created,
  updated_at: created,
  attributes: { title: { value_type: 'string', value: title }, status: { value_type: 'enum', value: 'OPEN' } },
});
const OTHER_TASK = '2c9e7d4a-1f3b-4e8a-9c6d-5f0b2e1a8c47';

describe('find_task', () => {
  it("queries tasks by title, owner (by the user's ID) and status, the exact title first", async () => {
    const users = expectRequest('POST', `${V1}/users/search`, 200, [
      { id: IDS.user, email: 'morgan.lee@acme-sales.io', first_name: 'Morgan', last_name: 'Lee' },
    ]);
    const query = expectRequest('POST', '/api/v2/task/_query', 200, {
      data: [
        task(OTHER_TASK, 'Call Jane about the renewal pricing', '2026-12-02T08:00:00Z'),
        task(IDS.task, 'Call Jane about the renewal', '2026-12-01T08:00:00Z'),
      ],
      next_cursor: null,
    });
    const found = (await appTester(
      perform,
      bundleWith({ title: 'call jane about the renewal', owner_email: 'Morgan.Lee@acme-sales.io', status: 'open' }),
    )) as Array<Record<string, unknown>>;
    expect(users.seen().body).toEqual({ email: 'morgan.lee@acme-sales.io' });
    const seen = query.seen();
    expect(sentWithKey(seen)).toBe(true);
    expect(seen.body).toEqual({
      filters: [
        { field: 'title', operator: 'contains', value: 'call jane about the renewal' },
        { field: 'owner_user_id', operator: 'eq', value: IDS.user },
        { field: 'status', operator: 'eq', value: 'OPEN' },
      ],
      sort: [{ field: 'created_at', direction: 'desc' }],
      limit: 50,
    });
    expect(found.map((record) => record.id)).toEqual([IDS.task, OTHER_TASK]);
  });

  it('by title alone makes one request, and finding nothing is an empty list', async () => {
    const query = expectRequest('POST', '/api/v2/task/_query', 200, { data: [], next_cursor: null });
    expect(await appTester(perform, bundleWith({ title: 'renewal' }))).toEqual([]);
    expect(query.seen().body).toMatchObject({ filters: [{ field: 'title', operator: 'contains', value: 'renewal' }] });
  });

  it('finds nothing, without querying tasks, when no user has the assignee email', async () => {
    const users = expectRequest('POST', `${V1}/users/search`, 200, [
      { id: IDS.user, email: 'nobody.else@acme-sales.io' },
    ]);
    expect(await appTester(perform, bundleWith({ owner_email: 'nobody@acme-sales.io' }))).toEqual([]);
    expect(users.seen().body).toEqual({ email: 'nobody@acme-sales.io' });
    expect(unexpectedRequests()).toBe(0);
  });

  it.each([
    [{}, /Fill in at least one of: Title, Assignee Email, Status/],
    [{ status: 'finished' }, /Status \(status\) "finished" is not one of/],
    [{ owner_email: 'morgan' }, /Assignee Email \(owner_email\) "morgan" is not a valid email address/],
  ])('sends nothing and names the field for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });
});
