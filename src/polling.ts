import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  eventTimeOf,
  staticSample,
  toOutput,
  triggerOutputFields,
  type TriggerEvent,
  type TriggerRecord,
} from './trigger-output';
import { queryRecords } from './v2';

/**
 * Polling triggers: the way to see new and changed records on Reevo as published (docs/reevo-api.md
 * §6), which has no webhook API. Zapier calls `perform` every few minutes; each poll is ONE `_query`
 * for the newest records by the event's timestamp, and Zapier deduplicates what it returns by `id`:
 * - a new record: its own id, so it triggers once;
 * - an update: `<record id>:<updated_at>`, so each update triggers once;
 * - a stage entry: `<record id>:<stage_last_shifted_at>`, so each entry triggers once.
 * The record's id is then `record_id` (src/trigger-output.ts).
 *
 * A poll sees at most POLL_LIMIT events: more events than that between two polls (Zapier polls
 * every 1 to 15 minutes) would miss the oldest of them.
 *
 * [assumed] Reevo does not publish which attributes sort and filter: `created_at` and `updated_at`
 * are taken to sort (Reevo's sync guide sorts by `updated_at`), and `stage_last_shifted_at` to sort
 * and to take the `exists` filter, which keeps opportunities that never moved out of the poll
 * (wherever a descending sort puts empty values).
 */

/** Records read per poll: the most `_query` is asked for in one page (docs/reevo-api.md §3.4). */
export const POLL_LIMIT = 100;

/** One polling trigger: the event it reports. */
export type PollSpec = TriggerEvent;

/** What a poll returns: Zapier needs each item's `id` as a string to deduplicate. */
export type PolledRecord = TriggerRecord & { id: string };

/**
 * perform: the newest records by the event's time, in the shape of the instant trigger of the same
 * event. A record without that time has not had the event (an opportunity never moved to a stage).
 */
export function pollRecords(spec: PollSpec) {
  return async (z: ZObject, bundle: Bundle): Promise<PolledRecord[]> => {
    const filters =
      spec.occurredBy === 'stage_last_shifted_at' ? [{ field: spec.occurredBy, operator: 'exists' as const }] : [];
    const { records } = await queryRecords(z, spec.recordType, {
      limit: POLL_LIMIT,
      newestBy: spec.occurredBy,
      filters,
    });
    const events = records.flatMap((record) => {
      const occurredAt = eventTimeOf(spec, record);
      if (!occurredAt) return [];
      const event = toOutput(spec, record, { eventId: null, occurredAt }, undefined);
      return [{ ...event, id: String(event.id) }];
    });
    return spec.accepts ? events.filter((event) => spec.accepts!(event, bundle)) : events;
  };
}

/** Everything a polling trigger's operation needs, for one trigger. */
export function reevoPoll(spec: PollSpec) {
  return {
    perform: pollRecords(spec),
    outputFields: triggerOutputFields(spec),
    sample: staticSample(spec),
  };
}
