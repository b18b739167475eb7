import type { PlainInputField, ZObject } from 'zapier-platform-core';
import { callEndpoint } from './client';
import { hasId } from './write-confirmation';
import type { Endpoint } from './endpoints';
import type { Field } from './fields';
import { isBlank } from './normalise';
import { buildRequest, describeProblems } from './request-builder';
import { inputField } from './zapier-fields';

/**
 * What the searches share: one request per search, "nothing found" as `[]`, the best match first,
 * and the choice between finding a record by its ID and searching for it by fields.
 */

export type SearchRecord = Record<string, unknown>;

type Input = Readonly<Record<string, unknown>>;

/**
 * The ID input of a search for that same record: optional, and without the catalog's dropdown,
 * whose search connector would point the search at itself.
 */
export function recordIdInput(field: Field, overrides: Pick<PlainInputField, 'label' | 'helpText'>): PlainInputField {
  const { dynamic: _dynamic, search: _search, ...plain } = inputField(field, { required: false, ...overrides });
  return plain;
}

/**
 * The endpoint with its fields labelled as the Zap editor shows them, so a message about a bad
 * input (ours before sending, or a 422 from Reevo) names the field the user can see.
 */
export function labelledAs(endpoint: Endpoint, inputFields: readonly PlainInputField[]): Endpoint {
  const labels = new Map(inputFields.map((field) => [field.key, field.label]));
  return {
    ...endpoint,
    params: endpoint.params.map((param) => {
      const label = labels.get(param.field.key);
      return label ? { ...param, field: { ...param.field, label } } : param;
    }),
  };
}

export const isRecord = (value: unknown): value is SearchRecord =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** A response that is not what the search asked for: an error, never "nothing found". */
export function unreadable(z: ZObject, noun: string, expected: string): Error {
  return new z.errors.Error(
    `Reevo answered the ${noun} search with something other than ${expected}, so nothing can be reported as found. Try again; if it keeps happening, contact Reevo support.`,
    'invalid_response',
    502,
  );
}

/** A search answers with a bare array of records (contract §2.2); anything else is not a success. Only records with an ID count. */
export function recordsOf(z: ZObject, data: unknown, noun: string): SearchRecord[] {
  if (!Array.isArray(data)) throw unreadable(z, noun, 'a list of records');
  return data.filter(hasId);
}

/** How far a search pages on looking for an exact match: 10 pages of 100 accounts is 1,000 records. */
export const MAX_PAGES = 10;

/**
 * The records a search finds, best match first. With `until`, pages on (by `offset`) while whole
 * pages come back and none of them holds a record `until` accepts: Reevo's searches are *contains*
 * searches, so the exact match may sit behind a page of near ones.
 */
export async function searchRecords(
  z: ZObject,
  endpoint: Endpoint,
  input: Input,
  rank: (records: SearchRecord[], input: Input) => SearchRecord[] = (records) => records,
  until?: (record: SearchRecord) => boolean,
): Promise<SearchRecord[]> {
  const limit = Number(endpoint.fixedBody?.limit);
  const records: SearchRecord[] = [];
  for (let page = 0; ; page++) {
    const paged = page === 0 ? endpoint : { ...endpoint, fixedBody: { ...endpoint.fixedBody, offset: page * limit } };
    const { data } = await callEndpoint(z, paged, input);
    const found = recordsOf(z, data, endpoint.noun);
    records.push(...found);
    const wholePage = Array.isArray(data) && data.length >= limit;
    if (!until || !wholePage || found.some(until)) break;
    if (page + 1 === MAX_PAGES) {
      throw new z.errors.Error(
        `More than ${(MAX_PAGES * limit).toLocaleString('en-US')} ${endpoint.noun} records in Reevo contain what you searched for, and none of them matches it exactly. Search by ID instead, or with a more specific value.`,
        'too_many_matches',
        400,
      );
    }
  }
  return rank(records, input);
}

/** One GET by ID; a 404 means nothing was found, which a search reports as `[]`. */
export async function getRecordById(z: ZObject, endpoint: Endpoint, input: Input): Promise<SearchRecord[]> {
  const { status, data } = await callEndpoint(z, endpoint, input, { passStatuses: [404] });
  if (status === 404) return [];
  if (!hasId(data)) throw unreadable(z, endpoint.noun, `the ${endpoint.noun} asked for`);
  return [data];
}

export interface ByIdOrFields {
  /** The GET of one record, whose one path parameter is the ID input. */
  readonly byId: Endpoint;
  /** The search by fields. */
  readonly byFields: Endpoint;
  readonly rank?: (records: SearchRecord[], input: Input) => SearchRecord[];
  /** The exact match worth paging on for; see {@link searchRecords}. */
  readonly until?: (record: SearchRecord, input: Input) => boolean;
}

/**
 * A search that finds a record by its ID, by search fields, or both: a Zap often maps "the ID from
 * an earlier step, the email as a backup". The ID is tried first; when it finds nothing (or is
 * empty), the fields. Nothing is sent when neither is filled in.
 */
export async function findByIdOrFields(z: ZObject, input: Input, search: ByIdOrFields): Promise<SearchRecord[]> {
  const idParam = search.byId.params.find((param) => param.in === 'path');
  if (!idParam) throw new Error(`${search.byId.path} has no ID in its path`);
  const idKey = idParam.field.key;
  const searchFields = search.byFields.params.map((param) => param.field);
  const named = (field: { key: string; label: string }) => `${field.label} (${field.key})`;
  const idGiven = !isBlank(input[idKey]);
  const fieldsGiven = searchFields.some((field) => !isBlank(input[field.key]));

  if (!idGiven && !fieldsGiven) {
    const which =
      searchFields.length === 1 ? named(searchFields[0]) : `at least one of ${searchFields.map(named).join(', ')}`;
    throw new z.errors.Error(
      `Fill in ${named(idParam.field)} to find the ${search.byId.noun} by its ID, or ${which} to search for it.`,
      'invalid_input',
      400,
    );
  }
  // Every filled-in input is checked before the first request, the fallback's too.
  const checks = [
    ...(idGiven ? [buildRequest(search.byId, { [idKey]: input[idKey] })] : []),
    ...(fieldsGiven ? [buildRequest(search.byFields, input)] : []),
  ];
  const problems = checks.flatMap((check) => (check.ok ? [] : check.problems));
  if (problems.length > 0) throw new z.errors.Error(describeProblems(problems), 'invalid_input', 400);
  if (idGiven) {
    const found = await getRecordById(z, search.byId, { [idKey]: input[idKey] });
    if (found.length > 0 || !fieldsGiven) return found;
  }
  const until = search.until;
  return searchRecords(z, search.byFields, input, search.rank, until && ((record) => until(record, input)));
}
