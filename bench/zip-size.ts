/**
 * The size of the zip Zapier receives: this app's `npm run zip` (build/build.zip) against the
 * empty custom-auth template app built the same way (`zapier-platform build --skip-validation`
 * of CLI 19.1.0, which runs its own `npm install --production` from the registry). The app is
 * also built from a staged copy without node_modules, as a clean production install would be:
 * the CLI adds every package.json under the project, devDependencies' included.
 *
 * The staged and empty apps live in the OS temp dir, not in bench/tmp: the CLI would put their
 * package.json files into the project's own zip.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeEmptyApp } from './empty-app';
import { fmt, mb, ratio, run } from './measure';
import { met, type BenchOptions, type BenchResult, type Benchmark, type Row } from './report';
import { bytesByPart, zipEntries } from './zip-entries';

export const ZIP_SIZE_TARGET = 1.25;

const CLI = ['exec', '--yes', '--package=zapier-platform-cli@19.1.0', '--', 'zapier-platform', 'build', '--skip-validation'];
const BUILD_TIMEOUT_MS = 10 * 60 * 1000;
const WORK_DIR = path.join(os.tmpdir(), 'reevo-bench-zip');

const npm = () => (process.platform === 'win32' ? 'npm.cmd' : 'npm');

/** Runs a build, and says why if it failed (the last lines of its output). */
async function build(cwd: string, args: string[]): Promise<{ ok: true; ms: number } | { ok: false; why: string }> {
  // The CLI needs Node 22: the one in this project's node_modules/.bin, as under `npm run`.
  const PATH = [path.resolve(__dirname, '..', '..', 'node_modules', '.bin'), process.env.PATH ?? ''].join(path.delimiter);
  const result = await run(npm(), args, { cwd, timeoutMs: BUILD_TIMEOUT_MS, env: { ...process.env, PATH, CI: 'true' } });
  if (result.code === 0) return { ok: true, ms: result.ms };
  const tail = `${result.stdout}\n${result.stderr}`.replace(/\s*›\s*/g, ' ').trim().split('\n').filter(Boolean).slice(-3).join(' / ');
  return { ok: false, why: `exit ${result.code}: ${tail}` };
}

/** The CLI build of a copy of the app's sources (no node_modules), as on a clean production install. */
async function stagedBuild(projectRoot: string): Promise<{ ok: true; ms: number; zip: string } | { ok: false; why: string }> {
  const dir = path.join(WORK_DIR, 'app-staged');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'index.js', '.zapierapprc']) fs.copyFileSync(path.join(projectRoot, file), path.join(dir, file));
  fs.cpSync(path.join(projectRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
  // The CLI wants zapier-platform-core installed locally before it builds: the production dependencies, from the lockfile.
  const installed = await build(dir, ['ci', '--omit=dev', '--no-audit', '--no-fund']);
  if (!installed.ok) return installed;
  const built = await build(dir, CLI);
  return built.ok ? { ok: true, ms: built.ms, zip: path.join(dir, 'build/build.zip') } : built;
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
      notes.push(`\`npm run zip\`: the existing build/build.zip of ${fs.statSync(projectZip).mtime.toISOString()} (--reuse-zip).`);
    } else {
      const built = await build(options.projectRoot, ['run', '--silent', 'zip']);
      projectOk = built.ok;
      notes.push(built.ok ? `\`npm run zip\`: built in ${fmt(built.ms / 1000, 0)} s.` : `\`npm run zip\` failed in the project: ${built.why}`);
    }
    if (projectOk && fs.existsSync(projectZip)) {
      const bytes = sizeOf(projectZip);
      const r = bytes / emptyBytes;
      rows.push({ metric: 'zip size, `npm run zip` / empty', value: `${mb(bytes)} / ${mb(emptyBytes)} = ${ratio(r)}`, target, status: met(r <= ZIP_SIZE_TARGET) });
      const packageJsons = zipEntries(projectZip).filter((e) => e.name.endsWith('package.json'));
      notes.push(
        `The \`npm run zip\` zip holds ${packageJsons.length} package.json files (${fmt(packageJsons.reduce((s, e) => s + e.compressedBytes, 0) / 1024, 0)} KB compressed): ` +
          'the CLI adds every package.json under the project, including those of devDependencies, which hold no code.',
      );
    } else {
      rows.push({ metric: 'zip size, `npm run zip` / empty', value: '`npm run zip` failed', target, status: 'failed' });
    }

    // This app from a clean production install: what the app itself costs.
    const staged = await stagedBuild(options.projectRoot);
    if (staged.ok) {
      const bytes = sizeOf(staged.zip);
      const r = bytes / emptyBytes;
      rows.push({ metric: 'zip size, clean production install / empty', value: `${mb(bytes)} / ${mb(emptyBytes)} = ${ratio(r)}`, target, status: met(r <= ZIP_SIZE_TARGET) });
      rows.push({ metric: 'largest additions over empty (compressed)', value: additions(staged.zip, emptyZip), status: 'info' });
      notes.push(`Clean production install: a staged copy (package.json, package-lock.json, index.js, .zapierapprc, dist/) with \`npm ci --omit=dev\`, then built in ${fmt(staged.ms / 1000, 0)} s.`);
    } else {
      rows.push({ metric: 'zip size, clean production install / empty', value: 'build failed', target, status: 'failed' });
      notes.push(`The staged build failed: ${staged.why}`);
    }
    return { name: this.name, title: this.title, method: methodText(), rows, notes };
  },
};

function methodText(): string {
  return (
    'Bytes of the build.zip made by `zapier-platform build --skip-validation` (CLI 19.1.0, which copies the app, runs `npm install --production` ' +
    'and zips the files the app needs plus every package.json it finds), for: this app via `npm run zip` in the project (with the flags package.json gives it); this app from a staged copy of its ' +
    'sources with only its production dependencies (`npm ci --omit=dev`: a clean production install); and the empty app. Empty app: the files of ' +
    '`zapier-platform init --template custom-auth` as bench/empty-app.ts writes them (see Cold start), in the OS temp dir, after `npm install --omit=dev` ' +
    '(zapier-platform-core 19.1.0). ' +
    'Compressed bytes per package are read from the zips\' central directories (bench/zip-entries.ts).'
  );
}
