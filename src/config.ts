/** Where Reevo lives. Read at request time so tests and the sandbox can point the app elsewhere. */
export const DEFAULT_BASE_URL = 'https://api.reevo.ai';

export function reevoBaseUrl(): string {
  return (process.env.REEVO_API_BASE_URL?.trim() || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** Where a workspace admin makes API keys; linked from the connection form and error messages. */
export const API_KEYS_HELP_URL = 'https://help.reevo.ai/Data-management-and-migration/Integrations-With-Other-Tools';
