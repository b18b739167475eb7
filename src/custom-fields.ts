import { createHash } from 'node:crypto';
import type { Bundle, PlainInputField, PlainOutputField, ZObject } from 'zapier-platform-core';
import { send } from './client';
import { reevoBaseUrl } from './config';
import { lazySchema } from './lazy-zod';
import { CUSTOM_FIELD_SEPARATOR } from './request-builder';
import type { V2RecordType } from './record-catalog';
import { ADDRESS_PART_LABELS, ADDRESS_PARTS } from './v2-values';
import { KEEP_WHEN_EMPTY } from './zapier-fields';

/**
 * Custom fields as their own Zapier input and output fields, read from Reevo's v2 schema
 * (docs/reevo-api.md §3.5: `GET /api/v2/_schema/{record_type}`, a bare object whose `attributes`
 * flagged `is_custom: true` are the workspace's custom fields).
 *
 * Zapier resolves dynamic fields in the editor and again on every Zap run, and each schema read
 * costs quota. So a schema is kept for SCHEMA_CACHE_TTL_MS per connection (key and base URL): in
 * Zapier's cache (`z.cache`), which every worker of the connection shares, and in this process.
 * A Zap step therefore reads a schema at most once in that time, on a warm worker or a cold one.
 * When the schema cannot be had (a key without the permission, an API without the endpoint, a
 * hiccup), the dynamic fields simply do not appear: the key/value custom fields input still works.
 */

export type CustomFieldRecordType = V2RecordType;

/** What the action does with the record: only fields Reevo lets that action write are offered. */
type WriteMode = 'create' | 'update' | 'upsert';

export interface CustomFieldTarget {
  readonly recordType: CustomFieldRecordType;
  /** The key/value input the values are merged into, e.g. `custom_fields` or `account_custom_fields`. */
  readonly inputKey: string;
  readonly mode: WriteMode;
  /** Prefixes labels when one action writes custom fields of two records, e.g. `Account`. */
  readonly labelPrefix?: string;
  /** Where the record sits in the action's output, e.g. `account` for the upsert's `account.custom_fields`. */
  readonly outputPath?: string;
}

/** One custom field as the schema describes it. */
export interface CustomFieldDefinition {
  readonly apiName: string;
  readonly label: string;
  readonly isArray: boolean;
  readonly valueType: string;
  readonly creatable: boolean;
  readonly updatable: boolean;
  readonly requiredOnCreate: boolean;
}

/** How long a schema is reused; custom fields change rarely, and a new one shows up after this. */
export const SCHEMA_CACHE_TTL_MS = 10 * 60 * 1000;

/** Statuses that mean "no schema for this connection" and are worth remembering. */
const UNAVAILABLE_STATUSES = [403, 404, 405] as const;

const schemaAttribute = lazySchema((zod) =>
  zod.object({
    api_name: zod.string().trim().min(1),
    display_name: zod.string().nullish(),
    is_custom: zod.boolean().nullish(),
    is_creatable: zod.boolean().nullish(),
    is_updatable: zod.boolean().nullish(),
    is_required_on_create: zod.boolean().nullish(),
    type_info: zod.object({ is_array: zod.boolean().nullish(), value_type: zod.string().nullish() }).nullish(),
  }),
);

/** The schema page shows a bare object; Reevo's health page claims every answer is wrapped in `data`: either is read. */
const schemaResponse = lazySchema((zod) => {
  const schema = zod.object({ attributes: zod.array(zod.unknown()) });
  return zod.union([schema, zod.object({ data: schema }).transform((wrapped) => wrapped.data)]);
});

interface CacheEntry {
  readonly expiresAt: number;
  readonly definitions: Promise<CustomFieldDefinition[]>;
}

/** What `z.cache` holds: plain JSON. */
interface SharedEntry {
  readonly expiresAt: number;
  readonly definitions: CustomFieldDefinition[];
}

const cache = new Map<string, CacheEntry>();

/** Forgets every schema cached in this process (a cold worker; tests). Zapier's shared cache is not touched. */
export function clearCustomFieldCache(): void {
  cache.clear();
}

/**
 * The custom fields of a record type, from a cache when fresh. Concurrent callers (input and
 * output fields are resolved together) share one request.
 */
async function customFieldDefinitions(
  z: ZObject,
  bundle: Bundle,
  recordType: CustomFieldRecordType,
): Promise<CustomFieldDefinition[]> {
  const key = cacheKey(bundle, recordType);
  const hit = cache.get(key);
  if (hit && hit.expiresAt > Date.now()) return hit.definitions;

  const definitions = fromSharedCache(z, key).then(async (shared) => {
    if (shared) {
      // This process keeps it only as long as the shared copy lives.
      cache.set(key, { expiresAt: shared.expiresAt, definitions: Promise.resolve(shared.definitions) });
      return shared.definitions;
    }
    const fetched = await fetchDefinitions(z, recordType);
    await toSharedCache(z, key, { expiresAt: entry.expiresAt, definitions: fetched });
    return fetched;
  });
  // Failures other than "not available for this key" are not remembered: the next run asks again.
  const guarded = definitions.catch((error: unknown) => {
    if (cache.get(key) === entry) cache.delete(key);
    z.console.log(`Reevo custom fields of ${recordType} records are not available right now: ${describe(error)}`);
    return [];
  });
  const entry: CacheEntry = { expiresAt: Date.now() + SCHEMA_CACHE_TTL_MS, definitions: guarded };
  cache.set(key, entry);
  return guarded;
}

async function fromSharedCache(z: ZObject, key: string): Promise<SharedEntry | undefined> {
  try {
    const shared = (await z.cache.get(key)) as SharedEntry | null;
    return shared && Array.isArray(shared.definitions) && shared.expiresAt > Date.now() ? shared : undefined;
  } catch (error) {
    // Without Zapier's cache (a local run) the schema is read, as on a cold worker.
    z.console.log(`Zapier's cache could not be read: ${describe(error)}`);
    return undefined;
  }
}

async function toSharedCache(z: ZObject, key: string, entry: SharedEntry): Promise<void> {
  try {
    await z.cache.set(key, entry, Math.ceil(SCHEMA_CACHE_TTL_MS / 1000));
  } catch (error) {
    z.console.log(`Zapier's cache could not be written: ${describe(error)}`);
  }
}

async function fetchDefinitions(z: ZObject, recordType: CustomFieldRecordType): Promise<CustomFieldDefinition[]> {
  const { status, data } = await send<unknown>(
    z,
    { method: 'GET', path: `/api/v2/_schema/${recordType}`, query: {} },
    { passStatuses: UNAVAILABLE_STATUSES },
  );
  if ((UNAVAILABLE_STATUSES as readonly number[]).includes(status)) return [];
  const parsed = schemaResponse().safeParse(data);
  if (!parsed.success) return [];
  const definitions: CustomFieldDefinition[] = [];
  for (const raw of parsed.data.attributes) {
    const attribute = schemaAttribute().safeParse(raw);
    if (!attribute.success || attribute.data.is_custom !== true) continue;
    const a = attribute.data;
    definitions.push({
      apiName: a.api_name,
      label: a.display_name?.trim() || a.api_name,
      isArray: a.type_info?.is_array === true,
      valueType: a.type_info?.value_type?.toLowerCase() ?? 'string',
      creatable: a.is_creatable !== false,
      updatable: a.is_updatable !== false,
      requiredOnCreate: a.is_required_on_create === true,
    });
  }
  return definitions;
}

/** One cache entry per connection and API: a hash, so no key is ever a cache key. */
function cacheKey(bundle: Bundle, recordType: CustomFieldRecordType): string {
  const apiKey = String(bundle.authData?.api_key ?? '');
  const keyHash = createHash('sha256').update(apiKey).digest('hex');
  return `reevo:schema:${createHash('sha256').update(reevoBaseUrl()).digest('hex').slice(0, 16)}:${keyHash}:${recordType}`;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  try {
    const parsed = JSON.parse(message) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not core's serialised AppError: the plain message is the description
  }
  return message;
}

function writable(definition: CustomFieldDefinition, mode: WriteMode): boolean {
  if (mode === 'create') return definition.creatable;
  if (mode === 'update') return definition.updatable;
  return definition.creatable || definition.updatable;
}

/** The Zapier type of a v2 value type (docs/reevo-api.md §3.1): what a Zap maps into it or out of it. */
function zapierType(valueType: string): 'string' | 'text' | 'number' | 'boolean' | 'datetime' {
  if (['number', 'currency', 'percent'].includes(valueType)) return 'number';
  if (valueType === 'boolean') return 'boolean';
  if (['timestamp', 'date'].includes(valueType)) return 'datetime';
  if (['long_text', 'rich_text'].includes(valueType)) return 'text';
  return 'string';
}

function labelOf(definition: CustomFieldDefinition, target: CustomFieldTarget): string {
  return target.labelPrefix ? `${target.labelPrefix}: ${definition.label}` : definition.label;
}

/** Dynamic input fields named `<inputKey>__<API name>`, which the request builder merges into `<inputKey>`. */
export function customFieldInputs(target: CustomFieldTarget) {
  return async (z: ZObject, bundle: Bundle): Promise<PlainInputField[]> => {
    const definitions = await customFieldDefinitions(z, bundle, target.recordType);
    return (
      definitions
        // An address is an object: Zapier has no field for it, so it is written through the key/value input.
        .filter((definition) => writable(definition, target.mode) && definition.valueType !== 'address')
        .map((definition) => {
          const keep = target.mode === 'update' ? ` ${KEEP_WHEN_EMPTY}` : '';
          const many = definition.isArray ? ' Several values: one per line item, or separated by commas.' : '';
          return {
            key: `${target.inputKey}${CUSTOM_FIELD_SEPARATOR}${definition.apiName}`,
            label: labelOf(definition, target),
            helpText: `Reevo ${target.recordType} custom field \`${definition.apiName}\`.${many}${keep}`,
            type: zapierType(definition.valueType),
            required: target.mode === 'create' && definition.requiredOnCreate,
            ...(definition.isArray ? { list: true } : {}),
          };
        })
    );
  };
}

/** Output fields for the custom field values records carry under `custom_fields` (src/output-records.ts reads them). */
export function customFieldOutputs(target: CustomFieldTarget) {
  return async (z: ZObject, bundle: Bundle): Promise<PlainOutputField[]> => {
    const definitions = await customFieldDefinitions(z, bundle, target.recordType);
    const path = target.outputPath ? `${target.outputPath}${CUSTOM_FIELD_SEPARATOR}` : '';
    return definitions.flatMap((definition): PlainOutputField[] => {
      const key = `${path}custom_fields${CUSTOM_FIELD_SEPARATOR}${definition.apiName}`;
      const label = labelOf(definition, target);
      if (definition.valueType === 'address' && !definition.isArray) {
        return ADDRESS_PARTS.map((part) => ({
          key: `${key}${CUSTOM_FIELD_SEPARATOR}${part}`,
          label: `${label}: ${ADDRESS_PART_LABELS[part]}`,
        }));
      }
      const type = zapierType(definition.valueType);
      return [
        {
          key,
          label,
          ...(type === 'text' || type === 'string' ? {} : { type }),
          ...(definition.isArray ? { list: true } : {}),
        },
      ];
    });
  };
}
