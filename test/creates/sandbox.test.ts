import type { Bundle } from 'zapier-platform-core';
import creates from '../../creates';
import { perform as createAccount } from '../../creates/create_account';
import { perform as createOpportunity } from '../../creates/create_opportunity';
import { perform as createTask } from '../../creates/create_task';
import { perform as enrollContact } from '../../creates/enroll_contact_in_sequence';
import { perform as logManualActivity } from '../../creates/log_manual_activity';
import { perform as moveOpportunityStage } from '../../creates/move_opportunity_stage';
import { perform as updateAccount } from '../../creates/update_account';
import { perform as updateOpportunity } from '../../creates/update_opportunity';
import { perform as upsertAccountContact } from '../../creates/upsert_account_contact';
import { DEMO_KEYS } from '../../sandbox';
import { callEndpoint } from '../../src/client';
import { clearCustomFieldCache } from '../../src/custom-fields';
import { endpoints } from '../../src/endpoints';
import { sampleEnrollment, sampleMailbox, sampleUser } from '../../src/samples';
import { useSandbox } from '../helpers/sandbox';
import { appTester, caught } from '../helpers/zapier';

/**
 * Every create, end to end: through zapier-platform-core's middleware, over real HTTP, against
 * the local Reevo sandbox. One story, in order: a new lead arrives, becomes a contact with an
 * account, gets a deal that moves to Closed Won, a task, a logged activity and a sequence.
 */

const sb = useSandbox();

const as = (key: string, inputData: Record<string, unknown> = {}): Partial<Bundle> => ({
  authData: { api_key: key },
  inputData,
});
const full = (inputData: Record<string, unknown> = {}) => as(DEMO_KEYS.full, inputData);
const run = appTester as unknown as (
  fields: unknown,
  bundle: Partial<Bundle>,
) => Promise<Array<{ key: string; label?: string; list?: boolean }>>;

type Rec = Record<string, unknown>;
const state: { contactId?: string; accountId?: string; createdAccountId?: string; opportunityId?: string } = {};

describe('every create against the sandbox', () => {
  it('offers the sandbox’s custom fields as inputs, reading each schema once', async () => {
    clearCustomFieldCache();
    sb().clearLogs();
    const fields = await run(creates.upsert_account_contact.operation.inputFields, full());
    const keys = fields.map((field) => field.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'contact_custom_fields__persona',
        'account_custom_fields__industry_segment',
        'account_custom_fields__tech_stack',
      ]),
    );
    expect(fields.find((field) => field.key === 'account_custom_fields__tech_stack')?.list).toBe(true);
    await run(creates.upsert_account_contact.operation.inputFields, full());
    await run(creates.upsert_account_contact.operation.outputFields, full());
    expect(
      sb()
        .requests.map((r) => `${r.method} ${r.path} ${r.status}`)
        .sort(),
    ).toEqual(['GET /api/v2/_schema/account 200', 'GET /api/v2/_schema/contact 200']);
  });

  it('upsert_account_contact creates a contact and its account, then updates the same contact', async () => {
    const created = (await appTester(
      upsertAccountContact,
      full({
        email: ' Casey.Nguyen@WingtipToys.com ',
        first_name: 'Casey',
        last_name: 'Nguyen',
        phone_number: '(415) 555-0199',
        title: 'Head of E-commerce',
        company: 'Wingtip Toys',
        account_website: 'https://www.wingtiptoys.com/about-us',
        contact_owner_email: sampleUser.email.toUpperCase(),
        contact_custom_fields__persona: 'Champion',
        account_custom_fields__tech_stack: ['Shopify, Klaviyo'],
      }),
    )) as Rec;
    expect(created.action).toBe('created');
    expect(created.contact_id).toEqual(expect.any(String));
    expect(created.account_id).toEqual(expect.any(String));
    // The contact at the top level, the account nested (its ID is account_id).
    expect(created).toMatchObject({
      id: created.contact_id,
      email: 'casey.nguyen@wingtiptoys.com',
      phone_number: '+14155550199',
      custom_fields: { persona: 'Champion' },
    });
    expect(created.account).toMatchObject({ custom_fields: { tech_stack: ['Shopify', 'Klaviyo'] } });
    state.contactId = created.contact_id as string;
    state.accountId = created.account_id as string;

    const updated = (await appTester(
      upsertAccountContact,
      full({ email: 'casey.nguyen@wingtiptoys.com', title: 'VP of E-commerce', first_name: '' }),
    )) as Rec;
    expect(updated).toMatchObject({ action: 'updated', contact_id: state.contactId, account_id: state.accountId });
    expect(updated).toMatchObject({ title: 'VP of E-commerce', first_name: 'Casey' });
  });

  it('create_account and update_account: an update changes only what is filled in', async () => {
    const created = (await appTester(
      createAccount,
      full({
        name: 'Wide World Importers',
        domain_name: 'https://www.wideworldimporters.com/about',
        official_website: 'wideworldimporters.com',
        custom_fields__industry_segment: 'Logistics',
      }),
    )) as Rec;
    expect(created).toMatchObject({
      name: 'Wide World Importers',
      domain_name: 'wideworldimporters.com',
      official_website: 'https://wideworldimporters.com',
      custom_fields: { industry_segment: 'Logistics' },
    });
    state.createdAccountId = created.id as string;

    const updated = (await appTester(
      updateAccount,
      full({
        account_id: state.createdAccountId,
        name: '',
        official_website: '',
        owner_email: sampleUser.email,
        custom_fields__tech_stack: ['Dynamics 365'],
      }),
    )) as Rec;
    expect(updated).toMatchObject({
      id: state.createdAccountId,
      name: 'Wide World Importers',
      official_website: 'https://wideworldimporters.com',
      owner_email: sampleUser.email,
      custom_fields: { industry_segment: 'Logistics', tech_stack: ['Dynamics 365'] },
    });
  });

  it('create_opportunity and update_opportunity', async () => {
    const created = (await appTester(
      createOpportunity,
      full({
        display_name: 'Wingtip Toys - Holiday rollout',
        account_id: state.accountId,
        primary_contact_email: 'CASEY.NGUYEN@wingtiptoys.com',
        amount: '95,000.00',
        pipeline_name: 'New Business',
        custom_fields__lead_source: 'Inbound',
      }),
    )) as Rec;
    expect(created).toMatchObject({
      account_id: state.accountId,
      amount: 95000,
      primary_contact_email: 'casey.nguyen@wingtiptoys.com',
      custom_fields: { lead_source: 'Inbound' },
    });
    state.opportunityId = created.id as string;

    const updated = (await appTester(
      updateOpportunity,
      full({
        opportunity_id: state.opportunityId,
        display_name: '',
        amount: '',
        next_step_details: 'Send the pilot plan',
        next_step_due_at: '2026-12-04 17:00',
      }),
    )) as Rec;
    expect(updated).toMatchObject({
      display_name: 'Wingtip Toys - Holiday rollout',
      amount: 95000,
      next_step_details: 'Send the pilot plan',
    });
    expect(Date.parse(updated.next_step_due_at as string)).toBe(Date.parse('2026-12-04T17:00:00Z'));
  });

  it('move_opportunity_stage explains closed reasons, changes nothing on refusal, and closes with them', async () => {
    const refused = await caught(
      appTester(moveOpportunityStage, full({ opportunity_id: state.opportunityId, target_stage_name: 'Closed Won' })),
    );
    expect(refused.message).toMatch(/Closed won and closed lost stages need at least one closed reason/);
    expect(refused.message).toMatch(/Closed Reasons/);
    const { data: unchanged } = await appTester(
      (z) => callEndpoint<Rec>(z, endpoints.getOpportunity, { opportunity_id: state.opportunityId }),
      full(),
    );
    expect(unchanged).toMatchObject({ closed_reason_names: [] });
    expect(unchanged.status).not.toBe('CLOSED_WON');

    const moved = (await appTester(
      moveOpportunityStage,
      full({ opportunity_id: state.opportunityId, target_stage_name: 'Negotiation' }),
    )) as Rec;
    expect(moved).toMatchObject({ stage_name: 'Negotiation' });

    const won = (await appTester(
      moveOpportunityStage,
      full({
        opportunity_id: state.opportunityId,
        target_stage_name: 'Closed Won',
        closed_reason_names: 'Pricing, Best product fit',
        closed_reason_custom_detail: 'Won on the pilot.',
      }),
    )) as Rec;
    expect(won).toMatchObject({
      stage_name: 'Closed Won',
      status: 'CLOSED_WON',
      closed_reason_names: ['Pricing', 'Best product fit'],
    });
  });

  it('create_task', async () => {
    const task = (await appTester(
      createTask,
      full({
        title: 'Call Casey about the pilot',
        owner_email: sampleUser.email,
        priority: 'Urgent',
        type: 'Call',
        due_at: '2026-12-01T09:00:00-05:00',
        account_id: state.accountId,
        contact_emails: 'casey.nguyen@wingtiptoys.com',
        opportunity_name: 'Wingtip Toys - Holiday rollout',
      }),
    )) as Rec;
    expect(task).toMatchObject({
      priority: 'URGENT',
      type: 'VOICE_CALL',
      account_id: state.accountId,
      contact_emails: ['casey.nguyen@wingtiptoys.com'],
    });
    expect(Date.parse(task.due_at as string)).toBe(Date.parse('2026-12-01T14:00:00Z'));
  });

  it('log_manual_activity', async () => {
    const activity = (await appTester(
      logManualActivity,
      full({
        activity_time: '2026-11-20 15:30',
        subject: 'Met at the Toy Fair',
        description: 'Walked through the holiday rollout.',
        category: 'Event',
        account_id: state.accountId,
        contact_ids: state.contactId,
        pipeline_id: state.opportunityId,
      }),
    )) as Rec;
    expect(activity).toMatchObject({
      metadata: { subject: 'Met at the Toy Fair', category: 'EVENT' },
      contact_ids: [state.contactId],
      pipeline_id: state.opportunityId,
    });
  });

  it('enroll_contact_in_sequence', async () => {
    const enrollment = (await appTester(
      enrollContact,
      full({
        contact_email: 'Casey.Nguyen@wingtiptoys.com',
        sequence_id: sampleEnrollment.sequence_id,
        mailbox_email: sampleMailbox.email,
      }),
    )) as Rec;
    expect(enrollment).toMatchObject({
      contact_email: 'casey.nguyen@wingtiptoys.com',
      sequence_id: sampleEnrollment.sequence_id,
      mailbox_email: sampleMailbox.email,
    });
  });

  it('bad input never reaches the sandbox', async () => {
    sb().clearLogs();
    const error = await caught(
      appTester(createOpportunity, full({ display_name: 'Deal', account_id: state.accountId, amount: 'lots' })),
    );
    expect(error.message).toMatch(/Amount \(amount\)/);
    expect(sb().requests).toHaveLength(0);
  });
});

describe('keys without the permission', () => {
  it('a read-only key is told which permission create_account needs', async () => {
    const error = await caught(appTester(createAccount, as(DEMO_KEYS.readOnly, { name: 'Read Only Ltd' })));
    expect(error.message).toMatch(/Your Reevo API key may not do this/);
    expect(error.message).toMatch(/Accounts/);
    expect(error.message).not.toContain(DEMO_KEYS.readOnly);
  });

  it('a key that may not read accounts still gets the account form, with key/value custom fields', async () => {
    clearCustomFieldCache();
    sb().clearLogs();
    const fields = await run(creates.create_account.operation.inputFields, as(DEMO_KEYS.tasksOnly));
    expect(sb().requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /api/v2/_schema/account 403']);
    expect(fields.map((field) => field.key)).toContain('custom_fields');
    expect(fields.some((field) => field.key.startsWith('custom_fields__'))).toBe(false);
  });
});
