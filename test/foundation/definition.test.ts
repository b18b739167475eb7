import * as core from 'zapier-platform-core';
import App from '../../index';
import { connectionLabel } from '../../authentication';
import { API_KEYS_HELP_URL } from '../../src/config';

// createAppHandler exists at runtime but not in core's type declarations; the schema package has none.
type AppHandler = (event: { command: string }, context: object) => Promise<{ results: unknown }>;
const { createAppHandler } = core as unknown as { createAppHandler: (app: object) => AppHandler };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateAppDefinition } = require('zapier-platform-schema') as {
  validateAppDefinition: (d: object) => { errors: unknown[] };
};

/**
 * Guards every operation, present and future, against what Zapier's publishing review checks
 * and local validation does not: labels, descriptions, samples, help text, HTTPS.
 */

type Display = { label: string; description: string; hidden?: boolean };
type Operation = { key: string; noun: string; display: Display; operation: Record<string, unknown> };
type Definition = {
  authentication: { fields: Array<{ key: string; helpText?: string; type?: string }>; connectionLabel?: unknown };
  triggers: Record<string, Operation>;
  creates: Record<string, Operation>;
  searches: Record<string, Operation>;
  searchOrCreates: Record<string, { key: string; display: Display; search: string; create: string }>;
};

const handler = createAppHandler(App);
let definition: Definition;

beforeAll(async () => {
  definition = (await handler({ command: 'definition' }, {})).results as Definition;
});

const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'the', 'to', 'in', 'of', 'for', 'by', 'with', 'on', 'at', 'from']);
const isTitleCase = (label: string) =>
  label.split(' ').every((word, i) => /^[("]?[A-Z0-9]/.test(word) || (i > 0 && SMALL_WORDS.has(word)));

function operations(kind: 'triggers' | 'creates' | 'searches'): Operation[] {
  return Object.values(definition[kind]);
}

const visible = (kind: 'triggers' | 'creates' | 'searches') => operations(kind).filter((op) => !op.display.hidden);

type OutputField = { key: string; label?: string };
/** The output fields given as objects (dynamic ones, for custom fields, are functions). */
const staticOutputFields = (op: Operation): OutputField[] =>
  ((op.operation.outputFields as unknown[] | undefined) ?? []).filter(
    (field): field is OutputField => typeof field === 'object' && field !== null && 'key' in field,
  );

/**
 * The keys Zapier shows for a sample, as output field keys: `account__name` inside an object,
 * `contacts[]email` inside a list of objects; a list of values or a null is one key. An empty
 * object (custom fields in a static sample) shows nothing.
 */
function samplePaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    const objects = value.filter((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
    if (objects.length === 0) return [prefix];
    return [...new Set(objects.flatMap((item) => samplePaths(item, `${prefix}[]`)))];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) =>
      samplePaths(child, prefix === '' ? key : prefix.endsWith('[]') ? `${prefix}${key}` : `${prefix}__${key}`),
    );
  }
  return [prefix];
}

describe('the app definition', () => {
  it('passes Zapier’s own validation (what `zapier-platform validate` runs)', async () => {
    expect((await handler({ command: 'validate' }, {})).results).toEqual([]);
    expect(validateAppDefinition(definition).errors).toEqual([]);
  });

  it('has every operation the issues name', () => {
    // Each folder may grow; these keys are published and must never disappear.
    const keys = (kind: 'triggers' | 'creates' | 'searches') => Object.keys(definition[kind]).sort();
    expect(keys('creates')).toEqual(
      expect.arrayContaining([
        'upsert_account_contact',
        'create_account',
        'update_account',
        'create_opportunity',
        'update_opportunity',
        'move_opportunity_stage',
        'create_task',
        'log_manual_activity',
        'enroll_contact_in_sequence',
      ]),
    );
    expect(keys('searches')).toEqual(
      expect.arrayContaining([
        'find_account',
        'find_contact',
        'find_opportunity',
        'find_contact_and_account',
        'find_user',
        'find_mailbox',
      ]),
    );
    expect(keys('triggers')).toEqual(
      expect.arrayContaining([
        'new_account',
        'updated_account',
        'new_contact',
        'updated_contact',
        'new_opportunity',
        'updated_opportunity',
        'opportunity_stage_changed',
        'new_task',
        'account_list',
        'contact_list',
        'opportunity_list',
      ]),
    );
  });
});

describe('Zapier publishing style', () => {
  it('keys are snake_case and equal their map keys', () => {
    for (const kind of ['triggers', 'creates', 'searches'] as const) {
      for (const [mapKey, op] of Object.entries(definition[kind])) {
        expect(op.key).toBe(mapKey);
        expect(op.key).toMatch(/^[a-z][a-z0-9_]*$/);
      }
    }
  });

  it('labels are Title Case and descriptions open and close as Zapier asks, without the app name', () => {
    const opening = {
      triggers: /^Triggers when /,
      creates: /^(Creates|Updates|Moves|Logs|Enrolls) /,
      searches: /^Finds /,
    };
    for (const kind of ['triggers', 'creates', 'searches'] as const) {
      for (const op of visible(kind)) {
        expect([op.key, isTitleCase(op.display.label)]).toEqual([op.key, true]);
        expect(op.display.description).toMatch(opening[kind]);
        expect(op.display.description).toMatch(/\.$/);
        expect(op.display.description).not.toMatch(/reevo/i);
      }
    }
    for (const op of visible('searches')) expect(op.display.label).toMatch(/^Find /);
    for (const soc of Object.values(definition.searchOrCreates)) {
      expect(soc.display.label).toMatch(/^Find or Create /);
      expect(definition.searches[soc.key]).toBeDefined();
      expect(definition.creates[soc.create]).toBeDefined();
    }
  });

  it('every visible operation has a sample whose keys its output fields label', () => {
    for (const kind of ['triggers', 'creates', 'searches'] as const) {
      for (const op of visible(kind)) {
        const sample = op.operation.sample as Record<string, unknown> | undefined;
        expect([op.key, typeof sample]).toEqual([op.key, 'object']);
        const outputFields = (op.operation.outputFields as Array<{ key?: string; label?: string }> | undefined) ?? [];
        const labelled = outputFields.filter((field) => field.key && field.label);
        expect([op.key, labelled.length > 0]).toEqual([op.key, true]);
        for (const field of labelled) {
          const path = field.key!.split('__');
          const value = path.reduce<unknown>(
            (node, part) => (node as Record<string, unknown> | undefined)?.[part],
            sample,
          );
          expect([op.key, field.key, value !== undefined]).toEqual([op.key, field.key, true]);
        }
      }
    }
  });

  it('sample date-times are ISO-8601 with an offset', () => {
    const text = JSON.stringify(
      [definition.triggers, definition.creates, definition.searches].map((map) =>
        Object.values(map).map((op) => op.operation.sample),
      ),
    );
    const dates = text.match(/"\d{4}-\d{2}-\d{2}T[^"]*"/g) ?? [];
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(date).toMatch(/(Z|[+-]\d{2}:\d{2})"$/);
  });

  it('every input field has a label and help text, and none asks for credentials', () => {
    for (const kind of ['triggers', 'creates', 'searches'] as const) {
      for (const op of visible(kind)) {
        const fields =
          (op.operation.inputFields as Array<{ key?: string; label?: string; helpText?: string; type?: string }>) ?? [];
        for (const field of fields.filter((f) => f.key)) {
          expect([op.key, field.key, Boolean(field.label), Boolean(field.helpText)]).toEqual([
            op.key,
            field.key,
            true,
            true,
          ]);
          expect(field.type).not.toBe('password');
          expect(field.key).not.toMatch(/api_?key|password|secret|token/i);
        }
      }
    }
  });

  it('the connection form explains the key and the label never contains it', () => {
    const apiKey = definition.authentication.fields.find((field) => field.key === 'api_key');
    expect(apiKey?.type).toBe('password');
    expect(apiKey?.helpText).toContain(`](${API_KEYS_HELP_URL})`);
    for (const field of definition.authentication.fields) expect(field.helpText).toBeTruthy();
    expect(definition.authentication.connectionLabel).toBeDefined();
  });

  it('links the API key help to Reevo’s own page about keys', () => {
    expect(API_KEYS_HELP_URL).toBe('https://help.reevo.ai/Data-management-and-migration/Integrations-With-Other-Tools');
  });

  it('the connection label never repeats the app’s name (Zapier shows "Reevo" before it)', async () => {
    const label = (authData: Record<string, string>) => connectionLabel({} as never, { authData } as never);
    expect(await label({ api_key: 'k' })).not.toMatch(/reevo/i);
    expect(await label({ api_key: 'k', label: '  Acme workspace ' })).toBe('Acme workspace');
  });

  it('every key of every visible sample, nested ones included, has a labelled output field', () => {
    for (const kind of ['triggers', 'creates', 'searches'] as const) {
      for (const op of visible(kind)) {
        const labelled = new Set(
          staticOutputFields(op)
            .filter((field) => field.label)
            .map((field) => field.key),
        );
        const unlabelled = samplePaths(op.operation.sample).filter(
          (path) => !labelled.has(path) && !labelled.has(`${path}[]`),
        );
        expect([op.key, unlabelled]).toEqual([op.key, []]);
      }
    }
  });

  it('no operation has two output fields with the same key or the same label', () => {
    const repeated = (values: string[]) => [...new Set(values.filter((value, i) => values.indexOf(value) !== i))];
    for (const kind of ['triggers', 'creates', 'searches'] as const) {
      for (const op of visible(kind)) {
        const fields = staticOutputFields(op);
        expect([op.key, 'keys', repeated(fields.map((field) => field.key))]).toEqual([op.key, 'keys', []]);
        const labels = fields
          .filter((field) => field.label)
          .map((field) => (field.label as string).trim().toLowerCase());
        expect([op.key, 'labels', repeated(labels)]).toEqual([op.key, 'labels', []]);
      }
    }
  });

  it('names only HTTPS URLs', () => {
    expect(JSON.stringify(definition)).not.toMatch(/http:\/\//);
  });
});
