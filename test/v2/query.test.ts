import nock from 'nock';
import type { ZObject } from 'zapier-platform-core';
import { queryRecords, type V2Query } from '../../src/v2';
import { appTester, bundleWith, caught, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { unexpectedRequests, useNock } from '../helpers/nock';
import { publishedRecord, readFixture } from './fixtures';

useNock();

type Body = Record<string, unknown>;
const firstPage = readFixture<{ example: Body }>('query-records-for-sync.first-page.request.json').example;
const nextPage = readFixture<{ example: Body }>('query-records-for-sync.next-page.request.json').example;

/** Runs queryRecords inside zapier-platform-core, with the app's middleware. */
const query = (q: V2Query) =>
  appTester((z: ZObject) => queryRecords(z, 'contact', q), bundleWith()) as ReturnType<typeof queryRecords>;

/** `_query` answers, recording each request's body and headers. */
function reevo(...answers: Array<[number, unknown]>) {
  const seen: Array<{ body: Body; headers: Record<string, unknown> }> = [];
  const scope = nock(TEST_BASE_URL);
  for (const [status, reply] of answers) {
    scope.post('/api/v2/contact/_query').reply(function (_uri, body) {
      seen.push({ body: body as Body, headers: this.req.headers });
      return [status, reply as Body];
    });
  }
  return { seen, scope };
}

const older = { ...publishedRecord('contact'), id: 'older', created_at: '2025-01-01T00:00:00Z' };
const newer = { ...publishedRecord('contact'), id: 'newer', created_at: '2025-06-01T00:00:00Z' };

describe('_query as Reevo publishes it (Query Records for Sync)', () => {
  it('a first page: filters, sort by {field, direction} and limit, the keys of the published example, with a bearer key', async () => {
    const { seen } = reevo([200, { data: [older, newer], next_cursor: 'c2' }]);
    const filters = [{ field: 'updated_at', operator: 'gte', value: '2026-06-01T00:00:00Z' }] as const;
    const page = await query({ filters, newestBy: 'created_at', limit: 100 });

    expect(seen[0].body).toEqual({ filters, sort: [{ field: 'created_at', direction: 'desc' }], limit: 100 });
    expect(Object.keys(seen[0].body).sort()).toEqual(Object.keys(firstPage).sort());
    expect(Object.keys((seen[0].body.sort as Body[])[0]).sort()).toEqual(
      Object.keys((firstPage.sort as Body[])[0]).sort(),
    );
    expect(seen[0].headers.authorization).toBe(`Bearer ${TEST_API_KEY}`);
    expect(seen[0].headers['x-api-key']).toBeUndefined();
    expect(page.nextCursor).toBe('c2');
    expect(page.restarted).toBe(false);
    // In the app's output shape, newest first.
    expect(page.records.map((record) => [record.id, record.email])).toEqual([
      ['newer', 'sarah.chen@acme.com'],
      ['older', 'sarah.chen@acme.com'],
    ]);
  });

  it('without filters, the first page sends none', async () => {
    const { seen } = reevo([200, { data: [], next_cursor: null }]);
    await query({ newestBy: 'updated_at', limit: 10 });
    expect(seen[0].body).toEqual({ sort: [{ field: 'updated_at', direction: 'desc' }], limit: 10 });
  });

  it('a next page sends only the cursor and the limit, like the published example', async () => {
    const { seen } = reevo([200, { data: [newer], next_cursor: null }]);
    const page = await query({ newestBy: 'created_at', limit: 100, cursor: 'opaque-cursor' });
    expect(seen[0].body).toEqual({ cursor: 'opaque-cursor', limit: 100 });
    expect(Object.keys(seen[0].body).sort()).toEqual(Object.keys(nextPage).sort());
    expect(page).toMatchObject({ nextCursor: null, restarted: false });
  });

  it.each([
    [
      'Reevo’s assumed body',
      422,
      { error: { code: 'invalid_cursor', message: 'Cursor was malformed, expired, or used with another query' } },
    ],
    ['a bare code', 400, { code: 'invalid_cursor' }],
  ])('invalid_cursor (%s) restarts once from the first page', async (_shape, status, body) => {
    const { seen, scope } = reevo([status, body], [200, { data: [older], next_cursor: 'fresh' }]);
    const page = await query({ newestBy: 'created_at', limit: 50, cursor: 'stale' });
    expect(scope.isDone()).toBe(true);
    expect(seen.map((request) => request.body)).toEqual([
      { cursor: 'stale', limit: 50 },
      { sort: [{ field: 'created_at', direction: 'desc' }], limit: 50 },
    ]);
    expect(page).toMatchObject({ restarted: true, nextCursor: 'fresh' });
  });

  it('any other refusal of a next page is an error in words, not a restart', async () => {
    const { seen } = reevo([
      422,
      { error: { code: 'unsortable_field', message: 'created_at is not sortable', details: { field: 'created_at' } } },
    ]);
    const error = await caught(query({ newestBy: 'created_at', limit: 50, cursor: 'c' }));
    expect(seen).toHaveLength(1);
    expect(error.message).toMatch(/cannot sort records by the field `created_at`/);
  });

  it.each([0, 101, 2.5])('a limit of %s is refused before anything is sent', async (limit) => {
    const error = await caught(query({ newestBy: 'created_at', limit }));
    expect(error.message).toMatch(/from 1 to 100/);
    expect(unexpectedRequests()).toBe(0);
  });

  it('an answer without a list of records fails instead of showing nothing', async () => {
    reevo([200, { records: [] }]);
    const error = await caught(query({ newestBy: 'created_at', limit: 5 }));
    expect(error).toMatchObject({ code: 'invalid_response' });
  });
});
