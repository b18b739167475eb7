/**
 * Reading Reevo's v2 value envelopes (docs/reevo-api.md §3.1) into values a Zap builder can map.
 *
 * Every v2 attribute is `{"value_type", "value"}`, an array of such envelopes, or null. What each
 * value type becomes:
 * - text-like types (`string`, `long_text`, `rich_text`, `email`, `phone_number`, `url`, `uuid`,
 *   `enum`, `timestamp`, `date`, `time`) → the string; `boolean` → true / false;
 * - `number`, `percent` → a number; `currency` → its amount as a number (Reevo's pages show it both
 *   as a number and as a string);
 * - `contact_stage`, `account_stage`, `opportunity_stage`, `select` → the display value (a `select`
 *   may also be a bare string); `id` reads the stage's id;
 * - `record_reference` → the id of the record it points at;
 * - `contact_email`, `account_domain`, `contact_phone_number` → the email, domain or number;
 * - `address` → `{street_one, street_two, city, state, country, zip_code}`;
 * - an array → the list of its items' values; `primary` reads the item marked `is_primary` (else
 *   the first).
 * A value whose type is not one of these is read by its shape the same way, so no envelope ever
 * reaches an output. A bare value (not an envelope) is read as it is.
 *
 * [assumed] Not published, and therefore kept in this one module: a `select` value is a string or
 * `{api_name, display_value}`; `date` and `time` values are strings.
 */

/** A value as the app hands it to Zapier. */
export type Plain = string | number | boolean | null | readonly Plain[] | { readonly [key: string]: Plain };

/** How to read one attribute: its value, its id (stages, references), or its primary item (arrays). */
export type Reading = 'value' | 'id' | 'primary';

export const ADDRESS_PARTS = ['street_one', 'street_two', 'city', 'state', 'country', 'zip_code'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

export const ADDRESS_PART_LABELS: Readonly<Record<AddressPart, string>> = {
  street_one: 'Street',
  street_two: 'Street Line 2',
  city: 'City',
  state: 'State',
  country: 'Country',
  zip_code: 'ZIP Code',
};

const NUMERIC_TYPES = new Set(['number', 'percent', 'currency']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** `{"value_type", "value"}`: the one shape that must never reach an output. */
function isEnvelope(value: unknown): value is { value_type: string; value: unknown } {
  return isObject(value) && typeof value.value_type === 'string' && 'value' in value;
}

/** Reads one attribute: an envelope, an array of envelopes, a bare value, null or missing. */
export function readAttribute(attribute: unknown, reading: Reading = 'value'): Plain {
  if (Array.isArray(attribute)) {
    const items = attribute.filter(
      (item) => item !== null && item !== undefined && !(isEnvelope(item) && item.value === null),
    );
    if (reading === 'primary') {
      const primary =
        items.find(
          (item) => isObject(payloadOf(item)) && (payloadOf(item) as Record<string, unknown>).is_primary === true,
        ) ?? items[0];
      return primary === undefined ? null : readAttribute(primary);
    }
    return items.map((item) => readAttribute(item, reading));
  }
  if (isEnvelope(attribute)) return readPayload(attribute.value, attribute.value_type, reading);
  return readPayload(attribute, undefined, reading);
}

function payloadOf(item: unknown): unknown {
  return isEnvelope(item) ? item.value : item;
}

/** One envelope's `value`, by its type where known, else by its shape. */
function readPayload(value: unknown, valueType: string | undefined, reading: Reading): Plain {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return readAttribute(value, reading);
  if (typeof value === 'string' && valueType && NUMERIC_TYPES.has(valueType)) return toNumber(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (!isObject(value)) return null;
  if (isEnvelope(value)) return readAttribute(value, reading);
  if ('related_record_id' in value) return scalar(value.related_record_id);
  if ('display_value' in value) return scalar(reading === 'id' ? (value.id ?? value.api_name) : value.display_value);
  if ('amount' in value) return toNumber(value.amount);
  if ('domain_name' in value) return scalar(value.domain_name);
  if ('email' in value) return scalar(value.email);
  if ('phone_number' in value) return scalar(value.phone_number);
  if (ADDRESS_PARTS.some((part) => part in value)) {
    return Object.fromEntries(ADDRESS_PARTS.map((part) => [part, scalar(value[part])]));
  }
  // A shape the contract does not describe: its own values, read the same way, so nothing nested leaks an envelope.
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, readAttribute(child)]));
}

function scalar(value: unknown): string | number | boolean | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** A currency amount or number sent as text ("150000.00") as a number; anything else is no number. */
function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return null;
  return Number(value);
}

/** One part of an address attribute, e.g. its city. */
export function addressPart(attribute: unknown, part: AddressPart): Plain {
  const address = readAttribute(attribute);
  return isObject(address) ? ((address as Record<string, Plain>)[part] ?? null) : null;
}
