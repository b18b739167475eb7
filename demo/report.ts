/** What one step of the walk-through did. */
export interface StepResult {
  readonly step: string;
  readonly ok: boolean;
  readonly detail: string;
  /** Reevo API requests the step made, from the sandbox's log; undefined against a real Reevo. */
  readonly apiCalls?: number;
}

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = (text: string) => paint(32, text);
export const red = (text: string) => paint(31, text);
export const dim = (text: string) => paint(2, text);
export const bold = (text: string) => paint(1, text);

export function printStep(result: StepResult): void {
  const mark = result.ok ? green('✔') : red('✘');
  const calls =
    result.apiCalls === undefined ? '' : dim(` (${result.apiCalls} API call${result.apiCalls === 1 ? '' : 's'})`);
  console.log(`${mark} ${result.step}${calls}\n  ${result.ok ? dim(result.detail) : red(result.detail)}`);
}

export function printSummary(results: readonly StepResult[]): void {
  const rows = results.map((r) => [
    r.step,
    r.ok ? 'ok' : 'FAILED',
    r.apiCalls === undefined ? '-' : String(r.apiCalls),
  ]);
  const header = ['Step', 'Result', 'API calls'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${bold('Summary')}`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  const counted = results.filter((r) => r.apiCalls !== undefined);
  const total = counted.reduce((sum, r) => sum + (r.apiCalls ?? 0), 0);
  const calls =
    counted.length > 0 ? `${total} Reevo API calls in all` : 'API calls are counted only against the built-in sandbox';
  const failed = results.filter((r) => !r.ok).length;
  console.log(
    `\n${failed === 0 ? green(`All ${results.length} steps passed`) : red(`${failed} of ${results.length} steps failed`)}; ${calls}.`,
  );
}
