/**
 * The sandbox's transcription of Reevo's v2 record shapes (contract §3.2), one RecordKind per record
 * type: the attributes in the order of Reevo's reference pages, then the ones the pages cut off
 * but Reevo's v1 records or the contract name [assumed]. Written by hand from the contract, never
 * derived from the app, so that the app and the sandbox cannot agree on a wrong reading.
 *
 * Records are stored in their v1 form (one store for both APIs, so a v1 write is seen by v2 and the
 * other way round); what v1 has no key for lives in the workspace's v2 attribute store (extras.ts).
 */
import { TASK_PRIORITIES, TASK_STATUSES, TASK_TYPES, type WebhookEventType } from '../contract';
import type { Account, Contact, CustomFieldRecordType, Note, Opportunity, Task } from '../records';
import type { Workspace } from '../store';
import { isoNow, stableId } from '../values';
import type { Attribute, AttributeSpec, ValueType } from './attributes';
import { domainsOf, setDomains } from './domains';
import { v2Error } from './errors';
import { extraAttribute, setExtraAttribute } from './extras';
import type { ReferenceTarget } from './references';
import {
  ACCOUNT_STAGES,
  accountStageOf,
  allOpportunityStages,
  CONTACT_STAGES,
  namesStage,
  opportunityStageOf,
  QUALIFIED_NEEDS_TITLE,
  type StageValue,
} from './stages';

export const V2_RECORD_TYPES = ['account', 'contact', 'opportunity', 'task', 'note'] as const;
export type V2RecordType = (typeof V2_RECORD_TYPES)[number];

export interface StoredRecord {
  id: string;
  created_at: string;
}

export interface RelationshipSpec {
  api_name: string;
  display_name: string;
  related_object_api_name: string;
  is_creatable: boolean;
  is_updatable: boolean;
  description: string;
  related_object_relationship_api_name: string;
  junction_object_api_name: string | null;
  is_custom: boolean;
  is_array: boolean;
}

export interface RecordKind<R extends StoredRecord> {
  type: V2RecordType;
  display_name: string;
  description: string;
  /** Whose custom field definitions become attributes; null when the type has none. */
  customFields: CustomFieldRecordType | null;
  relationships: readonly RelationshipSpec[];
  attributes: readonly Attribute<R>[];
  /** Names a write may use for an attribute besides its api_name. */
  aliases?: Readonly<Record<string, string>>;
  list(ws: Workspace): Iterable<R>;
  find(ws: Workspace, id: string): R | undefined;
  /** A new record with only its id and timestamps; the write fills it, then `insert` stores it. */
  blank(ws: Workspace, id: string, now: string): R;
  insert(ws: Workspace, record: R): void;
  remove(ws: Workspace, record: R): void;
  updatedAt(ws: Workspace, record: R): string;
  touch(ws: Workspace, record: R, now: string): void;
  /** Rules across attributes, run on the values about to be written, before any is. */
  check?(ws: Workspace, record: R | undefined, values: ReadonlyMap<string, unknown>): void;
  /** Webhook events (contract §4) a v2 write fires; the payload is the v1 record. */
  events?: { created?: WebhookEventType; updated?: WebhookEventType; stageChanged?: WebhookEventType };
}

// ---- attribute builders ----

interface Flags {
  /** creatable */
  c?: boolean;
  /** updatable */
  u?: boolean;
  required?: boolean;
  unique?: boolean;
  array?: boolean;
  target?: ReferenceTarget;
  options?: readonly string[];
  resolve?: AttributeSpec['resolve'];
  display?: string;
}

const RW: Flags = { c: true, u: true };

function titleCase(apiName: string): string {
  const words = apiName.replace(/_id$/, '').replace(/_id_list$/, 's').split('_');
  return words
    .map((w) => ({ url: 'URL', x: 'X', html: 'HTML', sms: 'SMS' })[w] ?? w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

function attribute<R>(
  api_name: string,
  value_type: ValueType,
  flags: Flags,
  get: Attribute<R>['get'],
  set?: Attribute<R>['set'],
): Attribute<R> {
  return {
    api_name,
    display_name: flags.display ?? titleCase(api_name),
    value_type,
    is_array: flags.array ?? false,
    is_creatable: flags.c ?? false,
    is_updatable: flags.u ?? false,
    is_required_on_create: flags.required ?? false,
    is_unique: flags.unique ?? false,
    is_custom: false,
    ...(flags.target ? { target: flags.target } : {}),
    ...(flags.options ? { options: flags.options } : {}),
    ...(flags.resolve ? { resolve: flags.resolve } : {}),
    get,
    ...(set ? { set } : {}),
  };
}

/** A key of the v1 record, same name or not. */
function field<R>(api_name: string, value_type: ValueType, flags: Flags, key = api_name): Attribute<R> {
  const setter = flags.c || flags.u ? (r: R, v: unknown) => void ((r as Record<string, unknown>)[key] = v) : undefined;
  return attribute<R>(api_name, value_type, flags, (r) => (r as Record<string, unknown>)[key] ?? null, setter);
}

/** A v2 attribute v1 has no key for, kept in the workspace's v2 attribute store. */
function extra<R extends StoredRecord>(api_name: string, value_type: ValueType, flags: Flags, fallback: unknown = flags.array ? [] : null): Attribute<R> {
  const setter = flags.c || flags.u ? (r: R, v: unknown, ws: Workspace) => setExtraAttribute(ws, r.id, api_name, v) : undefined;
  return attribute<R>(api_name, value_type, flags, (r, ws) => extraAttribute(ws, r.id, api_name, fallback), setter);
}

function common<R extends StoredRecord>(updatedAt: (ws: Workspace, r: R) => string) {
  return {
    id: attribute<R>('id', 'uuid', { display: 'Record ID' }, (r) => r.id),
    organization_id: attribute<R>('organization_id', 'uuid', {}, (_r, ws) => ws.organizationId),
    created_at: attribute<R>('created_at', 'timestamp', {}, (r) => r.created_at),
    updated_at: attribute<R>('updated_at', 'timestamp', {}, (r, ws) => updatedAt(ws, r)),
    created_by_user_id: extra<R>('created_by_user_id', 'record_reference', { target: 'user' }),
    participant_user_id_list: extra<R>('participant_user_id_list', 'record_reference', { ...RW, array: true, target: 'user', display: 'Participants' }),
  };
}

/** v1 keeps owners as emails; v2 shows and takes user references. */
function ownerFromEmail<R extends { owner_email: string | null }>(flags: Flags = RW): Attribute<R> {
  return attribute<R>(
    'owner_user_id',
    'record_reference',
    { ...flags, target: 'user', display: 'Owner' },
    (r, ws) => (r.owner_email ? (ws.userByEmail(r.owner_email)?.id ?? null) : null),
    (r, v, ws) => void (r.owner_email = v === null ? null : ws.users.find((u) => u.id === v)!.email),
  );
}

function stageResolver(stages: () => readonly StageValue[], what: string) {
  return (written: unknown): StageValue => {
    const name = stageName(written);
    const found = name === undefined ? [] : stages().filter((s) => namesStage(name, s));
    if (found.length !== 1) {
      throw v2Error('field_value_invalid', `Unknown ${what} '${String(name ?? JSON.stringify(written))}' (stages: ${stages().map((s) => s.api_name).join(', ')})`, {
        value: written,
      });
    }
    return found[0];
  };
}

/** A stage is written as its id, api_name or display value, or an object holding one of them. */
function stageName(written: unknown): string | undefined {
  if (typeof written === 'string') return written;
  if (typeof written === 'object' && written !== null) {
    const { id, api_name, display_value } = written as Record<string, unknown>;
    const name = id ?? api_name ?? display_value;
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

const SOCIAL = ['linkedin_url', 'x_url', 'facebook_url', 'zoominfo_url'] as const;

// ---- contact ----

const contactUpdatedAt = (_ws: Workspace, c: Contact) => c.updated_at;
const contactCommon = common<Contact>(contactUpdatedAt);

const contact: RecordKind<Contact> = {
  type: 'contact',
  display_name: 'Contact',
  description: 'A person your team sells to.',
  customFields: 'contact',
  relationships: [
    relationship('accounts', 'account', 'contacts', 'contact_account_role'),
    relationship('opportunities', 'opportunity', 'contacts', 'contact_opportunity_role'),
  ],
  attributes: [
    contactCommon.id,
    contactCommon.organization_id,
    contactCommon.created_at,
    contactCommon.updated_at,
    attribute<Contact>('display_name', 'string', {}, (c) => [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email),
    attribute<Contact>(
      'stage',
      'contact_stage',
      { ...RW, resolve: stageResolver(() => CONTACT_STAGES, 'contact stage') },
      (c, ws) => CONTACT_STAGES.find((s) => s.id === extraAttribute(ws, c.id, 'stage', CONTACT_STAGES[0].id)) ?? null,
      (c, v, ws) => setExtraAttribute(ws, c.id, 'stage', (v as StageValue | null)?.id ?? null),
    ),
    contactCommon.created_by_user_id,
    contactCommon.participant_user_id_list,
    field<Contact>('first_name', 'string', RW),
    field<Contact>('last_name', 'string', RW),
    field<Contact>('middle_name', 'string', RW),
    field<Contact>('title', 'string', RW),
    field<Contact>('department', 'string', RW),
    attribute<Contact>(
      'primary_email',
      'email',
      { ...RW, required: true, unique: true },
      (c) => c.email || null,
      (c, v, ws) => (ws.contacts.has(c.id) ? ws.changeContactEmail(c, v as string) : void (c.email = v as string)),
    ),
    field<Contact>('primary_phone_number', 'phone_number', RW, 'phone_number'),
    extra<Contact>('sms_consent', 'boolean', RW, false),
    extra<Contact>('address', 'address', RW),
    attribute<Contact>('contact_emails', 'contact_email', { array: true, display: 'Emails' }, (c) =>
      c.email ? [{ id: stableId('contact_email', c.id, c.email), email: c.email, is_primary: true, labels: [] }] : [],
    ),
    attribute<Contact>('contact_phone_numbers', 'contact_phone_number', { array: true, display: 'Phone Numbers' }, (c) =>
      c.phone_number ? [{ id: stableId('contact_phone_number', c.id, c.phone_number), phone_number: c.phone_number, is_primary: true, labels: [] }] : [],
    ),
    ownerFromEmail<Contact>(),
    ...SOCIAL.map((name) => field<Contact>(name, 'string', RW)),
  ],
  list: (ws) => ws.contacts.values(),
  find: (ws, id) => ws.contacts.get(id),
  blank: (_ws, id, now) => ({
    id,
    email: '',
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
    created_at: now,
    updated_at: now,
  }),
  insert: (ws, c) => ws.addContact(c),
  remove: (ws, c) => ws.removeContact(c),
  updatedAt: contactUpdatedAt,
  touch: (_ws, c, now) => void (c.updated_at = now),
  check(ws, record, values) {
    const email = values.get('primary_email');
    const owner = typeof email === 'string' ? ws.contactByEmail(email) : undefined;
    if (owner && owner.id !== record?.id) {
      throw v2Error('field_value_invalid', `'${String(email)}' is already the email of contact ${owner.id}: an email belongs to one contact`, {
        field: 'primary_email',
        value: email,
      });
    }
    const stage = values.get('stage') as StageValue | undefined;
    const title = values.has('title') ? values.get('title') : record?.title;
    if (stage?.id === QUALIFIED_NEEDS_TITLE.id && !title) {
      throw v2Error('stage_entrance_criteria_not_met', `A contact enters '${stage.display_value}' only with a job title: set 'title' too`, {
        field: 'stage',
        criteria: ['title'],
      });
    }
  },
  events: { created: 'contact.created', updated: 'contact.updated' },
};

// ---- account ----

const accountUpdatedAt = (_ws: Workspace, a: Account) => a.updated_at;
const accountCommon = common<Account>(accountUpdatedAt);

const account: RecordKind<Account> = {
  type: 'account',
  display_name: 'Account',
  description: 'A company your team sells to.',
  customFields: 'account',
  relationships: [relationship('contacts', 'contact', 'accounts', 'contact_account_role')],
  attributes: [
    accountCommon.id,
    accountCommon.organization_id,
    accountCommon.created_at,
    accountCommon.updated_at,
    field<Account>('display_name', 'string', { ...RW, required: true, display: 'Name' }, 'name'),
    ownerFromEmail<Account>(),
    accountCommon.created_by_user_id,
    attribute<Account>('domains', 'account_domain', { ...RW, array: true, unique: true }, (a, ws) => domainsOf(ws, a), (a, v, ws) =>
      setDomains(ws, a, (v as { domain_name: string; is_primary: boolean | null }[] | null) ?? []),
    ),
    extra<Account>('description', 'long_text', RW),
    field<Account>('official_website', 'string', RW),
    extra<Account>('websites', 'string', { ...RW, array: true }),
    ...SOCIAL.map((name) => field<Account>(name, 'string', RW)),
    extra<Account>('address', 'address', RW),
    extra<Account>('estimated_annual_revenue', 'currency', RW),
    attribute<Account>(
      'current_stage_id',
      'account_stage',
      { ...RW, display: 'Stage', resolve: stageResolver(() => ACCOUNT_STAGES.map((s) => accountStageOf(s.status)!), 'account stage') },
      (a) => accountStageOf(a.status),
      (a, v) => void (a.status = ACCOUNT_STAGES.find((s) => s.id === (v as StageValue | null)?.id)?.status ?? 'PROSPECT'),
    ),
  ],
  // Reevo's account _assert example writes `name` (its reads say `display_name`) [assumed: both write].
  aliases: { name: 'display_name' },
  list: (ws) => ws.accounts.values(),
  find: (ws, id) => ws.accounts.get(id),
  blank: (_ws, id, now) => ({
    id,
    name: '',
    domain_name: null,
    official_website: null,
    status: 'PROSPECT',
    owner_email: null,
    linkedin_url: null,
    facebook_url: null,
    zoominfo_url: null,
    x_url: null,
    custom_fields: {},
    created_at: now,
    updated_at: now,
  }),
  insert: (ws, a) => ws.addAccount(a),
  remove: (ws, a) => ws.removeAccount(a),
  updatedAt: accountUpdatedAt,
  touch: (_ws, a, now) => void (a.updated_at = now),
  events: { created: 'account.created', updated: 'account.updated' },
};

// ---- opportunity ----

interface StageShift {
  stage_name: string;
  at: string;
}

/**
 * When the stage last changed. v2 writes record it; a v1 shift_stage does not (v1 routes know
 * nothing of v2), so a stage that differs from the recorded one changed at the last update.
 */
function stageLastShiftedAt(ws: Workspace, o: Opportunity): string {
  const first = ws.pipelineByName(o.pipeline_name)?.stages[0]?.name ?? o.stage_name;
  const shift = extraAttribute<StageShift>(ws, o.id, 'stage_shift', { stage_name: first, at: o.created_at });
  return shift.stage_name === o.stage_name ? shift.at : o.updated_at;
}

const isClosed = (o: Opportunity) => o.status === 'CLOSED_WON' || o.status === 'CLOSED_LOST';
const opportunityUpdatedAt = (_ws: Workspace, o: Opportunity) => o.updated_at;
const opportunityCommon = common<Opportunity>(opportunityUpdatedAt);

const opportunity: RecordKind<Opportunity> = {
  type: 'opportunity',
  display_name: 'Opportunity',
  description: 'A deal in one of the workspace’s pipelines.',
  customFields: 'opportunity',
  relationships: [relationship('contacts', 'contact', 'opportunities', 'contact_opportunity_role')],
  attributes: [
    opportunityCommon.id,
    opportunityCommon.organization_id,
    opportunityCommon.created_at,
    field<Opportunity>('display_name', 'string', { ...RW, required: true, display: 'Name' }),
    field<Opportunity>('status', 'enum', { options: ['PROSPECT', 'DEAL', 'CLOSED_WON', 'CLOSED_LOST'] }),
    attribute<Opportunity>(
      'stage',
      'opportunity_stage',
      { ...RW, required: true, resolve: (written, ws) => resolveOpportunityStage(ws, written) },
      (o, ws) => opportunityStageOf(ws, o),
      (o, v, ws) => {
        const { pipeline, stage } = allOpportunityStages(ws).find((s) => s.value.id === (v as StageValue).id)!;
        if (o.stage_name === stage.name && o.pipeline_name === pipeline.name) return;
        o.pipeline_name = pipeline.name;
        o.stage_name = stage.name;
        o.status = stage.kind;
        if (stage.kind === 'PROSPECT' || stage.kind === 'DEAL') o.closed_reason_names = [];
        setExtraAttribute(ws, o.id, 'stage_shift', { stage_name: stage.name, at: isoNow() } satisfies StageShift);
      },
    ),
    ownerFromEmail<Opportunity>(),
    attribute<Opportunity>('account_id', 'record_reference', { ...RW, required: true, target: 'account', display: 'Account' }, (o) => o.account_id, (o, v) =>
      void (o.account_id = v as string),
    ),
    opportunityCommon.participant_user_id_list,
    opportunityCommon.created_by_user_id,
    opportunityCommon.updated_at,
    field<Opportunity>('next_step_details', 'long_text', RW),
    field<Opportunity>('next_step_due_at', 'timestamp', RW),
    extra<Opportunity>('next_meeting_date', 'timestamp', {}),
    field<Opportunity>('amount', 'currency', RW),
    attribute<Opportunity>('outcome', 'enum', { options: ['WON', 'LOST'] }, (o) =>
      o.status === 'CLOSED_WON' ? 'WON' : o.status === 'CLOSED_LOST' ? 'LOST' : null,
    ),
    attribute<Opportunity>('closed_at', 'timestamp', {}, (o, ws) => (isClosed(o) ? stageLastShiftedAt(ws, o) : null)),
    attribute<Opportunity>('stage_last_shifted_at', 'timestamp', {}, (o, ws) => stageLastShiftedAt(ws, o)),
  ],
  list: (ws) => ws.opportunities.values(),
  find: (ws, id) => ws.opportunities.get(id),
  blank: (ws, id, now) => ({
    id,
    display_name: '',
    account_id: '',
    owner_email: null,
    primary_contact_email: null,
    additional_contact_emails: [],
    amount: null,
    pipeline_name: ws.defaultPipeline().name,
    stage_name: '',
    status: 'PROSPECT',
    next_step_details: null,
    next_step_due_at: null,
    closed_reason_names: [],
    custom_fields: {},
    created_at: now,
    updated_at: now,
  }),
  insert: (ws, o) => void ws.opportunities.set(o.id, o),
  remove: (ws, o) => void ws.opportunities.delete(o.id),
  updatedAt: opportunityUpdatedAt,
  touch: (_ws, o, now) => void (o.updated_at = now),
  events: { created: 'opportunity.created', updated: 'opportunity.updated', stageChanged: 'opportunity.stage_changed' },
};

/** Stage ids are unique; an api_name or display value must name one stage across all pipelines. */
function resolveOpportunityStage(ws: Workspace, written: unknown): StageValue {
  const stages = allOpportunityStages(ws);
  const name = stageName(written);
  const found = name === undefined ? [] : stages.filter((s) => namesStage(name, s.value));
  if (found.length === 1) return found[0].value;
  const known = [...new Set(stages.map((s) => s.value.api_name))].join(', ');
  const why = found.length === 0 ? 'Unknown opportunity stage' : 'Opportunity stage is ambiguous (use its id)';
  throw v2Error('field_value_invalid', `${why}: '${String(name ?? JSON.stringify(written))}' (stages: ${known})`, { field: 'stage', value: written });
}

// ---- task ----

const taskUpdatedAt = (ws: Workspace, t: Task) => extraAttribute(ws, t.id, 'updated_at', t.created_at);
const taskCommon = common<Task>(taskUpdatedAt);

const task: RecordKind<Task> = {
  type: 'task',
  display_name: 'Task',
  description: 'A to-do for a user of the workspace.',
  customFields: null,
  relationships: [],
  attributes: [
    taskCommon.id,
    taskCommon.organization_id,
    field<Task>('title', 'string', { ...RW, required: true }),
    field<Task>('status', 'enum', { ...RW, options: TASK_STATUSES }),
    field<Task>('priority', 'enum', { ...RW, options: TASK_PRIORITIES }),
    ownerFromEmail<Task>({ ...RW, required: true }),
    field<Task>('type', 'enum', { ...RW, options: TASK_TYPES }),
    extra<Task>('source_type', 'enum', { options: ['API', 'MANUAL', 'SEQUENCE', 'WORKFLOW'] }, 'API'),
    taskCommon.created_at,
    taskCommon.updated_at,
    taskCommon.participant_user_id_list,
    field<Task>('note', 'long_text', RW),
    field<Task>('due_at', 'timestamp', RW),
  ],
  list: (ws) => ws.tasks.values(),
  find: (ws, id) => ws.tasks.get(id),
  blank: (_ws, id, now) => ({
    id,
    title: '',
    owner_email: '',
    status: 'OPEN',
    priority: 'MEDIUM',
    type: 'REMINDER',
    due_at: null,
    note: null,
    account_id: null,
    contact_emails: [],
    opportunity_name: null,
    created_at: now,
  }),
  insert: (ws, t) => void ws.tasks.set(t.id, t),
  remove: (ws, t) => void ws.tasks.delete(t.id),
  updatedAt: taskUpdatedAt,
  touch: (ws, t, now) => setExtraAttribute(ws, t.id, 'updated_at', now),
  events: { created: 'task.created' },
};

// ---- note ----

const noteUpdatedAt = (_ws: Workspace, n: Note) => n.updated_at;
const noteCommon = common<Note>(noteUpdatedAt);

const note: RecordKind<Note> = {
  type: 'note',
  display_name: 'Note',
  description: 'A rich-text note on contacts, accounts and opportunities.',
  customFields: null,
  relationships: [],
  attributes: [
    noteCommon.id,
    noteCommon.organization_id,
    extra<Note>('note_html', 'rich_text', { ...RW, required: true, display: 'Note' }),
    extra<Note>('owner_user_id', 'record_reference', { ...RW, target: 'user', display: 'Owner' }),
    noteCommon.created_at,
    noteCommon.created_by_user_id,
    noteCommon.participant_user_id_list,
    extra<Note>('title', 'string', RW),
    extra<Note>('owner_team_id', 'record_reference', { target: 'team', display: 'Owner Team' }),
    extra<Note>('is_private', 'boolean', RW, false),
    noteCommon.updated_at,
    extra<Note>('deleted_at', 'timestamp', {}),
    extra<Note>('updated_by_user_id', 'record_reference', { target: 'user' }),
    extra<Note>('deleted_by_user_id', 'record_reference', { target: 'user' }),
    // The records a note belongs to: these names are the contract's assumption.
    extra<Note>('contact_id', 'record_reference', { ...RW, target: 'contact', display: 'Contact' }),
    extra<Note>('account_id', 'record_reference', { ...RW, target: 'account', display: 'Account' }),
    extra<Note>('opportunity_id', 'record_reference', { ...RW, target: 'opportunity', display: 'Opportunity' }),
  ],
  list: (ws) => ws.notes.values(),
  find: (ws, id) => ws.notes.get(id),
  blank: (_ws, id, now) => ({ id, created_at: now, updated_at: now }),
  insert: (ws, n) => void ws.notes.set(n.id, n),
  remove: (ws, n) => void ws.notes.delete(n.id),
  updatedAt: noteUpdatedAt,
  touch: (ws, n, now) => {
    n.updated_at = now;
    setExtraAttribute(ws, n.id, 'updated_by_user_id', ws.users[0]?.id ?? null);
  },
};

function relationship(api_name: string, related: V2RecordType, inverse: string, junction: string): RelationshipSpec {
  return {
    api_name,
    display_name: titleCase(api_name),
    related_object_api_name: related,
    is_creatable: true,
    is_updatable: true,
    description: `The ${api_name} linked to this record.`,
    related_object_relationship_api_name: inverse,
    junction_object_api_name: junction,
    is_custom: false,
    is_array: true,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one table of kinds whose record types differ
export type AnyRecordKind = RecordKind<any>;

export const KINDS: Record<V2RecordType, AnyRecordKind> = { account, contact, opportunity, task, note };

export function kindOf(type: string): AnyRecordKind | undefined {
  return (V2_RECORD_TYPES as readonly string[]).includes(type) ? KINDS[type as V2RecordType] : undefined;
}

/** Record types with custom fields keep them in v1's `custom_fields` object. */
const customValues = (record: unknown) => (record as { custom_fields: Record<string, unknown> }).custom_fields;

/** The standard attributes, then one per custom field of the workspace (`is_custom: true`). */
export function attributesOf<R extends StoredRecord>(kind: RecordKind<R>, ws: Workspace): Attribute<R>[] {
  if (!kind.customFields) return [...kind.attributes];
  const custom = ws.customFieldsOf(kind.customFields).map(
    (definition): Attribute<R> => ({
      api_name: definition.api_name,
      display_name: definition.display_name,
      value_type: definition.options ? 'select' : 'string',
      is_array: definition.is_array,
      is_creatable: true,
      is_updatable: true,
      is_required_on_create: false,
      is_unique: false,
      is_custom: true,
      ...(definition.options ? { options: definition.options } : {}),
      get: (r) => customValues(r)[definition.api_name] ?? (definition.is_array ? [] : null),
      set: (r, v) => {
        const values = customValues(r);
        if (v === null || (Array.isArray(v) && v.length === 0)) delete values[definition.api_name];
        else values[definition.api_name] = v;
      },
    }),
  );
  return [...kind.attributes, ...custom];
}
