import type * as Zod from 'zod';
import { lazySchema, type Z } from '../lazy-zod';
import { splitList } from '../normalise';
import { choice, email, id, phone, quote, text, type Field, type Schema, type WireValue } from './field';
import { TASK_PRIORITY, TASK_STATUS, TASK_TYPE, taskFields } from './task';

/**
 * Fields of the v2 writes (docs/reevo-api.md §3): notes, task and contact updates, the account upsert.
 * Keys are Zapier input keys; the v2 attribute each is written to is named by its endpoint
 * parameter (src/endpoints.ts), since v2 names differ from the v1 names the inputs keep.
 */

const lazy = (build: (z: Z) => Zod.ZodType<WireValue>): Schema => {
  const schema = lazySchema(build);
  return { safeParse: (value) => schema().safeParse(value) };
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** Text that opens with a tag is taken as HTML; anything else is plain text. */
const looksLikeHtml = (text: string) => /^<([a-z][a-z0-9]*)\b[^>]*>/i.test(text);

/**
 * A note body as Reevo stores it (`note_html`, rich text): HTML passes through as written; plain
 * text is escaped, blank lines start paragraphs and single line breaks become `<br>`.
 */
export function toNoteHtml(text: string): string {
  const trimmed = text.trim();
  if (looksLikeHtml(trimmed)) return trimmed;
  return trimmed
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** HTML is longer than the text it holds (escapes, paragraph tags): room for 10,000 characters of text. */
const MAX_NOTE_HTML = 60_000;

/** A note: read and checked as any long text (1 to 10,000 characters), then sent as HTML. */
function noteBody(f: { key: string; label: string; helpText: string; clayColumn: string; example: string }): Field {
  const plain = text({ ...f, long: true });
  return {
    ...plain,
    input: {
      safeParse: (value) => {
        const read = plain.input.safeParse(value);
        return read.success ? { ...read, data: toNoteHtml(String(read.data)) } : read;
      },
    },
    check: lazy((z) => z.string().min(1, 'must not be empty').max(MAX_NOTE_HTML)),
  };
}

/** Several values of a fixed set (a multi-select); the input accepts values or labels in any case. */
function choiceList<const V extends string>(f: {
  key: string;
  label: string;
  helpText: string;
  clayColumn: string;
  choices: Record<V, string>;
  example: NoInfer<V>[];
}): Field {
  const values = Object.keys(f.choices) as V[];
  const name = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
  const byName = new Map<string, V>(
    values.flatMap((value) => [[name(value), value] as const, [name(f.choices[value]), value] as const]),
  );
  const problem = `is not one of: ${values.join(', ')}`;
  return {
    key: f.key,
    label: f.label,
    helpText: f.helpText,
    clayColumn: f.clayColumn,
    zapier: {
      type: 'string',
      list: true,
      choices: values.map((value) => ({ value, label: f.choices[value], sample: value })),
    },
    wire: 'string[]',
    input: lazy((z) =>
      z
        .union([z.string(), z.array(z.string())], { error: 'should be text or a list of text' })
        .transform((raw, ctx) => {
          const items = splitList(raw);
          const bad = items.filter((item) => !byName.has(name(item)));
          if (bad.length > 0) {
            ctx.addIssue({ code: 'custom', message: `${bad.map(quote).join(', ')} ${problem}` });
            return z.NEVER;
          }
          return [...new Set(items.map((item) => byName.get(name(item)) as V))];
        }),
    ),
    check: lazy((z) => z.array(z.enum(values as [V, ...V[]], { error: problem }))),
    example: f.example,
  };
}

export const noteFields = {
  note_html: noteBody({
    key: 'note_html',
    label: 'Note',
    helpText:
      'The note. Plain text is kept as written (a blank line starts a new paragraph); text that starts with an HTML tag, such as `<p>Discovery call recap.</p>`, is sent as HTML.',
    clayColumn: 'Note',
    example: '<p>Discovery call recap: they want the SSO add-on priced before the review.</p>',
  }),
  contact_id: id({
    key: 'contact_id',
    label: 'Contact',
    helpText:
      'The contact the note is about. Pick one, search for it by email, or map a contact ID from an earlier step.',
    example: '8b1e4d2c-6a3f-4f0e-b9d7-2c5a1e8f3b64',
    clayColumn: 'Reevo Contact ID',
    dynamic: 'contact_list.id.label',
    search: 'find_contact.id',
  }),
  account_id: id({
    key: 'account_id',
    label: 'Account',
    helpText:
      'The account the note is about. Pick one, search for it by domain, or map an account ID from an earlier step.',
    example: '3f6c2a9e-8d1b-4c57-9e0a-6b2f1d4c8a71',
    clayColumn: 'Reevo Account ID',
    dynamic: 'account_list.id.label',
    search: 'find_account.id',
  }),
  opportunity_id: id({
    key: 'opportunity_id',
    label: 'Opportunity',
    helpText:
      'The opportunity the note is about. Pick one, search for it, or map an opportunity ID from an earlier step.',
    example: 'c2d9a7e4-1f3b-4e6a-8c5d-9b0f2a7e6d13',
    clayColumn: 'Reevo Opportunity ID',
    dynamic: 'opportunity_list.id.display_name',
    search: 'find_opportunity.id',
  }),
} as const;

/** Task updates: the create's choices without its defaults, since an empty field keeps the value. */
export const taskUpdateFields = {
  task_id: id({
    key: 'task_id',
    label: 'Task ID',
    helpText: 'The Reevo task, e.g. from a Find Task or New Task step.',
    example: '7d4a2c9e-3b1f-4e8a-9c6d-5f0b2e1a8c47',
    clayColumn: 'Reevo Task ID',
  }),
  // Title and due time read as when the task is created; status, priority and type say what an update does.
  title: taskFields.title,
  status: choice({
    key: 'status',
    label: 'Status',
    helpText: "The task's new status.",
    clayColumn: 'Task Status',
    choices: TASK_STATUS,
    example: 'IN_PROGRESS',
  }),
  priority: choice({
    key: 'priority',
    label: 'Priority',
    helpText: "The task's new priority.",
    clayColumn: 'Task Priority',
    choices: TASK_PRIORITY,
    example: 'HIGH',
  }),
  type: choice({
    key: 'type',
    label: 'Type',
    helpText: 'The kind of task.',
    clayColumn: 'Task Type',
    choices: TASK_TYPE,
    example: 'VOICE_CALL',
  }),
  due_at: taskFields.due_at,
  owner_email: email({
    key: 'owner_email',
    label: 'Assignee Email',
    helpText: 'Email of the Reevo user the task is for. Must belong to a user of your Reevo workspace.',
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'Task Owner Email',
  }),
} as const;

/** What Update Contact may blank: the v2 attributes behind its inputs, by input label. */
export const CLEARABLE_CONTACT_FIELDS = {
  first_name: 'First Name',
  middle_name: 'Middle Name',
  last_name: 'Last Name',
  title: 'Job Title',
  department: 'Department',
  primary_phone_number: 'Phone Number',
} as const;

export const contactUpdateFields = {
  contact_id: id({
    key: 'contact_id',
    label: 'Contact',
    helpText:
      'The Reevo contact to update. Pick one, search for it by email, or map a contact ID from an earlier step.',
    example: '8b1e4d2c-6a3f-4f0e-b9d7-2c5a1e8f3b64',
    clayColumn: 'Reevo Contact ID',
    dynamic: 'contact_list.id.label',
    search: 'find_contact.id',
  }),
  phone_number: phone({
    key: 'phone_number',
    label: 'Phone Number',
    helpText:
      "The contact's primary phone. Any common format works, e.g. `+44 20 7946 0958` or `(415) 555-0123`; numbers without a country code are read as US numbers.",
    example: '+14155550123',
    clayColumn: 'Phone',
  }),
  owner_email: email({
    key: 'owner_email',
    label: 'Contact Owner Email',
    helpText: 'Email of the Reevo user who owns the contact.',
    example: 'morgan.lee@acme-sales.io',
    clayColumn: 'Contact Owner Email',
  }),
  clear_fields: choiceList({
    key: 'clear_fields',
    label: 'Clear These Fields',
    helpText:
      'Fields to blank in Reevo. Empty inputs above never change anything; a field chosen here is emptied. A field cannot be both filled in above and cleared.',
    clayColumn: 'Fields to Clear',
    choices: CLEARABLE_CONTACT_FIELDS,
    example: ['middle_name'],
  }),
} as const;
