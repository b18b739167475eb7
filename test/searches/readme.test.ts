import { readFileSync } from 'node:fs';
import type { PlainInputField } from 'zapier-platform-core';
import { join } from 'node:path';
import searches from '../../searches';
import { endpoints, V2, type Endpoint, type EndpointName } from '../../src/endpoints';
import { v2Permissions, type V2RecordType } from '../../src/v2-permissions';

/** searches/README.md is linked from the main README: its table must say what the code does. */

/**
 * The endpoints a search calls: the entries of src/endpoints.ts its file names (`endpoints.searchUsers`),
 * and `POST /api/v2/<type>/_query` for each `queryRecords(z, '<type>', …)` in it.
 */
function endpointsOf(key: string): Endpoint[] {
  const text = readFileSync(join(__dirname, `../../searches/${key}.ts`), 'utf8');
  const named = [...new Set([...text.matchAll(/\bendpoints\.(\w+)/g)].map((match) => match[1] as EndpointName))];
  const queried = [
    ...new Set([...text.matchAll(/\bqueryRecords\(\w+, '(\w+)'/g)].map((match) => match[1] as V2RecordType)),
  ];
  return [
    ...named.map((name): Endpoint => endpoints[name]),
    ...queried.map((type): Endpoint => ({
      method: 'POST',
      path: `${V2}/${type}/_query`,
      permissions: v2Permissions(type, 'read'),
      noun: type,
      params: [],
    })),
  ];
}

const readme = readFileSync(join(__dirname, '../../searches/README.md'), 'utf8');
const rows = readme.split('\n').filter((line) => /^\| `[a-z_]+` \|/.test(line));
const relative = (path: string) => path.replace('/api/v1/public', '');

describe('searches/README.md', () => {
  it('has one row per search with its label, every endpoint it calls, every input key and the permissions', () => {
    expect(rows).toHaveLength(Object.keys(searches).length);
    for (const [key, search] of Object.entries(searches)) {
      const row = rows.find((line) => line.startsWith(`| \`${key}\` | ${search.display.label} |`));
      expect([key, row !== undefined]).toEqual([key, true]);
      const permissions = [...new Set(endpointsOf(key).flatMap((endpoint) => endpoint.permissions))].join(', ');
      expect(row?.endsWith(`| ${permissions} |`)).toBe(true);
      for (const endpoint of endpointsOf(key)) expect(row).toContain(`${endpoint.method} ${relative(endpoint.path)}`);
      const plain = (search.operation.inputFields ?? []).filter(
        (field): field is PlainInputField => typeof field === 'object',
      );
      for (const field of plain) expect([key, row?.includes(`\`${field.key}\``)]).toEqual([key, true]);
    }
  });

  it('states the ranking rules and how Find or Create counts requests', () => {
    expect(readme).toMatch(/## Ranking: the best match comes first/);
    expect(readme).toMatch(/exact domain .* then its subdomains/s);
    expect(readme).toMatch(/\*\*one\*\* request when the record is\s+found .* \*\*two\*\* when it is not/s);
  });
});
