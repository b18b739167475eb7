/**
 * CSV files as Clay exports and imports them, read and written with Papa Parse: a file of any size
 * is read in batches, paused while the caller is behind, and written a line at a time.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import Papa from 'papaparse';

/** A table the recipe cannot run on at all (a missing column, an unreadable file). */
export class TableError extends Error {}

/**
 * How much of a file is read at a time; the reader runs one chunk's batch ahead of its caller. A
 * caller that waits between rows (`send`, on its rate limit) reads small chunks: rows parsed long
 * before it gets to them outlive the heap's young generation and pile up as old garbage (a
 * 400,000-row send peaked at about 120 MB with 16 KB chunks, 176 MB with 64 KB). A caller that
 * never waits (`check`, counting rows) reads large ones, about a tenth faster.
 */
export const CHUNK_BYTES = 64 * 1024;
export const PACED_CHUNK_BYTES = 16 * 1024;

/**
 * The records of a CSV file, the header first, in batches as Papa Parse reads the file's chunks
 * (one await per batch, not per row, which a 100,000-row check would feel). The file is paused
 * while a batch waits for the caller, so a file of any size is read in bounded memory.
 */
export async function* readCsvBatches(csvPath: string, chunkBytes = CHUNK_BYTES): AsyncGenerator<string[][]> {
  // Decoded by the stream, so a character split between two chunks arrives whole.
  const source = createReadStream(csvPath, { encoding: 'utf8', highWaterMark: chunkBytes });
  const ready: string[][][] = [];
  let records = 0;
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    source.destroy();
    wake?.();
  };

  Papa.parse<string[]>(source, {
    delimiter: ',',
    skipEmptyLines: true,
    beforeFirstChunk: (chunk) => chunk.replace(/^\uFEFF/, ''),
    chunk: ({ data, errors }) => {
      if (failure) return;
      // A quote left open or closed inside a field: reading on could shift every later cell.
      const broken = errors.find((error) => error.type === 'Quotes');
      if (broken) {
        const record = records + (broken.row ?? 0);
        const where = record === 0 ? 'the header' : `row ${record}`;
        return fail(new TableError(`Cannot read ${csvPath}: ${where} has a misplaced or unclosed quote (").`));
      }
      records += data.length;
      if (data.length > 0) {
        ready.push(data);
        source.pause();
      }
      wake?.();
    },
    complete: () => {
      ended = true;
      wake?.();
    },
    error: (error) => fail(new TableError(`Cannot read ${csvPath}: ${error.message}`)),
  });

  try {
    for (;;) {
      if (failure) throw failure;
      const batch = ready.shift();
      if (batch) {
        if (source.isPaused()) source.resume();
        yield batch;
      } else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    source.destroy();
  }
}

/** The rows of a CSV file, its header aside. */
export async function countRows(csvPath: string): Promise<number> {
  let records = 0;
  for await (const batch of readCsvBatches(csvPath)) records += batch.length;
  return Math.max(0, records - 1);
}

/** One CSV line ending in `\n`; a field is quoted when it holds a comma, a quote, a line break or an edge space. */
export function csvLine(fields: readonly (string | undefined)[]): string {
  return `${Papa.unparse([fields.map((field) => field ?? '')], { newline: '\n' })}\n`;
}

/** A CSV file written a line at a time, waiting when the disk is slower than the lines. */
export class CsvWriter {
  private readonly file: WriteStream;

  /** `append`: add lines to the file; otherwise the file is replaced, and starts with `header`. */
  constructor(
    readonly path: string,
    options: { readonly header?: readonly string[]; readonly append?: boolean } = {},
  ) {
    this.file = createWriteStream(path, { flags: options.append ? 'a' : 'w' });
    if (options.header && !options.append) this.file.write(csvLine(options.header));
  }

  async write(fields: readonly (string | undefined)[]): Promise<void> {
    if (!this.file.write(csvLine(fields))) await once(this.file, 'drain');
  }

  close(): Promise<void> {
    return new Promise((done, fail) => {
      this.file.once('error', fail);
      this.file.end(done);
    });
  }
}
