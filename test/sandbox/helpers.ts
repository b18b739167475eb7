/**
 * Shared pieces of the sandbox tests: a small HTTP client and the contract's response key sets,
 * transcribed here from docs/reevo-api.md §2.2 and §4 (not imported from the sandbox), so the
 * sandbox is checked against the contract rather than against itself.
 */
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../sandbox';

export const KEY_SETS = {
  account: [
    'id',
    'name',
    'domain_name',
    'official_website',
    'status',
    'owner_email',
    'linkedin_url',
    'facebook_url',
    'zoominfo_url',
    'x_url',
    'custom_fields',
    'created_at',
    'updated_at',
  ],
  contact: [
    'id',
    'email',
    'first_name',
    'middle_name',
    'last_name',
    'phone_number',
    'title',
    'department',
    'account_id',
    'owner_email',
    'linkedin_url',
    'facebook_url',
    'zoominfo_url',
    'x_url',
    'custom_fields',
    'created_at',
    'updated_at',
  ],
  opportunity: [
    'id',
    'display_name',
    'account_id',
    'owner_email',
    'primary_contact_email',
    'additional_contact_emails',
    'amount',
    'pipeline_name',
    'stage_name',
    'status',
    'next_step_details',
    'next_step_due_at',
    'closed_reason_names',
    'custom_fields',
    'created_at',
    'updated_at',
  ],
  task: [
    'id',
    'title',
    'owner_email',
    'status',
    'priority',
    'type',
    'due_at',
    'note',
    'account_id',
    'contact_emails',
    'opportunity_name',
    'created_at',
  ],
  manualActivity: ['id', 'metadata', 'account_id', 'contact_ids', 'pipeline_id', 'sequence_id', 'created_at'],
  upsert: ['account', 'contact', 'account_id', 'contact_id', 'action'],
  retrieval: ['account', 'contact'],
  user: ['id', 'email', 'first_name', 'last_name'],
  mailbox: ['id', 'email', 'owner_user_email'],
  enrollment: ['id', 'contact_email', 'sequence_id', 'mailbox_email', 'status', 'created_at'],
  webhook: ['id', 'target_url', 'event_types', 'status', 'secret', 'created_at'],
} as const;

export const sorted = (keys: readonly string[]) => [...keys].sort();

export function expectKeySet(record: unknown, keys: readonly string[]): void {
  expect(record).toEqual(expect.any(Object));
  expect(sorted(Object.keys(record as object))).toEqual(sorted(keys));
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** ISO-8601 date-time with an offset (or Z). */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/;

export interface CallOptions {
  /** An API key for x-api-key; null sends none. */
  key?: string | null;
  body?: unknown;
  /** Sent as is (with content-type application/json unless headers say otherwise). */
  rawBody?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the endpoint answered
  body: any;
}

export type Call = (method: string, path: string, options?: CallOptions) => Promise<CallResult>;

export function client(sandbox: RunningSandbox): Call {
  return async (method, path, options = {}) => {
    const url = new URL(path, sandbox.url);
    for (const [name, value] of Object.entries(options.query ?? {})) url.searchParams.set(name, value);
    const headers: Record<string, string> = {};
    const key = options.key === undefined ? sandbox.keys.full : options.key;
    if (key !== null) headers['x-api-key'] = key;
    let body: string | undefined;
    if (options.rawBody !== undefined || options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = options.rawBody ?? JSON.stringify(options.body);
    }
    Object.assign(headers, options.headers);
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  };
}

/** Starts a fresh sandbox for the file's tests; `ctx.sandbox` and `ctx.call` are set in beforeAll. */
export function useSandbox(options: SandboxOptions = {}): { sandbox: RunningSandbox; call: Call } {
  const ctx = {} as { sandbox: RunningSandbox; call: Call };
  beforeAll(async () => {
    ctx.sandbox = await startSandbox(options);
    ctx.call = client(ctx.sandbox);
  });
  afterAll(async () => {
    await ctx.sandbox?.stop();
  });
  return ctx;
}

export const V1 = '/api/v1/public';
