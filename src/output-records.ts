import {
  CUSTOM_FIELD_TYPES,
  OUTPUT_CATALOG,
  UNUSED_V2_ATTRIBUTES,
  v2Attributes,
  type OutputKey,
  type RecordType,
} from './record-catalog';
import { addressPart, readAttribute, type Plain } from './v2-values';

/**
 * Any record Reevo hands the app — a v2 record `{id, record_type, created_at, updated_at,
 * attributes: {name: {value_type, value}}}`, or a flat record as v1 answers (and as webhook
 * deliveries are assumed to carry) — as the one output record of its type: every key of the
 * catalog (src/record-catalog.ts) present, in the catalog's order (a value the source does not
 * have is null, or an empty list), then `custom_fields`, then any key a flat record has that the
 * catalog does not know, as Reevo sent it. No value envelope ever reaches the output.
 */

export type OutputRecord = { [key: string]: Plain };

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

const present = (value: unknown) => value !== undefined && value !== null;

/** A v2 record is recognised by its `attributes` object; anything else is read as a flat record. */
function isV2Record(raw: unknown): raw is Record<string, unknown> & { attributes: Record<string, unknown> } {
  return isObject(raw) && isObject(raw.attributes);
}

/** Either shape as the output record of its type. */
export function toOutputRecord(type: RecordType, raw: unknown): OutputRecord {
  return isV2Record(raw) ? fromV2Record(type, raw) : fromFlatRecord(type, raw);
}

/** A published v2 record as the output record of its type; unknown attributes are custom fields. */
export function fromV2Record(type: RecordType, raw: unknown): OutputRecord {
  const record = isObject(raw) ? raw : {};
  const attributes: Record<string, unknown> = { ...(isObject(record.attributes) ? record.attributes : {}) };
  // The record's own id and timestamps win over attributes of the same name.
  for (const key of ['id', 'created_at', 'updated_at']) if (present(record[key])) attributes[key] = record[key];

  const out: OutputRecord = {};
  const read = new Set<string>(['id', 'created_at', 'updated_at']);
  for (const entry of OUTPUT_CATALOG[type]) {
    const names = v2Attributes(entry);
    names.forEach((name) => read.add(name));
    const name = names.find((candidate) => present(attributes[candidate]));
    put(out, entry.key, shaped(entry, name === undefined ? null : readV2(entry, attributes[name])));
  }
  if (CUSTOM_FIELD_TYPES.has(type)) {
    const custom: OutputRecord = {};
    for (const [name, attribute] of Object.entries(attributes)) {
      if (read.has(name) || UNUSED_V2_ATTRIBUTES.has(name)) continue;
      // v2 reports an unset custom field as null; v1 leaves it out of custom_fields: so does the output.
      const value = readAttribute(attribute);
      if (present(value)) custom[name] = value;
    }
    out.custom_fields = custom;
  }
  return out;
}

function readV2(entry: OutputKey, attribute: unknown): Plain {
  if (entry.v2?.part) return addressPart(attribute, entry.v2.part);
  // A single value read from a list (a primary domain, email or phone number) is its primary item.
  return readAttribute(attribute, entry.v2?.reading ?? (!entry.list && Array.isArray(attribute) ? 'primary' : 'value'));
}

/** A flat record: each key from its own name, else its v1 name, else its v2 attribute's name. */
function fromFlatRecord(type: RecordType, raw: unknown): OutputRecord {
  const record = isObject(raw) ? raw : {};
  const out: OutputRecord = {};
  const known = new Set<string>(['custom_fields']);
  for (const entry of OUTPUT_CATALOG[type]) {
    const own = valueAt(record, entry.key.split('__'));
    const v1 = entry.v1 === undefined ? undefined : valueAt(record, entry.v1.split('.'));
    const v2Name = v2Attributes(entry).find((name) => present(record[name]));
    known.add(entry.key.split('__')[0]);
    if (entry.v1) known.add(entry.v1.split('.')[0]);
    v2Attributes(entry).forEach((name) => known.add(name));
    let value: Plain = null;
    if (present(own)) value = readAttribute(own);
    else if (present(v1)) value = readAttribute(v1);
    else if (v2Name !== undefined) value = readV2(entry, record[v2Name]);
    put(out, entry.key, shaped(entry, value));
  }
  if (CUSTOM_FIELD_TYPES.has(type)) {
    const custom = isObject(record.custom_fields) ? record.custom_fields : {};
    out.custom_fields = Object.fromEntries(Object.entries(custom).map(([name, value]) => [name, readAttribute(value)]));
  }
  // Reevo may add keys: they are passed on, not dropped.
  for (const [key, value] of Object.entries(record))
    if (!known.has(key) && !(key in out)) out[key] = readAttribute(value);
  return out;
}

function valueAt(record: Record<string, unknown>, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), record);
}

/** Lists are always lists (one value becomes a list of one, none an empty list); other keys one value. */
function shaped(entry: OutputKey, value: Plain): Plain {
  if (entry.list) return value === null ? [] : Array.isArray(value) ? value : [value as Plain];
  return Array.isArray(value) ? readAttribute(value, 'primary') : value;
}

/** Sets the output key `metadata__subject` as `metadata.subject`. */
export function put(out: OutputRecord, key: string, value: Plain): void {
  const path = key.split('__');
  let node: Record<string, Plain> = out;
  for (const part of path.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Record<string, Plain>;
  }
  node[path.at(-1)!] = value;
}
