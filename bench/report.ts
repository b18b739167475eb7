/** What every benchmark hands back to the runner, and how the runner prints and writes it. */
import { fmt, type Machine } from './measure';

export type Status = 'met' | 'missed' | 'info' | 'skipped' | 'failed';

export interface Row {
  metric: string;
  value: string;
  target?: string;
  status: Status;
}

export interface BenchResult {
  /** The name `--only` selects, e.g. `cold-start`. */
  name: string;
  title: string;
  /** How it was measured, for RESULTS.md. */
  method: string;
  rows: Row[];
  notes: string[];
  /** Markdown shown under the method, e.g. a per-operation table. */
  details?: string;
}

export interface BenchOptions {
  quick: boolean;
  /** Use an existing build/build.zip instead of running `npm run zip`. */
  reuseZip: boolean;
  projectRoot: string;
  tmpDir: string;
}

export interface Benchmark {
  name: string;
  title: string;
  run(options: BenchOptions): Promise<BenchResult>;
}

export const met = (ok: boolean): Status => (ok ? 'met' : 'missed');

const STATUS_TEXT: Record<Status, string> = {
  met: 'met',
  missed: 'MISSED',
  info: '',
  skipped: 'skipped',
  failed: 'FAILED',
};

/** A plain-text table for the terminal. */
export function textTable(results: readonly BenchResult[]): string {
  const header = ['Benchmark', 'Metric', 'Value', 'Target', 'Status'];
  const lines = results.flatMap((result) =>
    result.rows.map((row, i) => [
      i === 0 ? result.name : '',
      row.metric,
      row.value,
      row.target ?? '',
      STATUS_TEXT[row.status],
    ]),
  );
  const widths = header.map((h, col) => Math.max(h.length, ...lines.map((line) => line[col].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, col) => cell.padEnd(widths[col]))
      .join('  ')
      .trimEnd();
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format)].join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(
  results: readonly BenchResult[],
  machine: Machine,
  args: readonly string[],
  wallMs: number,
): string {
  const out: string[] = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/main.ts); rerun it to refresh. Ratios compare measurements taken side by side in the same run.',
    '',
    `- Date: ${machine.date}`,
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory} memory, ${machine.platform}`,
    `- Node: ${machine.node}`,
    `- Command: \`npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}\` (took ${fmt(wallMs / 1000, 0)} s)`,
    '',
    '## Summary',
    '',
    '| Benchmark | Metric | Value | Target | Status |',
    '|---|---|---|---|---|',
  ];
  for (const result of results) {
    for (const row of result.rows) {
      out.push(
        `| ${cell(result.name)} | ${cell(row.metric)} | ${cell(row.value)} | ${cell(row.target ?? '')} | ${STATUS_TEXT[row.status]} |`,
      );
    }
  }
  for (const result of results) {
    out.push('', `## ${result.title} (\`${result.name}\`)`, '', result.method);
    if (result.details) out.push('', result.details);
    if (result.notes.length) out.push('', ...result.notes.map((note) => `- ${note}`));
  }
  out.push('');
  return out.join('\n');
}
