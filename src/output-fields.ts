import { CUSTOM_FIELD_TYPES, OUTPUT_CATALOG, type OutputKey, type OutputType, type RecordType } from './record-catalog';

/**
 * Labelled output fields, derived from the response catalog (src/record-catalog.ts): every key a
 * record of the type outputs, nested keys (`metadata__subject`, `account__name`) included.
 */
export interface OutputField {
  readonly key: string;
  readonly label: string;
  readonly type?: OutputType;
  readonly list?: boolean;
}

/**
 * Which keys: `all` for records the app reads itself (v2 records, webhook deliveries: every key
 * present), `v1` for a v1 answer passed on as Reevo sent it (only the keys v1 returns).
 */
export type OutputView = 'all' | 'v1';

/** A key is in the v1 view when v1 returns it under that very name. */
export function inView(entry: OutputKey, view: OutputView): boolean {
  return view === 'all' || entry.v1 === entry.key.split('__').join('.');
}

export function outputFieldsOf(type: RecordType, view: OutputView = 'all'): OutputField[] {
  return OUTPUT_CATALOG[type]
    .filter((entry) => inView(entry, view))
    .map(({ key, label, type: fieldType, list }) => ({
      key,
      label,
      ...(fieldType ? { type: fieldType } : {}),
      ...(list ? { list } : {}),
    }));
}

/** Whether records of the type carry `custom_fields` (labelled per workspace by src/custom-fields.ts). */
export const hasCustomFields = (type: RecordType) => CUSTOM_FIELD_TYPES.has(type);

export const accountOutputFields: readonly OutputField[] = outputFieldsOf('account', 'v1');
export const contactOutputFields: readonly OutputField[] = outputFieldsOf('contact', 'v1');
export const opportunityOutputFields: readonly OutputField[] = outputFieldsOf('opportunity', 'v1');
export const taskOutputFields: readonly OutputField[] = outputFieldsOf('task', 'v1');
export const manualActivityOutputFields: readonly OutputField[] = outputFieldsOf('activity', 'v1');
export const userOutputFields: readonly OutputField[] = outputFieldsOf('user', 'v1');
export const mailboxOutputFields: readonly OutputField[] = outputFieldsOf('mailbox', 'v1');
export const enrollmentOutputFields: readonly OutputField[] = outputFieldsOf('enrollment', 'v1');

/**
 * The fields of a nested record, e.g. `account__name` for the upsert's `account.name`, labelled
 * with the record's name once: "Account Name", "Account Domain", not "Account Account Name".
 */
export function nested(prefix: string, labelPrefix: string, fields: readonly OutputField[]): OutputField[] {
  return fields.map((field) => ({
    ...field,
    key: `${prefix}__${field.key}`,
    label: field.label.startsWith(`${labelPrefix} `) ? field.label : `${labelPrefix} ${field.label}`,
  }));
}

const without = (fields: readonly OutputField[], keys: readonly string[]) =>
  fields.filter((field) => !keys.includes(field.key));

/**
 * Create or Update Contact and Account: the contact's fields at the top level (as Find Contact
 * outputs them), both IDs and the action once, and the account nested, each key labelled once.
 */
export const upsertOutputFields: readonly OutputField[] = [
  // `id` as in Find Contact, so Find or Create Contact outputs the same keys whichever step ran; `contact_id` as Reevo answers.
  { key: 'id', label: 'ID' },
  { key: 'contact_id', label: 'Contact ID' },
  { key: 'account_id', label: 'Account ID' },
  { key: 'action', label: 'Created or Updated' },
  ...without(contactOutputFields, ['id', 'account_id']),
  ...nested('account', 'Account', without(accountOutputFields, ['id'])),
];

/** Find Contact and Account: both IDs at the top level, each record nested (its ID too, as Reevo answers it). */
export const retrievalOutputFields: readonly OutputField[] = [
  { key: 'contact_id', label: 'Contact ID' },
  { key: 'account_id', label: 'Account ID' },
  { key: 'contact__id', label: 'Contact Record ID' },
  { key: 'account__id', label: 'Account Record ID' },
  ...nested('contact', 'Contact', without(contactOutputFields, ['id'])),
  ...nested('account', 'Account', without(accountOutputFields, ['id'])),
];
