import { classifyResponse } from '../../src/errors';
import { V2_ERRORS, v2ErrorOf } from '../../src/v2-errors';

/** Every code docs/reevo-api.md §3.6 and §3.4 list, transcribed here rather than taken from src/. */
const PUBLISHED_CODES = [
  'unknown_field',
  'field_not_creatable',
  'field_not_updatable',
  'field_required_missing',
  'field_value_invalid',
  'record_not_found',
  'ambiguous_match',
  'stage_entrance_criteria_not_met',
  'unknown_relationship',
  'target_record_not_found',
  'invalid_matching_field',
  'invalid_filter_field',
  'invalid_filter_operator',
  'invalid_filter_value',
  'filter_depth_exceeded',
  'sort_too_many_fields',
  'unsortable_field',
  'invalid_cursor',
];

const classify = (status: number, body: unknown, labels: Record<string, string> = {}) =>
  classifyResponse({ status, headers: {}, body: JSON.stringify(body) }, { labels, noun: 'opportunity', id: 'opp-1' });

describe('v2 error codes in words', () => {
  it('knows every published code, and no other', () => {
    expect(Object.keys(V2_ERRORS).sort()).toEqual([...PUBLISHED_CODES].sort());
  });

  it.each(PUBLISHED_CODES)('%s: a message in words, never the bare code, that says what to do', (code) => {
    const failure = classify(422, { error: { code, message: `Reevo text for ${code}`, details: { field: 'amount' } } });
    expect(failure).toBeDefined();
    expect(failure!.message).not.toMatch(new RegExp(`^${code}`));
    expect(failure!.message).toContain(V2_ERRORS[code as keyof typeof V2_ERRORS].fix);
    expect(failure!.message).toContain(`Reevo text for ${code}`);
  });

  it('names the field with its label in the Zap editor and its API name', () => {
    const failure = classify(
      422,
      { error: { code: 'field_value_invalid', message: 'not a number', details: { field: 'amount' } } },
      { amount: 'Amount' },
    );
    expect(failure!.message).toMatch(
      /^The value given for the field Amount \(`amount`\) is not one Reevo can use for it\./,
    );
    expect(failure!.kind).toBe('validation');
  });

  it.each([
    [
      'Reevo’s assumed envelope',
      { error: { code: 'field_required_missing', message: 'stage is required', details: { field: 'stage' } } },
    ],
    ['a flat body', { code: 'field_required_missing', message: 'stage is required', field: 'stage' }],
    ['under detail', { detail: { code: 'field_required_missing', api_name: 'stage' } }],
    ['a list of errors', { errors: [{ code: 'field_required_missing', loc: ['body', 'attributes', 'stage'] }] }],
    [
      'a FastAPI-style list',
      {
        detail: [
          {
            type: 'field_required_missing',
            code: 'field_required_missing',
            loc: ['body', 'attributes', 'stage'],
            msg: 'Field required',
          },
        ],
      },
    ],
  ])('finds the code and the field whatever the body shape: %s', (_shape, body) => {
    expect(v2ErrorOf(body)).toMatchObject({ code: 'field_required_missing', field: 'stage' });
    expect(classify(422, body)!.message).toMatch(
      /^Reevo needs the field `stage` to create this record, and it was empty\./,
    );
  });

  it('a bare code as the error text', () => {
    expect(classify(409, { error: 'ambiguous_match' })!.message).toMatch(/^More than one Reevo record matches/);
    expect(classify(400, { detail: 'invalid_cursor' })!.message).toMatch(/^Reevo refused the position in the list/);
  });

  it('record_not_found names the record the step asked for', () => {
    const failure = classify(404, { error: { code: 'record_not_found', message: 'not found' } });
    expect(failure).toMatchObject({ kind: 'not_found' });
    expect(failure!.message).toMatch(/^No opportunity with ID opp-1 was found in Reevo\./);
  });

  it('the stage criteria refusal (422, the one status Reevo publishes) says what to do', () => {
    const failure = classify(422, {
      error: { code: 'stage_entrance_criteria_not_met', message: 'Title is required to enter Qualified' },
    });
    expect(failure!.message).toMatch(/entrance criteria/);
    expect(failure!.message).toMatch(/Title is required to enter Qualified/);
  });

  it('a body without a v2 code is left to the other envelopes, and a 403 stays a permission error', () => {
    expect(v2ErrorOf({ detail: [{ type: 'missing', loc: ['body', 'name'], msg: 'Field required' }] })).toBeUndefined();
    expect(v2ErrorOf({ code: 'some_future_code' })).toBeUndefined();
    expect(
      classify(403, { error: { code: 'field_not_updatable', message: 'Missing permission: Opportunities (write)' } })!
        .kind,
    ).toBe('permission');
  });
});
