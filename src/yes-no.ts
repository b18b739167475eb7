import type { ZObject } from 'zapier-platform-core';
import { quote } from './fields';
import { isBlank } from './normalise';

/**
 * A Zapier boolean input: `true`/`false`, `yes`/`no`, `1`/`0` in any case, or blank for No.
 * Anything else stops the step before a request, naming the field.
 */
export function yesNo(z: ZObject, value: unknown, field: { key: string; label: string }): boolean {
  if (isBlank(value) || value === false || value === 0) return false;
  if (value === true || value === 1) return true;
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (text === 'true' || text === 'yes' || text === '1') return true;
  if (text === 'false' || text === 'no' || text === '0') return false;
  throw new z.errors.Error(`${field.label} (${field.key}) ${quote(value)} is not Yes or No.`, 'invalid_input', 400);
}
