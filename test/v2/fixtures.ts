import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Records shaped exactly as Reevo's reference pages show them, built from the golden fixtures
 * (test/fixtures/reevo-docs/record-shapes): every published attribute of a record type, in page
 * order, as a value envelope (an array attribute as an array of envelopes) whose value has the
 * shape test/fixtures/reevo-docs/record-shapes/value-types.json gives its value type.
 */

const DOCS = join(__dirname, '../fixtures/reevo-docs');

export const readFixture = <T = { example: unknown }>(name: string): T =>
  JSON.parse(readFileSync(join(DOCS, name), 'utf8')) as T;

interface RecordShape {
  readonly record_type: string;
  readonly attributes: Readonly<Record<string, { readonly value_type: string; readonly is_array: boolean }>>;
}

export const recordShape = (type: string) => readFixture<RecordShape>(`record-shapes/${type}.json`);

export const publishedValueTypes = () =>
  Object.keys(readFixture<Record<string, unknown>>('record-shapes/value-types.json'));

export type Envelope = { value_type: string; value: unknown };
export const envelope = (value_type: string, value: unknown): Envelope => ({ value_type, value });

/** Values by value type, in the shapes the value-type table gives; recognisable, so a test can follow them. */
export function examplePayload(valueType: string, name: string, variant: { currencyAsString?: boolean } = {}): unknown {
  switch (valueType) {
    case 'string':
    case 'long_text':
    case 'rich_text':
    case 'enum':
    case 'url':
      return `${name} value`;
    case 'uuid':
      return `${name}-0000-4000-8000-000000000000`;
    case 'email':
      return 'sarah.chen@acme.com';
    case 'phone_number':
      return '+14155551234';
    case 'boolean':
      return true;
    case 'timestamp':
      return '2023-11-07T05:31:56Z';
    case 'currency':
      return { amount: variant.currencyAsString ? '150000' : 150000 };
    case 'contact_stage':
      return { id: 'stage-working-id', api_name: 'working', display_value: 'Working', color: '#6966FF' };
    case 'opportunity_stage':
      return {
        id: 'stage-proposal-id',
        display_value: 'Proposal',
        api_name: 'proposal',
        color: '#22AA88',
        closing_probability: '40',
        expected_days: 14,
      };
    case 'record_reference':
      return { related_record_id: `${name}-ref`, related_record_type: 'user' };
    case 'contact_email':
      return { id: 'email-1', email: 'sarah.chen@acme.com', is_primary: true, labels: ['WORK'] };
    case 'account_domain':
      return { domain_name: 'acme.com', is_primary: true };
    case 'address':
      return {
        street_one: '1 Market St',
        street_two: 'Floor 5',
        city: 'San Francisco',
        state: 'CA',
        country: 'US',
        zip_code: '94105',
      };
    default:
      throw new Error(`no example for value type ${valueType}: add one here`);
  }
}

/** A secondary item for array attributes, listed first so "primary" must be read, not assumed. */
function secondaryItem(valueType: string, name: string): unknown {
  if (valueType === 'contact_email')
    return { id: 'email-2', email: 'sarah@personal.example', is_primary: false, labels: [] };
  if (valueType === 'account_domain') return { domain_name: 'acme-corp.io', is_primary: false };
  if (valueType === 'record_reference') return { related_record_id: `${name}-ref-2`, related_record_type: 'user' };
  return `${name} second value`;
}

/** One published record of the type, as `GET /api/v2/{type}/{id}` would hold it under `data`. */
export function publishedRecord(type: string, variant: { currencyAsString?: boolean } = {}): Record<string, unknown> {
  const attributes: Record<string, Envelope | Envelope[]> = {};
  for (const [name, { value_type, is_array }] of Object.entries(recordShape(type).attributes)) {
    attributes[name] = is_array
      ? [
          envelope(value_type, secondaryItem(value_type, name)),
          envelope(value_type, examplePayload(value_type, name, variant)),
        ]
      : envelope(value_type, examplePayload(value_type, name, variant));
  }
  return {
    id: `${type}-0000-4000-8000-000000000001`,
    record_type: type,
    created_at: '2023-11-07T05:31:56Z',
    updated_at: '2023-11-08T09:00:00Z',
    attributes,
  };
}

/** Every path in a value where an object still looks like a value envelope. */
export function envelopesIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => envelopesIn(item, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const here = 'value_type' in value ? [path || '(root)'] : [];
  return [
    ...here,
    ...Object.entries(value).flatMap(([key, child]) => envelopesIn(child, path ? `${path}.${key}` : key)),
  ];
}
