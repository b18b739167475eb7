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

export const testConnection = async (z: ZObject, _bundle: Bundle) => {
  const { status } = await send(z, { method: 'GET', path: CONNECTION_PROBE, query: {} }, { passStatuses: [403, 404] });
  return { connected: true, status };
};

export const connectionLabel = async (_z: ZObject, bundle: Bundle) => bundle.authData.label?.trim() || 'Reevo';

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
      helpText: 'Optional: a name for this connection, e.g. `Acme workspace (Zapier key)`, to tell several Reevo connections apart.',
    },
  ],
  test: testConnection,
  connectionLabel,
} satisfies Authentication;
