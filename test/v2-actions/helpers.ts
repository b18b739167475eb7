import { TEST_API_KEY } from '../helpers/zapier';
import type { SeenRequest } from '../creates/helpers';

export { expectRequest } from '../creates/helpers';
export { unexpectedRequests, useNock } from '../helpers/nock';

/** A v2 record as Reevo answers a write: `{data: {id, record_type, …, attributes}}` with value envelopes. */
export function v2Answer(
  recordType: string,
  id: string,
  attributes: Record<string, { value_type: string; value: unknown }>,
  meta?: { action: string },
) {
  return {
    data: {
      id,
      record_type: recordType,
      created_at: '2026-12-01T09:30:00Z',
      updated_at: '2026-12-02T08:15:00Z',
      attributes,
    },
    ...(meta ? { meta } : {}),
  };
}

/** The connection's key went with the request, in either of the headers v2 accepts. */
export function sentWithKey(seen: SeenRequest): boolean {
  return seen.headers['x-api-key'] === TEST_API_KEY || seen.headers.authorization === `Bearer ${TEST_API_KEY}`;
}

export const IDS = {
  contact: '8b1e4d2c-6a3f-4f0e-b9d7-2c5a1e8f3b64',
  account: '3f6c2a9e-8d1b-4c57-9e0a-6b2f1d4c8a71',
  opportunity: 'c2d9a7e4-1f3b-4e6a-8c5d-9b0f2a7e6d13',
  note: 'd9a6e2b4-3f1c-4a8e-b7d5-1c0e9f4a6b27',
  task: '7d4a2c9e-3b1f-4e8a-9c6d-5f0b2e1a8c47',
  user: '1d7e3a95-4f2c-4b8e-8a6d-3c9f0e5b7a12',
} as const;
