import { wireSchemas } from '../../sandbox';
import { endpoints, type Endpoint, type EndpointName } from '../../src/endpoints';

/**
 * The app's endpoint table (from the field catalog) and the sandbox's wire schemas are two
 * independent transcriptions of the contract. They must name the same fields and agree on which
 * are required; when they differ, one of them misreads the contract.
 */

const SANDBOX_SCHEMA_OF: Partial<Record<EndpointName, keyof typeof wireSchemas>> = {
  upsertAccountContact: 'upsertAccountContact',
  createAccount: 'createAccount',
  updateAccount: 'updateAccount',
  searchAccounts: 'searchAccounts',
  searchContacts: 'searchContacts',
  createOpportunity: 'createOpportunity',
  updateOpportunity: 'updateOpportunity',
  searchOpportunities: 'searchOpportunities',
  shiftOpportunityStage: 'shiftStage',
  createTask: 'createTask',
  createManualActivity: 'createManualActivity',
  searchUsers: 'searchUsers',
  searchMailboxes: 'searchMailboxes',
  enrollInSequence: 'createSequenceEnrollment',
  retrieveAccountAndContact: 'accountAndContactRetrieval',
};

type ObjectSchema = { shape: Record<string, ObjectSchema & { safeParse(v: unknown): { success: boolean } }> };

/** Top-level keys the app sends (body or query), with nested objects such as `metadata` as one key. */
function appKeys(name: EndpointName) {
  const endpoint: Endpoint = endpoints[name];
  const keys = new Set<string>(Object.keys(endpoint.fixedBody ?? {}));
  for (const param of endpoint.params) if (param.in !== 'path') keys.add(param.under ?? param.field.key);
  return keys;
}

it('every endpoint the app calls with a body or query has a sandbox schema, and no more', () => {
  const withInput = (Object.keys(endpoints) as EndpointName[]).filter((name) => appKeys(name).size > 0);
  expect(withInput.sort()).toEqual(Object.keys(SANDBOX_SCHEMA_OF).sort());
});

describe.each(Object.entries(SANDBOX_SCHEMA_OF) as Array<[EndpointName, keyof typeof wireSchemas]>)('%s', (name, schemaName) => {
  const schema = wireSchemas[schemaName] as unknown as ObjectSchema;

  it('sends only fields the contract (as the sandbox reads it) knows', () => {
    const known = Object.keys(schema.shape);
    expect([...appKeys(name)].filter((key) => !known.includes(key))).toEqual([]);
  });

  it('offers every field of the contract', () => {
    const sent = appKeys(name);
    // limit/offset page searches; the app sends its own fixed page and does not offer them.
    expect(Object.keys(schema.shape).filter((key) => !sent.has(key) && key !== 'limit' && key !== 'offset')).toEqual([]);
  });

  it('requires what the contract requires', () => {
    const endpoint: Endpoint = endpoints[name];
    const appRequired = endpoint.params.filter((p) => p.required && p.in !== 'path').map((p) => p.under ?? p.field.key);
    const sandboxRequired = Object.keys(schema.shape).filter((key) => !schema.shape[key].safeParse(undefined).success);
    expect([...new Set(appRequired)].sort()).toEqual(sandboxRequired.sort());
  });
});
