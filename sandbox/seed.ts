/**
 * The seeded workspaces: the sandbox's own fictional data, written here and not taken from the
 * app (whose samples must not shape what the sandbox answers). The primary organization holds
 * the records the demo and the tests use, their v2-only attributes (stages, addresses, …), a note,
 * and custom fields on accounts, contacts and opportunities. No webhook subscription is seeded:
 * it would send deliveries to a URL nobody serves.
 */
import { PRIMARY_ORG, SECOND_ORG } from './keys';
import {
  accountRecord,
  contactRecord,
  type Opportunity,
  type Pipeline,
  type V2AttributeValues,
  type WorkspaceData,
} from './records';
import { CONTACT_STAGES } from './v2/stages';

const clone = <T>(value: T): T => structuredClone(value);

const USERS = {
  morgan: {
    id: '1d7e3a95-4f2c-4b8e-8a6d-3c9f0e5b7a12',
    email: 'morgan.ellery@acme-outbound.example',
    first_name: 'Morgan',
    last_name: 'Ellery',
  },
  riley: {
    id: '4b8e2c61-7d3a-4f95-a0e8-2c5d9b1f6a73',
    email: 'riley.chen@acme-outbound.example',
    first_name: 'Riley',
    last_name: 'Chen',
  },
  sam: {
    id: '7f2a9d4e-1b6c-4e83-9d57-8a0c3e6b2f14',
    email: 'sam.okafor@acme-outbound.example',
    first_name: 'Sam',
    last_name: 'Okafor',
  },
};

function newBusinessPipeline(id: string): Pipeline {
  return {
    id,
    name: 'New Business',
    stages: [
      { name: 'Discovery', kind: 'PROSPECT' },
      { name: 'Qualification', kind: 'PROSPECT' },
      { name: 'Demo', kind: 'DEAL' },
      { name: 'Proposal', kind: 'DEAL' },
      { name: 'Negotiation', kind: 'DEAL' },
      { name: 'Closed Won', kind: 'CLOSED_WON' },
      { name: 'Closed Lost', kind: 'CLOSED_LOST' },
    ],
  };
}

const CLOSED_REASONS = {
  won: ['Best product fit', 'Pricing', 'Existing relationship'],
  lost: ['Budget', 'Chose a competitor', 'No decision', 'Timing'],
};

function opportunity(
  fields: Partial<Opportunity> &
    Pick<Opportunity, 'id' | 'display_name' | 'account_id' | 'stage_name' | 'status' | 'created_at'>,
): Opportunity {
  return Object.assign(
    {
      id: fields.id,
      display_name: fields.display_name,
      account_id: fields.account_id,
      owner_email: null,
      primary_contact_email: null,
      additional_contact_emails: [],
      amount: null,
      pipeline_name: 'New Business',
      stage_name: fields.stage_name,
      status: fields.status,
      next_step_details: null,
      next_step_due_at: null,
      closed_reason_names: [],
      custom_fields: {},
      created_at: fields.created_at,
      updated_at: fields.created_at,
    },
    fields,
  );
}

/** The records the CLI's banner, the demo and the tests start from. */
export const SEEDED = {
  account: { id: '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63', name: 'Northwind Traders', domain: 'northwind-traders.com' },
  contact: { id: '8a1e4b27-5c9d-4f3a-b6e2-0d7c9f1a2e54', email: 'jordan.blake@northwind-traders.com' },
  opportunity: { id: 'c27d9e41-6a3b-4d8f-8e15-2b9f0a7c6d38', name: 'Northwind Traders - Warehouse rollout' },
  task: { id: '5b0f8c13-2e7a-4c69-a4d1-9e3b6f2a8c07', title: 'Call Jordan about the proposal' },
  note: { id: 'd9a6e2b4-3f1c-4a8e-b7d5-1c0e9f4a6b27' },
  sequence: { id: 'a8f3c6d1-7e2b-4d9a-8c4f-1b6e9d3a5c20', name: 'Warehouse leaders outreach' },
  user: USERS.morgan,
  mailbox: { id: '9c4b1e7a-3d6f-4a2e-b8c5-7f0d2a9e1b36', email: 'morgan@mail.acme-outbound.example' },
} as const;

const stageId = (apiName: string) => CONTACT_STAGES.find((s) => s.api_name === apiName)!.id;

function primaryWorkspace(): WorkspaceData {
  const northwind = accountRecord({
    id: SEEDED.account.id,
    name: SEEDED.account.name,
    domain_name: SEEDED.account.domain,
    official_website: 'https://www.northwind-traders.com',
    status: 'CUSTOMER',
    owner_email: USERS.morgan.email,
    linkedin_url: 'https://www.linkedin.com/company/northwind-traders-example',
    x_url: 'https://x.com/northwind_example',
    custom_fields: { industry_segment: 'Wholesale distribution', tech_stack: ['NetSuite', 'Shopify'] },
    created_at: '2025-02-03T09:14:22+00:00',
    updated_at: '2025-05-19T16:40:05+00:00',
  });
  const jordan = contactRecord({
    id: SEEDED.contact.id,
    email: SEEDED.contact.email,
    first_name: 'Jordan',
    last_name: 'Blake',
    phone_number: '+12025550143',
    title: 'VP of Operations',
    department: 'Operations',
    account_id: northwind.id,
    owner_email: USERS.morgan.email,
    linkedin_url: 'https://www.linkedin.com/in/jordan-blake-example',
    custom_fields: { persona: 'Economic buyer' },
    created_at: '2025-02-03T09:15:47+00:00',
    updated_at: '2025-05-02T11:08:30+00:00',
  });
  const contoso = accountRecord({
    id: '2a6d9f13-8c4e-4b71-9e05-3f8a1c7d2b46',
    name: 'Contoso Pharmaceuticals',
    domain_name: 'contoso-pharma.com',
    official_website: 'https://contoso-pharma.com',
    owner_email: USERS.riley.email,
    custom_fields: { industry_segment: 'Healthcare' },
    created_at: '2025-02-10T10:05:00+00:00',
  });
  const fabrikam = accountRecord({
    id: '6c1f4a82-3e9b-4d07-8b6a-5e2d9c0f7a18',
    name: 'Fabrikam',
    domain_name: 'fabrikam.com',
    official_website: 'https://www.fabrikam.com',
    status: 'CUSTOMER',
    owner_email: USERS.sam.email,
    created_at: '2025-02-14T15:30:12+00:00',
  });
  const northwindLogistics = accountRecord({
    id: '9e3b7c25-6f1a-4a48-b2d9-0c4e8f5a1b67',
    name: 'Northwind Logistics',
    domain_name: 'northwind-logistics.com',
    official_website: 'https://northwind-logistics.com',
    owner_email: USERS.morgan.email,
    custom_fields: { industry_segment: 'Logistics' },
    created_at: '2025-03-02T08:45:39+00:00',
  });
  const tailspin = accountRecord({
    id: 'd4a8e1b6-2c7f-4e93-a5d0-7b3f9c2e8a51',
    name: 'Tailspin Toys',
    domain_name: 'tailspintoys.com',
    official_website: 'https://tailspintoys.com',
    owner_email: USERS.morgan.email,
    custom_fields: { industry_segment: 'Retail', tech_stack: ['Shopify'] },
    created_at: '2025-03-20T12:12:12+00:00',
  });

  return {
    users: Object.values(USERS).map(clone),
    mailboxes: [
      { ...SEEDED.mailbox, owner_user_email: USERS.morgan.email },
      {
        id: '0b5e8d3a-7c2f-4961-8e4b-1d9a6c3f5e27',
        email: 'morgan.ellery@acme-outbound.example',
        owner_user_email: USERS.morgan.email,
      },
      {
        id: '3d9c6a1f-5e8b-4c24-9f70-2a4e7b1d8c95',
        email: 'riley@mail.acme-outbound.example',
        owner_user_email: USERS.riley.email,
      },
      {
        id: '8f1e4c7b-2a5d-4e96-b3c8-6d0f9a2e5b41',
        email: 'sam@mail.acme-outbound.example',
        owner_user_email: USERS.sam.email,
      },
    ],
    sequences: [
      { id: SEEDED.sequence.id, name: SEEDED.sequence.name },
      { id: 'b3e7a9c2-4d1f-4b86-9a5e-8c2d0f6b3e17', name: 'Post-demo follow-up' },
    ],
    pipelines: [newBusinessPipeline('b5d2f8e6-0a9c-4f1b-8d3e-7c6a1f4b2e09')],
    closedReasons: clone(CLOSED_REASONS),
    customFields: [
      {
        id: '5a2c8e4f-1b7d-4a39-9c6e-0f3b8d2a7c14',
        record_type: 'account',
        api_name: 'industry_segment',
        display_name: 'Industry segment',
        is_array: false,
        options: ['Wholesale distribution', 'Retail', 'Manufacturing', 'Logistics', 'Healthcare'],
      },
      {
        id: 'e8b1d5a7-3c6f-4e02-8d9a-4b7c1e5f2a63',
        record_type: 'account',
        api_name: 'tech_stack',
        display_name: 'Tech stack',
        is_array: true,
        options: null,
      },
      {
        id: '1f6d3b9e-8a2c-4c75-b0e4-9d5a2f7c3b86',
        record_type: 'contact',
        api_name: 'persona',
        display_name: 'Persona',
        is_array: false,
        options: ['Economic buyer', 'Champion', 'Technical evaluator', 'End user'],
      },
      {
        id: '7c4a0e2d-9b5f-4d18-a6c3-2e8f1b4d9a50',
        record_type: 'contact',
        api_name: 'preferred_channel',
        display_name: 'Preferred channel',
        is_array: false,
        options: null,
      },
      {
        id: 'a2e9c7b4-6d3f-4a51-8e0b-5c1d9f3a6e28',
        record_type: 'opportunity',
        api_name: 'lead_source',
        display_name: 'Lead source',
        is_array: false,
        options: ['Inbound', 'Outbound', 'Partner', 'Event'],
      },
      {
        id: 'c6b3f1a8-0e4d-4f97-9b2c-7a5e3d8f1c04',
        record_type: 'opportunity',
        api_name: 'competitors',
        display_name: 'Competitors',
        is_array: true,
        options: null,
      },
    ],
    accounts: [northwind, contoso, fabrikam, northwindLogistics, tailspin],
    contacts: [
      jordan,
      contactRecord({
        id: '2e7b5d9a-4c1f-4a86-b3e0-9f6d2c8a5b71',
        email: 'jamie.lindqvist@northwind-traders.com',
        first_name: 'Jamie',
        last_name: 'Lindqvist',
        title: 'Procurement Manager',
        department: 'Procurement',
        account_id: northwind.id,
        owner_email: USERS.riley.email,
        created_at: '2025-02-05T14:20:00+00:00',
      }),
      contactRecord({
        id: '5d0a8c3e-7b2f-4e64-9a1d-3c8e6f0b4a92',
        email: 'alex.rivera@contoso-pharma.com',
        first_name: 'Alex',
        last_name: 'Rivera',
        phone_number: '+14155550178',
        title: 'Director of Lab Operations',
        account_id: contoso.id,
        owner_email: USERS.riley.email,
        custom_fields: { persona: 'Champion' },
        created_at: '2025-02-10T10:30:45+00:00',
      }),
      contactRecord({
        id: '9b4e1f7c-0a6d-4b38-8e2c-5f9a3d7b1e60',
        email: 'taylor.brooks@fabrikam.com',
        first_name: 'Taylor',
        last_name: 'Brooks',
        title: 'Head of Fleet',
        account_id: fabrikam.id,
        owner_email: USERS.sam.email,
        created_at: '2025-02-14T16:02:27+00:00',
      }),
      contactRecord({
        id: 'f7c2a5e9-3b8d-4f10-a4e6-1d7b9c3f5a28',
        email: 'robin.achterberg@tailspintoys.com',
        first_name: 'Robin',
        last_name: 'Achterberg',
        account_id: tailspin.id,
        owner_email: USERS.morgan.email,
        created_at: '2025-03-20T12:40:03+00:00',
      }),
    ],
    opportunities: [
      opportunity({
        id: SEEDED.opportunity.id,
        display_name: SEEDED.opportunity.name,
        account_id: northwind.id,
        owner_email: USERS.morgan.email,
        primary_contact_email: jordan.email,
        amount: 48000,
        stage_name: 'Proposal',
        status: 'DEAL',
        next_step_details: 'Send the revised proposal with volume pricing',
        next_step_due_at: '2025-06-20T16:00:00+00:00',
        custom_fields: { lead_source: 'Outbound', competitors: ['Globex'] },
        created_at: '2025-03-11T13:22:09+00:00',
        updated_at: '2025-06-02T08:51:44+00:00',
      }),
      opportunity({
        id: '4f8a2d6c-1e9b-4c53-b7a0-6d3e9f2c8b15',
        display_name: 'Contoso - Lab equipment renewal',
        account_id: contoso.id,
        owner_email: USERS.riley.email,
        primary_contact_email: 'alex.rivera@contoso-pharma.com',
        amount: 125000,
        stage_name: 'Qualification',
        status: 'PROSPECT',
        custom_fields: { lead_source: 'Inbound' },
        created_at: '2025-04-01T09:00:00+00:00',
      }),
      opportunity({
        id: '8d5c1a9f-6b2e-4f07-9c3d-0a7e4b8f2d63',
        display_name: 'Fabrikam - Fleet pilot',
        account_id: fabrikam.id,
        owner_email: USERS.sam.email,
        primary_contact_email: 'taylor.brooks@fabrikam.com',
        amount: 30000,
        stage_name: 'Closed Won',
        status: 'CLOSED_WON',
        closed_reason_names: ['Best product fit'],
        created_at: '2025-02-20T11:11:11+00:00',
      }),
      opportunity({
        id: '1c7e4b8a-9d3f-4a26-8f5b-2e0c6d9a4f37',
        display_name: 'Tailspin Toys - Holiday season',
        account_id: tailspin.id,
        owner_email: USERS.morgan.email,
        amount: 18000,
        stage_name: 'Closed Lost',
        status: 'CLOSED_LOST',
        closed_reason_names: ['Budget'],
        created_at: '2025-03-25T17:45:00+00:00',
      }),
    ],
    tasks: [
      {
        id: SEEDED.task.id,
        title: SEEDED.task.title,
        owner_email: USERS.morgan.email,
        status: 'OPEN',
        priority: 'HIGH',
        type: 'VOICE_CALL',
        due_at: '2025-06-18T15:00:00+00:00',
        note: 'Walk through the volume tiers before the review.',
        account_id: northwind.id,
        contact_emails: [jordan.email],
        opportunity_name: SEEDED.opportunity.name,
        created_at: '2025-06-02T09:03:17+00:00',
      },
      {
        id: '3a9f6c2e-8d1b-4e75-a0c4-7f2b5e9d1a86',
        title: 'Send Contoso the security questionnaire',
        owner_email: USERS.riley.email,
        status: 'IN_PROGRESS',
        priority: 'MEDIUM',
        type: 'EMAIL',
        due_at: '2025-06-25T12:00:00+00:00',
        note: null,
        account_id: contoso.id,
        contact_emails: ['alex.rivera@contoso-pharma.com'],
        opportunity_name: 'Contoso - Lab equipment renewal',
        created_at: '2025-06-03T10:00:00+00:00',
      },
    ],
    activities: [
      {
        id: 'e4a9d2f6-1c8b-4e3d-9f70-6a5b2c1d8e49',
        metadata: {
          activity_time: '2025-05-28T14:30:00+00:00',
          subject: 'Met at the Logistics Summit',
          description: 'Talked through their warehouse expansion and the timeline for Q3.',
          category: 'CONFERENCE',
        },
        account_id: northwind.id,
        contact_ids: [jordan.id],
        pipeline_id: SEEDED.opportunity.id,
        sequence_id: null,
        created_at: '2025-05-28T17:02:41+00:00',
      },
    ],
    enrollments: [
      {
        id: '6e2d8a4c-9b1f-4c7e-a3d0-5f8b2e6c9a71',
        contact_email: jordan.email,
        sequence_id: SEEDED.sequence.id,
        mailbox_email: SEEDED.mailbox.email,
        status: 'ACTIVE',
        created_at: '2025-04-07T10:12:55+00:00',
      },
    ],
    webhooks: [],
    notes: [{ id: SEEDED.note.id, created_at: '2025-06-02T09:30:00+00:00', updated_at: '2025-06-02T09:30:00+00:00' }],
    v2Attributes: primaryV2Attributes(),
  };
}

/** What v2 shows beyond v1's keys, for a few seeded records. */
function primaryV2Attributes(): Record<string, V2AttributeValues> {
  const admin = USERS.morgan.id;
  return {
    [SEEDED.account.id]: {
      created_by_user_id: admin,
      other_domains: ['northwind.example'],
      description: 'Wholesale distributor of specialty foods with three regional warehouses.',
      websites: ['https://www.northwind-traders.com'],
      address: {
        street_one: '1200 Harbor Way',
        street_two: 'Suite 400',
        city: 'Seattle',
        state: 'WA',
        country: 'US',
        zip_code: '98101',
      },
      estimated_annual_revenue: 42000000,
    },
    [SEEDED.contact.id]: {
      created_by_user_id: admin,
      stage: stageId('working'),
      participant_user_id_list: [USERS.riley.id],
      address: {
        street_one: '1200 Harbor Way',
        street_two: null,
        city: 'Seattle',
        state: 'WA',
        country: 'US',
        zip_code: '98101',
      },
    },
    '5d0a8c3e-7b2f-4e64-9a1d-3c8e6f0b4a92': { stage: stageId('qualified') },
    [SEEDED.opportunity.id]: {
      created_by_user_id: admin,
      stage_shift: { stage_name: 'Proposal', at: '2025-05-21T10:00:00+00:00' },
    },
    [SEEDED.task.id]: { created_by_user_id: admin, source_type: 'MANUAL', updated_at: '2025-06-02T09:03:17+00:00' },
    [SEEDED.note.id]: {
      created_by_user_id: admin,
      owner_user_id: admin,
      note_html: '<p>Discovery call recap: three warehouses, rollout in Q3.</p>',
      title: 'Discovery call',
      is_private: false,
      contact_id: SEEDED.contact.id,
      account_id: SEEDED.account.id,
      opportunity_id: SEEDED.opportunity.id,
    },
  };
}

/** A small second organization, to show that keys, data and quota are per organization. */
function secondWorkspace(): WorkspaceData {
  const user = {
    id: '6a3d9e1c-4f7b-4b28-8c5e-0d2f7a9b3e61',
    email: 'drew.hartley@globex-sales.example',
    first_name: 'Drew',
    last_name: 'Hartley',
  };
  return {
    users: [user],
    mailboxes: [
      {
        id: 'c1e8b4f2-7a3d-4e69-9b0c-5f2d8a6e1c39',
        email: 'drew@mail.globex-sales.example',
        owner_user_email: user.email,
      },
    ],
    sequences: [{ id: 'e5b2d8f1-3c9a-4d74-8f6e-1a4c7b0d9e52', name: 'Globex cold outreach' }],
    pipelines: [newBusinessPipeline('7d1f5b3a-2e8c-4a96-b4d7-9c0e3f6a2b18')],
    closedReasons: clone(CLOSED_REASONS),
    customFields: [],
    accounts: [
      accountRecord({
        id: '0e6c3a9d-5b2f-4f81-a7e4-3d9b1c6f8a25',
        name: 'Initech',
        domain_name: 'initech-software.com',
        official_website: 'https://initech-software.com',
        owner_email: user.email,
        created_at: '2025-01-15T09:30:00+00:00',
      }),
    ],
    contacts: [
      contactRecord({
        id: '4d1b8f6a-9e3c-4a07-b5d2-8c6f0e3a9b74',
        email: 'pat.lindgren@initech-software.com',
        first_name: 'Pat',
        last_name: 'Lindgren',
        account_id: '0e6c3a9d-5b2f-4f81-a7e4-3d9b1c6f8a25',
        owner_email: user.email,
        created_at: '2025-01-15T09:45:00+00:00',
      }),
    ],
    opportunities: [],
    tasks: [],
    activities: [],
    enrollments: [],
    webhooks: [],
  };
}

export function seedData(): Record<string, WorkspaceData> {
  return { [PRIMARY_ORG]: primaryWorkspace(), [SECOND_ORG]: secondWorkspace() };
}
