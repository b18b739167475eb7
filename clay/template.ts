/**
 * Clay's column chips and how they turn into request text.
 *
 * A chip is written `{{Column Name}}` (Clay's portable text form of the blue chip you insert
 * with `/`). This module holds the one emulation of what Clay puts in place of a chip inside a
 * Body: the cell's text, JSON-escaped, WITHOUT surrounding quotes [unconfirmed: see the guide's
 * "What is assumed"]. If Clay turns out to behave differently, `escapeCell` is the one place to
 * change. (A Body that is only one chip, the JSON.stringify pattern, is handled in rows.ts.)
 */

const CHIP = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface Chip {
  readonly column: string;
  /** Offsets of `{{…}}` in the template text. */
  readonly start: number;
  readonly end: number;
}

/** Chips by template text: recipes have few templates, and every row fills them. */
const parsed = new Map<string, readonly Chip[]>();

export function chipsIn(template: string): readonly Chip[] {
  let chips = parsed.get(template);
  if (!chips) {
    chips = [...template.matchAll(CHIP)].map((match) => ({
      column: match[1],
      start: match.index,
      end: match.index + match[0].length,
    }));
    parsed.set(template, chips);
  }
  return chips;
}

export function chip(column: string): string {
  return `{{${column}}}`;
}

/**
 * What Clay inserts for a cell in a JSON body: the text JSON-escaped (quotes, backslashes,
 * newlines, tabs and other control characters), no quotes around it. Non-ASCII text (accents,
 * emoji) stays as it is, which JSON allows. An empty cell inserts nothing.
 */
export function escapeCell(cell: string): string {
  return JSON.stringify(cell).slice(1, -1);
}

/** Replaces every chip with `insert(column)`. */
export function fill(template: string, insert: (column: string) => string): string {
  let text = '';
  let last = 0;
  for (const found of chipsIn(template)) {
    text += template.slice(last, found.start) + insert(found.column);
    last = found.end;
  }
  return text + template.slice(last);
}

export class TemplateError extends Error {}
