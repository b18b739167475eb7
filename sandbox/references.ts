/**
 * Checks of what a request refers to: owner users, contacts by email, custom fields. Each failure
 * is a 422 naming the field and the value, collected so one response lists every problem [assumed].
 */
import { notFound, type ValidationDetail, validationError } from './errors';
import type { Account, CustomFieldRecordType, CustomFieldValues } from './records';
import type { Workspace } from './store';

type Loc = (string | number)[];

export class ReferenceCheck {
  private readonly details: ValidationDetail[] = [];

  constructor(private readonly ws: Workspace) {}

  user(email: string | null | undefined, loc: Loc): this {
    if (email && !this.ws.userByEmail(email)) {
      this.fail(loc, `No Reevo user with email '${email}' in this workspace`, email);
    }
    return this;
  }

  contactEmails(emails: readonly string[] | null | undefined, loc: Loc): this {
    (emails ?? []).forEach((email, index) => {
      if (!this.ws.contactByEmail(email)) this.fail([...loc, index], `No contact with email '${email}'`, email);
    });
    return this;
  }

  contactEmail(email: string | null | undefined, loc: Loc): this {
    if (email && !this.ws.contactByEmail(email)) this.fail(loc, `No contact with email '${email}'`, email);
    return this;
  }

  /** Resolves keys given as API name or UUID to API names; undefined when nothing was sent. */
  customFields(
    recordType: CustomFieldRecordType,
    values: CustomFieldValues | null | undefined,
    loc: Loc,
  ): CustomFieldValues | undefined {
    if (!values) return undefined;
    const definitions = this.ws.customFieldsOf(recordType);
    const resolved: CustomFieldValues = {};
    for (const [key, value] of Object.entries(values)) {
      const definition = definitions.find((d) => d.api_name === key || d.id === key);
      if (!definition) {
        const known = definitions.map((d) => d.api_name).join(', ') || 'none';
        this.fail([...loc, key], `Unknown custom field '${key}' for ${recordType} records (known: ${known})`, value);
        continue;
      }
      if (!definition.is_array && Array.isArray(value)) {
        this.fail([...loc, key], `Custom field '${definition.api_name}' takes a single string, not a list`, value);
        continue;
      }
      const list = Array.isArray(value) ? value : [value];
      const invalid = definition.options ? list.filter((v) => !definition.options!.includes(v)) : [];
      if (invalid.length > 0) {
        this.fail(
          [...loc, key],
          `'${invalid[0]}' is not an option of '${definition.api_name}' (options: ${definition.options!.join(', ')})`,
          value,
        );
        continue;
      }
      resolved[definition.api_name] = definition.is_array ? list : value;
    }
    return resolved;
  }

  /** Throws the collected 422, if any. */
  done(): void {
    if (this.details.length > 0) throw validationError(this.details);
  }

  private fail(loc: Loc, msg: string, input: unknown): void {
    this.details.push({ type: 'value_error', loc: ['body', ...loc], msg, input });
  }
}

export function existingAccount(ws: Workspace, id: string): Account {
  const account = ws.accounts.get(id);
  if (!account) throw notFound(`Account ${id} not found`);
  return account;
}
