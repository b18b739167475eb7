/**
 * The sandbox against Reevo's published v2 examples (test/fixtures/reevo-docs): its records have
 * the attributes, value types and envelopes of Reevo's reference pages, its answers the shapes of
 * Reevo's response examples, and it accepts every published request example of a route it
 * emulates. The fixtures are transcribed from Reevo's pages, so a sandbox that drifted (towards a
 * wrong reading in the app, say) fails here.
 */
import { readdirSync } from 'node:fs';
import { type RunningSandbox, startSandbox } from '../../sandbox';
import { SEEDED } from '../../sandbox/seed';
import { golden, GOLDEN_DIR, recordShape, valueTypes } from './golden';
import { type Call, client, expectKeySet, sorted, useSandbox } from './helpers';

const ctx = useSandbox();
const V2 = '/api/v2';
const TYPES = { value: valueTypes() };

const jsonType = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** One envelope: exactly {value_type, value}, the value of the JSON type Reevo's pages show (or null). */
function expectEnvelope(envelope: unknown, valueType: string, where: string) {
  expect(Object.keys(envelope as object).sort()).toEqual(['value', 'value_type']);
  const { value_type, value } = envelope as { value_type: string; value: unknown };
  expect({ where, value_type }).toEqual({ where, value_type: valueType });
  if (value === null) return;
  const published = TYPES.value[valueType]?.value;
  if (published === undefined) return;
  if (typeof published === 'string') {
    expect({ where, type: jsonType(value) }).toEqual({ where, type: published });
    return;
  }
  expect({ where, keys: sorted(Object.keys(value as object)) }).toEqual({
    where,
    keys: sorted(Object.keys(published)),
  });
  for (const [key, types] of Object.entries(published)) {
    const actual = jsonType((value as Record<string, unknown>)[key]);
    if (actual !== 'null')
      expect({ where: `${where}.${key}`, type: [types].flat().includes(actual) }).toEqual({
        where: `${where}.${key}`,
        type: true,
      });
  }
}

describe.each(['contact', 'account', 'opportunity', 'task', 'note'])(
  "a %s record has the attributes of Reevo's reference pages",
  (type) => {
    const shape = recordShape(type);
    const seededId = {
      contact: SEEDED.contact.id,
      account: SEEDED.account.id,
      opportunity: SEEDED.opportunity.id,
      task: SEEDED.task.id,
      note: SEEDED.note.id,
    }[type]!;

    test('every published attribute, with its value_type, one envelope each (arrays: an array of envelopes)', async () => {
      const res = await ctx.call('GET', `${V2}/${type}/${seededId}`);
      expect(res.status).toBe(200);
      expectKeySet(res.body, ['data']);
      expectKeySet(res.body.data, ['id', 'record_type', 'created_at', 'updated_at', 'attributes']);
      const { attributes } = res.body.data;
      for (const [name, { value_type, is_array }] of Object.entries(shape.attributes)) {
        expect({ name, present: name in attributes }).toEqual({ name, present: true });
        const attribute = attributes[name];
        expect({ name, is_array: Array.isArray(attribute) }).toEqual({ name, is_array });
        for (const envelope of is_array ? attribute : [attribute])
          expectEnvelope(envelope, value_type, `${type}.${name}`);
      }
    });

    test('the attributes beyond the published ones are envelopes too, and _schema lists exactly the attributes a record has', async () => {
      const [record, schema] = await Promise.all([
        ctx.call('GET', `${V2}/${type}/${seededId}`),
        ctx.call('GET', `${V2}/_schema/${type}`),
      ]);
      const fields = schema.body.attributes as {
        api_name: string;
        type_info: { value_type: string; is_array: boolean };
      }[];
      expect(sorted(fields.map((f) => f.api_name))).toEqual(sorted(Object.keys(record.body.data.attributes)));
      for (const field of fields) {
        const attribute = record.body.data.attributes[field.api_name];
        expect({ name: field.api_name, is_array: Array.isArray(attribute) }).toEqual({
          name: field.api_name,
          is_array: field.type_info.is_array,
        });
        for (const envelope of field.type_info.is_array ? attribute : [attribute])
          expectEnvelope(envelope, field.type_info.value_type, `${type}.${field.api_name}`);
        const published = shape.attributes[field.api_name];
        if (published)
          expect({ name: field.api_name, ...field.type_info }).toEqual({ name: field.api_name, ...published });
      }
    });
  },
);

describe("Reevo's response examples", () => {
  test('Quickstart: creating the published contact answers 201 with the published envelopes', async () => {
    const request = golden('quickstart.create-contact.request.json');
    const response = golden('quickstart.create-contact.response.json');
    const res = await ctx.call(request.method, request.path, { body: request.example });
    expect(res.status).toBe(response.status);
    const published = (response.example as { data: { attributes: Record<string, unknown>; record_type: string } }).data;
    expect(res.body.data.record_type).toBe(published.record_type);
    for (const [name, envelope] of Object.entries(published.attributes))
      expect(res.body.data.attributes[name]).toEqual(envelope);
    expect(Object.keys(res.body.data)).toEqual(expect.arrayContaining(Object.keys(published)));
  });

  test('health', async () => {
    const health = golden('health.response.json');
    const res = await ctx.call(health.method, health.path, { key: null });
    expect({ status: res.status, body: res.body }).toEqual({ status: health.status, body: health.example });
  });

  test("a relationship edge: the item shape of Reevo's contact ↔ account example", async () => {
    type Edge = {
      related_record_id: string;
      related_record_type: string;
      through: { id: string; record_type: string; attributes: Record<string, unknown> };
    };
    const published = (golden('add-a-contact-account-relationship-edge.response.json').example as { item: Edge }).item;
    const res = await ctx.call('GET', `${V2}/contact/${SEEDED.contact.id}/relationship/accounts`);
    const [item] = res.body.items as Edge[];
    expect(sorted(Object.keys(item))).toEqual(sorted(Object.keys(published)));
    expect(sorted(Object.keys(item.through))).toEqual(sorted(Object.keys(published.through)));
    expect(sorted(Object.keys(item.through.attributes))).toEqual(sorted(Object.keys(published.through.attributes)));
    for (const [name, envelope] of Object.entries(published.through.attributes)) {
      const { value_type } = envelope as { value_type: string };
      expectEnvelope(item.through.attributes[name], value_type, `through.${name}`);
    }
  });

  test('_schema: the published keys, at every level, with the published JSON types', async () => {
    type Schema = { attributes: Record<string, unknown>[]; relationships: Record<string, unknown>[] } & Record<
      string,
      unknown
    >;
    const published = golden('introspect-schema.response.json').example as Schema;
    const typesOf = (object: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(object).map(([k, v]) => [k, jsonType(v)]));
    for (const type of ['contact', 'account', 'opportunity', 'task', 'note']) {
      const res = await ctx.call('GET', `${V2}/_schema/${type}`);
      const schema = res.body as Schema;
      const { attributes: _a, relationships: _r, ...top } = schema;
      const { attributes: _pa, relationships: _pr, ...publishedTop } = published;
      expect(typesOf(top)).toEqual({
        ...typesOf(publishedTop),
        is_custom: 'boolean',
        is_junction: 'boolean',
        supports_custom_fields: 'boolean',
      });
      for (const attribute of schema.attributes) {
        expect(sorted(Object.keys(attribute))).toEqual(sorted(Object.keys(published.attributes[0])));
        expect(typesOf(attribute)).toEqual(typesOf(published.attributes[0]));
        expect(sorted(Object.keys(attribute.type_info as object))).toEqual(
          sorted(Object.keys(published.attributes[0].type_info as object)),
        );
      }
      for (const relationship of schema.relationships)
        expect(typesOf(relationship)).toEqual(typesOf(published.relationships[0]));
    }
  });
});

describe("Reevo's request examples are accepted, each by a freshly seeded sandbox", () => {
  let fresh: RunningSandbox;
  let call: Call;
  beforeEach(async () => {
    fresh = await startSandbox();
    call = client(fresh);
  });
  afterEach(() => fresh.stop());

  /** Request examples of routes the sandbox does not emulate (contact phone numbers, activities). */
  const NOT_EMULATED = ['log-a-manual-activity.request.json', 'subresources.add-phone-number.request.json'];
  /** Parts of a body (one filter, one attribute), not bodies: covered inside the whole bodies they belong to. */
  const FRAGMENTS = ['record-references.owner-filter.request.json', 'value-types.currency-write.request.json'];
  const CHECKED_ELSEWHERE = [
    'quickstart.create-contact.response.json',
    'health.response.json',
    'introspect-schema.response.json',
    'add-a-contact-account-relationship-edge.response.json',
  ];

  const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json'));
  const sendable = files.filter((f) => ![...NOT_EMULATED, ...FRAGMENTS, ...CHECKED_ELSEWHERE].includes(f));

  test('every fixture is sent, checked elsewhere, a fragment, or on a route the sandbox does not emulate', () => {
    expect(sendable.length).toBeGreaterThan(10);
    for (const file of [...NOT_EMULATED, ...FRAGMENTS, ...CHECKED_ELSEWHERE]) expect(files).toContain(file);
  });

  /** Real values for the pages' placeholders. */
  async function fill(text: string): Promise<string> {
    const opportunity = await call('GET', `${V2}/opportunity/${SEEDED.opportunity.id}`);
    const page = await call('POST', `${V2}/contact/_query`, { body: { limit: 1 } });
    return text
      .replace(/<account_id>|<account-uuid>/g, SEEDED.account.id)
      .replace(/<user-uuid>/g, SEEDED.user.id)
      .replace(/<next-stage-uuid>/g, opportunity.body.data.attributes.stage.value.id)
      .replace(/<next_cursor>/g, page.body.next_cursor);
  }

  const PATH_IDS: Record<string, string> = {
    contact: SEEDED.contact.id,
    opportunity: SEEDED.opportunity.id,
    task: SEEDED.task.id,
  };

  test.each(sendable)('%s', async (file) => {
    const fixture = golden(file);
    expect(fixture.kind).toBe('request');
    const path = fixture.path
      .replace(/^\/api\/v2\/(\w+)\/\{\w+\}$/, (_m, type: string) => `${V2}/${type}/${PATH_IDS[type]}`)
      .replace('{record_type}', 'contact')
      .replace('{account_id}', SEEDED.account.id)
      .replace('{domain_name}', 'northwind.example');
    const res = await call(fixture.method, path, { rawBody: await fill(JSON.stringify(fixture.example)) });
    expect({ file, status: res.status, body: res.status < 300 ? 'ok' : res.body }).toEqual({
      file,
      status: expect.any(Number),
      body: 'ok',
    });
    expect(res.status === 200 || res.status === 201).toBe(true);
  });
});
