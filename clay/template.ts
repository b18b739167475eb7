/**
 * Clay's column chips and how they turn into request text.
 *
 * A chip is written `{{Column Name}}` (Clay's portable text form of the blue chip you insert
 * with `/`). This module holds the one emulation of what Clay puts in place of a chip
 * (shared/clay-notes.md): the cell's text, JSON-escaped, WITHOUT surrounding quotes. If Clay
 * turns out to behave differently, `escapeCell` is the one place to change.
 */

const CHIP = /\{\{\s*([^{}]*?)\s*\}\}/g;

export interface Chip {
  readonly column: string;
  /** Offsets of `{{…}}` in the template text. */
  readonly start: number;
  readonly end: number;
}

export function chipsIn(template: string): Chip[] {
  return [...template.matchAll(CHIP)].map((match) => ({
    column: match[1],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** The columns a template refers to, in order of first use. */
export function columnsIn(template: string): string[] {
  return [...new Set(chipsIn(template).map((chip) => chip.column))];
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

/** Where one chip landed in rendered text. */
export interface RenderedChip extends Chip {
  /** Offsets of the inserted text in the rendered output. */
  readonly renderedStart: number;
  readonly renderedEnd: number;
}

/** Replaces every chip with `insert(column)`; keeps where each chip landed for error messages. */
export function fill(template: string, insert: (column: string) => string): { text: string; chips: RenderedChip[] } {
  let text = '';
  let last = 0;
  const chips: RenderedChip[] = [];
  for (const found of chipsIn(template)) {
    text += template.slice(last, found.start);
    const value = insert(found.column);
    chips.push({ ...found, renderedStart: text.length, renderedEnd: text.length + value.length });
    text += value;
    last = found.end;
  }
  return { text: text + template.slice(last), chips };
}

/** One chip of a JSON body template and where its value sits in the body. */
export interface BodySlot {
  readonly column: string;
  /** Key path in the parsed body, e.g. `['metadata', 'subject']`, `['contact_emails', 0]`. */
  readonly path: readonly (string | number)[];
  /** True when the chip stands outside quotes (a number): its cell text becomes JSON as it is. */
  readonly bare: boolean;
  /** False when the chip is only part of a string, as in `"{{First Name}} {{Last Name}}"`. */
  readonly whole: boolean;
}

export class TemplateError extends Error {}

const MARK = (n: number) => `@@chip${n}@@`;
const MARK_PATTERN = /@@chip(\d+)@@/g;
const HAS_MARK = /@@chip\d+@@/;

/**
 * Reads a body template as JSON with its chips as placeholders and tells where each chip's value
 * lands. Throws TemplateError if the template is not valid JSON around its chips.
 */
export function analyseBody(template: string): { slots: BodySlot[]; skeleton: unknown } {
  const chips = chipsIn(template);
  const bareAt = new Set<number>();
  let text = '';
  let last = 0;
  chips.forEach((found, n) => {
    text += template.slice(last, found.start);
    if (insideString(template, found.start)) text += MARK(n);
    else {
      text += JSON.stringify(MARK(n));
      bareAt.add(n);
    }
    last = found.end;
  });
  text += template.slice(last);

  let skeleton: unknown;
  try {
    skeleton = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(`The body template is not valid JSON around its column chips: ${(error as Error).message}`);
  }
  const slots: BodySlot[] = [];
  walk(skeleton, [], (value, path) => {
    const marks = [...value.matchAll(MARK_PATTERN)].map((m) => Number(m[1]));
    const whole = marks.length === 1 && value === MARK(marks[0]);
    for (const n of marks) slots.push({ column: chips[n].column, path, bare: bareAt.has(n), whole });
  });
  if (slots.length !== chips.length) throw new TemplateError('A column chip in the body template sits inside a key; chips belong in values.');
  return { slots, skeleton };
}

/** Whether offset `at` of JSON-ish text lies inside a string literal. */
function insideString(text: string, at: number): boolean {
  let inString = false;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
  }
  return inString;
}

function walk(value: unknown, path: (string | number)[], visit: (text: string, path: (string | number)[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], visit));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (HAS_MARK.test(key)) continue;
      walk(item, [...path, key], visit);
    }
  }
}
