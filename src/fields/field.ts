import type * as Zod from 'zod';
import { lazySchema, type Z } from '../lazy-zod';
import {
  normaliseDateTime,
  normaliseDomain,
  normaliseEmail,
  normalisePhone,
  normaliseUrl,
  normaliseWebsite,
  parseAmount,
  splitList,
} from '../normalise';

/**
 * One Reevo field, described once. Zapier input fields, validation, request bodies, Clay
 * recipes and the Clay dry-run checker are all derived from these descriptions.
 */
export interface Field {
  /** The contract's name for the field: the body key, the Zapier input key, the Clay body key. */
  readonly key: string;
  readonly label: string;
  readonly helpText: string;
  readonly zapier: ZapierShape;
  /** How the value sits in the JSON body; tells a Clay recipe whether a chip needs quotes. */
  readonly wire: WireShape;
  /** Reads what Zapier or a Clay cell hands over, normalises it, and rejects what Reevo would. */
  readonly input: Schema;
  /** Checks a value that is already in wire form, as in a rendered Clay body. */
  readonly check: Schema;
  /** A realistic wire value, for help texts, Clay examples and samples. */
  readonly example: WireValue;
  /** The column a Clay table would hold this in. */
  readonly clayColumn: string;
  /** For IDs: the hidden trigger that lists choices and the search that finds one. */
  readonly dropdown?: { readonly dynamic: string; readonly search?: string };
  /**
   * For an optional body value that `input` cannot normalise: what may still go as typed, and why
   * it was not normalised. Identifiers and required values never use it.
   */
  readonly asTyped?: { readonly input: Schema; readonly why: string };
}

/** A zod schema, of which the app needs only `safeParse`. */
export type Schema = Pick<Zod.ZodType<WireValue>, 'safeParse'>;

/** Fields are described at load time, but their schemas are built (and zod loaded) on first use. */
function lazy(build: (z: Z) => Zod.ZodType<WireValue>): Schema {
  const schema = lazySchema(build);
  return { safeParse: (value) => schema().safeParse(value) };
}

export type WireShape = 'string' | 'number' | 'string[]' | 'object';
export type WireValue = string | number | string[] | Record<string, string | string[]>;

export interface ZapierShape {
  readonly type: 'string' | 'text' | 'number' | 'datetime';
  readonly list?: boolean;
  readonly dict?: boolean;
  readonly choices?: ReadonlyArray<{ value: string; label: string; sample: string }>;
  readonly default?: string;
}

interface FieldText {
  key: string;
  label: string;
  helpText: string;
  clayColumn?: string;
}

/** A value quoted for an error message: short, and with control characters visible. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(short);
}

/** A single text-like value read by `read`, which returns undefined for what it cannot accept. */
function readScalar<T extends WireValue>(read: (text: string) => T | undefined, problem: string): Schema {
  return lazy((z) =>
    z
      .union([z.string(), z.number()], { error: 'should be a single value, not a list or an object' })
      .transform((raw, ctx) => {
        const value = read(String(raw));
        if (value === undefined) {
          ctx.addIssue({ code: 'custom', message: `${quote(raw)} ${problem}` });
          return z.NEVER;
        }
        return value;
      }),
  );
}

/** A list from comma-separated text or line items; every item read by `read`. */
function readList(read: (text: string) => string | undefined, problem: string): Schema {
  return lazy((z) =>
    z
      .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], {
        error: 'should be text or a list of text',
      })
      .transform((raw, ctx) => {
        const items = splitList(raw);
        const bad = items.filter((item) => read(item) === undefined);
        if (bad.length > 0) {
          ctx.addIssue({ code: 'custom', message: `${bad.map(quote).join(', ')} ${problem}` });
          return z.NEVER;
        }
        return [...new Set(items.map((item) => read(item) as string))];
      }),
  );
}

const MAX_TEXT = 10_000;
/** Control characters but tab and line breaks: Reevo and Clay cells have no use for them. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const plainText = (text: string) => {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_TEXT && !CONTROL_CHARACTERS.test(trimmed) ? trimmed : undefined;
};
const TEXT_PROBLEM = 'is not usable text (it must be 1 to 10,000 characters, without control characters)';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const readId = (text: string) => (GUID.test(text.trim()) ? text.trim().toLowerCase() : undefined);
const ID_PROBLEM = 'is not a Reevo ID (a UUID such as 3f6c2a9e-8d1b-4c57-9e0a-6b2f1d4c8a71)';

const wireString = (z: Z) => z.string().min(1, 'must not be empty');
const wireEmail = (z: Z) => z.email({ error: 'is not a valid email address' });
const emailCheck = lazy(wireEmail);
/** Normalised, then held to the same rule as the wire check, so nothing is sent that Reevo's email check rejects. */
const readEmail = (text: string) => {
  const normalised = normaliseEmail(text);
  return normalised !== undefined && emailCheck.safeParse(normalised).success ? normalised : undefined;
};
const wireId = (z: Z) => z.string().regex(GUID, ID_PROBLEM);

export function text(f: FieldText & { example: string; long?: boolean }): Field {
  return {
    ...base(f),
    zapier: { type: f.long ? 'text' : 'string' },
    wire: 'string',
    input: readScalar(plainText, TEXT_PROBLEM),
    check: lazy((z) => wireString(z).max(MAX_TEXT)),
    example: f.example,
  };
}

export function email(f: FieldText & { example: string }): Field {
  return {
    ...base(f),
    zapier: { type: 'string' },
    wire: 'string',
    input: readScalar(readEmail, 'is not a valid email address'),
    check: emailCheck,
    example: f.example,
  };
}

export function emailList(f: FieldText & { example: string[] }): Field {
  return {
    ...base(f),
    zapier: { type: 'string', list: true },
    wire: 'string[]',
    input: readList(readEmail, 'is not a valid email address'),
    check: lazy((z) => z.array(wireEmail(z))),
    example: f.example,
  };
}

export function textList(f: FieldText & { example: string[] }): Field {
  return {
    ...base(f),
    zapier: { type: 'string', list: true },
    wire: 'string[]',
    input: readList(plainText, TEXT_PROBLEM),
    check: lazy((z) => z.array(wireString(z))),
    example: f.example,
  };
}

export function id(f: FieldText & { example: string; dynamic?: string; search?: string }): Field {
  return {
    ...base(f),
    zapier: { type: 'string' },
    wire: 'string',
    input: readScalar(readId, ID_PROBLEM),
    check: lazy(wireId),
    example: f.example,
    ...(f.dynamic ? { dropdown: { dynamic: f.dynamic, search: f.search } } : {}),
  };
}

export function idList(f: FieldText & { example: string[]; dynamic?: string; search?: string }): Field {
  return {
    ...base(f),
    zapier: { type: 'string', list: true },
    wire: 'string[]',
    input: readList(readId, ID_PROBLEM),
    check: lazy((z) => z.array(wireId(z))),
    example: f.example,
    ...(f.dynamic ? { dropdown: { dynamic: f.dynamic, search: f.search } } : {}),
  };
}

export function dateTime(f: FieldText & { example: string }): Field {
  return {
    ...base(f),
    zapier: { type: 'datetime' },
    wire: 'string',
    input: readScalar(
      normaliseDateTime,
      'is not a date and time Reevo can read (use e.g. 2026-11-25T14:30:00Z or 2026-11-25 14:30; the date must exist)',
    ),
    check: lazy((z) =>
      z.iso.datetime({ offset: true, error: 'is not an ISO-8601 date-time such as 2026-11-25T14:30:00Z' }),
    ),
    example: f.example,
  };
}

export function website(f: FieldText & { example: string }): Field {
  return {
    ...base(f),
    zapier: { type: 'string' },
    wire: 'string',
    input: readScalar(normaliseWebsite, 'is not a website address (e.g. https://acme.com)'),
    check: lazy((z) => z.url({ protocol: /^https?$/, error: 'is not a website address (e.g. https://acme.com)' })),
    example: f.example,
  };
}

export function domain(f: FieldText & { example: string }): Field {
  return {
    ...base(f),
    zapier: { type: 'string' },
    wire: 'string',
    input: readScalar(normaliseDomain, 'is not a domain (e.g. acme.com; a URL or an email address also works)'),
    check: lazy((z) =>
      z.string().refine((value) => normaliseDomain(value) === value, 'is not a bare domain such as acme.com'),
    ),
    example: f.example,
  };
}

export function url(f: FieldText & { example: string }): Field {
  return {
    ...base(f),
    zapier: { type: 'string' },
    wire: 'string',
    input: readScalar(normaliseUrl, 'is not a web address (e.g. https://www.linkedin.com/company/acme)'),
    check: lazy((z) => z.url({ protocol: /^https?$/, error: 'is not a web address' })),
    example: f.example,
  };
}

/** Looks like a phone number (7 to 15 digits and phone punctuation), whether or not it can be read. */
const phoneLike = (text: string) => {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, '').length;
  return /^[+\d\s().\-/]+$/.test(trimmed) && digits >= 7 && digits <= 15 ? trimmed : undefined;
};

export function phone(f: FieldText & { example: string }): Field {
  return {
    ...base(f),
    zapier: { type: 'string' },
    wire: 'string',
    asTyped: {
      input: readScalar(phoneLike, 'is not a phone number'),
      why: 'it has no country code and is not a US number, so it could not be put in international form (add the country code, e.g. +44 20 7946 0958)',
    },
    input: readScalar(normalisePhone, 'is not a phone number (add the country code, e.g. +44 20 7946 0958)'),
    check: lazy((z) => z.string().regex(/^\+[1-9]\d{6,14}$/, 'is not an E.164 phone number such as +14155550123')),
    example: f.example,
  };
}

export function amount(f: FieldText & { example: number }): Field {
  return {
    ...base(f),
    zapier: { type: 'string' },
    wire: 'number',
    input: readScalar(parseAmount, 'is not an amount (e.g. 95000 or 95,000.00)'),
    check: lazy((z) => z.number({ error: 'must be a number, not text (remove the quotes around it)' }).finite()),
    example: f.example,
  };
}

/** One value of a fixed set; the input accepts the value or its label in any case. */
export function choice<const V extends string>(
  f: FieldText & { choices: Record<V, string>; default?: NoInfer<V>; example: NoInfer<V> },
): Field {
  const values = Object.keys(f.choices) as V[];
  const byName = new Map<string, V>();
  for (const value of values) {
    byName.set(choiceName(value), value);
    byName.set(choiceName(f.choices[value]), value);
  }
  const problem = `is not one of: ${values.join(', ')}`;
  return {
    ...base(f),
    zapier: {
      type: 'string',
      choices: values.map((value) => ({ value, label: f.choices[value], sample: value })),
      ...(f.default ? { default: f.default } : {}),
    },
    wire: 'string',
    input: readScalar((text) => byName.get(choiceName(text)), problem),
    check: lazy((z) => z.enum(values as [V, ...V[]], { error: problem })),
    example: f.example,
  };
}

/** `In progress`, `in-progress` and `IN_PROGRESS` name the same choice. */
const choiceName = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Custom field values by API name or UUID: `{ "industry_segment": "SaaS", "regions": ["EMEA"] }`. */
export function customFields(f: FieldText & { example: Record<string, string | string[]> }): Field {
  return {
    ...base(f),
    zapier: { type: 'string', dict: true },
    wire: 'object',
    input: lazy((z) =>
      z
        .record(
          z.string(),
          z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
          {
            error: 'should be pairs of custom field API name and value',
          },
        )
        .transform((raw) => {
          const out: Record<string, string | string[]> = {};
          for (const [name, v] of Object.entries(raw)) {
            const key = name.trim();
            if (key === '') continue;
            // A list (line items, or a multi-select field's own input) splits on commas like every list input.
            const cleaned = Array.isArray(v) ? splitList(v) : String(v).trim();
            if (cleaned.length > 0) out[key] = cleaned;
          }
          return out;
        }),
    ),
    check: lazy((z) =>
      z.record(z.string().min(1), z.union([z.string(), z.array(z.string())]), {
        error: 'must be an object of custom field API name to text or a list of text',
      }),
    ),
    example: f.example,
  };
}

function base(f: FieldText): Pick<Field, 'key' | 'label' | 'helpText' | 'clayColumn'> {
  return { key: f.key, label: f.label, helpText: f.helpText, clayColumn: f.clayColumn ?? f.label };
}
