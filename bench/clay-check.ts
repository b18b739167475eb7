/**
 * `reevo-clay check` on a 100,000-row table: rows per second and peak memory. The table is made
 * from the Clay example table (clay/examples/contacts.csv, rows repeated with unique emails) in
 * bench/tmp/. Each check runs in a fresh `node` process through clay/table.ts `checkTableFile`,
 * what `reevo-clay check` runs; a 1,000-row table beside it shows whether memory grows with rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { csvLine } from '../clay/csv';
import { fmt, mb, ratio, run } from './measure';
import { met, type BenchOptions, type BenchResult, type Benchmark } from './report';

const RECIPE = 'upsert_account_contact';
const TARGET_ROWS_PER_SECOND = 50_000;
const BIG_RUNS = 3;
const EXAMPLE = 'clay/examples/contacts.csv';

/** Writes `rows` data rows built from the example rows; the email column gets a unique prefix. */
export function writeTable(projectRoot: string, file: string, rows: number): void {
  const records = Papa.parse<string[]>(fs.readFileSync(path.join(projectRoot, EXAMPLE), 'utf8'), {
    delimiter: ',',
    skipEmptyLines: true,
  }).data;
  const [header, ...examples] = records;
  const emailColumn = header.findIndex((column) => /e-?mail/i.test(column));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, csvLine(header));
    const chunk: string[][] = [];
    for (let i = 0; i < rows; i += 1) {
      const row = [...examples[i % examples.length]];
      if (emailColumn >= 0 && row[emailColumn]?.includes('@')) row[emailColumn] = `r${i}.${row[emailColumn]}`;
      chunk.push(row);
      if (chunk.length === 5000 || i === rows - 1) {
        fs.writeSync(fd, chunk.map(csvLine).join(''));
        chunk.length = 0;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

const PROBE = `
const { checkTableFile } = require(process.argv[1]);
const start = process.hrtime.bigint();
checkTableFile(process.argv[2], process.argv[3]).then((summary) => {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  global.gc();
  const heapAfterGcBytes = process.memoryUsage().heapUsed;
  process.stdout.write(JSON.stringify({ ms, rows: summary.rows, ok: summary.ok, withProblems: summary.withProblems, maxRssBytes: process.resourceUsage().maxRSS * 1024, heapAfterGcBytes }));
}).catch((error) => { console.error(error); process.exit(1); });
`;

interface CheckRun {
  ms: number;
  rows: number;
  ok: number;
  withProblems: number;
  maxRssBytes: number;
  /** Heap still in use after the check and a full GC: what the check kept. */
  heapAfterGcBytes: number;
}

async function check(projectRoot: string, table: string): Promise<CheckRun> {
  const module = path.join(projectRoot, 'dist/clay/table.js');
  const result = await run(process.execPath, ['--expose-gc', '-e', PROBE, module, RECIPE, table], {
    env: { PATH: process.env.PATH ?? '' },
  });
  if (result.code !== 0) throw new Error(`check failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(result.stdout) as CheckRun;
}

export const clayCheck: Benchmark = {
  name: 'clay',
  title: 'Clay: reevo-clay check on a 100,000-row table',
  async run(options: BenchOptions): Promise<BenchResult> {
    const bigRows = options.quick ? 20_000 : 100_000;
    const big = path.join(options.tmpDir, `clay-contacts-${bigRows}.csv`);
    const small = path.join(options.tmpDir, 'clay-contacts-1000.csv');
    if (!fs.existsSync(big)) writeTable(options.projectRoot, big, bigRows);
    if (!fs.existsSync(small)) writeTable(options.projectRoot, small, 1000);
    const smallRun = await check(options.projectRoot, small);
    const bigRuns: CheckRun[] = [];
    for (let i = 0; i < BIG_RUNS; i += 1) bigRuns.push(await check(options.projectRoot, big));
    const wrong = bigRuns.find((run) => run.rows !== bigRows);
    if (wrong) throw new Error(`checked ${wrong.rows} rows, expected ${bigRows}`);
    // The median run, by time: its memory figures are reported with it.
    const bigRun = [...bigRuns].sort((a, b) => a.ms - b.ms)[Math.floor(BIG_RUNS / 2)];
    const rowsPerSecond = bigRows / (bigRun.ms / 1000);
    const rates = bigRuns.map((run) => bigRows / (run.ms / 1000)).sort((a, b) => a - b);
    return {
      name: this.name,
      title: this.title,
      method:
        `\`checkTableFile('${RECIPE}', table)\` from clay/table.ts (what \`reevo-clay check ${RECIPE} TABLE.csv\` runs), in a fresh \`node\` process per run; ` +
        `the big table is checked ${BIG_RUNS} times and the median run is reported (this machine's speed varies by a third from one minute to the next); ` +
        `time from the call to the summary, peak memory from \`process.resourceUsage().maxRSS\`. Table: ${EXAMPLE} rows repeated with unique emails ` +
        `to ${bigRows.toLocaleString('en-US')} rows (${mb(fs.statSync(big).size)} on disk, bench/tmp/). ` +
        "The 1,000-row run is the memory baseline. Peak RSS includes the garbage the collector has not yet reclaimed, so it grows with the run's allocation rate; " +
        'the heap still in use after the check and a forced GC (`--expose-gc`) shows whether rows are kept: a streaming check keeps about the same for both.',
      rows: [
        {
          metric: `rows/s (${bigRows.toLocaleString('en-US')} rows, median of ${BIG_RUNS} runs)`,
          value: `${fmt(rowsPerSecond, 0)} rows/s (${fmt(bigRun.ms / 1000, 2)} s; runs ${rates.map((rate) => fmt(rate, 0)).join(', ')})`,
          target: `≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')} rows/s`,
          status: met(rowsPerSecond >= TARGET_ROWS_PER_SECOND),
        },
        {
          metric: 'peak RSS, big / 1,000-row table',
          value: `${mb(bigRun.maxRssBytes)} / ${mb(smallRun.maxRssBytes)} = ${ratio(bigRun.maxRssBytes / smallRun.maxRssBytes)}`,
          status: 'info',
        },
        {
          metric: 'heap kept after the check (after GC), big / 1,000-row',
          value: `${mb(bigRun.heapAfterGcBytes)} / ${mb(smallRun.heapAfterGcBytes)} = ${ratio(bigRun.heapAfterGcBytes / smallRun.heapAfterGcBytes)}`,
          target: 'flat (streaming)',
          status: bigRun.heapAfterGcBytes / smallRun.heapAfterGcBytes <= 1.25 ? 'met' : 'missed',
        },
        {
          metric: 'rows ok / with problems',
          value: `${bigRun.ok.toLocaleString('en-US')} / ${bigRun.withProblems.toLocaleString('en-US')}`,
          status: 'info',
        },
      ],
      notes: [],
    };
  },
};
