import type { Bundle } from 'zapier-platform-core';
import { perform as createAccount } from '../../creates/create_account';
import { perform as createOpportunity } from '../../creates/create_opportunity';
import { perform as upsertAccountContact } from '../../creates/upsert_account_contact';
import { DEMO_KEYS } from '../../sandbox';
import { perform as findAccount } from '../../searches/find_account';
import { perform as findContact } from '../../searches/find_contact';
import { perform as findContactAndAccount } from '../../searches/find_contact_and_account';
import { perform as findMailbox } from '../../searches/find_mailbox';
import { perform as findOpportunity } from '../../searches/find_opportunity';
import { perform as findUser } from '../../searches/find_user';
import { sampleAccount, sampleContact, sampleMailbox, sampleOpportunity, sampleUser } from '../../src/samples';
import { useSandbox } from '../helpers/sandbox';
import { appTester, caught } from '../helpers/zapier';
import { findOrCreate } from './find-or-create';

/**
 * Every search end to end: through zapier-platform-core's middleware, over real HTTP, against the
 * local Reevo sandbox, which is seeded with the records of src/samples.ts. Each test counts the
 * requests the sandbox received.
 */

const sb = useSandbox();

beforeEach(() => sb().clearLogs());

const as = (key: string, inputData: Record<string, unknown>): Partial<Bundle> => ({
  authData: { api_key: key },
  inputData,
});
const full = (inputData: Record<string, unknown>) => as(DEMO_KEYS.full, inputData);
/** What the sandbox received, as `METHOD path status`. */
const received = () => sb().requests.map((r) => `${r.method} ${r.path} ${r.status}`);
const V1 = '/api/v1/public';
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000dead';
/** A sample as the sandbox holds it: seeded with a workspace's custom fields, which static samples leave out. */
const seeded = <T extends object>(sample: T) => ({ ...sample, custom_fields: expect.any(Object) });

describe('find_account against the sandbox', () => {
  it('finds the seeded sample account by a URL of its site, in one request', async () => {
    const found = await appTester(findAccount, full({ domain_name: 'https://www.northwind-traders.com/about' }));

    expect(found[0]).toEqual(seeded(sampleAccount));
    expect(received()).toEqual([`POST ${V1}/accounts/search 200`]);
  });

  it('ranks the exact domain first, then subdomains, and drops other domains that contain it', async () => {
    for (const [name, domain_name] of [
      ['Not Rank Check', 'notrank-check.io'],
      ['Rank Check EU', 'eu.rank-check.io'],
      ['Rank Check', 'rank-check.io'],
    ]) {
      await appTester(createAccount, full({ name, domain_name }));
    }
    sb().clearLogs();

    const found = await appTester(findAccount, full({ domain_name: 'ops@rank-check.io' }));

    expect(found.map((a) => a.domain_name)).toEqual(['rank-check.io', 'eu.rank-check.io']);
    expect(received()).toEqual([`POST ${V1}/accounts/search 200`]);
  });

  it('finds by ID, and returns [] for an unknown ID after one 404', async () => {
    await expect(appTester(findAccount, full({ account_id: sampleAccount.id }))).resolves.toEqual([
      seeded(sampleAccount),
    ]);
    await expect(appTester(findAccount, full({ account_id: UNKNOWN_ID }))).resolves.toEqual([]);

    expect(received()).toEqual([`GET ${V1}/accounts/${sampleAccount.id} 200`, `GET ${V1}/accounts/${UNKNOWN_ID} 404`]);
  });

  it('returns [] when no domain contains the text', async () => {
    await expect(appTester(findAccount, full({ domain_name: 'no-such-company.example' }))).resolves.toEqual([]);
    expect(received()).toHaveLength(1);
  });

  it('reports a missing permission as an error, not as nothing found', async () => {
    const error = await caught(
      appTester(findAccount, as(DEMO_KEYS.tasksOnly, { domain_name: 'northwind-traders.com' })),
    );

    expect(error.code).toBe('missing_permission');
    expect(error.message).toMatch(/Accounts/);
    expect(received()).toEqual([`POST ${V1}/accounts/search 403`]);
  });

  it('tries the ID first and falls back to the domain when it finds nothing', async () => {
    const found = await appTester(
      findAccount,
      full({ domain_name: sampleAccount.domain_name, account_id: UNKNOWN_ID }),
    );

    expect(found[0]).toEqual(seeded(sampleAccount));
    expect(received()).toEqual([`GET ${V1}/accounts/${UNKNOWN_ID} 404`, `POST ${V1}/accounts/search 200`]);
  });
});

describe('find_contact against the sandbox', () => {
  it('finds the sample contact by email, or by email and owner', async () => {
    const byEmail = await appTester(findContact, full({ contact_email: sampleContact.email.toUpperCase() }));
    const byBoth = await appTester(
      findContact,
      full({ contact_email: sampleContact.email, owner_email: sampleContact.owner_email }),
    );

    expect(byEmail[0]).toEqual(seeded(sampleContact));
    expect(byBoth[0]).toEqual(seeded(sampleContact));
    expect(received()).toEqual([`POST ${V1}/contacts/search 200`, `POST ${V1}/contacts/search 200`]);
  });

  it("does not search by the owner's email alone", async () => {
    const error = await caught(appTester(findContact, full({ owner_email: sampleUser.email })));

    expect(error.message).toMatch(/^Fill in Contact Email \(contact_email\) or Contact ID/);
    expect(received()).toEqual([]);
  });

  it('finds by ID, and returns [] for an unknown ID or email', async () => {
    await expect(appTester(findContact, full({ contact_id: sampleContact.id }))).resolves.toEqual([
      seeded(sampleContact),
    ]);
    await expect(appTester(findContact, full({ contact_id: UNKNOWN_ID }))).resolves.toEqual([]);
    await expect(appTester(findContact, full({ contact_email: 'nobody@northwind-traders.com' }))).resolves.toEqual([]);
    expect(received()).toHaveLength(3);
  });
});

describe('find_opportunity against the sandbox', () => {
  it('finds the sample opportunity by name, account, status and stage together', async () => {
    const found = await appTester(
      findOpportunity,
      full({
        display_name: sampleOpportunity.display_name,
        account_id: sampleAccount.id,
        status: 'Deal',
        stage_name: 'proposal',
      }),
    );

    expect(found[0]).toEqual(seeded(sampleOpportunity));
    expect(received()).toEqual([`POST ${V1}/opportunities/search 200`]);
  });

  it('finds the whole name only, unless partial matches are asked for (the exact name first)', async () => {
    await appTester(
      createOpportunity,
      full({ display_name: 'Rank Check - Pilot (extension)', account_id: sampleAccount.id }),
    );
    await appTester(createOpportunity, full({ display_name: 'Rank Check - Pilot', account_id: sampleAccount.id }));
    sb().clearLogs();

    const exact = await appTester(findOpportunity, full({ display_name: 'Rank Check - Pilot ' }));
    const partial = await appTester(
      findOpportunity,
      full({ display_name: 'Rank Check - Pilot', partial_name_match: true }),
    );

    expect(exact.map((o) => o.display_name)).toEqual(['Rank Check - Pilot']);
    expect(partial.map((o) => o.display_name)).toEqual(['Rank Check - Pilot', 'Rank Check - Pilot (extension)']);
    expect(received()).toHaveLength(2);
  });

  it('finds by ID, and returns [] for an unknown ID', async () => {
    await expect(appTester(findOpportunity, full({ opportunity_id: sampleOpportunity.id }))).resolves.toEqual([
      seeded(sampleOpportunity),
    ]);
    await expect(appTester(findOpportunity, full({ opportunity_id: UNKNOWN_ID }))).resolves.toEqual([]);
    expect(received()).toHaveLength(2);
  });
});

describe('find_contact_and_account against the sandbox', () => {
  const both = {
    contact_id: sampleContact.id,
    account_id: sampleAccount.id,
    contact: seeded(sampleContact),
    account: seeded(sampleAccount),
  };

  it('finds the contact and its account by email', async () => {
    await expect(appTester(findContactAndAccount, full({ contact_email: sampleContact.email }))).resolves.toEqual([
      both,
    ]);
    expect(received()).toEqual([`GET ${V1}/account_and_contact_retrieval 200`]);
  });

  it('finds them by a phone number typed in a local format (sent as %2B… so Reevo reads the +)', async () => {
    await expect(appTester(findContactAndAccount, full({ contact_phone_number: '(202) 555-0143' }))).resolves.toEqual([
      both,
    ]);
    expect(sb().requests.map((r) => r.query)).toEqual([{ contact_phone_number: sampleContact.phone_number }]);
  });

  it('finds the account by domain', async () => {
    const found = await appTester(findContactAndAccount, full({ account_domain: 'jordan@northwind-traders.com' }));

    expect(found).toEqual([
      { contact_id: null, account_id: sampleAccount.id, contact: null, account: seeded(sampleAccount) },
    ]);
  });

  it('returns [] when Reevo finds neither', async () => {
    await expect(
      appTester(findContactAndAccount, full({ contact_email: 'nobody@nowhere-at-all.example' })),
    ).resolves.toEqual([]);
    expect(received()).toHaveLength(1);
  });

  it('with two identifiers, asks by the email first and stops when it finds the contact', async () => {
    const found = await appTester(
      findContactAndAccount,
      full({ contact_email: sampleContact.email, account_domain: 'acme.com' }),
    );

    expect(found).toEqual([both]);
    expect(sb().requests.map((r) => r.query)).toEqual([{ contact_email: sampleContact.email }]);
  });
});

describe('find_user and find_mailbox against the sandbox', () => {
  it('finds the user by email', async () => {
    await expect(appTester(findUser, full({ email: sampleUser.email }))).resolves.toEqual([sampleUser]);
    await expect(appTester(findUser, full({ email: 'nobody@acme-outbound.example' }))).resolves.toEqual([]);
    expect(received()).toEqual([`POST ${V1}/users/search 200`, `POST ${V1}/users/search 200`]);
  });

  it('finds every mailbox of the user, and none for someone else', async () => {
    const found = await appTester(findMailbox, full({ owner_user_email: sampleUser.email }));

    expect(found).toContainEqual(sampleMailbox);
    expect(found.every((m) => m.owner_user_email === sampleUser.email)).toBe(true);
    await expect(appTester(findMailbox, full({ owner_user_email: 'nobody@acme-outbound.example' }))).resolves.toEqual(
      [],
    );
    expect(received()).toEqual([`POST ${V1}/mailboxes/search 200`, `POST ${V1}/mailboxes/search 200`]);
  });
});

describe('Find or Create against the sandbox', () => {
  it('Account: creates on the first run (two requests), finds on the second (one request)', async () => {
    const pair = { search: findAccount, create: createAccount };
    const search = full({ domain_name: 'https://www.find-or-create.io/pricing' });
    const create = full({ name: 'Find Or Create Inc', domain_name: 'find-or-create.io' });

    const first = await findOrCreate(appTester, pair, search, create);
    expect(first.outcome).toBe('created');
    expect(received()).toEqual([`POST ${V1}/accounts/search 200`, `POST ${V1}/accounts 201`]);

    sb().clearLogs();
    const second = await findOrCreate(appTester, pair, search, create);
    expect(second).toEqual({ outcome: 'found', record: first.record });
    expect(received()).toEqual([`POST ${V1}/accounts/search 200`]);
  });

  it('Contact: upserts on the first run, finds on the second', async () => {
    const pair = { search: findContact, create: upsertAccountContact };
    const search = full({ contact_email: 'casey.new@find-or-create.io' });
    const create = full({
      email: 'casey.new@find-or-create.io',
      first_name: 'Casey',
      company: 'Find Or Create Inc',
      account_website: 'find-or-create.io',
    });

    const first = await findOrCreate(appTester, pair, search, create);
    expect(first.outcome).toBe('created');
    expect(received()).toEqual([
      `POST ${V1}/contacts/search 200`,
      expect.stringMatching(new RegExp(`^POST ${V1}/account_contact 20[01]$`)),
    ]);

    sb().clearLogs();
    const second = await findOrCreate(appTester, pair, search, create);
    expect(second.outcome).toBe('found');
    expect(second.record.id).toBe(first.record.contact_id);
    expect(received()).toEqual([`POST ${V1}/contacts/search 200`]);
  });

  it('Opportunity: creates on the first run, finds on the second', async () => {
    const pair = { search: findOpportunity, create: createOpportunity };
    const input = { display_name: 'Find Or Create - First Deal', account_id: sampleAccount.id };

    const first = await findOrCreate(appTester, pair, full(input), full(input));
    expect(first.outcome).toBe('created');
    expect(received()).toEqual([`POST ${V1}/opportunities/search 200`, `POST ${V1}/opportunities 201`]);

    sb().clearLogs();
    const second = await findOrCreate(appTester, pair, full(input), full(input));
    expect(second).toEqual({ outcome: 'found', record: first.record });
    expect(received()).toEqual([`POST ${V1}/opportunities/search 200`]);
  });
});
