/**
 * A write succeeds only when Reevo confirms it: a 2xx that does not carry the written record (an
 * empty body, no ID, an `error` key, a 202 or 204) is an error that says Reevo did not confirm the
 * write. Searches count only records that have an ID.
 */
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { perform as createAccount } from '../../creates/create_account';
import { perform as createOpportunity } from '../../creates/create_opportunity';
import { perform as createTask } from '../../creates/create_task';
import { perform as logActivity } from '../../creates/log_manual_activity';
import { perform as moveStage } from '../../creates/move_opportunity_stage';
import { perform as updateAccount } from '../../creates/update_account';
import { perform as updateOpportunity } from '../../creates/update_opportunity';
import { perform as upsert } from '../../creates/upsert_account_contact';
import { perform as findAccount } from '../../searches/find_account';
import { perform as findContact } from '../../searches/find_contact';
import { perform as findContactAndAccount } from '../../searches/find_contact_and_account';
import { perform as findOpportunity } from '../../searches/find_opportunity';
import { perform as findUser } from '../../searches/find_user';
import { sampleAccount, sampleContact, sampleOpportunity, sampleUpsertResult, sampleUser } from '../../src/samples';
import { API, useNock } from '../helpers/nock';
import { appTester, bundleWith, caught, TEST_BASE_URL } from '../helpers/zapier';

useNock();

type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;

const ID = sampleOpportunity.id;
const writes: Array<[string, Perform, 'post' | 'patch', string, Record<string, unknown>]> = [
  ['create_account', createAccount, 'post', `${API}/accounts`, { name: 'Acme' }],
  ['update_account', updateAccount, 'patch', `${API}/accounts/${ID}`, { account_id: ID, name: 'Acme' }],
  [
    'create_opportunity',
    createOpportunity,
    'post',
    `${API}/opportunities`,
    { display_name: 'Acme - Pilot', account_id: ID },
  ],
  [
    'update_opportunity',
    updateOpportunity,
    'patch',
    `${API}/opportunities/${ID}`,
    { opportunity_id: ID, amount: '10' },
  ],
  [
    'move_opportunity_stage',
    moveStage,
    'post',
    `${API}/opportunities/${ID}/shift_stage`,
    { opportunity_id: ID, target_stage_name: 'Proposal' },
  ],
  ['create_task', createTask, 'post', `${API}/tasks`, { title: 'Call', owner_email: 'morgan@acme.com' }],
  [
    'log_manual_activity',
    logActivity,
    'post',
    `${API}/manual_activities`,
    { activity_time: '2026-11-25T14:00:00Z', subject: 'Met', description: 'At the summit' },
  ],
  ['upsert_account_contact', upsert, 'post', `${API}/account_contact`, { email: 'jane@acme.com' }],
];

const unconfirmed: Array<[string, number, string]> = [
  ['an empty 200', 200, ''],
  ['a 200 of an empty object', 200, '{}'],
  ['a 200 of null', 200, 'null'],
  ['a 200 of a list', 200, '[]'],
  ['a 200 with an error key', 200, JSON.stringify({ ...sampleAccount, error: 'Could not save the record' })],
  ['a 202 with the record', 202, JSON.stringify(sampleAccount)],
  ['a 204', 204, ''],
];

describe.each(writes)('%s', (_key, perform, method, path, input) => {
  it.each(unconfirmed)('%s is an error: Reevo did not confirm the write', async (_what, status, body) => {
    nock(TEST_BASE_URL)[method](path).query(true).reply(status, body, { 'Content-Type': 'application/json' });

    const error = await caught(appTester(perform, bundleWith(input)));

    expect(error.name).toBe('AppError');
    expect(error.message).toMatch(/Reevo did not confirm/);
  });
});

it('the record Reevo answers with is a success', async () => {
  nock(TEST_BASE_URL).post(`${API}/accounts`).reply(201, sampleAccount);
  await expect(appTester(createAccount, bundleWith({ name: 'Acme' }))).resolves.toMatchObject({ id: sampleAccount.id });
  nock(TEST_BASE_URL).post(`${API}/account_contact`).query(true).reply(200, sampleUpsertResult);
  await expect(appTester(upsert, bundleWith({ email: 'jane@acme.com' }))).resolves.toMatchObject({
    contact_id: sampleContact.id,
  });
});

describe('searches count only records that have an ID', () => {
  const noId = <T extends { id: string }>(record: T) => ({ ...record, id: undefined });

  it.each([
    ['find_account', findAccount, `${API}/accounts/search`, { domain_name: sampleAccount.domain_name }, sampleAccount],
    ['find_contact', findContact, `${API}/contacts/search`, { contact_email: sampleContact.email }, sampleContact],
    [
      'find_opportunity',
      findOpportunity,
      `${API}/opportunities/search`,
      { display_name: sampleOpportunity.display_name },
      sampleOpportunity,
    ],
    ['find_user', findUser, `${API}/users/search`, { email: sampleUser.email }, sampleUser],
  ] as const)('%s', async (_key, perform, path, input, record) => {
    nock(TEST_BASE_URL)
      .post(path)
      .reply(200, [noId(record), { ...record, id: '' }, record]);

    const found = (await appTester(perform as Perform, bundleWith(input))) as Array<{ id: unknown }>;

    expect(found.map((r) => r.id)).toEqual([record.id]);
  });

  it('a search by ID whose answer has no ID is an error, not a find', async () => {
    nock(TEST_BASE_URL).get(`${API}/accounts/${ID}`).reply(200, { name: 'Acme' });
    const error = await caught(appTester(findAccount, bundleWith({ account_id: ID })));
    expect(error.name).toBe('AppError');
  });

  it('find_contact_and_account: a contact without an ID is not a found contact', async () => {
    nock(TEST_BASE_URL)
      .get(`${API}/account_and_contact_retrieval`)
      .query(true)
      .reply(200, { contact: noId(sampleContact), account: null });
    await expect(appTester(findContactAndAccount, bundleWith({ contact_email: sampleContact.email }))).resolves.toEqual(
      [],
    );
  });
});
