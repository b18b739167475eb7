/**
 * Clay HTTP API recipes, generated from the endpoint table (src/endpoints.ts) and the field
 * catalog (src/fields), the same descriptions the Zapier app is built from. `clay/generate.ts`
 * writes them to clay/recipes/*.json and clay/RECIPES.md; a test fails when those files differ
 * from what this module produces.
 */
import { DEFAULT_BASE_URL } from '../src/config';
import { endpoints, SEARCH_PAGE_SIZE, V2, type Endpoint, type EndpointName, type Param } from '../src/endpoints';
import { attributeWrapper } from '../src/v2-writes';
import { WORKFLOW_KEY_HEADER } from '../src/workflows';
import { v2Permissions } from '../src/v2-permissions';
import type { Field } from '../src/fields';
import { chip } from './template';

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

/** A column of the Clay table that a recipe reads. */
export interface RecipeColumn {
  readonly name: string;
  /** The contract's field name the column feeds. */
  readonly field: string;
  readonly label: string;
  readonly where: 'body' | 'path' | 'query';
  readonly required: boolean;
  /** What the body formula makes of the cell: text, a number, an item of a list, a custom field value. */
  readonly shape: 'text' | 'number' | 'list item' | 'custom field value';
  /** A cell value that passes the check. */
  readonly example: string;
  readonly help: string;
}

/**
 * A value of the response worth keeping in a column: a dot path for Clay's Field Paths to Return
 * and "Add as column", or a formula column that reads the whole response (the recipe's column)
 * and picks from it, e.g. the one search result whose name is exactly the row's.
 */
export type RecipeReturn = { readonly column: string; readonly description: string } & (
  { readonly path: string; readonly formula?: undefined } | { readonly formula: string; readonly path?: undefined }
);

/** A line to add to the body formula's object for a field the recipe leaves out. */
export interface OptionalBodyLine {
  readonly field: string;
  readonly column: string;
  /** The line to paste into the body formula, e.g. `"title": {{Job Title}}`. */
  readonly line: string;
  /** Where in the body it goes. */
  readonly where: string;
}

/** A find that runs before a create, and the one ID column later recipes read. */
export interface RecipeChain {
  /** The find recipe whose result column the create's Only run if reads. */
  readonly find: string;
  readonly foundColumn: string;
  /** A formula column holding the found ID, else the created one: what later recipes read. */
  readonly idColumn: { readonly name: string; readonly formula: string };
}

export interface Recipe {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  /** The name of the HTTP API column in Clay; a return formula reads the response through it. */
  readonly column: string;
  /** Which entry of src/endpoints.ts this recipe calls; a workflow's own URL (a column of the row); or the v2 task `_query`. */
  readonly endpointName: EndpointName | typeof WORKFLOW | typeof TASK_QUERY;
  readonly permissions: readonly string[];
  // Clay's fields, in the order Clay shows them.
  readonly method: Endpoint['method'];
  readonly endpoint: string;
  readonly queryString: readonly KeyValue[];
  readonly headers: readonly KeyValue[];
  readonly account: { readonly name: string; readonly headers: readonly KeyValue[] };
  /** The Body text to paste; null for a GET. Chips are written `{{Column Name}}`. */
  readonly body: string | null;
  /** The formula column the Body is made of: it keeps only what the row fills. */
  readonly bodyFormula: { readonly column: string; readonly formula: string } | null;
  readonly removeNullAndUndefinedValues: boolean;
  readonly fieldPathsToReturn: string;
  // Run settings.
  /** Clay's Only run if; `reevo-clay` evaluates this same text. */
  readonly onlyRunIf: { readonly formula: string };
  readonly rateLimit: { readonly requests: number; readonly durationMs: number; readonly why: string };
  // What the user needs around it.
  readonly columns: readonly RecipeColumn[];
  readonly optionalBodyLines: readonly OptionalBodyLine[];
  readonly returns: readonly RecipeReturn[];
  readonly chain: RecipeChain | null;
  readonly rerun: { readonly safe: boolean; readonly explanation: string };
  readonly notes: readonly string[];
}

export const API_KEY_PLACEHOLDER = '<your Reevo API key>';
export const WORKFLOW_KEY_PLACEHOLDER = '<the workflow key, only if its trigger has one>';

/**
 * The endpoint name of the recipe that starts a Reevo workflow: it POSTs to the URL the row gives
 * (src/workflows.ts), with no Reevo API key, only the workflow's own key when it has one.
 */
export const WORKFLOW = 'workflow';

export const isWorkflowRecipe = (recipe: Pick<Recipe, 'endpointName'>): boolean => recipe.endpointName === WORKFLOW;

/** Find Task's endpoint: Reevo v2 `POST /api/v2/task/_query` (docs/reevo-api.md §3.4), which has no entry in src/endpoints.ts. */
export const TASK_QUERY = 'taskQuery';
export const TASK_QUERY_PATH = `${V2}/task/_query`;

/** A recipe built here rather than from src/endpoints.ts: its row is read by its own rules in rows.ts. */
export const callsEndpointTable = (recipe: Pick<Recipe, 'endpointName'>): recipe is { endpointName: EndpointName } =>
  recipe.endpointName !== WORKFLOW && recipe.endpointName !== TASK_QUERY;

/**
 * The Clay Accounts (saved header sets) the recipes use: Reevo's v1 takes the key in `x-api-key`,
 * its v2 as a bearer token (as src/client.ts sends it), so a workspace saves the key twice.
 */
const CLAY_ACCOUNTS = {
  v1: { name: 'Reevo API key', headers: [{ key: 'x-api-key', value: API_KEY_PLACEHOLDER }] },
  v2: { name: 'Reevo API key (v2)', headers: [{ key: 'Authorization', value: `Bearer ${API_KEY_PLACEHOLDER}` }] },
  workflow: { name: 'Reevo workflow key', headers: [{ key: WORKFLOW_KEY_HEADER, value: WORKFLOW_KEY_PLACEHOLDER }] },
} as const;

/**
 * Reevo publishes no rate limits, only a per-organization quota of public requests (contract §1),
 * and Clay does not retry a 429. These keep well below any plausible limit while a table of
 * 1,000 rows still finishes in minutes; halve them if cells error with 429.
 */
const RATE_LIMITS = {
  read: {
    requests: 10,
    durationMs: 1000,
    why: 'Read-only lookups: 10 a second finishes 1,000 rows in under 2 minutes and leaves room in the quota for Zapier and other tools.',
  },
  write: {
    requests: 5,
    durationMs: 1000,
    why: 'Writes: 5 a second (1,000 rows in about 3.5 minutes). Reevo publishes no limit and Clay does not retry a 429, so stay gentle; halve it if cells error with 429.',
  },
  email: {
    requests: 1,
    durationMs: 1000,
    why: 'Enrollments start real email sequences: 1 a second keeps a mistake small and lets you stop the column before it reaches the whole table.',
  },
} as const;

interface RecipeSpec {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly endpoint: EndpointName;
  /** Body fields in the default body (keys of the endpoint's params). The rest become optional lines. */
  readonly body?: readonly string[];
  /** Query fields sent as Query String rows (the retrieval's identifier). */
  readonly query?: readonly string[];
  readonly returns: readonly RecipeReturn[];
  /** Fields the recipe needs although the endpoint does not (e.g. a find's search terms). */
  readonly requires?: readonly string[];
  /** For a create that a find runs before: see RecipeChain. */
  readonly chain?: RecipeChain;
  /** `safe`: re-running never creates a duplicate. */
  readonly rerun: { readonly safe: boolean; readonly explanation: string };
  readonly rate: keyof typeof RATE_LIMITS;
  readonly notes?: readonly string[];
}

/** What a re-run does, for the recipes that only read or only set values. */
const READ_ONLY = {
  safe: true,
  explanation: 'Safe to re-run: it only reads. Each run still costs a Clay action and one request of your Reevo quota.',
} as const;
const SETS_VALUES = {
  safe: true,
  explanation:
    "Safe to re-run: it sets the same values again and creates nothing. A re-run writes the table's values over changes someone made in Reevo since.",
} as const;

const LIST_NOTE =
  'A list field holds one chip per item: `["{{Email}}"]` sends a list of one. For more items add chips (`["{{Email}}", "{{Second Email}}"]`); a cell with several comma-separated values cannot be split in the body, so build that list in a formula column first.';

const SPECS: readonly RecipeSpec[] = [
  {
    name: 'upsert_account_contact',
    title: 'Create or Update Contact and Account',
    summary: 'Creates or updates a contact, matched by email, and the account it belongs to, in one call.',
    endpoint: 'upsertAccountContact',
    body: ['email', 'first_name', 'last_name', 'title', 'phone_number', 'company', 'account_website'],
    returns: [
      { path: 'contact_id', column: 'Reevo Contact ID', description: 'The contact, new or existing.' },
      { path: 'account_id', column: 'Reevo Account ID', description: 'The account the contact belongs to.' },
      { path: 'action', column: 'Reevo Upsert Action', description: '`created` or `updated`.' },
    ],
    rerun: {
      safe: true,
      explanation:
        "Safe to re-run. Reevo matches the contact by email, so a second run updates the same contact (and its account) instead of creating another. Clay's auto-update re-sends a row when one of its cells changes, which is what you want here.",
    },
    rate: 'write',
    notes: [
      'Reevo links the contact to the account whose domain matches Company Website, or else the account named Company Name, and creates the account if there is none (the matching rule is not published: test one row).',
    ],
  },
  {
    name: 'create_account',
    title: 'Create Account',
    summary: 'Creates an account.',
    endpoint: 'createAccount',
    body: ['name', 'domain_name', 'official_website'],
    returns: [{ path: 'id', column: 'Created Account ID', description: 'The new account.' }],
    chain: {
      find: 'find_account_by_domain',
      foundColumn: 'Found Account ID',
      idColumn: { name: 'Reevo Account ID', formula: '{{Found Account ID}} || {{Created Account ID}}' },
    },
    rerun: {
      safe: false,
      explanation:
        'Not safe to re-run: every run creates another account. Map `id` into a "Created Account ID" column with Add as column; Only run if then skips rows that have one, and rows where Find Account by Domain (run first, result column "Found Account ID") found the account. A formula column "Reevo Account ID" (`{{Found Account ID}} || {{Created Account ID}}`) then holds the account of every row, found or created: the column Create Opportunity and Update Account read.',
    },
    rate: 'write',
  },
  {
    name: 'update_account',
    title: 'Update Account',
    summary: 'Updates an account by its Reevo ID.',
    endpoint: 'updateAccount',
    body: ['official_website', 'linkedin_url', 'owner_email'],
    returns: [{ path: 'updated_at', column: 'Reevo Account Updated At', description: 'When Reevo stored the change.' }],
    rerun: {
      safe: true,
      explanation:
        "Safe to re-run: it sets the same values again and creates nothing. Mind that a re-run writes the table's values over changes someone made in Reevo since.",
    },
    rate: 'write',
    notes: [
      'Reevo Account ID comes from the chain Find Account by Domain → Create Account (its formula column), or from Create or Update Contact and Account.',
    ],
  },
  {
    name: 'create_opportunity',
    title: 'Create Opportunity',
    summary: 'Creates an opportunity on an existing account.',
    endpoint: 'createOpportunity',
    body: ['display_name', 'account_id', 'amount', 'owner_email', 'primary_contact_email'],
    returns: [{ path: 'id', column: 'Created Opportunity ID', description: 'The new opportunity.' }],
    chain: {
      find: 'find_opportunity',
      foundColumn: 'Found Opportunity ID',
      idColumn: { name: 'Reevo Opportunity ID', formula: '{{Found Opportunity ID}} || {{Created Opportunity ID}}' },
    },
    rerun: {
      safe: false,
      explanation:
        'Not safe to re-run: every run creates another opportunity. Map `id` into a "Created Opportunity ID" column with Add as column; Only run if then skips rows that have one, and rows where Find Opportunity (run first, result column "Found Opportunity ID") found it. A formula column "Reevo Opportunity ID" (`{{Found Opportunity ID}} || {{Created Opportunity ID}}`) then holds the opportunity of every row: the column Update Opportunity and Move Opportunity to Stage read.',
    },
    rate: 'write',
    notes: [
      'The account must already exist in Reevo: Reevo Account ID is the formula column of the chain Find Account by Domain → Create Account, or the result of Create or Update Contact and Account.',
      'Deal Amount must be a plain number such as `95000` or `95000.50`, with no currency sign or thousands separator; the body formula sends it as a number. An empty cell is left out.',
    ],
  },
  {
    name: 'update_opportunity',
    title: 'Update Opportunity',
    summary: 'Updates an opportunity by its Reevo ID (not its stage: use Move Opportunity to Stage).',
    endpoint: 'updateOpportunity',
    body: ['amount', 'next_step_details', 'next_step_due_at'],
    returns: [
      { path: 'updated_at', column: 'Reevo Opportunity Updated At', description: 'When Reevo stored the change.' },
    ],
    rerun: SETS_VALUES,
    rate: 'write',
    notes: [
      'Deal Amount must be a plain number (see Create Opportunity); an empty cell is left out, so the stored amount stays as it is.',
    ],
  },
  {
    name: 'move_opportunity_stage',
    title: 'Move Opportunity to Stage',
    summary: "Moves an opportunity to a pipeline stage, by the stage's name.",
    endpoint: 'shiftOpportunityStage',
    body: ['target_stage_name', 'closed_reason_names'],
    returns: [
      { path: 'stage_name', column: 'Reevo Stage', description: 'The stage the opportunity is in now.' },
      { path: 'status', column: 'Reevo Opportunity Status', description: 'Prospect or deal.' },
    ],
    rerun: {
      safe: true,
      explanation:
        "Creates nothing, but a re-run moves the opportunity back to the table's stage if someone moved it on in Reevo since. Turn auto-update off for this column, or add `&& {{Stage}} != {{Reevo Stage}}` to Only run if so it runs only when the table asks for a different stage than Reevo last reported.",
    },
    rate: 'write',
    notes: [
      "Closed won and closed lost stages need at least one closed reason (Closed Reasons, one of your workspace's reasons by name); Reevo decides won or lost from the stage.",
      LIST_NOTE,
    ],
  },
  {
    name: 'create_task',
    title: 'Create Task',
    summary: 'Creates a task for a Reevo user.',
    endpoint: 'createTask',
    body: ['title', 'owner_email', 'due_at', 'priority', 'type', 'note', 'contact_emails'],
    returns: [{ path: 'id', column: 'Reevo Task ID', description: 'The new task.' }],
    rerun: {
      safe: false,
      explanation:
        'Not safe to re-run: every run creates another task (Reevo has no task update or search in v1). Map `id` into a "Reevo Task ID" column with Add as column; the Only run if condition then skips rows that already have one.',
    },
    rate: 'write',
    notes: [
      "Task Priority, Task Type and Task Status take Reevo's values exactly as written: `URGENT`, `HIGH`, `MEDIUM`, `LOW`; `VOICE_CALL`, `EMAIL`, …; `OPEN`, `IN_PROGRESS`, …",
      'Due Date must be an ISO-8601 date and time with a time zone, e.g. `2026-11-27T16:00:00Z`.',
      LIST_NOTE,
    ],
  },
  {
    name: 'log_manual_activity',
    title: 'Log Manual Activity',
    summary:
      'Logs a manual activity (a call, a meeting at a conference, a LinkedIn message…) on an account and its contacts.',
    endpoint: 'createManualActivity',
    body: ['activity_time', 'subject', 'description', 'category', 'account_id', 'contact_ids'],
    returns: [{ path: 'id', column: 'Reevo Activity ID', description: 'The new activity.' }],
    rerun: {
      safe: false,
      explanation:
        'Not safe to re-run: every run logs the activity again. Map `id` into a "Reevo Activity ID" column with Add as column; the Only run if condition then skips rows that already have one.',
    },
    rate: 'write',
    notes: [
      'Contact IDs take Reevo contact IDs, not emails: map Reevo Contact ID from Create or Update Contact and Account or Find Contacts by Email.',
      'Reevo calls the opportunity field `pipeline_id`, but it takes an opportunity ID.',
      LIST_NOTE,
    ],
  },
  {
    name: 'enroll_contact_in_sequence',
    title: 'Enroll Contact in Sequence',
    summary: 'Enrolls a contact in a Reevo sequence. This sends real email.',
    endpoint: 'enrollInSequence',
    body: ['contact_email', 'sequence_id'],
    returns: [
      { path: 'id', column: 'Reevo Enrollment ID', description: 'The enrollment.' },
      { path: 'status', column: 'Reevo Enrollment Status', description: "The enrollment's status." },
    ],
    rerun: {
      safe: false,
      explanation:
        'Not safe to re-run: enrollment sends real email and Reevo has no idempotency key for it, so a second run may enroll the contact again. Map `id` into a "Reevo Enrollment ID" column with Add as column; the Only run if condition then skips rows that already have one. Turn auto-update off for this column.',
    },
    rate: 'email',
    notes: [
      "If Sender Mailbox is left out, Reevo picks a mailbox of the contact's owner. The contact must exist in Reevo: run Create or Update Contact and Account first.",
    ],
  },
  {
    name: 'create_or_update_account',
    title: 'Create or Update Account (By Domain)',
    summary: 'Updates the account with this domain, or creates it: Reevo v2 `_assert`.',
    endpoint: 'assertAccount',
    body: ['domain_name', 'name', 'official_website', 'linkedin_url'],
    returns: [
      { path: 'data.id', column: 'Reevo Account ID', description: 'The account, new or existing.' },
      { path: 'meta.action', column: 'Reevo Account Action', description: '`created` or `updated`.' },
    ],
    rerun: {
      safe: true,
      explanation:
        "Safe to re-run: Reevo matches the account by its domain, so a second run updates the same account instead of creating another. A re-run writes the table's values over changes someone made in Reevo since.",
    },
    rate: 'write',
    notes: [
      "Reevo's pages disagree on the key `_assert` matches accounts on; this recipe sends `domain_name` (an assumption: test one row, and if Reevo answers `invalid_matching_field`, tell us).",
      'The ids sit one level down (`data.id`). If your Clay workspace returns only top-level paths, enter `data, meta` in Field Paths to Return and use Add as column on the `id` inside `data`.',
    ],
  },
  {
    name: 'create_note',
    title: 'Create Note',
    summary: 'Creates a note on a contact, an account or an opportunity.',
    endpoint: 'createNote',
    body: ['note_html', 'account_id'],
    returns: [{ path: 'data.id', column: 'Reevo Note ID', description: 'The new note.' }],
    rerun: {
      safe: false,
      explanation:
        'Not safe to re-run: every run adds the note again. Map `data.id` into a "Reevo Note ID" column with Add as column; the Only run if condition then skips rows that already have one.',
    },
    rate: 'write',
    notes: [
      'Note is sent as HTML, as Reevo stores notes: put `<p>…</p>` around plain text, e.g. in a formula column `"<p>" + {{Note}} + "</p>"` (escape `<` and `&` in the text first if it may hold them).',
      'Attach the note to a contact or an opportunity instead of (or as well as) the account with the optional lines `contact_id` and `opportunity_id`.',
    ],
  },
  {
    name: 'update_task',
    title: 'Update Task',
    summary: "Changes a task's status, priority, type, due date, title or assignee.",
    endpoint: 'updateTask',
    body: ['status', 'priority', 'due_at', 'owner_email'],
    returns: [
      { path: 'data.attributes.status.value', column: 'Reevo Task Status', description: "The task's status now." },
    ],
    rerun: SETS_VALUES,
    rate: 'write',
    notes: [
      "Task Status and Task Priority take Reevo's values exactly as written: `OPEN`, `IN_PROGRESS`, `BLOCKED`, `COMPLETED`, `CLOSED`; `URGENT`, `HIGH`, `MEDIUM`, `LOW`.",
      'The assignee is matched by email (`related_record_match`): Task Owner Email must belong to a user of your Reevo workspace.',
    ],
  },
  {
    name: 'complete_task',
    title: 'Complete Task',
    summary: 'Marks a task as completed.',
    endpoint: 'completeTask',
    returns: [{ path: 'data.attributes.status.value', column: 'Reevo Task Status', description: '`COMPLETED`.' }],
    rerun: { safe: true, explanation: 'Safe to re-run: a completed task stays completed.' },
    rate: 'write',
  },
  {
    name: 'update_contact',
    title: 'Update Contact',
    summary: 'Updates a contact by its Reevo ID (Reevo v2).',
    endpoint: 'updateContact',
    body: ['title', 'department', 'phone_number'],
    returns: [
      { path: 'data.updated_at', column: 'Reevo Contact Updated At', description: 'When Reevo stored the change.' },
    ],
    rerun: SETS_VALUES,
    rate: 'write',
    notes: [
      'Empty cells are left out, so they keep Reevo\'s value. To blank a field, write it as `null` in a body of your own (e.g. `{"attributes": {"department": null}}`) and turn Remove null & undefined values off.',
    ],
  },
  {
    name: 'find_account_by_domain',
    title: 'Find Account by Domain',
    summary: 'Finds the account whose domain is exactly the one given, e.g. `acme.com`.',
    endpoint: 'retrieveAccountAndContact',
    query: ['account_domain'],
    returns: [
      {
        path: 'account.id',
        column: 'Found Account ID',
        description: 'The account, or empty when Reevo has none with this domain.',
      },
      {
        path: 'account.domain_name',
        column: 'Found Account Domain',
        description: 'Its domain, the same as Company Domain.',
      },
    ],
    rerun: READ_ONLY,
    rate: 'read',
    notes: [
      "This asks Reevo's account retrieval, which looks the domain up as a whole. Reevo's account search (`/accounts/search`) is not used: it matches any domain that contains the text, so `verdant-farms.example` would also find `notverdant-farms.example`.",
      'Company Domain must be a bare domain such as `acme.com`, not a URL: see the formula in the guide.',
      'The id sits one level down (`account.id`). If your Clay workspace returns only top-level paths, enter `account` in Field Paths to Return and use Add as column on the `id` inside it.',
    ],
  },
  {
    name: 'find_opportunity',
    title: 'Find Opportunity',
    summary: 'Finds the opportunity of an account whose name is exactly the one given.',
    endpoint: 'searchOpportunities',
    body: ['display_name', 'account_id'],
    requires: ['display_name', 'account_id'],
    returns: [
      {
        column: 'Found Opportunity ID',
        formula:
          '[].concat({{Find Opportunity}} || []).find((o) => String(o?.display_name ?? "").trim().toLowerCase() === String({{Opportunity Name}} ?? "").trim().toLowerCase())?.id ?? ""',
        description:
          'A formula column: the opportunity whose name is exactly Opportunity Name (letter case aside), or empty.',
      },
    ],
    rerun: READ_ONLY,
    rate: 'read',
    notes: [
      "Reevo's opportunity search matches names that contain the text (`Phase 2` also finds `Phase 2 renewal`), so the recipe keeps the whole response (Field Paths to Return left empty) and a formula column picks the exact name. Name the HTTP API column `Find Opportunity`, as the formula reads it.",
    ],
  },
  {
    name: 'find_task_owner',
    title: 'Find Task Owner',
    summary: 'Finds the Reevo user with this email, for Find Task (step 1 of 2).',
    endpoint: 'searchUsers',
    body: ['email'],
    returns: [
      {
        column: 'Task Owner ID',
        formula:
          '[].concat({{Find Task Owner}} || []).find((u) => String(u?.email ?? "").trim().toLowerCase() === String({{User Email}} ?? "").trim().toLowerCase())?.id ?? ""',
        description:
          'A formula column: the ID of the user whose email is exactly User Email (letter case aside), or empty.',
      },
    ],
    rerun: READ_ONLY,
    rate: 'read',
    notes: [
      "Reevo's v2 task query filters an owner by the user's ID, not by email, and one HTTP API column cannot look the user up and then query: this recipe is the first column of the chain and the recipe Find Task the second. Name the HTTP API column `Find Task Owner`, as the formula reads it; Field Paths to Return stays empty, and the formula keeps only the user whose email is exactly the row's.",
    ],
  },
  {
    name: 'find_contacts_by_email',
    title: 'Find Contacts by Email',
    summary: 'Finds contacts by their email address.',
    endpoint: 'searchContacts',
    body: ['contact_email'],
    returns: [
      { path: '0.id', column: 'Found Contact ID', description: 'The contact found.' },
      { path: '0.account_id', column: 'Found Account ID', description: "The contact's account." },
    ],
    rerun: READ_ONLY,
    rate: 'read',
    notes: [
      "The response is a list (empty when nothing matches). If Clay returns nothing for `0.id`, clear Field Paths to Return and use Add as column on the first result's `id` instead.",
    ],
  },
  ...(['contact_email', 'account_domain', 'contact_phone_number'] as const).map((identifier): RecipeSpec => ({
    name: `find_contact_and_account_by_${{ contact_email: 'email', account_domain: 'domain', contact_phone_number: 'phone' }[identifier]}`,
    title: `Find Contact and Account by ${{ contact_email: 'Email', account_domain: 'Domain', contact_phone_number: 'Phone' }[identifier]}`,
    summary: {
      contact_email: "Finds a contact by email, and the contact's account.",
      account_domain: 'Finds an account by its domain, and a contact of it.',
      contact_phone_number: "Finds a contact by phone number, and the contact's account.",
    }[identifier],
    endpoint: 'retrieveAccountAndContact',
    query: [identifier],
    returns: [
      { path: 'contact.id', column: 'Found Contact ID', description: 'The contact, or empty when none was found.' },
      { path: 'account.id', column: 'Found Account ID', description: 'The account, or empty when none was found.' },
    ],
    rerun: READ_ONLY,
    rate: 'read',
    notes: [
      'The ids sit one level down (`contact.id`, `account.id`). If your Clay workspace returns only top-level paths, enter `contact, account` in Field Paths to Return and use Add as column on the `id` inside each.',
      ...(identifier === 'contact_phone_number'
        ? [
            'The phone number must be in international E.164 form, e.g. `+14155550123`. Clay URL-encodes Query String values, so the `+` arrives as `%2B` as Reevo requires (not confirmed: test one row with a number you know is in Reevo).',
          ]
        : []),
      ...(identifier === 'account_domain'
        ? ['Company Domain must be a bare domain such as `acme.com`, not a URL: see the formula in the guide.']
        : []),
    ],
  })),
];

/** All recipes, in the order of the guide. */
export function generateRecipes(): Recipe[] {
  const recipes = [...SPECS.map(buildRecipe), findTaskRecipe(), workflowRecipe()];
  const names = new Set<string>();
  for (const recipe of recipes) {
    if (names.has(recipe.name)) throw new Error(`Two recipes are named ${recipe.name}`);
    names.add(recipe.name);
  }
  return recipes;
}

export function recipeByName(name: string): Recipe | undefined {
  return generateRecipes().find((recipe) => recipe.name === name);
}

function buildRecipe(spec: RecipeSpec): Recipe {
  const endpoint: Endpoint = endpoints[spec.endpoint];
  const paramOf = (key: string): Param => {
    const param = endpoint.params.find((p) => p.field.key === key);
    if (!param) throw new Error(`Recipe ${spec.name}: ${spec.endpoint} has no field ${key}`);
    return param;
  };
  const bodyParams = (spec.body ?? []).map(paramOf);
  const queryParams = (spec.query ?? []).map(paramOf);
  for (const param of [...bodyParams, ...queryParams]) {
    if ((param.in ?? 'body') !== (spec.query?.includes(param.field.key) ? 'query' : 'body')) {
      throw new Error(
        `Recipe ${spec.name}: ${param.field.key} does not go in the ${spec.query?.includes(param.field.key) ? 'query' : 'body'}`,
      );
    }
  }
  const pathParams = endpoint.params.filter((p) => p.in === 'path');
  const missing = endpoint.params.filter(
    (p) => p.required && !pathParams.includes(p) && !bodyParams.includes(p) && !queryParams.includes(p),
  );
  if (missing.length > 0)
    throw new Error(`Recipe ${spec.name} leaves out required ${missing.map((p) => p.field.key).join(', ')}`);

  let path = endpoint.path;
  for (const param of pathParams) path = path.replace(`{${param.field.key}}`, chip(param.field.clayColumn));

  const used = [...pathParams, ...queryParams, ...bodyParams];
  // A field of an "at least one" / "exactly one" rule is required when the recipe sends no other.
  const oneOfUsed = endpoint.oneOf ? used.filter((p) => endpoint.oneOf!.keys.includes(p.field.key)) : [];
  const required = (param: Param) =>
    Boolean(param.required) ||
    (oneOfUsed.length === 1 && oneOfUsed[0] === param) ||
    Boolean(spec.requires?.includes(param.field.key));
  const columns = used.map((param) => columnOf(param, required(param)));
  assertDistinctColumns(spec.name, columns);

  const empty = spec.rerun.safe ? [] : [...(spec.chain ? [spec.chain.foundColumn] : []), spec.returns[0].column];
  const filled = [...new Set(columns.filter((c) => c.required).map((c) => c.name))];
  const hasBody = endpoint.method !== 'GET';
  const bodyColumn = `${spec.title} Body`;

  return {
    name: spec.name,
    title: spec.title,
    summary: spec.summary,
    column: spec.title,
    endpointName: spec.endpoint,
    permissions: endpoint.permissions,
    method: endpoint.method,
    endpoint: `${DEFAULT_BASE_URL}${path}`,
    queryString: [
      ...Object.entries(endpoint.query ?? {}).map(([key, value]) => ({ key, value })),
      ...queryParams.map((param) => ({ key: param.field.key, value: chip(param.field.clayColumn) })),
    ],
    headers: hasBody
      ? [
          { key: 'Content-Type', value: 'application/json' },
          { key: 'Accept', value: 'application/json' },
        ]
      : [{ key: 'Accept', value: 'application/json' }],
    account: endpoint.path.startsWith(`${V2}/`) ? CLAY_ACCOUNTS.v2 : CLAY_ACCOUNTS.v1,
    body: hasBody ? chip(bodyColumn) : null,
    bodyFormula: hasBody ? { column: bodyColumn, formula: bodyFormula(bodyParams, endpoint.fixedBody ?? {}) } : null,
    removeNullAndUndefinedValues: true,
    fieldPathsToReturn: spec.returns.flatMap((r) => (r.path === undefined ? [] : [r.path])).join(', '),
    onlyRunIf: { formula: runIfFormula(filled, empty) },
    rateLimit: RATE_LIMITS[spec.rate],
    columns,
    optionalBodyLines: hasBody
      ? endpoint.params
          .filter((p) => (p.in ?? 'body') === 'body' && !bodyParams.includes(p) && p.form !== 'clear')
          .map((param) => ({
            field: param.field.key,
            column: columnsOfValue(param.field).join(', '),
            line: bodyLine(param),
            where: param.under ? `inside "${param.under}"` : 'top level',
          }))
      : [],
    returns: spec.returns,
    chain: spec.chain ?? null,
    rerun: spec.rerun,
    notes: spec.notes ?? [],
  };
}

function columnOf(param: Param, required: boolean): RecipeColumn {
  const { field } = param;
  return {
    name: field.clayColumn,
    field: field.key,
    label: field.label,
    where: param.in ?? 'body',
    required,
    shape: param.in === 'path' || param.in === 'query' ? 'text' : SHAPES[field.wire],
    example: exampleCell(field),
    help: clayHelp(field),
  };
}

/** Help sentences that describe what the Zapier app does with a value, which Clay does not. */
const ZAPIER_ONLY =
  /all work|both work|works too|both become|read as (UTC|US)|any common format|(Find|New) [A-Z][\w ]* step\b|\bpick (it|them)\b|separate several|\bZap|dropdown|line item/i;

/**
 * The catalog's help without what only holds in Zapier. For a value Clay must send in Reevo's
 * form (a number, a date-time, a domain, a website, a phone), the first sentence says what it is
 * and one sentence says the form, instead of the forms the Zapier app accepts.
 */
function clayHelp(field: Field): string {
  const form =
    field.wire === 'number'
      ? 'A plain number such as `95000`: no currency sign or thousands separator (`reevo-clay fix` cleans such cells).'
      : field.zapier.type === 'datetime'
        ? `ISO-8601 with a time zone, e.g. \`${String(field.example)}\`.`
        : field.key === 'domain_name' || field.key === 'account_domain'
          ? 'A bare domain such as `acme.com`, not a URL or an email address (`reevo-clay fix` turns those into the domain).'
          : field.key.endsWith('website')
            ? 'A full address such as `https://www.acme.com`.'
            : field.key.includes('phone')
              ? 'International E.164 form with the country code, e.g. `+14155550123`.'
              : undefined;
  const sentences = field.helpText.split(/(?<=[.!?])\s+(?=[A-Z`])/);
  if (form) {
    const first = sentences[0].replace(/,? (e\.g\.|such as)( .*)?$/, '.').replace(/\.?$/, '.');
    return `${ZAPIER_ONLY.test(first) ? `The ${field.label.toLowerCase()}.` : first} ${form}`;
  }
  const kept = sentences.filter((sentence) => !ZAPIER_ONLY.test(sentence));
  const list =
    field.wire === 'string[]' ? ['One item per column: the body formula sends the cell as a list of one.'] : [];
  return [...(kept.length > 0 ? kept : [`The ${field.label}.`]), ...list].join(' ');
}

function assertDistinctColumns(recipe: string, columns: readonly RecipeColumn[]): void {
  const seen = new Map<string, string>();
  for (const column of columns) {
    if (/["\\{}]/.test(column.name)) throw new Error(`Recipe ${recipe}: column name ${column.name} cannot be a chip`);
    const other = seen.get(column.name);
    if (other && other !== column.field)
      throw new Error(`Recipe ${recipe}: ${other} and ${column.field} both read column ${column.name}`);
    seen.set(column.name, column.field);
  }
}

/** A cell that holds the field's example, as a Clay user would type it. */
function exampleCell(field: Field): string {
  const example = field.example;
  if (Array.isArray(example)) return example[0];
  if (typeof example === 'object') {
    const first = Object.values(example)[0];
    return Array.isArray(first) ? first[0] : first;
  }
  return String(example);
}

/** Custom field columns are named after the example's API name: `industry_segment` → `Industry Segment`. */
function customFieldColumn(apiName: string): string {
  return apiName
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function columnsOfValue(field: Field): string[] {
  if (field.wire === 'object') return Object.keys(field.example).map(customFieldColumn);
  return [field.clayColumn];
}

const SHAPES = { string: 'text', number: 'number', 'string[]': 'list item', object: 'custom field value' } as const;

/** A field's value in the body formula: the cell, a list of one cell, or custom fields keyed by API name. */
function valueFormula(field: Field): string {
  switch (field.wire) {
    case 'string':
    case 'number':
      return chip(field.clayColumn);
    case 'string[]':
      return `[${chip(field.clayColumn)}]`;
    case 'object':
      return `{ ${Object.keys(field.example)
        .map((apiName) => `${JSON.stringify(apiName)}: ${chip(customFieldColumn(apiName))}`)
        .join(', ')} }`;
  }
}

const filled = (name: string) => `String(${name} ?? "").trim() !== ""`;

/**
 * One `"key": value` line of the body formula: the v2 attribute name where it differs from the
 * input key, and the value in the wrapper its endpoint asks for (src/v2-writes.ts), e.g.
 * `"owner_user_id": {"related_record_match": {"email": {{Task Owner Email}}}}`.
 */
function bodyLine(param: Param): string {
  const hole = '\u0000';
  const wrapped = JSON.stringify(attributeWrapper(param.form)?.wrap(hole) ?? hole).replace(
    JSON.stringify(hole),
    valueFormula(param.field),
  );
  return `${JSON.stringify(param.as ?? param.field.key)}: ${wrapped}`;
}

/**
 * The body as a Clay formula column: JSON.stringify of the fields, with a replacer that leaves out
 * every empty cell (and a list or custom-field object left with nothing), so an empty cell never
 * reaches Reevo as "" and never blanks a stored value. A number field's cell goes out as a number
 * when it is a plain number; any other text goes out as it is, for Reevo (and `check`) to refuse.
 */
function bodyFormula(params: readonly Param[], fixed: NonNullable<Endpoint['fixedBody']>): string {
  const lines: string[] = [];
  const groups = new Map<string, string[]>();
  for (const param of params) {
    const line = bodyLine(param);
    if (!param.under) lines.push(`  ${line}`);
    else {
      if (!groups.has(param.under)) {
        groups.set(param.under, []);
        lines.push(`\u0000${param.under}`);
      }
      groups.get(param.under)!.push(`    ${line}`);
    }
  }
  const expanded = lines.map((line) =>
    line.startsWith('\u0000')
      ? `  ${JSON.stringify(line.slice(1))}: {\n${groups.get(line.slice(1))!.join(',\n')}\n  }`
      : line,
  );
  for (const [key, value] of Object.entries(fixed)) expanded.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return stringifyFormula(
    expanded,
    params.filter((p) => p.field.wire === 'number').map((p) => p.field.key),
  );
}

/** `JSON.stringify` of the object's lines, leaving out every empty cell; `numbers` go out as numbers when plain. */
function stringifyFormula(expanded: readonly string[], numbers: readonly string[]): string {
  const last = numbers.length
    ? `  return ${JSON.stringify(numbers)}.includes(key) && /^-?\\d+(\\.\\d+)?$/.test(String(value).trim()) ? Number(value) : value;`
    : '  return value;';
  return [
    'JSON.stringify({',
    expanded.join(',\n'),
    '}, (key, value) => {',
    `  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return undefined;`,
    `  if (Array.isArray(value)) return value.some((item) => ${filled('item')}) ? value.filter((item) => ${filled('item')}) : undefined;`,
    `  if (typeof value === "object") return key === "" || Object.values(value).some(function has(item) { return item !== null && typeof item === "object" ? Object.values(item).some(has) : ${filled('item')}; }) ? value : undefined;`,
    last,
    '})',
  ].join('\n');
}

/** Clay formulas are JavaScript with `{{Column}}` chips. */
function runIfFormula(filled: readonly string[], empty: readonly string[]): string {
  return [...filled.map((c) => `!!${chip(c)}`), ...empty.map((c) => `!${chip(c)}`)].join(' && ');
}

const FIND_TASK_TITLE = 'Find Task';

/**
 * Finds tasks as the Zapier search Find Task does (searches/find_task.ts): text in the title and/or
 * the owner, newest first, a task with exactly the title first. The owner needs the chain's first
 * step (Find Task Owner) for the user's ID.
 */
function findTaskRecipe(): Recipe {
  const bodyColumn = `${FIND_TASK_TITLE} Body`;
  const exactTitle = `((tasks) => (tasks.find((t) => String(((v) => (v && typeof v === "object" ? v.value : v))(t?.attributes?.title ?? t?.title) ?? "").trim().toLowerCase() === String({{Task Title}} ?? "").trim().toLowerCase()) ?? tasks[0])?.id ?? "")([].concat({{${FIND_TASK_TITLE}}}?.data || []))`;
  return {
    name: 'find_task',
    title: FIND_TASK_TITLE,
    summary:
      'Finds a task by text in its title and/or by its owner, newest first (step 2 of 2 for an owner: run Find Task Owner first).',
    column: FIND_TASK_TITLE,
    endpointName: TASK_QUERY,
    permissions: v2Permissions('task', 'read'),
    method: 'POST',
    endpoint: `${DEFAULT_BASE_URL}${TASK_QUERY_PATH}`,
    queryString: [],
    headers: [
      { key: 'Content-Type', value: 'application/json' },
      { key: 'Accept', value: 'application/json' },
    ],
    account: CLAY_ACCOUNTS.v2,
    body: chip(bodyColumn),
    bodyFormula: {
      column: bodyColumn,
      formula: [
        'JSON.stringify({',
        '  "filters": [',
        '    { "field": "title", "operator": "contains", "value": {{Task Title}} },',
        '    { "field": "owner_user_id", "operator": "eq", "value": {{Task Owner ID}} }',
        '  ].filter((filter) => String(filter.value ?? "").trim() !== ""),',
        '  "sort": [{ "field": "created_at", "direction": "desc" }],',
        `  "limit": ${SEARCH_PAGE_SIZE.tasks}`,
        '})',
      ].join('\n'),
    },
    removeNullAndUndefinedValues: true,
    fieldPathsToReturn: '',
    onlyRunIf: { formula: '(!!{{Task Title}} || !!{{User Email}}) && (!{{User Email}} || !!{{Task Owner ID}})' },
    rateLimit: RATE_LIMITS.read,
    columns: [
      {
        name: 'Task Title',
        field: 'title',
        label: 'Title',
        where: 'body',
        required: false,
        shape: 'text',
        example: 'renewal',
        help: "Text in the task's title, e.g. `renewal`. A task with exactly this title comes first.",
      },
      {
        name: 'Task Owner ID',
        field: 'owner_user_id',
        label: 'Task Owner ID',
        where: 'body',
        required: false,
        shape: 'text',
        example: 'b8e2f4a1-3c5d-4e6f-9a7b-1c2d3e4f5a6b',
        help: 'The formula column of Find Task Owner: the ID of the user with User Email. Leave User Email empty to search by title alone.',
      },
    ],
    optionalBodyLines: [],
    returns: [
      {
        column: 'Found Task ID',
        formula: exactTitle,
        description:
          'A formula column: the task whose title is exactly Task Title (letter case aside), else the newest found, or empty.',
      },
    ],
    chain: null,
    rerun: READ_ONLY,
    notes: [
      "An exact owner lookup takes two HTTP API columns: Reevo's task query filters the owner by user ID, and Clay's HTTP API column makes one request. Run **Find Task Owner** first (User Email → formula column Task Owner ID), then this recipe. Only run if waits while User Email has no Task Owner ID, so a user Reevo does not know finds nothing, as in the Zapier search (it never falls back to every owner's tasks).",
      `Reevo's title filter matches titles that contain the text, so the recipe keeps the whole response (Field Paths to Return empty) and the formula column Found Task ID picks the exact title, else the newest of the ${SEARCH_PAGE_SIZE.tasks} newest matches. Name the HTTP API column \`Find Task\`, as the formula reads it.`,
      'Found Task ID is the Reevo Task ID that Update Task and Complete Task read.',
    ],
  };
}

const WORKFLOW_TITLE = 'Start Reevo Workflow';

/**
 * Starts a Reevo workflow through its Webhook Received trigger, as the Zapier action Start Reevo
 * Workflow does (src/workflows.ts): the row's cells become the workflow's variables. It calls no
 * Reevo API endpoint, so it is built here rather than from src/endpoints.ts.
 */
function workflowRecipe(): Recipe {
  const bodyColumn = `${WORKFLOW_TITLE} Body`;
  const variables = [
    {
      key: 'email',
      column: 'Email',
      label: 'Email',
      example: 'jane.doe@acme.com',
      help: "A workflow variable: the lead's email, e.g. for the workflow to find or create the contact.",
    },
    {
      key: 'company',
      column: 'Company Name',
      label: 'Company',
      example: 'Acme Corporation',
      help: "A workflow variable: the company's name.",
    },
    {
      key: 'lead_score',
      column: 'Lead Score',
      label: 'Lead Score',
      example: '82',
      help: 'A workflow variable, sent as a number when the cell is a plain number.',
    },
  ] as const;
  const started = 'Workflow Started';
  return {
    name: 'start_workflow',
    title: WORKFLOW_TITLE,
    summary: "Starts a Reevo workflow whose trigger is Webhook Received, with the row's cells as its variables.",
    column: WORKFLOW_TITLE,
    endpointName: WORKFLOW,
    permissions: [],
    method: 'POST',
    endpoint: chip('Workflow URL'),
    queryString: [],
    headers: [
      { key: 'Content-Type', value: 'application/json' },
      { key: 'Accept', value: 'application/json' },
    ],
    account: CLAY_ACCOUNTS.workflow,
    body: chip(bodyColumn),
    bodyFormula: {
      column: bodyColumn,
      formula: stringifyFormula(
        variables.map((v) => `  ${JSON.stringify(v.key)}: ${chip(v.column)}`),
        variables.filter((v) => v.key === 'lead_score').map((v) => v.key),
      ),
    },
    removeNullAndUndefinedValues: true,
    fieldPathsToReturn: '',
    onlyRunIf: { formula: runIfFormula(['Workflow URL', 'Email'], [started]) },
    rateLimit: RATE_LIMITS.write,
    columns: [
      {
        name: 'Workflow URL',
        field: 'workflow_url',
        label: 'Workflow URL',
        where: 'path',
        required: true,
        shape: 'text',
        example: 'https://hooks.reevo.ai/workflows/0f3c9a27-5d1e-4b8a-9c6f-2e7d4a1b8c53',
        help: "The URL shown on the workflow's Webhook Received trigger in Reevo, starting with `https://`. Treat it like a password: anyone with it can start the workflow.",
      },
      ...variables.map((v): RecipeColumn => ({
        name: v.column,
        field: v.key,
        label: v.label,
        where: 'body',
        required: v.key === 'email',
        shape: v.key === 'lead_score' ? 'number' : 'text',
        example: v.example,
        help: v.help,
      })),
    ],
    optionalBodyLines: [],
    returns: [
      {
        column: started,
        formula: `{{${WORKFLOW_TITLE}}} ? "queued" : ""`,
        description:
          "`queued` once Reevo took the run (HTTP 2xx): the run is queued, not finished; the workflow's Runs tab shows how it ended.",
      },
    ],
    chain: null,
    rerun: {
      safe: false,
      explanation:
        'Not safe to re-run: every run starts the workflow again (and spends Reevo workflow credits). A formula column "Workflow Started" (`{{Start Reevo Workflow}} ? "queued" : ""`) marks the rows Reevo took; the Only run if condition then skips them. Turn auto-update off for this column.',
    },
    notes: [
      `Account: **none**, or **Reevo workflow key** (one header \`${WORKFLOW_KEY_HEADER}\`: the workflow's own key) only if the Webhook Received trigger is protected by a key. Never pick **Reevo API key**: it would send your Reevo API key to the workflow URL. The header name is an assumption (Reevo does not say how the key is sent): test one row.`,
      'Endpoint is the Workflow URL chip alone. It must start with `https://`; `reevo-clay check` refuses any other (plain `http://` only to this machine, for the sandbox) and a URL with a user name or password in it.',
      "The body must be a JSON object: its top-level keys become the workflow's variables. Rename the keys to the workflow's variable names, add a line per variable, drop the ones it does not use; an empty cell is left out.",
      'HTTP 200 means the run was queued, not that it finished. A 401 or 403: the workflow wants its key; a 404: the workflow was deactivated or its URL rotated. Redirects are never followed.',
    ],
  };
}
