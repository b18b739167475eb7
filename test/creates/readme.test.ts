import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import creates from '../../creates';
import { ENDPOINT_OF } from './helpers';

/** creates/README.md is linked from the main README: its table must say what the code does. */

const readme = readFileSync(join(__dirname, '../../creates/README.md'), 'utf8');
const rows = readme.split('\n').filter((line) => /^\| `[a-z_]+` \|/.test(line));

describe('creates/README.md', () => {
  it('has one row per create with its label, and the endpoint and permissions of the endpoint its file names', () => {
    expect(rows).toHaveLength(Object.keys(creates).length);
    for (const [key, create] of Object.entries(creates)) {
      const row = rows.find((line) => line.startsWith(`| \`${key}\` | ${create.display.label} | `));
      expect([key, row !== undefined]).toEqual([key, true]);
      const endpoint = ENDPOINT_OF[key];
      if (!endpoint) continue;
      const query = endpoint.query ? `?${new URLSearchParams(endpoint.query as Record<string, string>)}` : '';
      expect(row).toBe(
        `| \`${key}\` | ${create.display.label} | \`${endpoint.method} ${endpoint.path}${query}\` | ${endpoint.permissions.join(', ')} |`,
      );
    }
  });

  it('says how updates treat empty fields', () => {
    expect(readme).toMatch(/## Empty fields are never sent/);
    expect(readme).toMatch(/change only the fields you fill in/);
  });
});
