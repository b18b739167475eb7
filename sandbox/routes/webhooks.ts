/** REST-hook subscriptions (contract §4): create, list, get, delete. */
import { randomBytes } from 'node:crypto';
import { wireSchemas } from '../contract';
import { notFound } from '../errors';
import { endpoint } from '../http';
import { read, write } from '../keys';
import type { WebhookSubscription } from '../records';
import type { Workspace } from '../store';
import { isoNow, newId } from '../values';

const BASE = '/api/v1/public/webhooks';

function existingWebhook(ws: Workspace, id: string): WebhookSubscription {
  const subscription = ws.webhooks.get(id);
  if (!subscription) throw notFound(`Webhook subscription ${id} not found`);
  return subscription;
}

export const webhookEndpoints = [
  endpoint({
    method: 'POST',
    url: BASE,
    auth: 'v1',
    permissions: [write('webhooks')],
    body: wireSchemas.createWebhook,
    status: 201,
    writes: true,
    handle: ({ ws, body }) => {
      const subscription: WebhookSubscription = {
        id: newId(),
        target_url: body.target_url,
        event_types: [...new Set(body.event_types)],
        status: 'ACTIVE',
        secret: `whsec_${randomBytes(24).toString('hex')}`,
        created_at: isoNow(),
      };
      ws.webhooks.set(subscription.id, subscription);
      return subscription;
    },
  }),

  endpoint({
    method: 'GET',
    url: BASE,
    auth: 'v1',
    permissions: [read('webhooks')],
    handle: ({ ws }) => [...ws.webhooks.values()],
  }),

  endpoint({
    method: 'GET',
    url: `${BASE}/:webhook_id`,
    auth: 'v1',
    permissions: [read('webhooks')],
    uuidParams: ['webhook_id'],
    handle: ({ ws, params }) => existingWebhook(ws, params.webhook_id),
  }),

  endpoint({
    method: 'DELETE',
    url: `${BASE}/:webhook_id`,
    auth: 'v1',
    permissions: [write('webhooks')],
    uuidParams: ['webhook_id'],
    status: 204,
    writes: true,
    handle: ({ ws, params }) => {
      existingWebhook(ws, params.webhook_id);
      ws.webhooks.delete(params.webhook_id);
      return undefined;
    },
  }),
];
