/**
 * Record shapes the sandbox stores and returns: exactly the key sets of contract §2.2, so a stored
 * record is sent as is. Reference data (pipelines, sequences, custom field definitions) has no v1
 * endpoint of its own and is shaped for the sandbox's needs.
 */
import type { WebhookEventType } from './contract';

export type CustomFieldValues = Record<string, string | string[]>;

export interface Account {
  id: string;
  name: string;
  domain_name: string | null;
  official_website: string | null;
  status: string;
  owner_email: string | null;
  linkedin_url: string | null;
  facebook_url: string | null;
  zoominfo_url: string | null;
  x_url: string | null;
  custom_fields: CustomFieldValues;
  created_at: string;
  updated_at: string;
}

export interface Contact {
  id: string;
  email: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  phone_number: string | null;
  title: string | null;
  department: string | null;
  account_id: string | null;
  owner_email: string | null;
  linkedin_url: string | null;
  facebook_url: string | null;
  zoominfo_url: string | null;
  x_url: string | null;
  custom_fields: CustomFieldValues;
  created_at: string;
  updated_at: string;
}

export interface Opportunity {
  id: string;
  display_name: string;
  account_id: string;
  owner_email: string | null;
  primary_contact_email: string | null;
  additional_contact_emails: string[];
  amount: number | null;
  pipeline_name: string;
  stage_name: string;
  status: string;
  next_step_details: string | null;
  next_step_due_at: string | null;
  closed_reason_names: string[];
  custom_fields: CustomFieldValues;
  created_at: string;
  updated_at: string;
}

export interface Task {
  id: string;
  title: string;
  owner_email: string;
  status: string;
  priority: string;
  type: string;
  due_at: string | null;
  note: string | null;
  account_id: string | null;
  contact_emails: string[];
  opportunity_name: string | null;
  created_at: string;
}

export interface ManualActivity {
  id: string;
  metadata: { activity_time: string; subject: string; description: string; category: string };
  account_id: string | null;
  contact_ids: string[];
  pipeline_id: string | null;
  sequence_id: string | null;
  created_at: string;
}

export interface User {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
}

export interface Mailbox {
  id: string;
  email: string;
  owner_user_email: string;
}

export interface Enrollment {
  id: string;
  contact_email: string;
  sequence_id: string;
  mailbox_email: string;
  status: string;
  created_at: string;
}

export interface WebhookSubscription {
  id: string;
  target_url: string;
  event_types: WebhookEventType[];
  status: string;
  secret: string;
  created_at: string;
}

export interface Sequence {
  id: string;
  name: string;
}

/** Open stages carry the opportunity status they imply; closed stages are won or lost. */
export type StageKind = 'PROSPECT' | 'DEAL' | 'CLOSED_WON' | 'CLOSED_LOST';

export interface Stage {
  name: string;
  kind: StageKind;
}

export interface Pipeline {
  id: string;
  name: string;
  stages: Stage[];
}

export interface ClosedReasons {
  won: string[];
  lost: string[];
}

export type CustomFieldRecordType = 'account' | 'contact' | 'opportunity';

export interface CustomFieldDefinition {
  id: string;
  record_type: CustomFieldRecordType;
  api_name: string;
  display_name: string;
  /** Multi-select fields hold an array of strings. */
  is_array: boolean;
  options: string[] | null;
}

/**
 * A v2 note (contract §3.2): it has no v1 form, so all of its attributes live in the workspace's
 * v2 attribute store, like the v2-only attributes of the other record types.
 */
export interface Note {
  id: string;
  created_at: string;
  updated_at: string;
}

/** v2 attributes that v1 records do not carry (contact stage, address, …), by record id and api_name. */
export type V2AttributeValues = Record<string, unknown>;

/** The whole state of one organization; this is also what persistence writes. */
export interface WorkspaceData {
  users: User[];
  mailboxes: Mailbox[];
  sequences: Sequence[];
  pipelines: Pipeline[];
  closedReasons: ClosedReasons;
  customFields: CustomFieldDefinition[];
  accounts: Account[];
  contacts: Contact[];
  opportunities: Opportunity[];
  tasks: Task[];
  activities: ManualActivity[];
  enrollments: Enrollment[];
  webhooks: WebhookSubscription[];
  /** Absent in data files written before v2 writes existed. */
  notes?: Note[];
  v2Attributes?: Record<string, V2AttributeValues>;
}

/**
 * New records with every key of §2.2, in §2.2 order (so they serialize like the samples), blank
 * unless given.
 */
export function accountRecord(fields: Partial<Account> & Pick<Account, 'id' | 'name' | 'created_at'>): Account {
  return Object.assign(
    {
      id: fields.id,
      name: fields.name,
      domain_name: null,
      official_website: null,
      status: 'PROSPECT',
      owner_email: null,
      linkedin_url: null,
      facebook_url: null,
      zoominfo_url: null,
      x_url: null,
      custom_fields: {},
      created_at: fields.created_at,
      updated_at: fields.created_at,
    },
    fields,
  );
}

export function contactRecord(fields: Partial<Contact> & Pick<Contact, 'id' | 'email' | 'created_at'>): Contact {
  return Object.assign(
    {
      id: fields.id,
      email: fields.email,
      first_name: null,
      middle_name: null,
      last_name: null,
      phone_number: null,
      title: null,
      department: null,
      account_id: null,
      owner_email: null,
      linkedin_url: null,
      facebook_url: null,
      zoominfo_url: null,
      x_url: null,
      custom_fields: {},
      created_at: fields.created_at,
      updated_at: fields.created_at,
    },
    fields,
  );
}
