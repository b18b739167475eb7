import { OUTPUT_CATALOG, UNUSED_V2_ATTRIBUTES, v2Attributes, type V2RecordType } from '../../src/record-catalog';
import { fromV2Record, toOutputRecord } from '../../src/output-records';
import { sampleOf, v1SampleOf } from '../../src/samples';
import { readAttribute } from '../../src/v2-values';
import {
  envelope,
  envelopesIn,
  examplePayload,
  publishedRecord,
  publishedValueTypes,
  readFixture,
  recordShape,
} from './fixtures';

const TYPES: V2RecordType[] = ['account', 'contact', 'opportunity', 'task', 'note'];

describe('reading records shaped as Reevo publishes them (test/fixtures/reevo-docs)', () => {
  it('the fixture builder covers every value type of the published table', () => {
    for (const valueType of publishedValueTypes()) expect(() => examplePayload(valueType, 'x')).not.toThrow();
  });

  it.each(TYPES)('a published %s: every output key present, no value envelope anywhere', (type) => {
    const out = fromV2Record(type, publishedRecord(type));
    expect(envelopesIn(out)).toEqual([]);
    expect(Object.keys(out).sort()).toEqual(Object.keys(sampleOf(type)).sort());
  });

  it.each(TYPES)(
    'every attribute Reevo publishes for a %s is read into a labelled key or deliberately left out',
    (type) => {
      const known = new Set([...OUTPUT_CATALOG[type].flatMap(v2Attributes), ...UNUSED_V2_ATTRIBUTES]);
      expect(Object.keys(recordShape(type).attributes).filter((name) => !known.has(name))).toEqual([]);
      // So none of them is mistaken for a custom field.
      expect(fromV2Record(type, publishedRecord(type)).custom_fields).toEqual({});
    },
  );

  it('the Quickstart’s create-contact answer', () => {
    const { example } = readFixture<{ example: { data: unknown } }>('quickstart.create-contact.response.json');
    const contact = fromV2Record('contact', example.data);
    expect(contact).toMatchObject({
      id: '9b4f2fb1-2a7f-4d75-8d5f-3f3f0d7f2a7a',
      first_name: 'Sarah',
      email: 'sarah.chen@acme.com',
      emails: [],
      last_name: null,
      custom_fields: {},
    });
  });

  it('a contact: primary email and phone, all emails (primary marked, not first), stage name and id, address as flat keys, owner as an id', () => {
    const contact = fromV2Record('contact', publishedRecord('contact'));
    expect(contact).toMatchObject({
      id: 'contact-0000-4000-8000-000000000001',
      email: 'sarah.chen@acme.com',
      emails: ['sarah@personal.example', 'sarah.chen@acme.com'],
      phone_number: '+14155551234',
      display_name: 'display_name value',
      stage: 'Working',
      stage_id: 'stage-working-id',
      sms_consent: true,
      address_street_one: '1 Market St',
      address_city: 'San Francisco',
      address_zip_code: '94105',
      created_by_user_id: 'created_by_user_id-ref',
      created_at: '2023-11-07T05:31:56Z',
      updated_at: '2023-11-08T09:00:00Z',
      // v2 gives no email for owners and no account on the contact: the keys stay, empty.
      owner_email: null,
      account_id: null,
    });
  });

  it('an account: display_name as its name, the primary domain and every domain, revenue as a number, websites as a list', () => {
    const account = fromV2Record('account', publishedRecord('account'));
    expect(account).toMatchObject({
      name: 'display_name value',
      domain_name: 'acme.com',
      domains: ['acme-corp.io', 'acme.com'],
      owner_user_id: 'owner_user_id-ref',
      estimated_annual_revenue: 150000,
      websites: ['websites second value', 'websites value'],
      address_state: 'CA',
    });
  });

  it('an account named by `name` (one Reevo page writes it so) and a currency amount sent as text', () => {
    const record = publishedRecord('account', { currencyAsString: true });
    const attributes = record.attributes as Record<string, unknown>;
    delete attributes.display_name;
    attributes.name = envelope('string', 'Acme Corporation');
    expect(fromV2Record('account', record)).toMatchObject({
      name: 'Acme Corporation',
      estimated_annual_revenue: 150000,
    });
  });

  it('an opportunity: stage display value and id, account and owner as ids, amount as a number whichever way it comes', () => {
    const record = publishedRecord('opportunity');
    (record.attributes as Record<string, unknown>).amount = envelope('currency', { amount: '48000.50' });
    expect(fromV2Record('opportunity', record)).toMatchObject({
      stage_name: 'Proposal',
      stage_id: 'stage-proposal-id',
      account_id: 'account_id-ref',
      owner_user_id: 'owner_user_id-ref',
      status: 'status value',
      amount: 48000.5,
      next_step_due_at: '2023-11-07T05:31:56Z',
      pipeline_name: null,
      closed_reason_names: [],
    });
  });

  it('a task and a note', () => {
    expect(fromV2Record('task', publishedRecord('task'))).toMatchObject({
      title: 'title value',
      owner_user_id: 'owner_user_id-ref',
      note: 'note value',
      contact_emails: [],
    });
    expect(fromV2Record('note', publishedRecord('note'))).toMatchObject({
      note_html: 'note_html value',
      is_private: true,
      title: 'title value',
    });
  });

  it('unknown attributes are custom fields, read like any value; unset ones are left out', () => {
    const record = publishedRecord('account');
    Object.assign(record.attributes as Record<string, unknown>, {
      tier: envelope('select', { api_name: 'gold', display_value: 'Gold' }),
      renewal_value: envelope('currency', { amount: '1200' }),
      regions: [envelope('string', 'EMEA'), envelope('string', 'APAC')],
      partner_manager: envelope('record_reference', { related_record_id: 'user-42', related_record_type: 'user' }),
      unset_field: envelope('string', null),
      legacy_id: null,
    });
    const account = fromV2Record('account', record);
    expect(account.custom_fields).toEqual({
      tier: 'Gold',
      renewal_value: 1200,
      regions: ['EMEA', 'APAC'],
      partner_manager: 'user-42',
    });
    expect(envelopesIn(account)).toEqual([]);
  });

  it('a contact without primary_email or primary_phone_number: the primary of its lists', () => {
    const out = fromV2Record('contact', {
      id: 'c2',
      attributes: {
        contact_emails: [
          envelope('contact_email', { email: 'old@acme.com', is_primary: false }),
          envelope('contact_email', { email: 'jo@acme.com', is_primary: true }),
        ],
        contact_phone_numbers: [
          envelope('contact_phone_number', { phone_number: '+14155550100', is_primary: true, labels: ['WORK'] }),
        ],
      },
    });
    expect(out).toMatchObject({
      email: 'jo@acme.com',
      emails: ['old@acme.com', 'jo@acme.com'],
      phone_number: '+14155550100',
      phone_numbers: ['+14155550100'],
    });
  });

  it('unset values: null attributes, null envelope values and empty arrays give null or an empty list, never a crash', () => {
    const out = fromV2Record('contact', {
      id: 'c1',
      attributes: {
        primary_email: null,
        stage: envelope('contact_stage', null),
        contact_emails: [],
        address: envelope('address', null),
      },
    });
    expect(out).toMatchObject({ id: 'c1', email: null, stage: null, emails: [], address_city: null });
  });
});

describe('one output shape for every source', () => {
  it.each(['account', 'contact', 'opportunity', 'task'] as const)(
    'a flat v1 %s has the same keys as a v2 one, with its own values',
    (type) => {
      const v1 = v1SampleOf(type);
      const out = toOutputRecord(type, v1);
      expect(Object.keys(out).sort()).toEqual(Object.keys(fromV2Record(type, publishedRecord(type))).sort());
      for (const [key, value] of Object.entries(v1)) expect([key, out[key]]).toEqual([key, value]);
    },
  );

  it('a flat v1 contact lists its one email and phone number as lists', () => {
    const out = toOutputRecord('contact', { id: 'c1', email: 'jo@acme.com', phone_number: '+14155550000' });
    expect(out).toMatchObject({ email: 'jo@acme.com', emails: ['jo@acme.com'], phone_numbers: ['+14155550000'] });
  });

  it('a flat record named the v2 way, even with envelopes, reads the same as the v2 record', () => {
    const flat = {
      id: 'a1',
      display_name: envelope('string', 'Acme'),
      domains: [envelope('account_domain', { domain_name: 'acme.com', is_primary: true })],
    };
    expect(toOutputRecord('account', flat)).toMatchObject({
      name: 'Acme',
      domain_name: 'acme.com',
      domains: ['acme.com'],
    });
  });

  it('a flat record passes on keys the catalog does not know, and its custom fields', () => {
    const out = toOutputRecord('account', {
      id: 'a1',
      name: 'Acme',
      lifecycle_note: 'new key',
      custom_fields: { tier: 'Gold' },
    });
    expect(out).toMatchObject({ lifecycle_note: 'new key', custom_fields: { tier: 'Gold' } });
  });

  it('a v1 activity keeps its metadata nested, as Zapier maps metadata__subject', () => {
    const out = toOutputRecord('activity', v1SampleOf('activity'));
    expect(out.metadata).toEqual(v1SampleOf('activity').metadata);
  });

  it('v2 records are told apart by their attributes object', () => {
    expect(toOutputRecord('contact', publishedRecord('contact'))).toEqual(
      fromV2Record('contact', publishedRecord('contact')),
    );
  });
});

describe('readAttribute: each value type as a Zap builder uses it', () => {
  it.each([
    ['string', 'text', 'value', 'text'],
    ['number', 42, 'value', 42],
    ['percent', '12.5', 'value', 12.5],
    ['currency', { amount: 150000 }, 'value', 150000],
    ['currency', { amount: '150000.25' }, 'value', 150000.25],
    ['currency', { amount: '<string>' }, 'value', null],
    ['boolean', false, 'value', false],
    ['timestamp', '2023-11-07T05:31:56Z', 'value', '2023-11-07T05:31:56Z'],
    [
      'contact_stage',
      { id: 's1', api_name: 'working', display_value: 'Working', color: '#6966FF' },
      'value',
      'Working',
    ],
    ['contact_stage', { id: 's1', api_name: 'working', display_value: 'Working', color: '#6966FF' }, 'id', 's1'],
    ['record_reference', { related_record_id: 'u1', related_record_type: 'user' }, 'value', 'u1'],
    ['select', 'gold', 'value', 'gold'],
    ['select', { api_name: 'gold', display_value: 'Gold' }, 'value', 'Gold'],
    ['contact_email', { id: 'e1', email: 'a@b.co', is_primary: true, labels: [] }, 'value', 'a@b.co'],
    ['account_domain', { domain_name: 'acme.com', is_primary: true }, 'value', 'acme.com'],
    ['enum', 'OPEN', 'value', 'OPEN'],
  ] as const)('%s %j (%s) → %j', (valueType, value, reading, expected) => {
    expect(readAttribute(envelope(valueType, value), reading)).toEqual(expected);
  });

  it('an array of envelopes: each item, or the primary one', () => {
    const emails = [
      envelope('contact_email', { email: 'b@acme.com', is_primary: false }),
      envelope('contact_email', { email: 'a@acme.com', is_primary: true }),
    ];
    expect(readAttribute(emails)).toEqual(['b@acme.com', 'a@acme.com']);
    expect(readAttribute(emails, 'primary')).toBe('a@acme.com');
    expect(readAttribute([envelope('string', 'first'), envelope('string', 'second')], 'primary')).toBe('first');
    expect(readAttribute([], 'primary')).toBeNull();
  });

  it('an unknown value type is read by its shape, so no envelope leaks', () => {
    expect(readAttribute(envelope('money_v3', { nested: envelope('string', 'x'), plain: 1 }))).toEqual({
      nested: 'x',
      plain: 1,
    });
  });
});
