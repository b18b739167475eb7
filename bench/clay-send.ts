/**
 * `reevo-clay send` memory with a stalled row: a 400,000-row task table whose first row Reevo does
 * not answer until every other row is done. Results are written as rows finish, so the rows after
 * the stalled one must not pile up in memory. A local server on 127.0.0.1 stands in for Reevo
 * (the key check answers 404, each task is created at once, row 1 is held); the CLI runs in a
 * fresh `node` process (dist/clay/cli.js, what `reevo-clay send` runs) and reports its peak RSS.
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { countRows, csvLine } from '../clay/csv';
import { fmt, mb, ratio, run } from './measure';
import { met, type BenchOptions, type BenchResult, type Benchmark } from './report';

const HEADER = [
  'Task Title',
  'Task Owner Email',
  'Due Date',
  'Task Priority',
  'Task Type',
  'Note',
  'Email',
  'Reevo Task ID',
];
/** MB: the bound for a 400k-row table with one stalled row. */
const TARGET_MB = 200;

/** `rows` tasks: row 1 is the stalled one; one row in `everyNth` is sent, the others are done already (skipped by Only run if). */
function writeTable(file: string, rows: number, everyNth: number): number {
  const fd = fs.openSync(file, 'w');
  let sent = 0;
  try {
    fs.writeSync(fd, csvLine(HEADER));
    const chunk: string[][] = [];
    for (let i = 1; i <= rows; i += 1) {
      const send = i === 1 || i % everyNth === 0;
      if (send) sent += 1;
      const title = i === 1 ? 'Stalled' : `Call lead ${i} about "Phase 2"`;
      chunk.push([
        title,
        'morgan.ellery@acme-outbound.example',
        '2026-11-27T16:00:00Z',
        'HIGH',
        'VOICE_CALL',
        `Row ${i}: notes\nwith a second line`,
        `lead${i}@example.com`,
        send ? '' : `done-${i}`,
      ]);
      if (chunk.length === 5000 || i === rows) {
        fs.writeSync(fd, chunk.map(csvLine).join(''));
        chunk.length = 0;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return sent;
}

/** Answers the key check, creates tasks at once, and holds the stalled row until `release()`. */
async function reevoStandIn(sent: number) {
  let created = 0;
  let stalled: (() => void) | undefined;
  let heldMs = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method === 'GET')
        return void response
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"detail":"Account not found"}');
      const answer = () => {
        created += 1;
        response
          .writeHead(201, { 'content-type': 'application/json' })
          .end(`{"id":"00000000-0000-4000-8000-${String(created).padStart(12, '0')}"}`);
      };
      if (body.includes('"Stalled"')) {
        const since = Date.now();
        stalled = () => {
          heldMs = Date.now() - since;
          answer();
        };
      } else answer();
      // Everything else is done: let the stalled row go.
      if (stalled && created === sent - 1) stalled();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get heldMs() {
      return heldMs;
    },
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const PROBE = `
const { run } = require(process.argv[1]);
const quiet = { write: () => true };
run(process.argv.slice(2), { stdout: quiet, stderr: quiet, env: process.env }).then((code) => {
  process.stdout.write(JSON.stringify({ code, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
});
`;

interface SendRun {
  rows: number;
  sent: number;
  out: number;
  skipped: number;
  maxRssBytes: number;
  heldMs: number;
  ms: number;
}

async function sendWithStalledRow(options: BenchOptions, rows: number, everyNth: number): Promise<SendRun> {
  const dir = path.join(options.tmpDir, `clay-send-${rows}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const table = path.join(dir, 'tasks.csv');
  const sent = writeTable(table, rows, everyNth);
  const reevo = await reevoStandIn(sent);
  try {
    const cli = path.join(options.projectRoot, 'dist/clay/cli.js');
    const result = await run(
      process.execPath,
      ['-e', PROBE, cli, 'send', 'create_task', table, '--base-url', reevo.url, '--rate', '2000/1000'],
      {
        env: { PATH: process.env.PATH ?? '', REEVO_API_KEY: 'reevo_bench_key_0123456789' },
        timeoutMs: 15 * 60_000,
      },
    );
    if (result.code !== 0) throw new Error(`send failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
    const { code, maxRssBytes } = JSON.parse(result.stdout) as { code: number; maxRssBytes: number };
    const out = await countRows(path.join(dir, 'tasks.out.csv'));
    const skipped = await countRows(path.join(dir, 'tasks.skipped.csv'));
    if (code !== 0 || out !== sent || out + skipped !== rows)
      throw new Error(`send accounted for ${out} + ${skipped} of ${rows} rows (exit ${code})`);
    return { rows, sent, out, skipped, maxRssBytes, heldMs: reevo.heldMs, ms: result.ms };
  } finally {
    await reevo.stop();
  }
}

export const claySend: Benchmark = {
  name: 'clay-send',
  title: 'Clay: reevo-clay send memory with a stalled row',
  async run(options: BenchOptions): Promise<BenchResult> {
    const everyNth = 20;
    const small = await sendWithStalledRow(options, 10_000, everyNth);
    const big = await sendWithStalledRow(options, options.quick ? 100_000 : 400_000, everyNth);
    const n = (value: number) => value.toLocaleString('en-US');
    return {
      name: this.name,
      title: this.title,
      method:
        `\`reevo-clay send create_task\` (dist/clay/cli.js \`run\`, in a fresh \`node\` process) on a ${n(big.rows)}-row table: ` +
        `row 1 and every ${everyNth}th row are sent (${n(big.sent)} requests to a local stand-in for Reevo on 127.0.0.1, which holds row 1 until every other row is answered), ` +
        'the rest are already done and go to the skipped file. Every row finishes after the stalled one, so a sender that wrote results in table order would keep them all in memory. ' +
        "Peak memory from the child's `process.resourceUsage().maxRSS`; the same run on a 10,000-row table is the baseline (flat memory: about the same peak). " +
        'The out and skipped files are counted to check that every row was written.',
      rows: [
        {
          metric: `peak RSS, ${n(big.rows)} rows, row 1 stalled`,
          value: mb(big.maxRssBytes),
          target: `< ${TARGET_MB} MB`,
          status: met(big.maxRssBytes < TARGET_MB * 1024 * 1024),
        },
        {
          metric: 'peak RSS, 10,000-row baseline',
          value: `${mb(small.maxRssBytes)} (big / baseline = ${ratio(big.maxRssBytes / small.maxRssBytes)})`,
          status: 'info',
        },
        { metric: 'rows written: out / skipped', value: `${n(big.out)} / ${n(big.skipped)}`, status: 'info' },
        {
          metric: 'time row 1 was held, whole run',
          value: `${fmt(big.heldMs / 1000, 1)} s / ${fmt(big.ms / 1000, 1)} s`,
          status: 'info',
        },
      ],
      notes: [],
    };
  },
};
