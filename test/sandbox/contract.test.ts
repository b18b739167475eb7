/** The sandbox's wire schemas against the contract's §2.1 required fields, and their strictness. */
import { wireSchemas } from '../../sandbox';

/** Required fields per endpoint, as docs/reevo-api.md §2.1 states them. */
const REQUIRED: Record<keyof typeof wireSchemas, string[]> = {
  upsertAccountContact: ['email'],
  createAccount: ['name'],
  updateAccount: [],
  searchAccounts: ['domain_name'],
  searchContacts: [],
  createOpportunity: ['account_id', 'display_name'],
  updateOpportunity: [],
  searchOpportunities: [],
  shiftStage: ['target_stage_name'],
  createTask: ['owner_email', 'title'],
  createManualActivity: ['metadata'],
  searchUsers: ['email'],
  searchMailboxes: ['owner_user_email'],
  createSequenceEnrollment: ['contact_email', 'sequence_id'],
  accountAndContactRetrieval: [],
  createWebhook: ['event_types', 'target_url'],
  v2Query: [],
};

test.each(Object.keys(REQUIRED) as (keyof typeof wireSchemas)[])('%s requires exactly the contract fields', (name) => {
  const result = wireSchemas[name].safeParse({});
  const missing = result.success ? [] : result.error.issues.map((issue) => String(issue.path[0])).sort();
  expect(missing).toEqual(REQUIRED[name]);
});

test.each(Object.keys(REQUIRED).filter((n) => n !== 'accountAndContactRetrieval') as (keyof typeof wireSchemas)[])(
  '%s rejects unknown body keys',
  (name) => {
    const result = wireSchemas[name].safeParse({ not_in_the_contract: 1 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
  },
);

test('formats: emails, UUIDs, ISO-8601 date-times, enums, custom field values', () => {
  const task = wireSchemas.createTask;
  const ok = { title: 't', owner_email: 'a@b.co' };
  expect(task.safeParse({ ...ok, due_at: '2026-03-01T10:00:00+01:00' }).success).toBe(true);
  expect(task.safeParse({ ...ok, due_at: '2026-03-01' }).success).toBe(false);
  expect(task.safeParse({ ...ok, owner_email: 'nope' }).success).toBe(false);
  expect(task.safeParse({ ...ok, account_id: 'nope' }).success).toBe(false);
  expect(task.safeParse({ ...ok, type: 'CALL' }).success).toBe(false);
  const account = wireSchemas.createAccount;
  expect(account.safeParse({ name: 'n', custom_fields: { a: 'x', b: ['y', 'z'] } }).success).toBe(true);
  expect(account.safeParse({ name: 'n', custom_fields: { a: 1 } }).success).toBe(false);
  expect(account.safeParse({ name: 'n', custom_fields: { a: [1] } }).success).toBe(false);
});
