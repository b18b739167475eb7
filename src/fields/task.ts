import { choice, dateTime, email, emailList, text } from './field';

/** A task's choices (docs/reevo-api.md §2.1, body 13), the same in v1 and v2. */
export const TASK_STATUS = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  BLOCKED: 'Blocked',
  COMPLETED: 'Completed',
  CLOSED: 'Closed',
} as const;
export const TASK_PRIORITY = { URGENT: 'Urgent', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low' } as const;
export const TASK_TYPE = {
  ACTION_ITEM: 'Action item',
  LINKEDIN_MESSAGE: 'LinkedIn message',
  REMINDER: 'Reminder',
  SCHEDULING: 'Scheduling',
  EMAIL: 'Email',
  VOICE_CALL: 'Call',
  LINKEDIN_CONNECT_REQUEST: 'LinkedIn connection request',
  SMS_MESSAGE: 'SMS',
  CUSTOM_TASK: 'Custom task',
} as const;

/** Reevo task fields (contract §2.1, body 13). */
export const taskFields = {
  title: text({
    key: 'title',
    label: 'Title',
    helpText: 'What needs doing, e.g. `Call Jane about the renewal`.',
    example: 'Call Jane about the renewal',
    clayColumn: 'Task Title',
  }),
  owner_email: email({
    key: 'owner_email',
    label: 'Assignee Email',
    helpText: 'Email of the Reevo user the task is for.',
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'Task Owner Email',
  }),
  status: choice({
    key: 'status',
    label: 'Status',
    helpText: 'Defaults to Open.',
    clayColumn: 'Task Status',
    choices: TASK_STATUS,
    default: 'OPEN',
    example: 'OPEN',
  }),
  priority: choice({
    key: 'priority',
    label: 'Priority',
    helpText: 'Defaults to Medium.',
    clayColumn: 'Task Priority',
    choices: TASK_PRIORITY,
    default: 'MEDIUM',
    example: 'HIGH',
  }),
  type: choice({
    key: 'type',
    label: 'Type',
    helpText: 'The kind of task. Defaults to Reminder.',
    clayColumn: 'Task Type',
    choices: TASK_TYPE,
    default: 'REMINDER',
    example: 'VOICE_CALL',
  }),
  due_at: dateTime({
    key: 'due_at',
    label: 'Due',
    helpText: 'When the task is due. A time without a time zone is read as UTC.',
    example: '2026-11-27T16:00:00Z',
    clayColumn: 'Due Date',
  }),
  note: text({
    key: 'note',
    label: 'Note',
    helpText: 'Details for the assignee.',
    example: 'She asked for the volume pricing sheet first.',
    long: true,
  }),
  contact_emails: emailList({
    key: 'contact_emails',
    label: 'Contact Emails',
    helpText: 'Contacts the task is about, by email. Separate several with commas, or map a line-item field.',
    example: ['jane.doe@acme.com'],
    clayColumn: 'Email',
  }),
  opportunity_name: text({
    key: 'opportunity_name',
    label: 'Opportunity Name',
    helpText: 'Links the task to the opportunity with exactly this name.',
    example: 'Acme Analytics - Annual Plan',
  }),
} as const;
