/**
 * Sample Reevo records, one per response shape of the contract (shared/reevo-api.md §2.2).
 *
 * The Zapier app uses them as operation samples and the local sandbox seeds its store with
 * exactly these records, so a sample and what the sandbox returns for the same id agree.
 * Everything here is fictional. This module must not import from sandbox/: the app bundles it.
 */

export type CustomFieldValues = Record<string, string | string[]>;

export const sampleUser = {
  id: '1d7e3a95-4f2c-4b8e-8a6d-3c9f0e5b7a12',
  email: 'morgan.ellery@acme-outbound.example',
  first_name: 'Morgan',
  last_name: 'Ellery',
};

export const sampleMailbox = {
  id: '9c4b1e7a-3d6f-4a2e-b8c5-7f0d2a9e1b36',
  email: 'morgan@mail.acme-outbound.example',
  owner_user_email: sampleUser.email,
};

export const sampleAccount = {
  id: '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63',
  name: 'Northwind Traders',
  domain_name: 'northwind-traders.com',
  official_website: 'https://www.northwind-traders.com',
  status: 'CUSTOMER',
  owner_email: sampleUser.email,
  linkedin_url: 'https://www.linkedin.com/company/northwind-traders-example',
  facebook_url: null as string | null,
  zoominfo_url: null as string | null,
  x_url: 'https://x.com/northwind_example',
  custom_fields: {
    industry_segment: 'Wholesale distribution',
    tech_stack: ['NetSuite', 'Shopify'],
  } as CustomFieldValues,
  created_at: '2025-02-03T09:14:22+00:00',
  updated_at: '2025-05-19T16:40:05+00:00',
};

export const sampleContact = {
  id: '8a1e4b27-5c9d-4f3a-b6e2-0d7c9f1a2e54',
  email: 'jordan.blake@northwind-traders.com',
  first_name: 'Jordan',
  middle_name: null as string | null,
  last_name: 'Blake',
  phone_number: '+12025550143',
  title: 'VP of Operations',
  department: 'Operations',
  account_id: sampleAccount.id,
  owner_email: sampleUser.email,
  linkedin_url: 'https://www.linkedin.com/in/jordan-blake-example',
  facebook_url: null as string | null,
  zoominfo_url: null as string | null,
  x_url: null as string | null,
  custom_fields: { persona: 'Economic buyer' } as CustomFieldValues,
  created_at: '2025-02-03T09:15:47+00:00',
  updated_at: '2025-05-02T11:08:30+00:00',
};

export const sampleOpportunity = {
  id: 'c27d9e41-6a3b-4d8f-8e15-2b9f0a7c6d38',
  display_name: 'Northwind Traders - Warehouse rollout',
  account_id: sampleAccount.id,
  owner_email: sampleUser.email,
  primary_contact_email: sampleContact.email,
  additional_contact_emails: [] as string[],
  amount: 48000 as number | null,
  pipeline_name: 'New Business',
  stage_name: 'Proposal',
  status: 'DEAL',
  next_step_details: 'Send the revised proposal with volume pricing' as string | null,
  next_step_due_at: '2025-06-20T16:00:00+00:00' as string | null,
  closed_reason_names: [] as string[],
  custom_fields: { lead_source: 'Outbound', competitors: ['Globex'] } as CustomFieldValues,
  created_at: '2025-03-11T13:22:09+00:00',
  updated_at: '2025-06-02T08:51:44+00:00',
};

export const sampleTask = {
  id: '5b0f8c13-2e7a-4c69-a4d1-9e3b6f2a8c07',
  title: 'Call Jordan about the proposal',
  owner_email: sampleUser.email,
  status: 'OPEN',
  priority: 'HIGH',
  type: 'VOICE_CALL',
  due_at: '2025-06-18T15:00:00+00:00' as string | null,
  note: 'Walk through the volume tiers before the review.' as string | null,
  account_id: sampleAccount.id as string | null,
  contact_emails: [sampleContact.email],
  opportunity_name: sampleOpportunity.display_name as string | null,
  created_at: '2025-06-02T09:03:17+00:00',
};

export const sampleManualActivity = {
  id: 'e4a9d2f6-1c8b-4e3d-9f70-6a5b2c1d8e49',
  metadata: {
    activity_time: '2025-05-28T14:30:00+00:00',
    subject: 'Met at the Logistics Summit',
    description: 'Talked through their warehouse expansion and the timeline for Q3.',
    category: 'CONFERENCE',
  },
  account_id: sampleAccount.id as string | null,
  contact_ids: [sampleContact.id],
  pipeline_id: sampleOpportunity.id as string | null,
  sequence_id: null as string | null,
  created_at: '2025-05-28T17:02:41+00:00',
};

export const sampleEnrollment = {
  id: '6e2d8a4c-9b1f-4c7e-a3d0-5f8b2e6c9a71',
  contact_email: sampleContact.email,
  sequence_id: 'a8f3c6d1-7e2b-4d9a-8c4f-1b6e9d3a5c20',
  mailbox_email: sampleMailbox.email,
  status: 'ACTIVE',
  created_at: '2025-04-07T10:12:55+00:00',
};

export const sampleUpsertResult = {
  account: sampleAccount,
  contact: sampleContact,
  account_id: sampleAccount.id,
  contact_id: sampleContact.id,
  action: 'updated' as 'created' | 'updated',
};

export const sampleRetrieval = {
  account: sampleAccount as typeof sampleAccount | null,
  contact: sampleContact as typeof sampleContact | null,
};

export const sampleWebhookSubscription = {
  id: 'f1c7e9a3-5d2b-4e8f-9a6c-4d0b8e2f7a95',
  target_url: 'https://hooks.zapier.com/hooks/standard/000000/sample/',
  event_types: ['contact.created'],
  status: 'ACTIVE',
  secret: 'whsec_sample_not_a_real_secret',
  created_at: '2025-06-01T12:00:00+00:00',
};
