/**
 * Wire schemas of the Reevo API, transcribed by hand from docs/reevo-api.md §2.1, §3 and §4
 * (v2's top-level bodies live with the v2 emulation, sandbox/v2/bodies.ts).
 *
 * This is deliberately an independent transcription: it must not be derived from the app's field
 * catalog, so that an app request that drifts from the contract fails against the sandbox.
 * Every body object is strict (FastAPI's extra="forbid"): an unknown key is a 422.
 * Optional fields also accept null, as a FastAPI `Optional[...] = None` field does [assumed].
 */
import { z } from 'zod';
import { v2QueryBody as v2Query } from './v2/bodies';

const email = z.email();
const uuid = z.guid();
/** ISO-8601 date-time; an offset or Z is allowed, a bare date is not. */
const dateTime = z.iso.datetime({ offset: true, local: true });
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();

/** Keyed by the custom field's API name or UUID; value a string or an array of strings. */
const customFieldsSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

export const TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'BLOCKED', 'COMPLETED', 'CLOSED'] as const;
export const TASK_PRIORITIES = ['URGENT', 'HIGH', 'MEDIUM', 'LOW'] as const;
export const TASK_TYPES = [
  'ACTION_ITEM',
  'LINKEDIN_MESSAGE',
  'REMINDER',
  'SCHEDULING',
  'EMAIL',
  'VOICE_CALL',
  'LINKEDIN_CONNECT_REQUEST',
  'SMS_MESSAGE',
  'CUSTOM_TASK',
] as const;
const ACTIVITY_CATEGORIES = [
  'TEXT',
  'LINKEDIN',
  'SOCIAL_MEDIA',
  'EVENT',
  'CONFERENCE',
  'WEBINAR',
  'CALL',
  'OTHER',
] as const;
const OPPORTUNITY_SEARCH_STATUSES = ['PROSPECT', 'DEAL'] as const;

const WEBHOOK_EVENT_TYPES = [
  'account.created',
  'account.updated',
  'contact.created',
  'contact.updated',
  'opportunity.created',
  'opportunity.updated',
  'opportunity.stage_changed',
  'task.created',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const limit = z.int().min(1);
const offset = z.int().min(0);

const upsertAccountContact = z.strictObject({
  email,
  first_name: optional(z.string()),
  middle_name: optional(z.string()),
  last_name: optional(z.string()),
  phone_number: optional(z.string()),
  company: optional(z.string()),
  title: optional(z.string()),
  department: optional(z.string()),
  contact_linkedin_url: optional(z.string()),
  contact_facebook_url: optional(z.string()),
  contact_zoominfo_url: optional(z.string()),
  contact_x_url: optional(z.string()),
  contact_owner_email: optional(email),
  account_linkedin_url: optional(z.string()),
  account_facebook_url: optional(z.string()),
  account_zoominfo_url: optional(z.string()),
  account_x_url: optional(z.string()),
  account_owner_email: optional(email),
  account_website: optional(z.string()),
  account_custom_fields: optional(customFieldsSchema),
  contact_custom_fields: optional(customFieldsSchema),
});

const updateAccount = z.strictObject({
  // Required on create, so it cannot be cleared.
  name: z.string().optional(),
  owner_email: optional(email),
  official_website: optional(z.string()),
  linkedin_url: optional(z.string()),
  facebook_url: optional(z.string()),
  zoominfo_url: optional(z.string()),
  x_url: optional(z.string()),
  custom_fields: optional(customFieldsSchema),
});

const createAccount = updateAccount.extend({
  name: z.string(),
  domain_name: optional(z.string()),
});

const searchAccounts = z.strictObject({
  domain_name: z.string(),
  limit: limit.default(100),
  offset: offset.default(0),
});

const searchContacts = z.strictObject({
  contact_email: optional(email),
  owner_email: optional(email),
  limit: limit.default(50),
  offset: offset.default(0),
});

const createOpportunity = z.strictObject({
  display_name: z.string(),
  account_id: uuid,
  owner_email: optional(email),
  primary_contact_email: optional(email),
  amount: optional(z.number()),
  pipeline_name: optional(z.string()),
  custom_fields: optional(customFieldsSchema),
});

const updateOpportunity = z.strictObject({
  // Required on create, so they cannot be cleared.
  display_name: z.string().optional(),
  account_id: uuid.optional(),
  owner_email: optional(email),
  primary_contact_email: optional(email),
  additional_contact_emails: optional(z.array(email)),
  amount: optional(z.number()),
  next_step_details: optional(z.string()),
  next_step_due_at: optional(dateTime),
  custom_fields: optional(customFieldsSchema),
});

const searchOpportunities = z.strictObject({
  display_name: optional(z.string()),
  account_id: optional(uuid),
  owner_email: optional(email),
  status: optional(z.enum(OPPORTUNITY_SEARCH_STATUSES)),
  stage_name: optional(z.string()),
  // The contract's sources disagree (50 or 100); the sandbox picks 50 [assumed].
  limit: limit.default(50),
  offset: offset.default(0),
});

const shiftStage = z.strictObject({
  target_stage_name: z.string(),
  closed_reason_names: optional(z.array(z.string())),
  closed_reason_custom_detail: optional(z.string()),
});

const createTask = z.strictObject({
  title: z.string(),
  owner_email: email,
  status: optional(z.enum(TASK_STATUSES)),
  priority: optional(z.enum(TASK_PRIORITIES)),
  type: optional(z.enum(TASK_TYPES)),
  due_at: optional(dateTime),
  note: optional(z.string()),
  account_id: optional(uuid),
  contact_emails: optional(z.array(email)),
  opportunity_name: optional(z.string()),
});

const createManualActivity = z.strictObject({
  metadata: z.strictObject({
    activity_time: dateTime,
    subject: z.string(),
    description: z.string(),
    category: optional(z.enum(ACTIVITY_CATEGORIES)),
  }),
  account_id: optional(uuid),
  contact_ids: optional(z.array(uuid)),
  pipeline_id: optional(uuid),
  sequence_id: optional(uuid),
});

const searchUsers = z.strictObject({ email });
const searchMailboxes = z.strictObject({ owner_user_email: email });

const createSequenceEnrollment = z.strictObject({
  contact_email: email,
  sequence_id: uuid,
  mailbox_email: optional(email),
});

/** Query of GET /account_and_contact_retrieval; "exactly one" is checked by the route. */
const accountAndContactRetrieval = z.object({
  contact_email: email.optional(),
  account_domain: z.string().optional(),
  contact_phone_number: z.string().optional(),
});

const httpUrl = z.url({ protocol: /^https?$/ });

const createWebhook = z.strictObject({
  target_url: httpUrl,
  event_types: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1),
  description: optional(z.string()),
});

/** `payload_type=json` is required on the upsert and harmless elsewhere. */
export const upsertQuerySchema = z.object({ payload_type: z.literal('json') });

/** The sandbox's request schemas, keyed by endpoint. */
export const wireSchemas = {
  upsertAccountContact,
  createAccount,
  updateAccount,
  searchAccounts,
  searchContacts,
  createOpportunity,
  updateOpportunity,
  searchOpportunities,
  shiftStage,
  createTask,
  createManualActivity,
  searchUsers,
  searchMailboxes,
  createSequenceEnrollment,
  accountAndContactRetrieval,
  createWebhook,
  v2Query,
} as const;

export type WireSchemas = typeof wireSchemas;
export type WireInput<K extends keyof WireSchemas> = z.output<WireSchemas[K]>;
