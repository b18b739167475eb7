/**
 * How the app writes v2 attributes (docs/reevo-api.md §3.1, §3.3): the request side of the v2
 * writes; src/v2-perform.ts reads their answers.
 */

/**
 * - `rich_text`: the value envelope Reevo's note pages write, `{"value_type": "rich_text", "value": …}`;
 * - `user_by_email`: a user reference by its unique email, `{"related_record_match": {"email": …}}`;
 * - `clear`: a list of attribute names, each sent as `null`, which blanks it (PATCH only).
 */
export type AttributeForm = 'rich_text' | 'user_by_email' | 'clear';

/** A wrapped value with a hole where the input's value goes; null for `clear`, which is no wrapper. */
export function attributeWrapper(
  form: AttributeForm | undefined,
): { wrap(value: unknown): unknown; path: readonly string[] } | null {
  switch (form) {
    case undefined:
      return { wrap: (value) => value, path: [] };
    case 'rich_text':
      return { wrap: (value) => ({ value_type: 'rich_text', value }), path: ['value'] };
    case 'user_by_email':
      return { wrap: (value) => ({ related_record_match: { email: value } }), path: ['related_record_match', 'email'] };
    case 'clear':
      return null;
  }
}

/**
 * [assumed] The key `POST /api/v2/account/_assert` matches accounts on. Reevo's page is titled
 * "Upsert an account by domain_name match" but its example matches on `id` (docs/reevo-api.md §3.3); this
 * app sends `{"match": {"domain_name": "acme.com"}}`. If Reevo answers `invalid_matching_field`,
 * this constant is the one place to change.
 */
export const ACCOUNT_MATCH_KEY = 'domain_name';
