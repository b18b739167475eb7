/**
 * `reevo-clay send` as a real process against a slow local server on 127.0.0.1: an interrupt
 * (SIGINT, SIGTERM) loses no row, and a stalled row holds back no other row's result.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { readCsv, tempDir, writeTable } from './helpers';

const ROOT = resolve(__dirname, '../..');
let cliPath: string;

beforeAll(() => {
  // The CLI as one file, started as bin/reevo-clay.js starts it, so the child runs the source under test without a build.
  cliPath = join(tempDir(), 'reevo-clay.js');
  const bin = readFileSync(join(ROOT, 'bin/reevo-clay.js'), 'utf8').replace('../dist/clay/cli.js', './clay/cli');
  buildSync({
    stdin: { contents: bin, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    platform: 'node',
    packages: 'external',
    outfile: cliPath,
    logLevel: 'error',
  });
});

/** A Reevo stand-in: the key check answers at once; each task is created after `delayMs`, or held while `hold(row)`. */
function slowServer(delayMs: number, hold: (title: string) => boolean = () => false) {
  let created = 0;
  const held: Array<() => void> = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'GET') {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Account not found"}');
        return;
      }
      const { title } = JSON.parse(body) as { title: string };
      const answer = () => {
        created += 1;
        response
          .writeHead(201, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id: `00000000-0000-4000-8000-${String(created).padStart(12, '0')}`, title }));
      };
      if (hold(title)) held.push(answer);
      else setTimeout(answer, delayMs);
    });
  });
  return {
    server,
    get created() {
      return created;
    },
    release: () => held.splice(0).forEach((answer) => answer()),
    start: () =>
      new Promise<string>((done) =>
        server.listen(0, '127.0.0.1', () => done(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function taskTable(rows: number): string {
  const header = [
    'Task Title',
    'Task Owner Email',
    'Due Date',
    'Task Priority',
    'Task Type',
    'Note',
    'Email',
    'Reevo Task ID',
  ];
  const body = Array.from({ length: rows }, (_, i) => [
    `Task ${i + 1}`,
    'morgan.ellery@acme-outbound.example',
    '',
    '',
    '',
    '',
    '',
    i % 10 === 9 ? 'done-before' : '',
  ]);
  return writeTable(tempDir(), 'tasks.csv', [header, ...body]);
}

function runCli(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
} {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: join(ROOT, 'node_modules'),
      REEVO_API_KEY: 'reevo_test_key_0123456789',
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((finish) =>
    child.on('close', (code) => finish({ code, stdout, stderr })),
  );
  return { child, done };
}

const until = async (condition: () => boolean, what: string, child?: ChildProcess, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end || child?.exitCode != null)
      throw new Error(`${child?.exitCode != null ? `the CLI ended (${child.exitCode})` : 'timed out'} before ${what}`);
    await new Promise((wait) => setTimeout(wait, 20));
  }
};

/** Every row of the table is in exactly one of the out, failed and skipped files. */
function rowsByFile(table: string) {
  const read = (kind: string) => {
    const path = table.replace(/\.csv$/, `.${kind}.csv`);
    return existsSync(path) ? readCsv(path) : [];
  };
  return { out: read('out'), failed: read('failed'), skipped: read('skipped') };
}

test.each(['SIGINT', 'SIGTERM'] as const)(
  '%s: sending stops, requests in flight finish, every row not done is in the failed file',
  async (signal) => {
    const api = slowServer(150);
    const url = await api.start();
    try {
      const table = taskTable(200);
      const { child, done } = runCli([
        'send',
        'create_task',
        table,
        '--base-url',
        url,
        '--rate',
        '20/1000',
        '--grace',
        '5',
      ]);
      await until(() => api.created >= 30, '30 rows created', child);
      child.kill(signal);
      const { code, stdout, stderr } = await done;
      expect(code).toBe(3);
      expect(stderr).toContain('Stopping: waiting for the requests in flight');
      expect(stdout).toContain('Stopped early: interrupted.');
      const { out, failed, skipped } = rowsByFile(table);
      const all = [...out, ...failed, ...skipped].map((r) => Number(r.Row)).sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
      // Everything Reevo confirmed is in the out file; nothing in flight was cut off within the grace period.
      expect(out).toHaveLength(api.created);
      expect(skipped).toHaveLength(20);
      expect(failed.length).toBeGreaterThan(100);
      for (const row of failed) expect(row['Reevo Error']).toBe('not sent: interrupted');
      expect(stdout).toContain(`${out.length} ok, ${failed.length} failed, 20 skipped by Only run if`);
    } finally {
      await api.stop();
    }
  },
  30_000,
);

test('a row stalled past the grace period is written as possibly done, and the process still ends', async () => {
  const api = slowServer(10, (title) => title === 'Task 3');
  const url = await api.start();
  try {
    const table = taskTable(20);
    const { child, done } = runCli([
      'send',
      'create_task',
      table,
      '--base-url',
      url,
      '--rate',
      '50/1000',
      '--grace',
      '0.3',
    ]);
    await until(() => api.created >= 17, 'the other rows', child);
    child.kill('SIGINT');
    const { code } = await done;
    expect(code).toBe(3);
    const { failed } = rowsByFile(table);
    expect(failed.map((r) => [r.Row, r['Reevo Error']])).toEqual([
      [
        '3',
        "interrupted while waiting for Reevo's answer: the row may or may not have been carried out; check Reevo before you send it again",
      ],
    ]);
  } finally {
    api.release();
    await api.stop();
  }
}, 30_000);

test('a stalled row holds back no other result: later rows reach the out file while it waits', async () => {
  const api = slowServer(0, (title) => title === 'Task 2');
  const url = await api.start();
  try {
    const table = taskTable(300);
    const outPath = table.replace(/\.csv$/, '.out.csv');
    const { child, done } = runCli(['send', 'create_task', table, '--base-url', url, '--rate', '500/1000']);
    await until(
      () => existsSync(outPath) && readFileSync(outPath, 'utf8').includes('\n298,'),
      'row 298 in the out file',
      child,
    );
    expect(readFileSync(outPath, 'utf8')).not.toMatch(/^2,/m);
    api.release();
    const { code } = await done;
    expect(code).toBe(0);
    const { out } = rowsByFile(table);
    expect(out).toHaveLength(270);
    expect(out.at(-1)!.Row).toBe('2');
  } finally {
    await api.stop();
  }
}, 30_000);
