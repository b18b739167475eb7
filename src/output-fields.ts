/**
 * Labelled output fields for each Reevo record shape (contract §2.2). The app relies on no key
 * beyond `id` (and the upsert's `account_id`/`contact_id`); these only label what Reevo returns.
 */
export interface OutputField {
  readonly key: string;
  readonly label: string;
  readonly type?: 'string' | 'number' | 'boolean' | 'datetime';
  readonly list?: boolean;
}

const timestamps: OutputField[] = [
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

export const accountOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Account ID' },
  { key: 'name', label: 'Account Name' },
  { key: 'domain_name', label: 'Domain' },
  { key: 'official_website', label: 'Website' },
  { key: 'status', label: 'Account Status' },
  { key: 'owner_email', label: 'Account Owner Email' },
  { key: 'linkedin_url', label: 'LinkedIn URL' },
  { key: 'facebook_url', label: 'Facebook URL' },
  { key: 'zoominfo_url', label: 'ZoomInfo URL' },
  { key: 'x_url', label: 'X (Twitter) URL' },
  ...timestamps,
];

export const contactOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Contact ID' },
  { key: 'email', label: 'Email' },
  { key: 'first_name', label: 'First Name' },
  { key: 'middle_name', label: 'Middle Name' },
  { key: 'last_name', label: 'Last Name' },
  { key: 'phone_number', label: 'Phone Number' },
  { key: 'title', label: 'Job Title' },
  { key: 'department', label: 'Department' },
  { key: 'account_id', label: 'Account ID' },
  { key: 'owner_email', label: 'Contact Owner Email' },
  { key: 'linkedin_url', label: 'LinkedIn URL' },
  { key: 'facebook_url', label: 'Facebook URL' },
  { key: 'zoominfo_url', label: 'ZoomInfo URL' },
  { key: 'x_url', label: 'X (Twitter) URL' },
  ...timestamps,
];

export const opportunityOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Opportunity ID' },
  { key: 'display_name', label: 'Opportunity Name' },
  { key: 'account_id', label: 'Account ID' },
  { key: 'owner_email', label: 'Owner Email' },
  { key: 'primary_contact_email', label: 'Primary Contact Email' },
  { key: 'additional_contact_emails', label: 'Additional Contact Emails', list: true },
  { key: 'amount', label: 'Amount', type: 'number' },
  { key: 'pipeline_name', label: 'Pipeline' },
  { key: 'stage_name', label: 'Stage' },
  { key: 'status', label: 'Status' },
  { key: 'next_step_details', label: 'Next Step' },
  { key: 'next_step_due_at', label: 'Next Step Due', type: 'datetime' },
  { key: 'closed_reason_names', label: 'Closed Reasons', list: true },
  ...timestamps,
];

export const taskOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Task ID' },
  { key: 'title', label: 'Title' },
  { key: 'owner_email', label: 'Assignee Email' },
  { key: 'status', label: 'Status' },
  { key: 'priority', label: 'Priority' },
  { key: 'type', label: 'Type' },
  { key: 'due_at', label: 'Due', type: 'datetime' },
  { key: 'note', label: 'Note' },
  { key: 'account_id', label: 'Account ID' },
  { key: 'contact_emails', label: 'Contact Emails', list: true },
  { key: 'opportunity_name', label: 'Opportunity Name' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
];

export const manualActivityOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Activity ID' },
  { key: 'metadata__activity_time', label: 'Activity Time', type: 'datetime' },
  { key: 'metadata__subject', label: 'Subject' },
  { key: 'metadata__description', label: 'Description' },
  { key: 'metadata__category', label: 'Category' },
  { key: 'account_id', label: 'Account ID' },
  { key: 'contact_ids', label: 'Contact IDs', list: true },
  { key: 'pipeline_id', label: 'Opportunity ID' },
  { key: 'sequence_id', label: 'Sequence ID' },
  { key: 'created_at', label: 'Created At', type: 'datetime' },
];

export const userOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'User ID' },
  { key: 'email', label: 'Email' },
  { key: 'first_name', label: 'First Name' },
  { key: 'last_name', label: 'Last Name' },
];

export const mailboxOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Mailbox ID' },
  { key: 'email', label: 'Mailbox Email' },
  { key: 'owner_user_email', label: 'Owner Email' },
];

export const enrollmentOutputFields: readonly OutputField[] = [
  { key: 'id', label: 'Enrollment ID' },
  { key: 'contact_email', label: 'Contact Email' },
  { key: 'sequence_id', label: 'Sequence ID' },
  { key: 'mailbox_email', label: 'Sending Mailbox' },
  { key: 'status', label: 'Enrollment Status' },
  { key: 'created_at', label: 'Enrolled At', type: 'datetime' },
];

/** The fields of a nested record, e.g. `account__name` for the upsert's `account.name`. */
export function nested(prefix: string, labelPrefix: string, fields: readonly OutputField[]): OutputField[] {
  return fields.map((field) => ({ ...field, key: `${prefix}__${field.key}`, label: `${labelPrefix} ${field.label.replace(new RegExp(`^${labelPrefix} `), '')}` }));
}
