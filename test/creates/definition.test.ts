import creates from '../../creates';
import { ENDPOINT_OF } from './helpers';

/** What each create offers in the Zap editor, checked against the contract's endpoint table. */

type PlainField = {
  key: string;
  required?: boolean;
  dynamic?: string;
  search?: string;
  type?: string;
  helpText?: string;
};
type CreateKey = keyof typeof creates;

const plainFields = (key: CreateKey) =>
  (creates[key].operation.inputFields as unknown[]).filter(
    (field): field is PlainField => typeof field === 'object' && field !== null,
  );

describe.each(Object.keys(ENDPOINT_OF) as CreateKey[])('%s', (key) => {
  const endpoint = ENDPOINT_OF[key];

  it('has an input for every field of its endpoint, required exactly where the contract says', () => {
    const fields = new Map(plainFields(key).map((field) => [field.key, field]));
    for (const param of endpoint.params) {
      expect([param.field.key, fields.get(param.field.key)?.required]).toEqual([
        param.field.key,
        Boolean(param.required),
      ]);
    }
  });

  it('offers record IDs as dropdowns with a search connector', () => {
    for (const field of plainFields(key).filter((f) =>
      ['account_id', 'opportunity_id', 'pipeline_id'].includes(f.key),
    )) {
      expect([field.key, field.dynamic]).toEqual([
        field.key,
        expect.stringMatching(/^(account|opportunity)_list\.id\./),
      ]);
      expect([field.key, field.search]).toEqual([field.key, expect.stringMatching(/^find_(account|opportunity)\.id$/)]);
    }
  });

  it('has custom field inputs exactly when its endpoint takes custom fields', () => {
    const takesCustomFields = endpoint.params.some((param) => param.field.wire === 'object');
    const dynamic = (creates[key].operation.inputFields as unknown[]).filter((field) => typeof field === 'function');
    expect(dynamic.length).toBe(
      takesCustomFields ? endpoint.params.filter((param) => param.field.wire === 'object').length : 0,
    );
  });
});

describe('update actions', () => {
  it.each(['update_account', 'update_opportunity'] as const)(
    '%s: every optional field says that empty keeps the value',
    (key) => {
      for (const field of plainFields(key).filter((f) => !f.required)) {
        expect([field.key, field.helpText]).toEqual([
          field.key,
          expect.stringMatching(/Leave empty to keep the current value\.$/),
        ]);
      }
    },
  );
});
