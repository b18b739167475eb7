/** Shared pieces of the Clay tests: running the CLI in-process, temporary tables, the examples. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import Papa from 'papaparse';
import { run, type CliIo } from '../../clay/cli';

export const EXAMPLES = resolve(__dirname, '../../clay/examples');
export const example = (name: string) => join(EXAMPLES, `${name}.csv`);

/** A stream that keeps what is written; `isTTY` makes cli-progress draw. */
export class Capture extends Writable {
  text = '';
  constructor(readonly isTTY = false) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(
  args: string[],
  io: Partial<Omit<CliIo, 'stdout' | 'stderr'>> & { tty?: boolean } = {},
): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture(io.tty ?? false);
  const code = await run(args, { env: {}, ...io, stdout, stderr });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'reevo-clay-'));
}

/** Rows as CSV text, written by Papa Parse itself rather than the kit's own writer. */
export const csvText = (rows: readonly (readonly string[])[]): string =>
  `${Papa.unparse(rows as string[][], { newline: '\n' })}\n`;

/** Writes rows (the first being the header) as a CSV file and returns its path. */
export function writeTable(dir: string, name: string, rows: readonly (readonly string[])[]): string {
  const path = join(dir, name);
  writeFileSync(path, csvText(rows));
  return path;
}

export function readCsv(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    delimiter: ',',
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** The problem lines `check` prints, as `row N, column "X"` prefixes. */
export function problemLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^row \d+, column /.test(line) && !line.includes(': warning: '));
}
