/**
 * `reevo-clay fix`: a cleaned copy of a table, with every change listed. It rewrites a cell only
 * into the form Reevo needs of the same value (a phone in E.164, a website's domain, a plain
 * amount, a date-time in ISO-8601, Reevo's spelling of a fixed value) and empties placeholders
 * such as `N/A`. It never guesses: a phone number without a country code (unless `--country` says
 * which), a date-time without a time zone, or a date that could be read two ways stays as it is,
 * and is listed with the reason.
 */
import { resolve } from 'node:path';
import type { CountryCode } from 'libphonenumber-js';
import type { Field } from '../src/fields';
import { CsvWriter } from './csv';
import type { Recipe } from './recipes';
import { isPlaceholder, prepareRecipe } from './rows';
import { readTable, TableError } from './table';

export interface CellChange {
  readonly row: number;
  readonly column: string;
  readonly from: string;
  /** The new cell, or undefined when the cell was left as it is (see `why`). */
  readonly to?: string;
  readonly why: string;
}

export interface FixOptions {
  readonly map?: ReadonlyMap<string, string>;
  /** ISO country of phone numbers written without a country code, e.g. `US`. */
  readonly country?: string;
  readonly onChange?: (change: CellChange) => void;
}

const ZONE = /(Z|UTC|GMT|[+-]\d{2}:?\d{2})\s*$/i;

/** What the cleaned cell is, or why it stays. */
function fixCell(
  field: Field,
  text: string,
  country?: string,
): { to: string; why: string } | { why: string } | undefined {
  if (text.trim() === '') return undefined;
  if (isPlaceholder(text))
    return { to: '', why: 'a placeholder for "no value": emptied, so it is left out instead of sent' };
  if (field.check.safeParse(wireOf(field, text)).success) return undefined;
  if (field.key.includes('phone')) return fixPhone(text, country);
  if (field.zapier.type === 'datetime' && !ZONE.test(text.trim())) {
    return {
      why: 'has no time zone, and the time it means depends on one: add it (e.g. 2026-11-27T16:00:00Z for UTC)',
    };
  }
  const read = field.input.safeParse(text);
  if (!read.success) return { why: read.error.issues.map((issue) => issue.message).join('; ') };
  const value = Array.isArray(read.data) ? (read.data.length === 1 ? read.data[0] : undefined) : read.data;
  if (value === undefined || typeof value === 'object')
    return { why: 'holds several values: give each its own column' };
  return {
    to: String(value),
    why: WHY[
      field.wire === 'number'
        ? 'number'
        : field.zapier.type === 'datetime'
          ? 'datetime'
          : field.zapier.choices
            ? 'choice'
            : 'text'
    ],
  };
}

const WHY = {
  number: 'a plain number, without currency sign or thousands separators',
  datetime: 'the same moment in ISO-8601 (UTC)',
  choice: "Reevo's spelling of the value",
  text: 'the form Reevo needs',
} as const;

/** A cell as the body formula would send it: a plain number for a number field, text otherwise. */
function wireOf(field: Field, text: string): unknown {
  if (field.wire === 'number') return /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;
  if (field.wire === 'string[]') return [text];
  return text;
}

function fixPhone(text: string, country: string | undefined): { to: string; why: string } | { why: string } {
  const international = /^\s*(\+|00)/.test(text);
  if (!international && !country)
    return {
      why: 'has no country code: write it with one (e.g. +1 415 555 0134), or pass --country US for numbers of one country',
    };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parsePhoneNumberFromString } = require('libphonenumber-js/min') as typeof import('libphonenumber-js/min');
  const phone = parsePhoneNumberFromString(
    text.trim().replace(/^00/, '+'),
    international ? undefined : (country!.toUpperCase() as CountryCode),
  );
  if (!phone?.isPossible()) return { why: 'is not a phone number the phone library can read' };
  return {
    to: phone.number,
    why: international
      ? 'E.164: the same number without spaces or punctuation'
      : `E.164, as a number of ${country!.toUpperCase()} (--country)`,
  };
}

export async function fixTable(
  recipe: Recipe,
  csvPath: string,
  outPath: string,
  options: FixOptions = {},
): Promise<{ rows: number; changed: number; left: number }> {
  if (options.country !== undefined && !/^[A-Za-z]{2}$/.test(options.country))
    throw new TableError('--country is a two-letter country code, e.g. US or GB.');
  if (resolve(outPath) === resolve(csvPath))
    throw new TableError('fix writes a cleaned copy: --out must not be the table itself.');
  const prepared = prepareRecipe(recipe, options.map);
  const fields = recipe.columns.flatMap((column) => {
    const param = prepared.endpoint.params.find((p) => p.field.key === column.field);
    return param ? [{ column: options.map?.get(column.name) ?? column.name, field: param.field }] : [];
  });
  let header: string[] = [];
  let file: CsvWriter | undefined;
  const counts = { rows: 0, changed: 0, left: 0 };
  try {
    for await (const { row, cells } of readTable(csvPath, prepared, {
      onHeader: (columns) => {
        header = columns;
        file = new CsvWriter(outPath, { header: columns });
      },
    })) {
      counts.rows += 1;
      const fixed: Record<string, string | undefined> = { ...cells };
      for (const { column, field } of fields) {
        const from = cells[column] ?? '';
        const result = fixCell(field, from, options.country);
        if (!result) continue;
        if ('to' in result) {
          fixed[column] = result.to;
          counts.changed += 1;
        } else counts.left += 1;
        options.onChange?.({ row, column, from, ...result });
      }
      await file!.write(header.map((column) => fixed[column]));
    }
  } finally {
    await file?.close();
  }
  return counts;
}

export function describeChange(change: CellChange): string {
  const where = `row ${change.row}, column ${JSON.stringify(change.column)}`;
  return change.to === undefined
    ? `${where}: ${JSON.stringify(change.from)} left as it is: ${change.why}`
    : `${where}: ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)} (${change.why})`;
}
