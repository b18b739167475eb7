/**
 * v2 attributes: what `_schema` says about each one, how a stored value is shown in its value
 * envelope, and how a written value (raw or enveloped, contract §3.1) is checked and read.
 */
import { z } from 'zod';
import type { Workspace } from '../store';
import { normalizePhone } from '../values';
import { v2Error } from './errors';
import { resolveReference, type ReferenceTarget } from './references';

export type ValueType =
  | 'uuid'
  | 'string'
  | 'long_text'
  | 'rich_text'
  | 'email'
  | 'phone_number'
  | 'url'
  | 'boolean'
  | 'number'
  | 'currency'
  | 'timestamp'
  | 'enum'
  | 'select'
  | 'contact_stage'
  | 'account_stage'
  | 'opportunity_stage'
  | 'record_reference'
  | 'contact_email'
  | 'contact_phone_number'
  | 'address'
  | 'account_domain';

export interface AttributeSpec {
  api_name: string;
  display_name: string;
  value_type: ValueType;
  is_array: boolean;
  is_creatable: boolean;
  is_updatable: boolean;
  is_required_on_create: boolean;
  /** Whether PATCH may clear it with null; never shown in `_schema` (Reevo publishes no such flag). */
  nullable: boolean;
  is_unique: boolean;
  is_custom: boolean;
  /** The record type a `record_reference` points at. */
  target?: ReferenceTarget;
  /** The values an `enum` or `select` accepts. */
  options?: readonly string[];
  /** Reads a written value the generic rules cannot (stages: their lists differ per record type). */
  resolve?(written: unknown, ws: Workspace): unknown;
}

/**
 * One attribute of a record type R. `get` returns the stored value in its read form without the
 * envelope: a reference is the target's id, a currency its amount, a stage its whole object, an
 * array attribute an array of those. `set` takes the value `readWrite` returned.
 */
export interface Attribute<R> extends AttributeSpec {
  get(record: R, ws: Workspace): unknown;
  set?(record: R, value: unknown, ws: Workspace): void;
}

type Envelope = { value_type: ValueType; value: unknown };

function payload(spec: AttributeSpec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (spec.value_type === 'record_reference') return { related_record_id: value, related_record_type: spec.target };
  if (spec.value_type === 'currency') return { amount: value };
  return value;
}

/** The attribute as a read shows it: an envelope, or an array of envelopes for array attributes. */
export function envelope(spec: AttributeSpec, value: unknown): Envelope | Envelope[] {
  if (spec.is_array)
    return ((value as unknown[] | null) ?? []).map((item) => ({
      value_type: spec.value_type,
      value: payload(spec, item),
    }));
  return { value_type: spec.value_type, value: payload(spec, value) };
}

// Filters, sorting and matching compare these: a reference by id, a stage by any of its names.
export function comparables(spec: AttributeSpec, value: unknown): unknown[] {
  const items = spec.is_array
    ? ((value as unknown[] | null) ?? [])
    : value === null || value === undefined
      ? []
      : [value];
  return items.flatMap((item) => {
    if (item === null || typeof item !== 'object') return [item];
    const object = item as Record<string, unknown>;
    if ('display_value' in object) return [object.id, object.api_name, object.display_value];
    if ('domain_name' in object) return [object.domain_name];
    if ('email' in object) return [object.email];
    if ('phone_number' in object) return [object.phone_number];
    return [];
  });
}

const email = z.email();
const dateTime = z.iso.datetime({ offset: true, local: true });
const ADDRESS_KEYS = ['street_one', 'street_two', 'city', 'state', 'country', 'zip_code'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(spec: AttributeSpec, value: unknown, expected: string): never {
  throw v2Error('field_value_invalid', `'${spec.api_name}' takes ${expected}`, {
    field: spec.api_name,
    value,
    expected,
  });
}

/** `{"value_type", "value"}` → value; the envelope's type must be the attribute's. */
function unwrap(spec: AttributeSpec, written: unknown): unknown {
  if (!isObject(written) || !('value_type' in written) || !('value' in written) || Object.keys(written).length !== 2)
    return written;
  if (written.value_type !== spec.value_type) invalid(spec, written, `a ${spec.value_type} envelope`);
  return written.value;
}

function readScalar(spec: AttributeSpec, written: unknown, ws: Workspace): unknown {
  const value = unwrap(spec, written);
  const text = (what: string) => (typeof value === 'string' ? value : invalid(spec, value, what));
  switch (spec.value_type) {
    case 'string':
    case 'long_text':
    case 'rich_text':
    case 'url':
      return text('a string');
    case 'uuid':
      return z.guid().safeParse(value).success ? value : invalid(spec, value, 'a UUID');
    case 'email':
      return email.safeParse(value).success
        ? (value as string).trim().toLowerCase()
        : invalid(spec, value, 'an email address');
    case 'phone_number':
      return normalizePhone(text('a phone number'));
    case 'boolean':
      return typeof value === 'boolean' ? value : invalid(spec, value, 'true or false');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : invalid(spec, value, 'a number');
    case 'currency':
      return readAmount(spec, isObject(value) && 'amount' in value ? value.amount : value);
    case 'timestamp':
      return dateTime.safeParse(value).success ? value : invalid(spec, value, 'an ISO-8601 date-time');
    case 'enum':
    case 'select': {
      const options = spec.options ?? [];
      return typeof value === 'string' && options.includes(value)
        ? value
        : invalid(spec, value, `one of ${options.join(', ')}`);
    }
    case 'record_reference':
      return resolveReference(spec, value, ws);
    case 'address':
      return readAddress(spec, value);
    case 'account_domain':
      return readDomain(spec, value);
    default:
      return spec.resolve ? spec.resolve(value, ws) : invalid(spec, value, 'no written value');
  }
}

/** Reevo's pages show the amount as a number and as a string: both are accepted. */
function readAmount(spec: AttributeSpec, amount: unknown): number {
  const parsed = typeof amount === 'string' && amount.trim() !== '' ? Number(amount) : amount;
  return typeof parsed === 'number' && Number.isFinite(parsed)
    ? parsed
    : invalid(spec, amount, 'an amount (a number, or {"amount": number})');
}

function readAddress(spec: AttributeSpec, value: unknown): Record<string, string | null> {
  if (!isObject(value)) invalid(spec, value, `an object with ${ADDRESS_KEYS.join(', ')}`);
  const unknown = Object.keys(value).filter((k) => !(ADDRESS_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) invalid(spec, value, `only the keys ${ADDRESS_KEYS.join(', ')}`);
  const address: Record<string, string | null> = {};
  for (const key of ADDRESS_KEYS) {
    const part = value[key] ?? null;
    if (part !== null && typeof part !== 'string') invalid(spec, value, `strings for ${ADDRESS_KEYS.join(', ')}`);
    address[key] = part;
  }
  return address;
}

function readDomain(spec: AttributeSpec, value: unknown): { domain_name: string; is_primary: boolean | null } {
  const item = typeof value === 'string' ? { domain_name: value } : value;
  if (!isObject(item) || typeof item.domain_name !== 'string' || item.domain_name.trim() === '') {
    invalid(spec, value, 'domains as strings or {"domain_name", "is_primary"}');
  }
  if (item.is_primary !== undefined && typeof item.is_primary !== 'boolean')
    invalid(spec, value, 'is_primary as true or false');
  return {
    domain_name: item.domain_name.trim().toLowerCase(),
    is_primary: (item.is_primary as boolean | undefined) ?? null,
  };
}

/** A written value in its read form (see Attribute.get); `null` stays null (the caller decides if it may clear). */
export function readWrite(spec: AttributeSpec, written: unknown, ws: Workspace): unknown {
  if (written === null) return null;
  if (!spec.is_array) return readScalar(spec, written, ws);
  if (!Array.isArray(written)) invalid(spec, written, `a list (${spec.value_type} items)`);
  return written.map((item) => readScalar(spec, item, ws));
}
