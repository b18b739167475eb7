import type { FailureKind } from './errors';

/**
 * Reevo's v2 error codes (docs/reevo-api.md §3.4 and §3.6) in words: what went wrong, which field,
 * and what to do. src/errors.ts asks `v2Failure` first for every 4xx, so a v2 code gets its
 * message whatever the status.
 *
 * [assumed] Reevo publishes the codes but not the error body, so a code is looked for wherever a
 * body may carry it: `{"error": {"code", "message", "details"}}`, `{"code", …}`, `{"detail": {…}}`,
 * `{"errors": [{…}]}`, or a bare code as the `error` / `detail` text; the field under `field`,
 * `api_name`, `attribute` or `loc`, in the error or its `details`.
 */

interface CodeMeaning {
  readonly kind: Extract<FailureKind, 'not_found' | 'validation' | 'rejected'>;
  /** What went wrong; `field` is the field's label and API name, when Reevo named one. */
  readonly what: (field: string | undefined) => string;
  readonly fix: string;
}

const theField = (field: string | undefined, fallback = 'a field') => (field ? `the field ${field}` : fallback);

/** The `_query` codes mean the app asked wrongly: nothing a Zap builder typed can fix them. */
const QUERY_FIX =
  'This is a problem in the Reevo app for Zapier, not in your Zap: try again, and if it keeps happening, contact support with this message.';

export const V2_ERRORS = {
  unknown_field: {
    kind: 'validation',
    what: (field) => `Reevo does not know ${theField(field)} on this kind of record`,
    fix: 'Check the field in Reevo (a custom field may have been renamed or deleted), refresh the fields of this step, and leave out the ones that are gone.',
  },
  field_not_creatable: {
    kind: 'validation',
    what: (field) =>
      `${capital(theField(field, 'A field'))} cannot be set when a record is created (Reevo sets it itself, or it is read-only)`,
    fix: 'Leave that field empty in this step.',
  },
  field_not_updatable: {
    kind: 'validation',
    what: (field) =>
      `${capital(theField(field, 'A field'))} cannot be changed on an existing record (Reevo sets it itself, or it is read-only)`,
    fix: 'Leave that field empty in this step.',
  },
  field_required_missing: {
    kind: 'validation',
    what: (field) => `Reevo needs ${theField(field, 'a required field')} to create this record, and it was empty`,
    fix: 'Fill it in (or map a value that is never empty) and replay the run.',
  },
  field_value_invalid: {
    kind: 'validation',
    what: (field) => `The value given for ${theField(field)} is not one Reevo can use for it`,
    fix: 'Check its format; a stage must be the name, API name or ID of a stage configured in Reevo, a reference the ID of an existing record.',
  },
  record_not_found: {
    kind: 'not_found',
    what: () => 'No record with that ID was found in Reevo',
    fix: 'It may have been deleted or belong to another workspace: check the ID, or pick the record again.',
  },
  ambiguous_match: {
    kind: 'rejected',
    what: (field) =>
      `More than one Reevo record matches the value given${field ? ` for ${field}` : ''}, so Reevo did not guess which one is meant`,
    fix: 'Use a value that belongs to one record only (such as a unique email or domain), or the record’s ID.',
  },
  stage_entrance_criteria_not_met: {
    kind: 'validation',
    what: () => 'The record cannot enter that stage yet: the entrance criteria set for the stage in Reevo are not met',
    fix: 'Fill in what the stage requires (see the stage’s settings in Reevo) and replay the run, or choose another stage.',
  },
  unknown_relationship: {
    kind: 'validation',
    what: (field) => `Reevo does not know the relationship${field ? ` ${field}` : ''} on this kind of record`,
    fix: 'Check the relationship in Reevo; it may have been renamed or removed.',
  },
  target_record_not_found: {
    kind: 'not_found',
    what: (field) => `The record ${field ? `given for ${field}` : 'this one points at'} was not found in Reevo`,
    fix: 'Check the ID or email given for it; the record may have been deleted or belong to another workspace.',
  },
  invalid_matching_field: {
    kind: 'validation',
    what: (field) =>
      `${capital(theField(field, 'The field used'))} cannot identify a record: it is not unique in Reevo`,
    fix: 'Match by a unique field instead, such as an email, a domain or the record’s ID.',
  },
  invalid_filter_field: {
    kind: 'rejected',
    what: (field) => `Reevo cannot filter records by ${theField(field)} (it does not exist or is not filterable)`,
    fix: QUERY_FIX,
  },
  invalid_filter_operator: {
    kind: 'rejected',
    what: (field) => `Reevo does not allow that comparison on ${theField(field)}`,
    fix: QUERY_FIX,
  },
  invalid_filter_value: {
    kind: 'rejected',
    what: (field) => `A filter value does not fit ${theField(field)} or its comparison`,
    fix: QUERY_FIX,
  },
  filter_depth_exceeded: {
    kind: 'rejected',
    what: () => 'A filter follows too many relationships for Reevo',
    fix: QUERY_FIX,
  },
  sort_too_many_fields: {
    kind: 'rejected',
    what: () => 'Records were asked for sorted by more than three fields, which Reevo does not allow',
    fix: QUERY_FIX,
  },
  unsortable_field: {
    kind: 'rejected',
    what: (field) => `Reevo cannot sort records by ${theField(field)}`,
    fix: QUERY_FIX,
  },
  invalid_cursor: {
    kind: 'rejected',
    what: () =>
      'Reevo refused the position in the list it was asked to continue from (it was malformed, expired, or made by another query)',
    fix: 'Start again from the first page; if it keeps happening, contact support with this message.',
  },
} as const satisfies Record<string, CodeMeaning>;

export type V2ErrorCode = keyof typeof V2_ERRORS;

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const isCode = (value: unknown): value is V2ErrorCode =>
  typeof value === 'string' && Object.hasOwn(V2_ERRORS, value.trim());
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function capital(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface V2Error {
  readonly code: V2ErrorCode;
  /** The field's API name, when Reevo named one. */
  readonly field?: string;
  /** Reevo's own words, when it gave any beyond the code. */
  readonly message?: string;
}

/** The v2 error a body carries, in whichever shape; undefined when it carries no known code. */
export function v2ErrorOf(body: unknown, depth = 0): V2Error | undefined {
  if (depth > 4) return undefined;
  if (Array.isArray(body)) {
    for (const item of body) {
      const found = v2ErrorOf(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(body)) return undefined;
  const code = [body.code, body.error_code, body.error, body.detail].find(isCode);
  if (code) {
    const field = fieldOf(body) ?? fieldOf(body.details) ?? fieldOf(body.detail);
    const message = text(body.message);
    return {
      code: code.trim() as V2ErrorCode,
      ...(field ? { field } : {}),
      ...(message && message !== code ? { message } : {}),
    };
  }
  for (const key of ['error', 'errors', 'detail', 'details']) {
    const found = v2ErrorOf(body[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

function fieldOf(node: unknown): string | undefined {
  if (Array.isArray(node)) return node.map(fieldOf).find(Boolean);
  if (!isObject(node)) return undefined;
  const named =
    text(node.field) ??
    text(node.field_name) ??
    text(node.api_name) ??
    text(node.attribute) ??
    text(node.attribute_name);
  if (named) return named;
  const loc = Array.isArray(node.loc)
    ? node.loc.filter((part) => !['body', 'attributes', 'query', 'path'].includes(String(part)))
    : [];
  return loc.length ? String(loc.at(-1)) : undefined;
}

/** The failure a v2 error body stands for, in words; undefined when the body carries no v2 code. */
export function v2Failure(
  body: unknown,
  context: { readonly labels?: Readonly<Record<string, string>>; readonly noun?: string; readonly id?: string } = {},
): { kind: CodeMeaning['kind']; message: string; code: V2ErrorCode } | undefined {
  const error = v2ErrorOf(body);
  if (!error) return undefined;
  const meaning: CodeMeaning = V2_ERRORS[error.code];
  const label = error.field ? context.labels?.[error.field] : undefined;
  const field = error.field ? (label ? `${label} (\`${error.field}\`)` : `\`${error.field}\``) : undefined;
  const what =
    error.code === 'record_not_found' && context.noun && context.id
      ? `No ${context.noun} with ID ${context.id} was found in Reevo`
      : meaning.what(field);
  const said = error.message ? ` Reevo said: “${clip(error.message)}”` : '';
  return { kind: meaning.kind, code: error.code, message: `${what}.${said} ${meaning.fix}` };
}

function clip(words: string): string {
  const oneLine = words.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine;
}

/** Whether a thrown step error is Reevo refusing a `_query` cursor (src/errors.ts words it with {@link v2Failure}). */
export function isInvalidCursorError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  try {
    const parsed = JSON.parse(error.message) as { message?: unknown };
    return typeof parsed.message === 'string' && parsed.message.startsWith(V2_ERRORS.invalid_cursor.what());
  } catch {
    return false;
  }
}
