import {
  accountFields as account,
  activityFields as activity,
  contactFields as contact,
  opportunityFields as opportunity,
  peopleFields as people,
  retrievalFields as retrieval,
  taskFields as task,
  noteFields as note,
  taskUpdateFields as taskUpdate,
  contactUpdateFields as contactUpdate,
  type Field,
} from './fields';
import { ACCOUNT_MATCH_KEY, type AttributeForm } from './v2-writes';
import { v2Permissions } from './v2-permissions';

/**
 * The Reevo endpoints the app and the Clay recipes call (docs/reevo-api.md: v1 §2, v2 writes §3), each
 * with the fields it takes. This is the one transcription of the contract's request side.
 */

export const V1 = '/api/v1/public';
export const V2 = '/api/v2';

export type Permission =
  | 'Accounts (read)'
  | 'Accounts (write)'
  | 'Contacts (read)'
  | 'Contacts (write)'
  | 'Opportunities (read)'
  | 'Opportunities (write)'
  | 'Tasks (read)'
  | 'Tasks (write)'
  | 'Activities (write)'
  | 'Users (read)'
  | 'Mailbox (read)'
  | 'Sequence Enrollment (write)'
  | 'Webhooks (read)'
  | 'Webhooks (write)';

export interface Param {
  readonly field: Field;
  readonly required?: boolean;
  /** Where the value goes; `body` unless said. */
  readonly in?: 'body' | 'path' | 'query';
  /** A body object the value sits in, e.g. `metadata` for a manual activity's subject, `attributes` in v2. */
  readonly under?: string;
  /** The body key when it is not the input key, e.g. the v2 attribute `owner_user_id` of the input `owner_email`. */
  readonly as?: string;
  /** How a v2 attribute wraps the value (src/v2-writes.ts); the value as it is when absent. */
  readonly form?: AttributeForm;
}

export interface Endpoint {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Path below the host; `{name}` is filled from the path param of that name. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Body values the app always sends, such as a search's page size or Complete Task's status. */
  readonly fixedBody?: Readonly<Record<string, string | number | Readonly<Record<string, string>>>>;
  readonly permissions: readonly Permission[];
  /** What the endpoint returns, for messages such as "No account with ID …". */
  readonly noun: string;
  readonly params: readonly Param[];
  /** Of these keys at least one (or exactly one) must be given. */
  readonly oneOf?: { readonly keys: readonly string[]; readonly exactly: boolean };
}

const req = (field: Field): Param => ({ field, required: true });
const opt = (field: Field): Param => ({ field });
const pathId = (field: Field): Param => ({ field, required: true, in: 'path' });
/** A v2 attribute: under `attributes`, named `as` when the input key is not the attribute's name. */
const attr = (field: Field, as?: string, form?: AttributeForm): Param => ({
  field,
  under: 'attributes',
  ...(as ? { as } : {}),
  ...(form ? { form } : {}),
});

const accountBody = [
  opt(account.owner_email),
  opt(account.official_website),
  opt(account.linkedin_url),
  opt(account.facebook_url),
  opt(account.zoominfo_url),
  opt(account.x_url),
  opt(account.custom_fields),
];

/** Records a search reads, to rank the best match first: the largest v1 page, and the newest 50 tasks (v2 `_query`). */
export const SEARCH_PAGE_SIZE = { accounts: 100, contacts: 50, opportunities: 50, tasks: 50 } as const;

export const endpoints = {
  upsertAccountContact: {
    method: 'POST',
    path: `${V1}/account_contact`,
    query: { payload_type: 'json' },
    permissions: ['Accounts (write)', 'Contacts (write)'],
    noun: 'contact',
    params: [
      req(contact.email),
      opt(contact.first_name),
      opt(contact.middle_name),
      opt(contact.last_name),
      opt(contact.phone_number),
      opt(contact.title),
      opt(contact.department),
      opt(contact.company),
      opt(contact.account_website),
      opt(contact.contact_owner_email),
      opt(contact.contact_linkedin_url),
      opt(contact.contact_facebook_url),
      opt(contact.contact_zoominfo_url),
      opt(contact.contact_x_url),
      opt(contact.account_owner_email),
      opt(contact.account_linkedin_url),
      opt(contact.account_facebook_url),
      opt(contact.account_zoominfo_url),
      opt(contact.account_x_url),
      opt(contact.contact_custom_fields),
      opt(contact.account_custom_fields),
    ],
  },
  createAccount: {
    method: 'POST',
    path: `${V1}/accounts`,
    permissions: ['Accounts (write)'],
    noun: 'account',
    params: [req(account.name), opt(account.domain_name), ...accountBody],
  },
  updateAccount: {
    method: 'PATCH',
    path: `${V1}/accounts/{account_id}`,
    permissions: ['Accounts (write)'],
    noun: 'account',
    params: [pathId(account.account_id), opt(account.name), ...accountBody],
  },
  getAccount: {
    method: 'GET',
    path: `${V1}/accounts/{account_id}`,
    permissions: ['Accounts (read)'],
    noun: 'account',
    params: [pathId(account.account_id)],
  },
  searchAccounts: {
    method: 'POST',
    path: `${V1}/accounts/search`,
    fixedBody: { limit: SEARCH_PAGE_SIZE.accounts, offset: 0 },
    permissions: ['Accounts (read)'],
    noun: 'account',
    params: [req(account.domain_name)],
  },
  getContact: {
    method: 'GET',
    path: `${V1}/contacts/{contact_id}`,
    permissions: ['Contacts (read)'],
    noun: 'contact',
    params: [pathId(contact.contact_id)],
  },
  searchContacts: {
    method: 'POST',
    path: `${V1}/contacts/search`,
    fixedBody: { limit: SEARCH_PAGE_SIZE.contacts, offset: 0 },
    permissions: ['Contacts (read)'],
    noun: 'contact',
    params: [opt(contact.contact_email), opt(contact.owner_email)],
    oneOf: { keys: ['contact_email', 'owner_email'], exactly: false },
  },
  createOpportunity: {
    method: 'POST',
    path: `${V1}/opportunities`,
    permissions: ['Opportunities (write)'],
    noun: 'opportunity',
    params: [
      req(opportunity.display_name),
      req(account.account_id),
      opt(opportunity.owner_email),
      opt(opportunity.primary_contact_email),
      opt(opportunity.amount),
      opt(opportunity.pipeline_name),
      opt(opportunity.custom_fields),
    ],
  },
  updateOpportunity: {
    method: 'PATCH',
    path: `${V1}/opportunities/{opportunity_id}`,
    permissions: ['Opportunities (write)'],
    noun: 'opportunity',
    params: [
      pathId(opportunity.opportunity_id),
      opt(opportunity.display_name),
      opt(account.account_id),
      opt(opportunity.owner_email),
      opt(opportunity.primary_contact_email),
      opt(opportunity.additional_contact_emails),
      opt(opportunity.amount),
      opt(opportunity.next_step_details),
      opt(opportunity.next_step_due_at),
      opt(opportunity.custom_fields),
    ],
  },
  getOpportunity: {
    method: 'GET',
    path: `${V1}/opportunities/{opportunity_id}`,
    permissions: ['Opportunities (read)'],
    noun: 'opportunity',
    params: [pathId(opportunity.opportunity_id)],
  },
  searchOpportunities: {
    method: 'POST',
    path: `${V1}/opportunities/search`,
    fixedBody: { limit: SEARCH_PAGE_SIZE.opportunities, offset: 0 },
    permissions: ['Opportunities (read)'],
    noun: 'opportunity',
    params: [
      opt(opportunity.display_name),
      opt(account.account_id),
      opt(opportunity.owner_email),
      opt(opportunity.status),
      opt(opportunity.stage_name),
    ],
    oneOf: { keys: ['display_name', 'account_id', 'owner_email', 'status', 'stage_name'], exactly: false },
  },
  shiftOpportunityStage: {
    method: 'POST',
    path: `${V1}/opportunities/{opportunity_id}/shift_stage`,
    permissions: ['Opportunities (write)'],
    noun: 'opportunity',
    params: [
      pathId(opportunity.opportunity_id),
      req(opportunity.target_stage_name),
      opt(opportunity.closed_reason_names),
      opt(opportunity.closed_reason_custom_detail),
    ],
  },
  createTask: {
    method: 'POST',
    path: `${V1}/tasks`,
    permissions: ['Tasks (write)'],
    noun: 'task',
    params: [
      req(task.title),
      req(task.owner_email),
      opt(task.status),
      opt(task.priority),
      opt(task.type),
      opt(task.due_at),
      opt(task.note),
      opt(account.account_id),
      opt(task.contact_emails),
      opt(task.opportunity_name),
    ],
  },
  createManualActivity: {
    method: 'POST',
    path: `${V1}/manual_activities`,
    permissions: ['Activities (write)'],
    noun: 'activity',
    params: [
      { field: activity.activity_time, required: true, under: 'metadata' },
      { field: activity.subject, required: true, under: 'metadata' },
      { field: activity.description, required: true, under: 'metadata' },
      { field: activity.category, under: 'metadata' },
      opt(account.account_id),
      opt(activity.contact_ids),
      opt(activity.pipeline_id),
      opt(activity.sequence_id),
    ],
  },
  searchUsers: {
    method: 'POST',
    path: `${V1}/users/search`,
    permissions: ['Users (read)'],
    noun: 'user',
    params: [req(people.user_email)],
  },
  searchMailboxes: {
    method: 'POST',
    path: `${V1}/mailboxes/search`,
    permissions: ['Mailbox (read)'],
    noun: 'mailbox',
    params: [req(people.owner_user_email)],
  },
  enrollInSequence: {
    method: 'POST',
    path: `${V1}/sequence_enrollments`,
    permissions: ['Sequence Enrollment (write)'],
    noun: 'sequence enrollment',
    params: [req(contact.contact_email), req(people.sequence_id), opt(people.mailbox_email)],
  },
  retrieveAccountAndContact: {
    method: 'GET',
    path: `${V1}/account_and_contact_retrieval`,
    permissions: ['Accounts (read)', 'Contacts (read)'],
    noun: 'account or contact',
    params: [
      { field: contact.contact_email, in: 'query' },
      { field: retrieval.account_domain, in: 'query' },
      { field: retrieval.contact_phone_number, in: 'query' },
    ],
    oneOf: { keys: ['contact_email', 'account_domain', 'contact_phone_number'], exactly: true },
  },
  createNote: {
    method: 'POST',
    path: `${V2}/note`,
    permissions: v2Permissions('note', 'write'),
    noun: 'note',
    params: [
      { ...attr(note.note_html, undefined, 'rich_text'), required: true },
      attr(note.contact_id),
      attr(note.account_id),
      attr(note.opportunity_id),
    ],
    oneOf: { keys: ['contact_id', 'account_id', 'opportunity_id'], exactly: false },
  },
  updateTask: {
    method: 'PATCH',
    path: `${V2}/task/{task_id}`,
    permissions: v2Permissions('task', 'write'),
    noun: 'task',
    params: [
      pathId(taskUpdate.task_id),
      attr(taskUpdate.status),
      attr(taskUpdate.priority),
      attr(taskUpdate.type),
      attr(taskUpdate.due_at),
      attr(taskUpdate.title),
      attr(taskUpdate.owner_email, 'owner_user_id', 'user_by_email'),
    ],
  },
  completeTask: {
    method: 'PATCH',
    path: `${V2}/task/{task_id}`,
    fixedBody: { attributes: { status: 'COMPLETED' } },
    permissions: v2Permissions('task', 'write'),
    noun: 'task',
    params: [pathId(taskUpdate.task_id)],
  },
  updateContact: {
    method: 'PATCH',
    path: `${V2}/contact/{contact_id}`,
    permissions: v2Permissions('contact', 'write'),
    noun: 'contact',
    params: [
      pathId(contactUpdate.contact_id),
      attr(contact.first_name),
      attr(contact.middle_name),
      attr(contact.last_name),
      attr(contact.title),
      attr(contact.department),
      attr(contactUpdate.phone_number, 'primary_phone_number'),
      attr(contactUpdate.owner_email, 'owner_user_id', 'user_by_email'),
      { field: contactUpdate.clear_fields, under: 'attributes', form: 'clear' },
    ],
  },
  assertAccount: {
    method: 'POST',
    path: `${V2}/account/_assert`,
    permissions: v2Permissions('account', 'write'),
    noun: 'account',
    params: [
      { field: account.domain_name, required: true, under: 'match', as: ACCOUNT_MATCH_KEY },
      { ...attr(account.name, 'display_name'), required: true },
      attr(account.official_website),
      attr(account.linkedin_url),
      attr(account.facebook_url),
      attr(account.zoominfo_url),
      attr(account.x_url),
      attr(account.owner_email, 'owner_user_id', 'user_by_email'),
    ],
  },
} as const satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;
