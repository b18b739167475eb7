import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { send } from './src/client';
import { API_KEYS_HELP_URL } from './src/config';
import { V1 } from './src/endpoints';

/**
 * [assumed] Reevo checks the key before the key's permissions, so any valid key, whatever it
 * may do, gets past the 401. The test asks for an account that cannot exist (the nil UUID): a
 * valid key gets 404 (or 403 if it may not read accounts) and no customer data is read.
 */
const CONNECTION_PROBE = `${V1}/accounts/00000000-0000-0000-0000-000000000000`;

/** Passes only on Reevo's own answers: its 403 or 404 (a proxy's page fails in afterResponse), or the account itself. */
export const testConnection = async (z: ZObject) => {
  const probe = { method: 'GET', path: CONNECTION_PROBE, query: {} } as const;
  const { status, data } = await send(z, probe, { passStatuses: [403, 404], connectionTest: true });
  const found = Boolean(data) && typeof data === 'object' && typeof (data as { id?: unknown }).id === 'string';
  if (status !== 403 && status !== 404 && !found) {
    throw new z.errors.Error(
      `Reevo could not be reached properly: the connection test got HTTP ${status} without an answer of Reevo's, so something between Zapier and Reevo (a proxy or a firewall) probably answered. Try again; if it keeps happening, contact Reevo support.`,
      'not_reevo',
      502,
    );
  }
  return { connected: true, status };
};

/** The connection's name as given; Zapier shows it after the app's name, so without one it is empty (never "Reevo Reevo"). */
export const connectionLabel = async (_z: ZObject, bundle: Bundle) => bundle.authData.label?.trim() ?? '';

export default {
  type: 'custom',
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        `A Reevo API key. A workspace admin makes one in Reevo under **Settings → API Keys** ([how](${API_KEYS_HELP_URL})); Reevo shows it only once. ` +
        'Give the key the permissions of the steps you will use: Accounts and Contacts (read and write) for contacts and accounts, ' +
        'Opportunities, Tasks, Activities (write), Users and Mailbox (read), Sequence Enrollment, and Webhooks (read and write) for instant triggers. ' +
        'Any valid key connects; a step whose permission the key lacks says which one to add.',
    },
    {
      key: 'label',
      label: 'Connection Name',
      type: 'string',
      required: false,
      helpText:
        'Optional: a name for this connection, e.g. `Acme workspace (Zapier key)`, to tell several Reevo connections apart.',
    },
  ],
  test: testConnection,
  connectionLabel,
} satisfies Authentication;
