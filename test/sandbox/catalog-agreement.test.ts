import { ENDPOINTS } from '../../sandbox/server';
import { ASSERT_MATCH_KEYS } from '../../sandbox/v2/assert';
import { KINDS, type V2RecordType } from '../../sandbox/v2/kinds';
import { endpoints, type Endpoint, type EndpointName, V1, V2 } from '../../src/endpoints';

/**
 * The app's endpoint table (from the field catalog) and the sandbox's wire schemas are two
 * independent transcriptions of the contract. They must name the same fields and agree on which
 * are required; when they differ, one of them misreads the contract.
 */

type ObjectSchema = { shape: Record<string, ObjectSchema & { safeParse(v: unknown): { success: boolean } }> };
type Schema = ObjectSchema & { safeParse(v: unknown): { success: boolean } };

/** A path with its parameters unnamed: the app writes `{account_id}`, fastify `:account_id`. */
const pathShape = (path: string) => path.replace(/\{\w+\}|:\w+/g, ':_');

/** The sandbox's schema for what an app endpoint sends: the body schema of the route that answers it, or its query schema. */
function sandboxSchema(endpoint: Endpoint): Schema | undefined {
  const route = ENDPOINTS.find((r) => r.method === endpoint.method && pathShape(r.url) === pathShape(endpoint.path));
  return (route?.body ?? route?.query) as Schema | undefined;
}

/** Top-level keys the app sends (body or query), with nested objects such as `metadata` as one key. */
function appKeys(name: EndpointName) {
  const endpoint: Endpoint = endpoints[name];
  const keys = new Set<string>(Object.keys(endpoint.fixedBody ?? {}));
  for (const param of endpoint.params) if (param.in !== 'path') keys.add(param.under ?? param.field.key);
  return keys;
}

/** The v1 endpoints the app calls with a body or a query; each is held against its sandbox route's schema. */
const v1WithInput = (Object.keys(endpoints) as EndpointName[]).filter(
  (name) => endpoints[name].path.startsWith(V1) && appKeys(name).size > 0,
);

it('every v1 endpoint the app calls with a body or query has a sandbox route with a schema', () => {
  expect(v1WithInput.length).toBeGreaterThan(0);
  expect(v1WithInput.filter((name) => !sandboxSchema(endpoints[name]))).toEqual([]);
});

describe.each(v1WithInput.filter((name) => sandboxSchema(endpoints[name])))('%s', (name) => {
  const schema = sandboxSchema(endpoints[name]) as Schema;

  it('sends only fields the contract (as the sandbox reads it) knows', () => {
    const known = Object.keys(schema.shape);
    expect([...appKeys(name)].filter((key) => !known.includes(key))).toEqual([]);
  });

  it('offers every field of the contract', () => {
    const sent = appKeys(name);
    // limit/offset page searches; the app sends its own fixed page and does not offer them.
    expect(Object.keys(schema.shape).filter((key) => !sent.has(key) && key !== 'limit' && key !== 'offset')).toEqual(
      [],
    );
  });

  it('requires what the contract requires', () => {
    const endpoint: Endpoint = endpoints[name];
    const appRequired = endpoint.params.filter((p) => p.required && p.in !== 'path').map((p) => p.under ?? p.field.key);
    const sandboxRequired = Object.keys(schema.shape).filter((key) => !schema.shape[key].safeParse(undefined).success);
    expect([...new Set(appRequired)].sort()).toEqual(sandboxRequired.sort());
  });
});

/**
 * v2 writes take any attribute of the record type, so here the app's v2 endpoints are held against
 * the sandbox's transcription of Reevo's record shapes (sandbox/v2/kinds.ts): every attribute the
 * app writes exists and may be written that way, and the app requires what Reevo requires.
 */
const v2Endpoints = (Object.entries(endpoints) as [EndpointName, Endpoint][]).filter(([, endpoint]) =>
  endpoint.path.startsWith(V2),
);

it('the app has v2 write endpoints to hold against the sandbox', () => {
  expect(v2Endpoints.length).toBeGreaterThan(0);
});

describe.each(v2Endpoints)('%s (v2)', (_name, endpoint) => {
  const type = /^\/api\/v2\/(\w+)/.exec(endpoint.path)![1] as V2RecordType;
  const attributes = new Map(KINDS[type].attributes.map((a) => [a.api_name, a]));
  const asserting = endpoint.path.endsWith('/_assert');
  const creating = endpoint.method === 'POST' && !asserting;
  const written = endpoint.params.filter((p) => p.under === 'attributes' && p.form !== 'clear');
  const fixed = Object.entries((endpoint.fixedBody?.attributes ?? {}) as Record<string, string>);

  it('writes only attributes the record type has, and only where they may be written', () => {
    for (const name of [...written.map((p) => p.as ?? p.field.key), ...fixed.map(([name]) => name)]) {
      const attribute = attributes.get(name);
      expect({ name, known: attribute !== undefined }).toEqual({ name, known: true });
      const allowed = {
        creatable: attribute!.is_creatable || !(creating || asserting),
        updatable: attribute!.is_updatable || creating,
      };
      expect({ name, ...allowed }).toEqual({ name, creatable: true, updatable: true });
    }
    for (const [name, value] of fixed) {
      const options = attributes.get(name)?.options;
      if (options) expect(options).toContain(value);
    }
  });

  it('clears only attributes that can be cleared', () => {
    const clearing = endpoint.params.filter((p) => p.form === 'clear');
    if (clearing.length > 0) expect(clearing.flatMap((p) => p.field.zapier.choices ?? []).length).toBeGreaterThan(0);
    for (const param of clearing) {
      for (const { value } of param.field.zapier.choices ?? []) {
        const attribute = attributes.get(value);
        expect({
          value,
          clearable: attribute !== undefined && attribute.is_updatable && !attribute.is_required_on_create,
        }).toEqual({ value, clearable: true });
      }
    }
  });

  it('matches on a key the sandbox accepts, and requires what a create requires', () => {
    for (const param of endpoint.params.filter((p) => p.under === 'match'))
      expect(ASSERT_MATCH_KEYS[type]).toContain(param.as ?? param.field.key);
    if (!creating && !asserting) return;
    const required = written.filter((p) => p.required).map((p) => p.as ?? p.field.key);
    // An _assert that creates takes the match value as the record's domain or email.
    const implied = asserting ? ['domains', 'primary_email'] : [];
    const sandboxRequired = [...attributes.values()]
      .filter((a) => a.is_required_on_create && !implied.includes(a.api_name))
      .map((a) => a.api_name);
    expect(required.sort()).toEqual(sandboxRequired.sort());
  });
});
