import type { Endpoint } from './endpoints';

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/** A record as Reevo answers it: an object with its ID. */
export const hasId = (value: unknown): value is Record<string, unknown> & { id: string } =>
  isObject(value) && hasText(value.id);

/** An endpoint that changes data in Reevo, by the key permission it needs. */
export const isWrite = (endpoint: Endpoint): boolean =>
  endpoint.permissions.some((permission) => permission.endsWith('(write)'));

/**
 * Why Reevo's answer to a write does not confirm it, or undefined when it does. Shared by the
 * Zapier actions (src/client.ts) and the Clay sender.
 * [assumed] Reevo confirms a write by answering with the record it wrote (contract §2.2): an object
 * with its `id` (the upsert: `contact_id` or `contact.id`) and no `error`. A 202 (taken on, not
 * done) and a 204 confirm nothing.
 */
export function unconfirmedWrite(
  noun: string,
  { status, data }: { status: number; data: unknown },
): string | undefined {
  // A v2 write answers `{"data": record}` (docs/reevo-api.md §3.1).
  const record = isObject(data) ? (isObject(data.data) ? data.data : data) : undefined;
  const confirmed = record && (hasText(record.id) || hasText(record.contact_id) || hasId(record.contact));
  if (status === 202 || status === 204)
    return `it answered HTTP ${status} (${status === 202 ? 'taken on, not done' : 'no content'}) instead of the saved ${noun}`;
  if (!record) return data === undefined || data === '' ? 'its answer was empty' : `its answer was not a ${noun}`;
  if (record.error !== undefined && record.error !== null)
    return `it answered with an error (${JSON.stringify(record.error).slice(0, 200)})`;
  if (!confirmed) return `it answered without the ID of the ${noun}`;
  return undefined;
}
