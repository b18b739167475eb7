/** Reevo's published examples (test/fixtures/reevo-docs): the judge of what v2 looks like. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const GOLDEN_DIR = join(__dirname, '..', 'fixtures', 'reevo-docs');

export interface GoldenExample {
  source: { page: string; url: string };
  kind: 'request' | 'response';
  method: string;
  path: string;
  status?: number;
  excerpt?: string;
  example: unknown;
}

export function golden(file: string): GoldenExample {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, file), 'utf8')) as GoldenExample;
}

export interface RecordShape {
  record_type: string;
  truncated_after: string;
  attributes: Record<string, { value_type: string; is_array: boolean }>;
}

export function recordShape(type: string): RecordShape {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, 'record-shapes', `${type}.json`), 'utf8')) as RecordShape;
}

export type ValueTypes = Record<string, { value: string | Record<string, string | string[]> }>;

export function valueTypes(): ValueTypes {
  return JSON.parse(readFileSync(join(GOLDEN_DIR, 'record-shapes', 'value-types.json'), 'utf8')) as ValueTypes;
}
