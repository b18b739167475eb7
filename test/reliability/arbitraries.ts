/**
 * fast-check arbitraries derived from an operation's Zapier input fields: values a Zap could
 * plausibly hand over for each field's type (with the catalog's example as a seed), and hostile
 * ones — unicode, control characters, huge strings, wrong types, lists where one value goes,
 * objects. Each generated value says whether it is invalid whatever the field, so the tests can
 * demand that no request goes out for it.
 */
import fc from 'fast-check';
import type { PlainInputField } from 'zapier-platform-core';
import { catalogField, type Operation } from '../helpers/operations';

export interface Generated {
  value: unknown;
  /** True when no reading of the value can make it valid for this field (a request must not be sent). */
  invalid: boolean;
}

const valid = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Generated> => arb.map((value) => ({ value, invalid: false }));
const maybe = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Generated> => valid(arb);
const bad = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Generated> => arb.map((value) => ({ value, invalid: true }));

const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]+$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A string made of characters from `chars`. */
const stringOf = (chars: string, min = 1, max = 20) =>
  fc.array(fc.constantFrom(...chars.split('')), { minLength: min, maxLength: max }).map((a) => a.join(''));

const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f';
const FORBIDDEN_CONTROL = CONTROL.replace(/[\t\n\r]/g, '');

/** Values that look right for the field's kind, guessed from its catalog example and Zapier type. */
function plausible(input: PlainInputField): fc.Arbitrary<unknown> {
  const field = catalogField(input);
  const example = field?.example;
  const seeds: fc.Arbitrary<unknown>[] = [];
  if (example !== undefined) {
    seeds.push(fc.constant(example));
    if (Array.isArray(example)) seeds.push(fc.constant(example.join(', ')));
  }
  const choices = input.choices
    ? (Array.isArray(input.choices) ? input.choices : Object.keys(input.choices)).map((c) =>
        typeof c === 'string' ? c : c.value,
      )
    : [];
  if (choices.length > 0) {
    seeds.push(
      fc.constantFrom(...choices),
      fc.constantFrom(...choices).map((c) => c.toLowerCase().replace(/_/g, ' ')),
    );
    return fc.oneof(...seeds);
  }
  const sample = Array.isArray(example) ? example[0] : example;
  let kind: fc.Arbitrary<unknown>;
  if (input.dict || field?.wire === 'object') {
    kind = fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/),
      fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
      { maxKeys: 4 },
    );
  } else if (typeof sample === 'string' && EMAIL.test(sample)) {
    const everyday = fc.stringMatching(
      /^[a-z][a-z0-9]{0,8}([._+-][a-z0-9]{1,6})?@[a-z][a-z0-9-]{0,10}[a-z0-9]\.(com|io|org|co\.uk|de)$/,
    );
    kind = fc.oneof(
      { arbitrary: everyday, weight: 4 },
      { arbitrary: everyday.map((e) => ` ${e.toUpperCase()} `), weight: 1 },
      { arbitrary: everyday.map((e) => `Jane Doe <${e}>`), weight: 1 },
      { arbitrary: fc.emailAddress(), weight: 1 },
    );
  } else if (typeof sample === 'string' && UUID.test(sample)) {
    kind = fc.oneof(
      fc.uuid(),
      fc.uuid().map((u) => u.toUpperCase()),
    );
  } else if (input.type === 'datetime') {
    kind = fc.oneof(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc
        .date({ min: new Date('2000-01-01'), max: new Date('2050-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.integer({ min: 946_684_800, max: 2_524_608_000 }),
    );
  } else if (field?.wire === 'number' || input.type === 'number') {
    kind = fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 1e9 }).map((n) => n.toLocaleString('en-US')),
    );
  } else if (typeof sample === 'string' && /^https?:\/\//.test(sample)) {
    kind = fc.oneof(
      fc.webUrl(),
      fc.domain(),
      fc.domain().map((d) => `www.${d}/about`),
    );
  } else if (typeof sample === 'string' && /^\+\d+$/.test(sample)) {
    kind = fc.oneof(fc.stringMatching(/^\+[1-9]\d{9,12}$/), fc.stringMatching(/^\(\d{3}\) \d{3}-\d{4}$/), fc.string());
  } else if (typeof sample === 'string' && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(sample)) {
    kind = fc.oneof(fc.domain(), fc.webUrl(), fc.emailAddress());
  } else {
    kind = fc.oneof(
      fc.string({ minLength: 1, maxLength: 80 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
      fc.lorem({ maxCount: 12 }),
    );
  }
  const items = input.list ? fc.oneof(kind, fc.array(kind, { minLength: 1, maxLength: 4 })) : kind;
  return seeds.length > 0
    ? fc.oneof({ arbitrary: fc.oneof(...seeds), weight: 2 }, { arbitrary: items, weight: 3 })
    : items;
}

const nonBlankText = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim() !== '');

/** Hostile values; those tagged invalid can never be right for this field. */
function hostile(input: PlainInputField): fc.Arbitrary<Generated> {
  const field = catalogField(input);
  const isDict = Boolean(input.dict) || field?.wire === 'object';
  const isList = Boolean(input.list) || field?.wire === 'string[]';
  const options: fc.Arbitrary<Generated>[] = [
    // Readings of these depend on the field: they may be valid after normalising, or not.
    maybe(fc.string({ unit: 'binary', maxLength: 40 })),
    maybe(fc.string({ unit: 'grapheme-composite', maxLength: 40 })),
    maybe(stringOf(CONTROL, 1, 10)),
    maybe(fc.tuple(nonBlankText, stringOf(FORBIDDEN_CONTROL, 1, 3), nonBlankText).map((p) => p.join(''))),
    maybe(
      fc.constantFrom(
        '{{123__email}}',
        '   ',
        '\u200b',
        'null',
        'undefined',
        '0',
        '-1',
        '1e400',
        'NaN',
        '<script>alert(1)</script>',
        "'; DROP TABLE accounts; --",
      ),
    ),
    maybe(fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, -0)),
    maybe(fc.constantFrom(null, undefined, '', [], {})),
    // A huge string is too long for any Reevo field.
    ...(isDict
      ? []
      : [
          bad(
            fc.integer({ min: 10_001, max: 60_000 }).chain((n) => stringOf('abcdefghij', 1, 1).map((c) => c.repeat(n))),
          ),
        ]),
    // Wrong types (a Yes/No field takes a boolean, of course).
    input.type === 'boolean' ? maybe(fc.boolean()) : bad(fc.boolean()),
    bad(fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)),
  ];
  if (!isDict) {
    options.push(
      bad(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), nonBlankText, { minKeys: 1, maxKeys: 3 })),
    );
    options.push(bad(fc.constant({ __proto__: { polluted: 'yes' }, constructor: 'x' })));
  } else {
    options.push(bad(fc.oneof(nonBlankText, fc.array(nonBlankText, { minLength: 1, maxLength: 3 }))));
    options.push(
      bad(
        fc.dictionary(
          fc.stringMatching(/^[a-z]{1,8}$/),
          fc.dictionary(fc.string({ maxLength: 3 }), nonBlankText, { minKeys: 1 }),
          { minKeys: 1, maxKeys: 2 },
        ),
      ),
    );
  }
  if (!isList && !isDict) {
    options.push(bad(fc.array(nonBlankText, { minLength: 1, maxLength: 4 })));
    options.push(bad(fc.array(fc.array(nonBlankText, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 })));
  }
  if (isList) {
    options.push(
      bad(
        fc.array(fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), nonBlankText, { minKeys: 1 }), {
          minLength: 1,
          maxLength: 2,
        }),
      ),
    );
  }
  return fc.oneof(...options);
}

export interface GeneratedInput {
  inputData: Record<string, unknown>;
  /** Keys whose value can never be valid. */
  invalidKeys: string[];
}

/**
 * Whole inputs for one operation: mostly plausible values, with none, one or several hostile
 * ones, and any subset of the fields left out (required ones included, sometimes).
 */
export function inputsFor(op: Operation): fc.Arbitrary<GeneratedInput> {
  const fields = op.inputFields;
  const plausibleRecord = fc.record(Object.fromEntries(fields.map((field) => [field.key, plausible(field)])), {
    requiredKeys: [],
  });
  const hostileRecord = fc.record(
    Object.fromEntries(
      fields.map((field) => [
        field.key,
        fc.oneof({ arbitrary: valid(plausible(field)), weight: 2 }, { arbitrary: hostile(field), weight: 1 }),
      ]),
    ),
    { requiredKeys: [] },
  );
  const required = fields.filter((field) => field.required).map((field) => field.key);
  const withRequired = (record: Record<string, unknown>) => required.every((key) => key in record);

  const oneHostile =
    fields.length === 0
      ? plausibleRecord.map((record) => ({ inputData: record as Record<string, unknown>, invalidKeys: [] as string[] }))
      : fc.tuple(plausibleRecord, fc.constantFrom(...fields)).chain(([record, field]) =>
          hostile(field).map((generated) => ({
            inputData: { ...(record as Record<string, unknown>), [field.key]: generated.value },
            invalidKeys: generated.invalid ? [field.key] : [],
          })),
        );

  return fc.oneof(
    {
      arbitrary: plausibleRecord
        .filter(withRequired)
        .map((record) => ({ inputData: record as Record<string, unknown>, invalidKeys: [] })),
      weight: 3,
    },
    {
      arbitrary: plausibleRecord.map((record) => ({ inputData: record as Record<string, unknown>, invalidKeys: [] })),
      weight: 1,
    },
    { arbitrary: oneHostile, weight: 3 },
    {
      arbitrary: hostileRecord.map((record) => {
        const entries = Object.entries(record as Record<string, Generated>);
        return {
          inputData: Object.fromEntries(entries.map(([key, g]) => [key, g.value])),
          invalidKeys: entries.filter(([, g]) => g.invalid).map(([key]) => key),
        };
      }),
      weight: 2,
    },
  );
}
