import { createHash } from 'node:crypto';
import type { Bundle, PlainInputField, PlainOutputField, ZObject } from 'zapier-platform-core';
import { send } from './client';
import { reevoBaseUrl } from './config';
import { lazySchema } from './lazy-zod';
import { CUSTOM_FIELD_SEPARATOR } from './request-builder';
import { KEEP_WHEN_EMPTY } from './zapier-fields';

/**
 * Custom fields as their own Zapier input and output fields, read from Reevo's v2 schema
 * (contract §3, `GET /api/v2/_schema/{record_type}`).
 *
 * Zapier resolves dynamic fields in the editor and again on every Zap run, and each schema read
 * costs quota, so schemas are kept in memory per connection (key and base URL) for a while.
 * When the schema cannot be had (a key without the permission, an API without the endpoint, a
 * hiccup), the dynamic fields simply do not appear: the key/value custom fields input still works.
 */

export type CustomFieldRecordType = 'account' | 'contact' | 'opportunity';

/** What the action does with the record: only fields Reevo lets that action write are offered. */
export type WriteMode = 'create' | 'update' | 'upsert';

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

const schemaResponse = lazySchema((zod) => zod.object({ data: zod.object({ attributes: zod.array(zod.unknown()) }) }));

interface CacheEntry {
  readonly expiresAt: number;
  readonly definitions: Promise<CustomFieldDefinition[]>;
}

const cache = new Map<string, CacheEntry>();

/** Forgets every cached schema (tests, or after custom fields were changed in Reevo). */
export function clearCustomFieldCache(): void {
  cache.clear();
}

/**
 * The custom fields of a record type, from the cache when fresh. Concurrent callers (input and
 * output fields are resolved together) share one request.
 */
export async function customFieldDefinitions(z: ZObject, bundle: Bundle, recordType: CustomFieldRecordType): Promise<CustomFieldDefinition[]> {
  const key = cacheKey(bundle, recordType);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.definitions;

  // Failures other than "not available for this key" are not remembered: the next run asks again.
  const definitions = fetchDefinitions(z, recordType).catch((error: unknown) => {
    if (cache.get(key) === entry) cache.delete(key);
    z.console.log(`Reevo custom fields of ${recordType} records are not available right now: ${describe(error)}`);
    return [];
  });
  const entry: CacheEntry = { expiresAt: now + SCHEMA_CACHE_TTL_MS, definitions };
  cache.set(key, entry);
  return definitions;
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
  for (const raw of parsed.data.data.attributes) {
    const attribute = schemaAttribute().safeParse(raw);
    if (!attribute.success || attribute.data.is_custom !== true) continue;
    const a = attribute.data;
    definitions.push({
      apiName: a.api_name,
      label: a.display_name?.trim() || a.api_name,
      isArray: a.type_info?.is_array === true,
      valueType: a.type_info?.value_type?.toLowerCase() ?? 'text',
      creatable: a.is_creatable !== false,
      updatable: a.is_updatable !== false,
      requiredOnCreate: a.is_required_on_create === true,
    });
  }
  return definitions;
}

/** One cache entry per connection and API: a hash, so no key sits in memory as a map key. */
function cacheKey(bundle: Bundle, recordType: CustomFieldRecordType): string {
  const apiKey = String(bundle.authData?.api_key ?? '');
  const keyHash = createHash('sha256').update(apiKey).digest('hex');
  return `${reevoBaseUrl()}|${keyHash}|${recordType}`;
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

function zapierType(valueType: string): PlainInputField['type'] {
  if (/^(number|integer|int|decimal|float|currency|percent|percentage)$/.test(valueType)) return 'number';
  if (/^(boolean|bool|checkbox)$/.test(valueType)) return 'boolean';
  if (/^(date|datetime|date_time|timestamp)$/.test(valueType)) return 'datetime';
  if (/^(long_text|rich_text|textarea)$/.test(valueType)) return 'text';
  return 'string';
}

function labelOf(definition: CustomFieldDefinition, target: CustomFieldTarget): string {
  return target.labelPrefix ? `${target.labelPrefix}: ${definition.label}` : definition.label;
}

/** Dynamic input fields named `<inputKey>__<API name>`, which the request builder merges into `<inputKey>`. */
export function customFieldInputs(target: CustomFieldTarget) {
  return async (z: ZObject, bundle: Bundle): Promise<PlainInputField[]> => {
    const definitions = await customFieldDefinitions(z, bundle, target.recordType);
    return definitions
      .filter((definition) => writable(definition, target.mode))
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
      });
  };
}

/** Output fields for the custom field values Reevo returns under `custom_fields`. */
export function customFieldOutputs(target: CustomFieldTarget) {
  return async (z: ZObject, bundle: Bundle): Promise<PlainOutputField[]> => {
    const definitions = await customFieldDefinitions(z, bundle, target.recordType);
    const path = target.outputPath ? `${target.outputPath}${CUSTOM_FIELD_SEPARATOR}` : '';
    return definitions.map((definition) => ({
      key: `${path}custom_fields${CUSTOM_FIELD_SEPARATOR}${definition.apiName}`,
      label: labelOf(definition, target),
      ...(definition.isArray ? { list: true } : {}),
    }));
  };
}
