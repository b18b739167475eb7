/**
 * `npm run bench [-- --only NAME[,NAME…]] [--quick] [--reuse-zip]`: runs the benchmarks one after
 * the other, prints a table and writes bench/RESULTS.md with the machine and the date.
 *
 *   --only NAME   run only these benchmarks (cold-start, zip-size, api-calls, overhead, clay, clay-send, sandbox-throughput)
 *   --quick       fewer repetitions, a 20,000-row Clay table, the cached empty-app zip; figures are rougher
 *   --reuse-zip   measure the existing build/build.zip instead of running `npm run zip`
 *   --no-write    print only; leave bench/RESULTS.md as it is
 */
import './test-mode';
import fs from 'node:fs';
import path from 'node:path';
import { apiCalls } from './api-calls';
import { clayCheck } from './clay-check';
import { claySend } from './clay-send';
import { coldStart } from './cold-start';
import { machine, msSince } from './measure';
import { overhead } from './overhead';
import { markdown, textTable, type BenchOptions, type BenchResult, type Benchmark } from './report';
import { sandboxThroughput } from './throughput';
import { zipSize } from './zip-size';

const BENCHMARKS: readonly Benchmark[] = [
  coldStart,
  zipSize,
  apiCalls,
  overhead,
  clayCheck,
  claySend,
  sandboxThroughput,
];

interface Args {
  only: string[];
  quick: boolean;
  reuseZip: boolean;
  write: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { only: [], quick: false, reuseZip: false, write: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') args.quick = true;
    else if (arg === '--reuse-zip') args.reuseZip = true;
    else if (arg === '--no-write') args.write = false;
    else if (arg === '--only') args.only.push(...(argv[++i] ?? '').split(',').filter(Boolean));
    else if (arg.startsWith('--only=')) args.only.push(...arg.slice('--only='.length).split(',').filter(Boolean));
    else throw new Error(`Unknown option ${arg}. Options: --only NAME[,NAME], --quick, --reuse-zip, --no-write.`);
  }
  const unknown = args.only.filter((name) => !BENCHMARKS.some((b) => b.name === name));
  if (unknown.length)
    throw new Error(
      `No benchmark named ${unknown.join(', ')}. Benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}.`,
    );
  return args;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  // dist/bench/main.js → the project root is two folders up.
  const projectRoot = path.resolve(__dirname, '..', '..');
  const options: BenchOptions = {
    quick: args.quick,
    reuseZip: args.reuseZip,
    projectRoot,
    tmpDir: path.join(projectRoot, 'bench', 'tmp'),
  };
  fs.mkdirSync(options.tmpDir, { recursive: true });
  const selected = args.only.length ? BENCHMARKS.filter((b) => args.only.includes(b.name)) : BENCHMARKS;
  const started = process.hrtime.bigint();
  const results: BenchResult[] = [];
  for (const bench of selected) {
    process.stderr.write(`bench: ${bench.name}…\n`);
    const start = process.hrtime.bigint();
    try {
      results.push(await bench.run(options));
    } catch (error) {
      results.push({
        name: bench.name,
        title: bench.title,
        method: 'The benchmark failed before it could measure.',
        rows: [
          {
            metric: 'error',
            value: error instanceof Error ? error.message.slice(0, 300) : String(error),
            status: 'failed',
          },
        ],
        notes: [],
      });
    }
    process.stderr.write(`bench: ${bench.name} done in ${(msSince(start) / 1000).toFixed(1)} s\n`);
  }
  const wall = msSince(started);
  console.log(textTable(results));
  if (args.write) {
    const file = path.join(projectRoot, 'bench', 'RESULTS.md');
    fs.writeFileSync(file, markdown(results, machine(), argv, wall));
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  }
  return results.some((r) => r.rows.some((row) => row.status === 'failed')) ? 1 : 0;
}

main().then(
  (code) => {
    // Sandboxes and sockets are closed by each benchmark; exit anyway so a stray timer cannot hang the run.
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
