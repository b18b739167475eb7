/** v1 POST /manual_activities (contract §2 #14); `pipeline_id` is an opportunity id, despite its name. */
import { wireSchemas } from '../contract';
import { notFound } from '../errors';
import { endpoint } from '../http';
import { write } from '../keys';
import type { ManualActivity } from '../records';
import { existingAccount } from '../references';
import { isoNow, newId } from '../values';

export const activityEndpoints = [
  endpoint({
    method: 'POST',
    url: '/api/v1/public/manual_activities',
    auth: 'v1',
    permissions: [write('activities')],
    body: wireSchemas.createManualActivity,
    status: 201,
    writes: true,
    handle: ({ ws, body }) => {
      if (body.account_id) existingAccount(ws, body.account_id);
      for (const id of body.contact_ids ?? []) {
        if (!ws.contacts.has(id)) throw notFound(`Contact ${id} not found`);
      }
      if (body.pipeline_id && !ws.opportunities.has(body.pipeline_id))
        throw notFound(`Opportunity ${body.pipeline_id} not found`);
      if (body.sequence_id && !ws.sequences.has(body.sequence_id))
        throw notFound(`Sequence ${body.sequence_id} not found`);
      const activity: ManualActivity = {
        id: newId(),
        metadata: { ...body.metadata, category: body.metadata.category ?? 'OTHER' },
        account_id: body.account_id ?? null,
        contact_ids: body.contact_ids ?? [],
        pipeline_id: body.pipeline_id ?? null,
        sequence_id: body.sequence_id ?? null,
        created_at: isoNow(),
      };
      ws.activities.set(activity.id, activity);
      return activity;
    },
  }),
];
