import { ADDRESS_PART_LABELS, ADDRESS_PARTS, type AddressPart, type Plain, type Reading } from './v2-values';

/**
 * The response-side catalog: every key the app outputs for a Reevo record, described once — its
 * label and type for Zapier, where v1 responses carry it, which v2 attribute it is read from, and
 * a realistic example. Output fields, static samples (src/samples.ts) and the reading of records
 * (src/output-records.ts) are all derived from it; docs/reevo-api.md §2.2 and §3.2 are its sources.
 *
 * Output keys are v1's names where v1 has the value (so Zaps built on v1 answers keep working) and
 * v2's otherwise. A key with `__` is nested in the record: `metadata__subject` is `metadata.subject`.
 */

export type OutputType = 'string' | 'number' | 'boolean' | 'datetime';

/** Where a v2 record holds a key's value, and how its value type is read (src/v2-values.ts). */
interface V2Source {
  /** The attribute's API name; several when Reevo's pages disagree (the first one present wins). */
  readonly attribute: string | readonly string[];
  readonly reading?: Reading;
  /** For `address` attributes: the part this key holds. */
  readonly part?: AddressPart;
}

export interface OutputKey<K extends string = string> {
  readonly key: K;
  readonly label: string;
  /** Zapier's type; text when absent. */
  readonly type?: OutputType;
  /** A list of values (Zapier line items). */
  readonly list?: boolean;
  /** The key in v1 responses (`.` for nested keys); absent when v1 does not return it. */
  readonly v1?: string;
  /** The v2 attribute it is read from; absent when v2 does not return it. */
  readonly v2?: V2Source;
  /** A realistic, fictional value for static samples: never one workspace's custom fields. */
  readonly example: Plain;
}

/** Record types with a v2 record API (and a `_query`). */
export type V2RecordType = 'account' | 'contact' | 'opportunity' | 'task' | 'note';

/** Every response shape the app outputs; `user`, `mailbox`, `enrollment` and `activity` come from v1 only. */
export type RecordType = V2RecordType | 'user' | 'mailbox' | 'enrollment' | 'activity';

// Shared by the examples, so records refer to each other consistently.
const ids = {
  user: '1d7e3a95-4f2c-4b8e-8a6d-3c9f0e5b7a12',
  otherUser: '6b2f9d14-8e3a-4c7b-9f05-2d1e8a7c3b69',
  mailbox: '9c4b1e7a-3d6f-4a2e-b8c5-7f0d2a9e1b36',
  account: '3f6c2a9e-8b1d-4e57-9a0c-5d2e7f1b4c63',
  contact: '8a1e4b27-5c9d-4f3a-b6e2-0d7c9f1a2e54',
  opportunity: 'c27d9e41-6a3b-4d8f-8e15-2b9f0a7c6d38',
  task: '5b0f8c13-2e7a-4c69-a4d1-9e3b6f2a8c07',
  note: 'd9a6e2b4-3f1c-4a8e-b7d5-1c0e9f4a6b27',
  activity: 'e4a9d2f6-1c8b-4e3d-9f70-6a5b2c1d8e49',
  enrollment: '6e2d8a4c-9b1f-4c7e-a3d0-5f8b2e6c9a71',
  sequence: 'a8f3c6d1-7e2b-4d9a-8c4f-1b6e9d3a5c20',
  contactStage: '4c8e1a7d-2b9f-4e36-a5d0-8f3b6c1e9a24',
  accountStage: '7a3d9c1e-5f2b-4d8a-b6e0-3c9f1a7e2d58',
  opportunityStage: 'b5e2c8f1-9a4d-4b7e-8c3f-6d1a0e9b2c47',
} as const;

const userEmail = 'morgan.ellery@acme-outbound.example';
const contactEmail = 'jordan.blake@northwind-traders.com';
const opportunityName = 'Northwind Traders - Warehouse rollout';

/** A key both APIs return under the same name. */
const both = <const K extends string, const E extends Plain>(
  key: K,
  label: string,
  example: E,
  kind: Pick<OutputKey, 'type' | 'list'> = {},
) => ({ key, label, ...kind, v1: key, v2: { attribute: key }, example }) as const;

/** A key only v2 returns. */
const v2Only = <const K extends string, const E extends Plain>(
  key: K,
  label: string,
  example: E,
  v2: V2Source = { attribute: key },
  kind: Pick<OutputKey, 'type' | 'list'> = {},
) => ({ key, label, ...kind, v2, example }) as const;

/** A key only v1 returns. */
const v1Only = <const K extends string, const E extends Plain>(
  key: K,
  label: string,
  example: E,
  kind: Pick<OutputKey, 'type' | 'list'> = {},
) => ({ key, label, ...kind, v1: key, example }) as const;

const timestamps = (createdAt: string, updatedAt: string) =>
  [
    both('created_at', 'Created At', createdAt, { type: 'datetime' }),
    both('updated_at', 'Updated At', updatedAt, { type: 'datetime' }),
  ] as const;

/** For records v1 does not return. */
const v2Timestamps = (createdAt: string, updatedAt: string) =>
  [
    v2Only('created_at', 'Created At', createdAt, undefined, { type: 'datetime' }),
    v2Only('updated_at', 'Updated At', updatedAt, undefined, { type: 'datetime' }),
  ] as const;

const socialUrls = (slug: string, kind: 'company' | 'in') =>
  [
    both('linkedin_url', 'LinkedIn URL', `https://www.linkedin.com/${kind}/${slug}` as string),
    both('facebook_url', 'Facebook URL', null as string | null),
    both('zoominfo_url', 'ZoomInfo URL', null as string | null),
    both('x_url', 'X (Twitter) URL', kind === 'company' ? 'https://x.com/northwind_example' : null),
  ] as const;

/** An address attribute as flat keys, `address_city` and so on. */
const address = (labelPrefix: string, example: Readonly<Record<AddressPart, string | null>>) =>
  ADDRESS_PARTS.map((part) => ({
    key: `address_${part}` as const,
    label: `${labelPrefix} ${ADDRESS_PART_LABELS[part]}`,
    v2: { attribute: 'address', part },
    example: example[part],
  }));

const ownerUserId = (label: string) => v2Only('owner_user_id', label, ids.user);
const createdByUserId = v2Only('created_by_user_id', 'Created By User ID', ids.otherUser);

const account = [
  { key: 'id', label: 'Account ID', v1: 'id', v2: { attribute: 'id' }, example: ids.account },
  {
    key: 'name',
    label: 'Account Name',
    v1: 'name',
    v2: { attribute: ['display_name', 'name'] },
    example: 'Northwind Traders',
  },
  {
    key: 'domain_name',
    label: 'Domain',
    v1: 'domain_name',
    v2: { attribute: 'domains', reading: 'primary' },
    example: 'northwind-traders.com',
  },
  {
    key: 'domains',
    label: 'All Domains',
    list: true,
    v1: 'domain_name',
    v2: { attribute: 'domains' },
    example: ['northwind-traders.com', 'northwind.example'],
  },
  both('official_website', 'Website', 'https://www.northwind-traders.com'),
  v2Only('websites', 'All Websites', ['https://www.northwind-traders.com'], undefined, { list: true }),
  v1Only('status', 'Account Status', 'CUSTOMER'),
  // [assumed] `current_stage_id` holds an `account_stage` object (its value type is not published); a bare id reads as the id.
  v2Only('stage', 'Account Stage', 'Customer', { attribute: 'current_stage_id' }),
  v2Only('stage_id', 'Account Stage ID', ids.accountStage, { attribute: 'current_stage_id', reading: 'id' }),
  v1Only('owner_email', 'Account Owner Email', userEmail),
  ownerUserId('Account Owner User ID'),
  v2Only('description', 'Description', 'Wholesale distributor of specialty foods with three regional warehouses.'),
  v2Only('estimated_annual_revenue', 'Estimated Annual Revenue', 42000000, undefined, { type: 'number' }),
  ...socialUrls('northwind-traders-example', 'company'),
  ...address('Account', {
    street_one: '1200 Harbor Way',
    street_two: 'Suite 400',
    city: 'Seattle',
    state: 'WA',
    country: 'US',
    zip_code: '98101',
  }),
  createdByUserId,
  ...timestamps('2025-02-03T09:14:22+00:00', '2025-05-19T16:40:05+00:00'),
] as const satisfies readonly OutputKey[];

const contact = [
  { key: 'id', label: 'Contact ID', v1: 'id', v2: { attribute: 'id' }, example: ids.contact },
  // The primary email; from the list when Reevo leaves primary_email out.
  {
    key: 'email',
    label: 'Email',
    v1: 'email',
    v2: { attribute: ['primary_email', 'contact_emails'], reading: 'primary' },
    example: contactEmail,
  },
  {
    key: 'emails',
    label: 'All Emails',
    list: true,
    v1: 'email',
    v2: { attribute: 'contact_emails' },
    example: [contactEmail, 'jordan@blake.example'],
  },
  both('first_name', 'First Name', 'Jordan'),
  both('middle_name', 'Middle Name', null as string | null),
  both('last_name', 'Last Name', 'Blake'),
  v2Only('display_name', 'Full Name', 'Jordan Blake'),
  {
    key: 'phone_number',
    label: 'Phone Number',
    v1: 'phone_number',
    v2: { attribute: ['primary_phone_number', 'contact_phone_numbers'], reading: 'primary' },
    example: '+12025550143',
  },
  {
    key: 'phone_numbers',
    label: 'All Phone Numbers',
    list: true,
    v1: 'phone_number',
    v2: { attribute: 'contact_phone_numbers' },
    example: ['+12025550143'],
  },
  both('title', 'Job Title', 'VP of Operations'),
  both('department', 'Department', 'Operations'),
  v2Only('stage', 'Contact Stage', 'Working'),
  v2Only('stage_id', 'Contact Stage ID', ids.contactStage, { attribute: 'stage', reading: 'id' }),
  v1Only('account_id', 'Account ID', ids.account as string | null),
  v1Only('owner_email', 'Contact Owner Email', userEmail),
  // [assumed] the contact's owner attribute (the published dump is cut off before it).
  ownerUserId('Contact Owner User ID'),
  v2Only('sms_consent', 'SMS Consent', false, undefined, { type: 'boolean' }),
  ...socialUrls('jordan-blake-example', 'in'),
  ...address('Contact', {
    street_one: '1200 Harbor Way',
    street_two: null,
    city: 'Seattle',
    state: 'WA',
    country: 'US',
    zip_code: '98101',
  }),
  createdByUserId,
  ...timestamps('2025-02-03T09:15:47+00:00', '2025-05-02T11:08:30+00:00'),
] as const satisfies readonly OutputKey[];

const opportunity = [
  { key: 'id', label: 'Opportunity ID', v1: 'id', v2: { attribute: 'id' }, example: ids.opportunity },
  both('display_name', 'Opportunity Name', opportunityName),
  both('account_id', 'Account ID', ids.account),
  v1Only('owner_email', 'Opportunity Owner Email', userEmail),
  ownerUserId('Opportunity Owner User ID'),
  v1Only('primary_contact_email', 'Primary Contact Email', contactEmail as string | null),
  v1Only('additional_contact_emails', 'Additional Contact Emails', [] as string[], { list: true }),
  both('amount', 'Amount', 48000 as number | null, { type: 'number' }),
  v1Only('pipeline_name', 'Pipeline', 'New Business'),
  { key: 'stage_name', label: 'Stage', v1: 'stage_name', v2: { attribute: 'stage' }, example: 'Proposal' },
  v2Only('stage_id', 'Stage ID', ids.opportunityStage, { attribute: 'stage', reading: 'id' }),
  both('status', 'Status', 'DEAL'),
  v2Only('outcome', 'Outcome', null as string | null),
  both('next_step_details', 'Next Step', 'Send the revised proposal with volume pricing' as string | null),
  both('next_step_due_at', 'Next Step Due', '2025-06-20T16:00:00+00:00' as string | null, { type: 'datetime' }),
  v2Only('next_meeting_date', 'Next Meeting', '2025-06-17T15:30:00+00:00', undefined, { type: 'datetime' }),
  v1Only('closed_reason_names', 'Closed Reasons', [] as string[], { list: true }),
  v2Only('closed_at', 'Closed At', null as string | null, undefined, { type: 'datetime' }),
  v2Only('stage_last_shifted_at', 'Stage Last Changed At', '2025-06-02T08:51:44+00:00', undefined, {
    type: 'datetime',
  }),
  createdByUserId,
  ...timestamps('2025-03-11T13:22:09+00:00', '2025-06-02T08:51:44+00:00'),
] as const satisfies readonly OutputKey[];

const task = [
  { key: 'id', label: 'Task ID', v1: 'id', v2: { attribute: 'id' }, example: ids.task },
  both('title', 'Title', 'Call Jordan about the proposal'),
  v1Only('owner_email', 'Assignee Email', userEmail),
  ownerUserId('Assignee User ID'),
  both('status', 'Status', 'OPEN'),
  both('priority', 'Priority', 'HIGH'),
  both('type', 'Type', 'VOICE_CALL'),
  v2Only('source_type', 'Source', 'USER'),
  both('due_at', 'Due', '2025-06-18T15:00:00+00:00' as string | null, { type: 'datetime' }),
  both('note', 'Note', 'Walk through the volume tiers before the review.' as string | null),
  v1Only('account_id', 'Account ID', ids.account as string | null),
  v1Only('contact_emails', 'Contact Emails', [contactEmail] as string[], { list: true }),
  v1Only('opportunity_name', 'Opportunity Name', opportunityName as string | null),
  {
    key: 'created_at',
    label: 'Created At',
    type: 'datetime',
    v1: 'created_at',
    v2: { attribute: 'created_at' },
    example: '2025-06-02T09:03:17+00:00',
  },
  // v1 answers a task without updated_at.
  v2Only('updated_at', 'Updated At', '2025-06-02T09:03:17+00:00', undefined, { type: 'datetime' }),
] as const satisfies readonly OutputKey[];

const note = [
  v2Only('id', 'Note ID', ids.note),
  v2Only('title', 'Title', 'Discovery call recap'),
  v2Only('note_html', 'Note (HTML)', '<p>Discovery call recap: three warehouses, rollout in Q3.</p>'),
  ownerUserId('Owner User ID'),
  v2Only('is_private', 'Private', false, undefined, { type: 'boolean' }),
  // [assumed] the names of a note's links to its records (docs/reevo-api.md §3.2).
  v2Only('contact_id', 'Contact ID', ids.contact),
  v2Only('account_id', 'Account ID', ids.account),
  v2Only('opportunity_id', 'Opportunity ID', ids.opportunity),
  createdByUserId,
  ...v2Timestamps('2025-06-03T10:20:00+00:00', '2025-06-03T10:20:00+00:00'),
] as const satisfies readonly OutputKey[];

const user = [
  v1Only('id', 'User ID', ids.user),
  v1Only('email', 'Email', userEmail),
  v1Only('first_name', 'First Name', 'Morgan'),
  v1Only('last_name', 'Last Name', 'Ellery'),
] as const satisfies readonly OutputKey[];

const mailbox = [
  v1Only('id', 'Mailbox ID', ids.mailbox),
  v1Only('email', 'Mailbox Email', 'morgan@mail.acme-outbound.example'),
  v1Only('owner_user_email', 'Owner Email', userEmail),
] as const satisfies readonly OutputKey[];

const enrollment = [
  v1Only('id', 'Enrollment ID', ids.enrollment),
  v1Only('contact_email', 'Contact Email', contactEmail),
  v1Only('sequence_id', 'Sequence ID', ids.sequence),
  v1Only('mailbox_email', 'Sending Mailbox', 'morgan@mail.acme-outbound.example'),
  v1Only('status', 'Enrollment Status', 'ACTIVE'),
  v1Only('created_at', 'Enrolled At', '2025-04-07T10:12:55+00:00', { type: 'datetime' }),
] as const satisfies readonly OutputKey[];

const activity = [
  both('id', 'Activity ID', ids.activity),
  {
    key: 'metadata__activity_time',
    label: 'Activity Time',
    type: 'datetime',
    v1: 'metadata.activity_time',
    example: '2025-05-28T14:30:00+00:00',
  },
  { key: 'metadata__subject', label: 'Subject', v1: 'metadata.subject', example: 'Met at the Logistics Summit' },
  {
    key: 'metadata__description',
    label: 'Description',
    v1: 'metadata.description',
    example: 'Talked through their warehouse expansion and the timeline for Q3.',
  },
  { key: 'metadata__category', label: 'Category', v1: 'metadata.category', example: 'CONFERENCE' },
  both('account_id', 'Account ID', ids.account as string | null),
  both('contact_ids', 'Contact IDs', [ids.contact] as string[], { list: true }),
  // v1 calls the opportunity a pipeline; v2 calls it what it is.
  {
    key: 'pipeline_id',
    label: 'Opportunity ID',
    v1: 'pipeline_id',
    v2: { attribute: 'opportunity_id' },
    example: ids.opportunity as string | null,
  },
  both('sequence_id', 'Sequence ID', null as string | null),
  both('created_at', 'Created At', '2025-05-28T17:02:41+00:00', { type: 'datetime' }),
] as const satisfies readonly OutputKey[];

const CATALOG = { account, contact, opportunity, task, note, user, mailbox, enrollment, activity } as const;

/** Every record type's output keys, in output order. */
export const OUTPUT_CATALOG: Readonly<Record<RecordType, readonly OutputKey[]>> = CATALOG;

/** Sets `metadata__subject: X` as `metadata: {subject: X}`, one level deep (the catalog nests no deeper). */
type Nested<T> = {
  [K in keyof T as K extends `${infer Head}__${string}` ? Head : K]: K extends `${infer Head}__${string}`
    ? { [J in keyof T as J extends `${Head}__${infer Rest}` ? Rest : never]: T[J] }
    : T[K];
};

type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer I)[]
        ? Widen<I>[]
        : T;
type Dotted<K extends string> = K extends `${infer Head}__${infer Rest}` ? `${Head}.${Dotted<Rest>}` : K;
type EntryOf<T extends RecordType> = (typeof CATALOG)[T][number];

/** A sample of the type: every key of the catalog, typed by its example. */
export type SampleRecord<T extends RecordType> = Nested<{ [E in EntryOf<T> as E['key']]: Widen<E['example']> }>;

/** A sample of the type as v1 answers it: the keys v1 returns under the same name. */
export type V1SampleRecord<T extends RecordType> = Nested<{
  [E in EntryOf<T> as E extends { readonly v1: Dotted<E['key']> } ? E['key'] : never]: Widen<E['example']>;
}>;

/** Record types whose records carry custom fields (v1's `custom_fields`; v2's custom attributes): the v2 record types. */
export const CUSTOM_FIELD_TYPES: ReadonlySet<RecordType> = new Set<V2RecordType>([
  'account',
  'contact',
  'opportunity',
  'task',
  'note',
]);

/** The v2 attribute names a key may be read from. */
export function v2Attributes(entry: OutputKey): readonly string[] {
  if (!entry.v2) return [];
  return typeof entry.v2.attribute === 'string' ? [entry.v2.attribute] : entry.v2.attribute;
}

/** Published standard attributes the app deliberately does not output. */
export const UNUSED_V2_ATTRIBUTES: ReadonlySet<string> = new Set([
  'organization_id',
  'participant_user_id_list',
  'owner_team_id',
  'updated_by_user_id',
  'deleted_at',
  'deleted_by_user_id',
]);
