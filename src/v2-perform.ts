import type { Bundle, ZObject } from 'zapier-platform-core';
import { callEndpoint } from './client';
import type { Endpoint } from './endpoints';
import { fromV2Record, type OutputRecord } from './output-records';
import type { V2RecordType } from './record-catalog';

/**
 * The perform of an action that writes one v2 record: validates and sends the inputs, then reads
 * Reevo's answer `{"data": {record}, "meta": {"action"}}` (docs/reevo-api.md §3.1, §3.3) into the
 * output record of its type.
 */
export const performV2Write = (endpoint: Endpoint, type: V2RecordType) => async (z: ZObject, bundle: Bundle) =>
  (await writeV2(z, endpoint, type, bundle.inputData)).record;

export interface V2Written {
  readonly record: OutputRecord;
  /** What Reevo did: `meta.action`, else 201 means created and 200 updated. It matters for `_assert`, which may do either. */
  readonly action: 'created' | 'updated';
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

export async function writeV2(
  z: ZObject,
  endpoint: Endpoint,
  type: V2RecordType,
  input: Readonly<Record<string, unknown>>,
): Promise<V2Written> {
  // callEndpoint has confirmed the write: the answer holds the record with its ID.
  const { status, data } = await callEndpoint<{ data: Record<string, unknown>; meta?: unknown }>(z, endpoint, input);
  const meta = isObject(data.meta) ? data.meta : {};
  const said = typeof meta.action === 'string' ? meta.action.trim().toLowerCase() : '';
  const action = said === 'created' || said === 'updated' ? said : status === 201 ? 'created' : 'updated';
  return { record: fromV2Record(type, data.data), action };
}
