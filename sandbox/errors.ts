/**
 * The two error envelopes of contract §1: Reevo's {error_response_type, error, message, details}
 * and FastAPI's {detail: string | [{type, loc, msg, input}]}.
 */
import type { z } from 'zod';

export interface ValidationDetail {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : `HTTP ${status}`);
  }
}

export function reevoBody(error: string, message: string) {
  return { error_response_type: 'GENERIC', error, message, details: null };
}

export const invalidKey = () => new ApiError(401, reevoBody('UnauthorizedError', 'Invalid API key'));
export const expiredKey = () => new ApiError(401, reevoBody('UnauthorizedError', 'API key has expired'));
/** v2 accepts two headers, so a missing key cannot be a FastAPI header error there [assumed]. */
export const missingKeyV2 = () => new ApiError(401, reevoBody('UnauthorizedError', 'Missing API key'));

export const forbidden = (message: string) => new ApiError(403, reevoBody('ForbiddenError', message));
export const notFound = (message: string) => new ApiError(404, reevoBody('NotFoundError', message));

export const routeNotFound = () => new ApiError(404, { detail: 'Not Found' });
export const methodNotAllowed = () => new ApiError(405, { detail: 'Method Not Allowed' });

export const validationError = (details: ValidationDetail[]) => new ApiError(422, { detail: details });

/** One semantic 422 (a rule the schema cannot express), in FastAPI's list form. */
export function unprocessable(loc: (string | number)[], msg: string, input: unknown = null): ApiError {
  return validationError([{ type: 'value_error', loc, msg, input }]);
}

export const missingApiKeyHeader = (): ValidationDetail => ({
  type: 'missing',
  loc: ['header', 'x-api-key'],
  msg: 'Field required',
  input: null,
});

export function quotaExhausted(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    reevoBody(
      'QuotaExceededError',
      "Your organization's public API quota is exhausted. Contact your Reevo account manager to raise it.",
    ),
    { 'retry-after': String(retryAfterSeconds) },
  );
}

export function rateLimited(retryAfterSeconds: number | null): ApiError {
  return new ApiError(
    429,
    reevoBody('TooManyRequestsError', 'Too many requests. Slow down and try again shortly.'),
    retryAfterSeconds === null ? {} : { 'retry-after': String(retryAfterSeconds) },
  );
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPE_MESSAGES: Record<string, [string, string]> = {
  string: ['string_type', 'Input should be a valid string'],
  number: ['float_type', 'Input should be a valid number'],
  int: ['int_type', 'Input should be a valid integer'],
  boolean: ['bool_type', 'Input should be a valid boolean'],
  array: ['list_type', 'Input should be a valid list'],
  object: ['model_attributes_type', 'Input should be a valid dictionary or object to extract fields from'],
  record: ['dict_type', 'Input should be a valid dictionary'],
};

const FORMAT_MESSAGES: Record<string, [string, string]> = {
  email: ['value_error', 'value is not a valid email address'],
  guid: ['uuid_parsing', 'Input should be a valid UUID'],
  uuid: ['uuid_parsing', 'Input should be a valid UUID'],
  datetime: ['datetime_parsing', 'Input should be a valid datetime in ISO 8601 format'],
  url: ['url_parsing', 'Input should be a valid URL'],
};

const quoteList = (values: readonly unknown[]) => {
  const quoted = values.map((v) => `'${String(v)}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}` : quoted.join('');
};

/** Translates zod issues into FastAPI/pydantic-style details rooted at `root` ("body" or "query"). */
export function toValidationDetails(
  issues: readonly z.core.$ZodIssue[],
  root: string,
  input: unknown,
): ValidationDetail[] {
  const details: ValidationDetail[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    const loc = [root, ...path];
    const value = valueAt(input, path);
    if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
      // pydantic shows the enclosing body object as the input of a missing body field.
      const parent = root === 'body' && path.length > 0 ? valueAt(input, path.slice(0, -1)) : null;
      details.push({ type: 'missing', loc, msg: 'Field required', input: parent });
      continue;
    }
    switch (issue.code) {
      case 'invalid_type': {
        const [type, msg] = TYPE_MESSAGES[issue.expected] ?? [
          'type_error',
          `Input should be of type ${issue.expected}`,
        ];
        details.push({ type, loc, msg, input: value });
        break;
      }
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          details.push({
            type: 'extra_forbidden',
            loc: [...loc, key],
            msg: 'Extra inputs are not permitted',
            input: valueAt(value, [key]),
          });
        }
        break;
      case 'invalid_value': {
        const expected = quoteList(issue.values);
        details.push({ type: 'enum', loc, msg: `Input should be ${expected}`, input: value, ctx: { expected } });
        break;
      }
      case 'invalid_format': {
        const [type, msg] = FORMAT_MESSAGES[issue.format] ?? [
          'value_error',
          `Input should match the ${issue.format} format`,
        ];
        details.push({ type, loc, msg, input: value });
        break;
      }
      case 'invalid_union':
        details.push({
          type: 'union_type',
          loc,
          msg: 'Input should be a valid string or a list of strings',
          input: value,
        });
        break;
      case 'too_small':
        details.push(
          issue.origin === 'array'
            ? {
                type: 'too_short',
                loc,
                msg: `List should have at least ${issue.minimum} item after validation`,
                input: value,
              }
            : {
                type: 'greater_than_equal',
                loc,
                msg: `Input should be greater than or equal to ${issue.minimum}`,
                input: value,
              },
        );
        break;
      case 'too_big':
        details.push({
          type: 'less_than_equal',
          loc,
          msg: `Input should be less than or equal to ${issue.maximum}`,
          input: value,
        });
        break;
      default:
        details.push({ type: 'value_error', loc, msg: issue.message, input: value });
    }
  }
  return details;
}
