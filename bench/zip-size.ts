/**
 * The size of the zip Zapier receives: this app's `npm run zip` (build/build.zip: scripts/zip.sh
 * bundles the app and builds it from a staged copy with its production dependencies) against the
 * empty custom-auth template app built by the same CLI (`zapier-platform build --skip-validation`
 * of CLI 19.1.0).
 *
 * The empty app lives in the OS temp dir, not in bench/tmp, so nothing of it can reach a zip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeEmptyApp } from './empty-app';
import { fmt, mb, ratio, run } from './measure';
import { met, type BenchOptions, type BenchResult, type Benchmark, type Row } from './report';
import { bytesByPart, zipEntries } from './zip-entries';

const ZIP_SIZE_TARGET = 1.25;

const CLI = [
  'exec',
  '--yes',
  '--package=zapier-platform-cli@19.1.0',
  '--',
  'zapier-platform',
  'build',
  '--skip-validation',
];
const BUILD_TIMEOUT_MS = 10 * 60 * 1000;
const WORK_DIR = path.join(os.tmpdir(), 'reevo-bench-zip');

const npm = () => (process.platform === 'win32' ? 'npm.cmd' : 'npm');

/** Runs a build, and says why if it failed (the last lines of its output). */
async function build(cwd: string, args: string[]): Promise<{ ok: true; ms: number } | { ok: false; why: string }> {
  // The CLI needs Node 22: the one in this project's node_modules/.bin, as under `npm run`.
  const PATH = [path.resolve(__dirname, '..', '..', 'node_modules', '.bin'), process.env.PATH ?? ''].join(
    path.delimiter,
  );
  const result = await run(npm(), args, {
    cwd,
    timeoutMs: BUILD_TIMEOUT_MS,
    env: { ...process.env, PATH, CI: 'true' },
  });
  if (result.code === 0) return { ok: true, ms: result.ms };
  const tail = `${result.stdout}\n${result.stderr}`
    .replace(/\s*›\s*/g, ' ')
    .trim()
    .split('\n')
    .filter(Boolean)
    .slice(-3)
    .join(' / ');
  return { ok: false, why: `exit ${result.code}: ${tail}` };
}

const sizeOf = (file: string) => fs.statSync(file).size;

/** Where the bytes of `zip` beyond `baseline` sit, largest first. */
function additions(zip: string, baseline: string): string {
  const mine = bytesByPart(zipEntries(zip));
  const base = bytesByPart(zipEntries(baseline));
  return [...mine.entries()]
    .map(([part, bytes]) => [part, bytes - (base.get(part) ?? 0)] as const)
    .filter(([, bytes]) => bytes > 1024)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([part, bytes]) => `${part} ${fmt(bytes / 1024, 0)} KB`)
    .join(', ');
}

export const zipSize: Benchmark = {
  name: 'zip-size',
  title: 'Zip size of the Zapier build',
  async run(options: BenchOptions): Promise<BenchResult> {
    const notes: string[] = [];
    const rows: Row[] = [];
    const target = `≤ ${ZIP_SIZE_TARGET.toFixed(2)}×`;
    fs.mkdirSync(WORK_DIR, { recursive: true });

    // The baseline, cached between --quick runs: it only changes with the CLI or core version.
    const emptyDir = path.join(WORK_DIR, 'empty-custom-auth-app');
    const emptyZip = path.join(emptyDir, 'build/build.zip');
    if (options.quick && fs.existsSync(emptyZip)) {
      notes.push('Empty app zip: reused from the previous run (--quick).');
    } else {
      writeEmptyApp(emptyDir, options.projectRoot, { linkNodeModules: false });
      // As after `zapier-platform init`: its dependencies installed, then built.
      const installed = await build(emptyDir, ['install', '--omit=dev', '--no-audit', '--no-fund']);
      const built = installed.ok ? await build(emptyDir, CLI) : installed;
      if (!built.ok) {
        notes.push(`Building the empty app's zip failed, so there is no ratio: ${built.why}`);
        rows.push({ metric: 'zip size, app / empty', value: 'empty app build failed', target, status: 'failed' });
        return { name: this.name, title: this.title, method: methodText(), rows, notes };
      }
      notes.push(`Empty app zip: built in ${fmt(built.ms / 1000, 0)} s.`);
    }
    const emptyBytes = sizeOf(emptyZip);

    // This app as `npm run zip` builds it in the project.
    const projectZip = path.join(options.projectRoot, 'build/build.zip');
    let projectOk = true;
    if (options.reuseZip && fs.existsSync(projectZip)) {
      notes.push(
        `\`npm run zip\`: the existing build/build.zip of ${fs.statSync(projectZip).mtime.toISOString()} (--reuse-zip).`,
      );
    } else {
      const built = await build(options.projectRoot, ['run', '--silent', 'zip']);
      projectOk = built.ok;
      notes.push(
        built.ok
          ? `\`npm run zip\`: built in ${fmt(built.ms / 1000, 0)} s.`
          : `\`npm run zip\` failed in the project: ${built.why}`,
      );
    }
    if (projectOk && fs.existsSync(projectZip)) {
      const bytes = sizeOf(projectZip);
      const r = bytes / emptyBytes;
      rows.push({
        metric: 'zip size, `npm run zip` / empty',
        value: `${mb(bytes)} / ${mb(emptyBytes)} = ${ratio(r)}`,
        target,
        status: met(r <= ZIP_SIZE_TARGET),
      });
      rows.push({
        metric: 'largest additions over empty (compressed)',
        value: additions(projectZip, emptyZip),
        status: 'info',
      });
    } else {
      rows.push({ metric: 'zip size, `npm run zip` / empty', value: '`npm run zip` failed', target, status: 'failed' });
    }
    return { name: this.name, title: this.title, method: methodText(), rows, notes };
  },
};

function methodText(): string {
  return (
    'Bytes of the build.zip made by `zapier-platform build --skip-validation` (CLI 19.1.0, which copies the app, runs `npm install --production` ' +
    'and zips the files the app needs plus every package.json it finds), for: this app via `npm run zip` (scripts/zip.sh: the app bundled into one minified file by ' +
    'scripts/bundle.js, in a staged copy with only its production dependencies); and the empty app. Empty app: the files of ' +
    '`zapier-platform init --template custom-auth` as bench/empty-app.ts writes them (see Cold start), in the OS temp dir, after `npm install --omit=dev` ' +
    '(zapier-platform-core 19.1.0). ' +
    "Compressed bytes per package are read from the zips' central directories (bench/zip-entries.ts)."
  );
}
