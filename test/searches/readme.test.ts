import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import searches from '../../searches';
import { endpoints, type Endpoint } from '../../src/endpoints';
import { v2Permissions } from '../../src/v2-permissions';

/** searches/README.md is linked from the main README: its table must say what the code does. */

const ENDPOINTS_OF: Record<keyof typeof searches, Endpoint[]> = {
  find_account: [endpoints.searchAccounts, endpoints.getAccount],
  find_contact: [endpoints.searchContacts, endpoints.getContact],
  find_opportunity: [endpoints.searchOpportunities, endpoints.getOpportunity],
  find_contact_and_account: [endpoints.retrieveAccountAndContact],
  find_user: [endpoints.searchUsers],
  find_mailbox: [endpoints.searchMailboxes],
  find_task: [endpoints.searchUsers, { method: 'POST', path: '/api/v2/task/_query', permissions: v2Permissions('task', 'read'), noun: 'task', params: [] }],
};

const readme = readFileSync(join(__dirname, '../../searches/README.md'), 'utf8');
const rows = readme.split('\n').filter((line) => /^\| `[a-z_]+` \|/.test(line));
const relative = (path: string) => path.replace('/api/v1/public', '');

describe('searches/README.md', () => {
  it('has one row per search with its label, every endpoint it calls, every input key and the permissions', () => {
    expect(rows).toHaveLength(Object.keys(searches).length);
    for (const [key, search] of Object.entries(searches) as Array<[keyof typeof searches, (typeof searches)[keyof typeof searches]]>) {
      const row = rows.find((line) => line.startsWith(`| \`${key}\` | ${search.display.label} |`));
      expect([key, row !== undefined]).toEqual([key, true]);
      const permissions = [...new Set(ENDPOINTS_OF[key].flatMap((endpoint) => endpoint.permissions))].join(', ');
      expect(row?.endsWith(`| ${permissions} |`)).toBe(true);
      for (const endpoint of ENDPOINTS_OF[key]) expect(row).toContain(`${endpoint.method} ${relative(endpoint.path)}`);
      for (const field of search.operation.inputFields ?? []) expect([key, row?.includes(`\`${field.key}\``)]).toEqual([key, true]);
    }
  });

  it('states the ranking rules and how Find or Create counts requests', () => {
    expect(readme).toMatch(/## Ranking: the best match comes first/);
    expect(readme).toMatch(/exact domain .* then its subdomains/s);
    expect(readme).toMatch(/\*\*one\*\* request when the record is\s+found .* \*\*two\*\* when it is not/s);
  });
});
