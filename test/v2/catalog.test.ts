import { OUTPUT_CATALOG, type RecordType } from '../../src/record-catalog';
import { outputFieldsOf, retrievalOutputFields, upsertOutputFields, type OutputField } from '../../src/output-fields';
import { sampleOf, v1SampleOf } from '../../src/samples';

const TYPES = Object.keys(OUTPUT_CATALOG) as RecordType[];

describe('the response catalog', () => {
  it.each(TYPES)('%s: each key and each label once', (type) => {
    const entries = OUTPUT_CATALOG[type];
    expect(new Set(entries.map((entry) => entry.key)).size).toBe(entries.length);
    expect(new Set(entries.map((entry) => entry.label)).size).toBe(entries.length);
  });

  it.each(TYPES)('%s: every key says where it comes from, and its example fits its type', (type) => {
    for (const entry of OUTPUT_CATALOG[type]) {
      expect([entry.key, Boolean(entry.v1 || entry.v2)]).toEqual([entry.key, true]);
      const { example } = entry;
      if (entry.list) expect([entry.key, Array.isArray(example)]).toEqual([entry.key, true]);
      else if (example !== null) {
        const kind = entry.type === 'number' ? 'number' : entry.type === 'boolean' ? 'boolean' : 'string';
        expect([entry.key, typeof example]).toEqual([entry.key, kind]);
        if (entry.type === 'datetime')
          expect(example).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
      }
    }
  });

  it('samples carry no workspace’s custom fields', () => {
    for (const type of TYPES) {
      for (const sample of [sampleOf(type), v1SampleOf(type)]) {
        const custom = (sample as { custom_fields?: object }).custom_fields;
        if (custom !== undefined) expect(custom).toEqual({});
      }
    }
  });

  it('a v1 sample has exactly the keys v1 returns under the output key’s name', () => {
    expect(Object.keys(v1SampleOf('account'))).toEqual([
      'id',
      'name',
      'domain_name',
      'official_website',
      'status',
      'owner_email',
      'linkedin_url',
      'facebook_url',
      'zoominfo_url',
      'x_url',
      'created_at',
      'updated_at',
      'custom_fields',
    ]);
    expect(Object.keys(v1SampleOf('task'))).not.toContain('updated_at');
    expect(v1SampleOf('activity').metadata).toMatchObject({
      subject: expect.any(String),
      activity_time: expect.any(String),
    });
  });

  const fieldLists: Array<[string, readonly OutputField[]]> = [
    ['the upsert', upsertOutputFields],
    ['the retrieval', retrievalOutputFields],
    ...TYPES.map((type): [string, readonly OutputField[]] => [type, outputFieldsOf(type)]),
  ];
  it.each(fieldLists)('%s: no output key or label twice', (_what, fields) => {
    expect(new Set(fields.map((field) => field.key)).size).toBe(fields.length);
    expect(new Set(fields.map((field) => field.label)).size).toBe(fields.length);
  });
});
