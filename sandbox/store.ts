/** In-memory state: one Workspace per organization, with the lookups the routes need. */
import type {
  Account,
  ClosedReasons,
  Contact,
  CustomFieldDefinition,
  CustomFieldRecordType,
  Enrollment,
  Mailbox,
  ManualActivity,
  Note,
  Opportunity,
  Pipeline,
  Sequence,
  Stage,
  Task,
  User,
  V2AttributeValues,
  WebhookSubscription,
  WorkspaceData,
} from './records';
import { stableId } from './values';

const byId = <T extends { id: string }>(records: readonly T[]) => new Map(records.map((r) => [r.id, r]));
const lower = (s: string) => s.toLowerCase();

export class Workspace {
  readonly accounts: Map<string, Account>;
  readonly contacts: Map<string, Contact>;
  readonly opportunities: Map<string, Opportunity>;
  readonly tasks: Map<string, Task>;
  readonly activities: Map<string, ManualActivity>;
  readonly enrollments: Map<string, Enrollment>;
  readonly webhooks: Map<string, WebhookSubscription>;
  readonly users: User[];
  readonly mailboxes: Mailbox[];
  readonly sequences: Map<string, Sequence>;
  readonly pipelines: Pipeline[];
  readonly closedReasons: ClosedReasons;
  readonly customFields: CustomFieldDefinition[];
  readonly notes: Map<string, Note>;
  /** v2 attributes v1 records do not carry, by record id (see V2AttributeValues). */
  readonly v2Attributes: Map<string, V2AttributeValues>;
  /** v2's `organization_id`: a UUID derived from the organization's name. */
  readonly organizationId: string;

  private readonly contactIdByEmail = new Map<string, string>();
  /** The oldest account per domain; the upsert matches on it. */
  private readonly accountIdByDomain = new Map<string, string>();

  constructor(org: string, data: WorkspaceData) {
    this.organizationId = stableId('organization', org);
    this.users = data.users;
    this.mailboxes = data.mailboxes;
    this.sequences = byId(data.sequences);
    this.pipelines = data.pipelines;
    this.closedReasons = data.closedReasons;
    this.customFields = data.customFields;
    this.accounts = new Map();
    this.contacts = new Map();
    for (const account of data.accounts) this.addAccount(account);
    for (const contact of data.contacts) this.addContact(contact);
    this.opportunities = byId(data.opportunities);
    this.tasks = byId(data.tasks);
    this.activities = byId(data.activities);
    this.enrollments = byId(data.enrollments);
    this.webhooks = byId(data.webhooks);
    this.notes = byId(data.notes ?? []);
    this.v2Attributes = new Map(Object.entries(data.v2Attributes ?? {}));
  }

  toData(): WorkspaceData {
    return {
      users: this.users,
      mailboxes: this.mailboxes,
      sequences: [...this.sequences.values()],
      pipelines: this.pipelines,
      closedReasons: this.closedReasons,
      customFields: this.customFields,
      accounts: [...this.accounts.values()],
      contacts: [...this.contacts.values()],
      opportunities: [...this.opportunities.values()],
      tasks: [...this.tasks.values()],
      activities: [...this.activities.values()],
      enrollments: [...this.enrollments.values()],
      webhooks: [...this.webhooks.values()],
      notes: [...this.notes.values()],
      v2Attributes: Object.fromEntries(this.v2Attributes),
    };
  }

  addAccount(account: Account): void {
    this.accounts.set(account.id, account);
    this.indexAccountDomain(account);
  }

  /** Call after giving an account a domain it did not have. */
  indexAccountDomain(account: Account): void {
    const domain = account.domain_name && lower(account.domain_name);
    if (domain && !this.accountIdByDomain.has(domain)) this.accountIdByDomain.set(domain, account.id);
  }

  addContact(contact: Contact): void {
    this.contacts.set(contact.id, contact);
    this.contactIdByEmail.set(lower(contact.email), contact.id);
  }

  /** v2 can change a contact's primary email; v1 cannot. */
  changeContactEmail(contact: Contact, email: string): void {
    if (this.contactIdByEmail.get(lower(contact.email)) === contact.id)
      this.contactIdByEmail.delete(lower(contact.email));
    contact.email = email;
    this.contactIdByEmail.set(lower(email), contact.id);
  }

  /** v2 can replace an account's primary domain; v1 only sets a missing one. */
  changeAccountDomain(account: Account, domain: string | null): void {
    this.unindexAccountDomain(account);
    account.domain_name = domain;
    this.indexAccountDomain(account);
  }

  /** v2 archive: the record is gone from every read, v1 and v2. */
  removeAccount(account: Account): void {
    this.accounts.delete(account.id);
    this.unindexAccountDomain(account);
  }

  /** Drops the account from the domain index; the next oldest account with that domain takes its place. */
  private unindexAccountDomain(account: Account): void {
    const domain = lower(account.domain_name ?? '');
    if (this.accountIdByDomain.get(domain) !== account.id) return;
    this.accountIdByDomain.delete(domain);
    for (const other of this.accounts.values()) {
      if (other.id !== account.id) this.indexAccountDomain(other);
    }
  }

  removeContact(contact: Contact): void {
    this.contacts.delete(contact.id);
    if (this.contactIdByEmail.get(lower(contact.email)) === contact.id)
      this.contactIdByEmail.delete(lower(contact.email));
  }

  accountByDomain(domain: string): Account | undefined {
    const id = this.accountIdByDomain.get(lower(domain));
    return id === undefined ? undefined : this.accounts.get(id);
  }

  accountByName(name: string): Account | undefined {
    const wanted = lower(name.trim());
    for (const account of this.accounts.values()) {
      if (lower(account.name) === wanted) return account;
    }
    return undefined;
  }

  contactByEmail(email: string): Contact | undefined {
    const id = this.contactIdByEmail.get(lower(email));
    return id === undefined ? undefined : this.contacts.get(id);
  }

  userByEmail(email: string): User | undefined {
    const wanted = lower(email);
    return this.users.find((u) => lower(u.email) === wanted);
  }

  mailboxesOf(userEmail: string): Mailbox[] {
    const wanted = lower(userEmail);
    return this.mailboxes.filter((m) => lower(m.owner_user_email) === wanted);
  }

  mailboxByEmail(email: string): Mailbox | undefined {
    const wanted = lower(email);
    return this.mailboxes.find((m) => lower(m.email) === wanted);
  }

  opportunityByName(name: string): Opportunity | undefined {
    const wanted = lower(name.trim());
    for (const opportunity of this.opportunities.values()) {
      if (lower(opportunity.display_name) === wanted) return opportunity;
    }
    return undefined;
  }

  pipelineByName(name: string): Pipeline | undefined {
    const wanted = lower(name.trim());
    return this.pipelines.find((p) => lower(p.name) === wanted);
  }

  defaultPipeline(): Pipeline {
    return this.pipelines[0];
  }

  stage(pipelineName: string, stageName: string): Stage | undefined {
    const wanted = lower(stageName.trim());
    return this.pipelineByName(pipelineName)?.stages.find((s) => lower(s.name) === wanted);
  }

  customFieldsOf(recordType: CustomFieldRecordType): CustomFieldDefinition[] {
    return this.customFields.filter((f) => f.record_type === recordType);
  }
}

/** All organizations' workspaces. */
export class Store {
  constructor(private readonly workspaces: Map<string, Workspace>) {}

  static fromData(data: Record<string, WorkspaceData>): Store {
    return new Store(new Map(Object.entries(data).map(([org, ws]) => [org, new Workspace(org, ws)])));
  }

  workspace(org: string): Workspace {
    const ws = this.workspaces.get(org);
    if (!ws) throw new Error(`No workspace for organization ${org}`);
    return ws;
  }

  findWebhook(id: string): { ws: Workspace; subscription: WebhookSubscription } | undefined {
    for (const ws of this.workspaces.values()) {
      const subscription = ws.webhooks.get(id);
      if (subscription) return { ws, subscription };
    }
    return undefined;
  }

  toData(): Record<string, WorkspaceData> {
    return Object.fromEntries([...this.workspaces].map(([org, ws]) => [org, ws.toData()]));
  }
}
