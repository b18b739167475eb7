/**
 * Clay formulas, evaluated the way Clay does: JavaScript with `{{Column Name}}` chips standing for
 * the row's cells. One compiler serves every formula a recipe carries (Only run if, the body, the
 * exact-match pick of a lookup) and every cleaning formula of the guide, so what the CLI and the
 * tests run is the text the user pastes into Clay.
 *
 * A formula sees JavaScript's built-ins (JSON, String, Number, RegExp, Date…) and the row; the
 * CLI's own handles (`process`, `require`, `module`, `global`, `globalThis`) are hidden from it.
 * That keeps a slip in a formula from touching the machine; it is no security boundary, since a
 * recipe file is code its user chose to run. (A separate V8 context would be one, at twice the
 * cost per row.)
 */
import { chipsIn } from './template';

export class FormulaError extends Error {}

/** A cell as a formula sees it: the text of a CSV cell, or a lookup column's parsed response. */
type CellValue = unknown;

export interface CompiledFormula {
  readonly text: string;
  /** The columns the formula reads, in order of first use. */
  readonly columns: readonly string[];
  /** The formula's value for one row; throws FormulaError when the formula itself throws. */
  evaluate(cell: (column: string) => CellValue): unknown;
}

/** Names a formula must not reach, shadowed by parameters that are always undefined. */
const HIDDEN = ['process', 'require', 'module', 'exports', 'global', 'globalThis', 'Function'];

export function compileFormula(text: string): CompiledFormula {
  const columns = [...new Set(chipsIn(text).map((chip) => chip.column))];
  let source = '';
  let last = 0;
  for (const found of chipsIn(text)) {
    source += `${text.slice(last, found.start)}__cell(${JSON.stringify(found.column)})`;
    last = found.end;
  }
  source += text.slice(last);
  let fn: (cell: (column: string) => CellValue) => unknown;
  try {
    fn = new Function('__cell', ...HIDDEN, `"use strict"; return (\n${source}\n);`) as typeof fn;
  } catch (error) {
    throw new FormulaError(`The formula ${JSON.stringify(text)} is not valid JavaScript: ${(error as Error).message}`);
  }
  return {
    text,
    columns,
    evaluate(cell) {
      try {
        return fn(cell);
      } catch (error) {
        throw new FormulaError(`The formula ${JSON.stringify(text)} failed: ${(error as Error).message}`);
      }
    },
  };
}

/**
 * Clay's Only run if reads a formula's result as JavaScript truthiness. The columns a formula
 * needs filled (`!!{{Email}}` at the top level of an `&&` chain) and those it needs empty
 * (`!{{Reevo Task ID}}`) are read from its text for the messages; the decision is the formula's.
 */
export function runIfColumns(text: string): { filled: string[]; empty: string[] } {
  const filled: string[] = [];
  const empty: string[] = [];
  for (const term of text.split('&&').map((t) => t.trim())) {
    const match = /^(!!?)\s*\{\{\s*([^{}]*?)\s*\}\}$/.exec(term);
    if (!match) continue;
    (match[1] === '!!' ? filled : empty).push(match[2]);
  }
  return { filled, empty };
}
