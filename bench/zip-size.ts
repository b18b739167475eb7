/**
 * The size of the zip Zapier receives: this app's `npm run zip` (build/build.zip) against the
 * empty custom-auth template app built the same way (`zapier-platform build --skip-validation`
 * of CLI 19.1.0, which runs its own `npm install --production` from the registry).
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeEmptyApp } from './empty-app';
import { fmt, mb, ratio, run } from './measure';
import { bytesByPart, zipEntries } from './zip-entries';
import { met, type BenchOptions, type BenchResult, type Benchmark, type Row } from './report';

export const ZIP_SIZE_TARGET = 1.25;

const CLI = ['exec', '--yes', '--package=zapier-platform-cli@19.1.0', '--', 'zapier-platform', 'build', '--skip-validation'];
const BUILD_TIMEOUT_MS = 10 * 60 * 1000;

function npm(): string {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** Runs a build, and says why if it failed (the last lines of its output). */
async function build(cwd: string, args: string[]): Promise<{ ok: true; ms: number } | { ok: false; why: string }> {
  const result = await run(npm(), args, { cwd, timeoutMs: BUILD_TIMEOUT_MS, env: { ...process.env, CI: 'true' } });
  if (result.code === 0) return { ok: true, ms: result.ms };
  const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-4).join(' / ');
  return { ok: false, why: `exit ${result.code}: ${tail}` };
}

const sizeOf = (file: string) => fs.statSync(file).size;

export const zipSize: Benchmark = {
  name: 'zip-size',
  title: 'Zip size of the Zapier build',
  async run(options: BenchOptions): Promise<BenchResult> {
    const notes: string[] = [];
    const rows: Row[] = [];
    const appZip = path.join(options.projectRoot, 'build/build.zip');
    let appZipPath = appZip;

    const stagedZip = path.join(options.tmpDir, 'app-staged/build/build.zip');
    if (options.reuseZip && (fs.existsSync(appZip) || fs.existsSync(stagedZip))) {
      if (!fs.existsSync(appZip)) appZipPath = stagedZip;
      notes.push(`This app's zip: the existing ${path.relative(options.projectRoot, appZipPath)} of ${fs.statSync(appZipPath).mtime.toISOString()} (--reuse-zip).`);
    } else {
      const built = await build(options.projectRoot, ['run', '--silent', 'zip']);
      if (built.ok) {
        notes.push(`This app's zip: \`npm run zip\` (${fmt(built.ms / 1000, 0)} s).`);
      } else {
        // Measure what can be measured: the same build of a copy of the app without node_modules.
        rows.push({ metric: '`npm run zip` in the project', value: 'failed', status: 'failed' });
        notes.push(`\`npm run zip\` failed in the project: ${built.why}`);
        const staged = await stagedBuild(options);
        if (!staged.ok) {
          notes.push(`The staged build failed too: ${staged.why}`);
          return { name: this.name, title: this.title, method: methodText(), rows, notes };
        }
        notes.push(
          `This app's zip was therefore built from a staged copy (bench/tmp/app-staged: package.json, package-lock.json, index.js, .zapierapprc and dist/, no node_modules) ` +
            `with the same CLI command, which installs the production dependencies itself (${fmt(staged.ms / 1000, 0)} s). ` +
            'This is the zip `npm run zip` would make on a machine where the copy step succeeds.',
        );
        appZipPath = staged.zip;
      }
    }
    const appBytes = sizeOf(appZipPath);

    // The empty app's zip is cached in bench/tmp: it only changes with the CLI or core version.
    const emptyDir = path.join(options.tmpDir, 'empty-custom-auth-app');
    const emptyZip = path.join(emptyDir, 'build/build.zip');
    if (options.quick && fs.existsSync(emptyZip)) {
      notes.push('Empty app zip: reused from bench/tmp (--quick).');
    } else {
      writeEmptyApp(emptyDir, options.projectRoot, { linkNodeModules: false });
      const built = await build(emptyDir, CLI);
      if (!built.ok) {
        notes.push(`Building the empty app's zip failed, so there is no ratio: ${built.why}`);
        rows.push({ metric: 'app build.zip', value: mb(appBytes), status: 'info' });
        rows.push({ metric: 'zip size, app / empty', value: 'empty app build failed', target: `≤ ${ZIP_SIZE_TARGET}×`, status: 'failed' });
        return { name: this.name, title: this.title, method: methodText(), rows, notes };
      }
      notes.push(`Empty app zip: built in ${fmt(built.ms / 1000, 0)} s.`);
    }
    const emptyBytes = sizeOf(emptyZip);
    const r = appBytes / emptyBytes;
    rows.push({ metric: 'zip size, app / empty', value: `${mb(appBytes)} / ${mb(emptyBytes)} = ${ratio(r)}`, target: `≤ ${ZIP_SIZE_TARGET.toFixed(2)}×`, status: met(r <= ZIP_SIZE_TARGET) });
    rows.push({ metric: 'zip size difference', value: `${fmt((appBytes - emptyBytes) / 1024, 0)} KB`, status: 'info' });
    // Where the difference sits: compressed bytes per package or top-level entry, app minus empty app.
    const app = bytesByPart(zipEntries(appZipPath));
    const empty = bytesByPart(zipEntries(emptyZip));
    const extra = [...app.entries()]
      .map(([part, bytes]) => [part, bytes - (empty.get(part) ?? 0)] as const)
      .filter(([, bytes]) => bytes > 1024)
      .sort((a, b) => b[1] - a[1]);
    rows.push({ metric: 'largest additions (compressed)', value: extra.slice(0, 5).map(([part, bytes]) => `${part} ${fmt(bytes / 1024, 0)} KB`).join(', '), status: 'info' });
    return { name: this.name, title: this.title, method: methodText(), rows, notes };
  },
};

/** The CLI build of a copy of the app's sources (no node_modules), as on a clean checkout. */
async function stagedBuild(options: BenchOptions): Promise<{ ok: true; ms: number; zip: string } | { ok: false; why: string }> {
  const dir = path.join(options.tmpDir, 'app-staged');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json', 'index.js', '.zapierapprc']) {
    fs.copyFileSync(path.join(options.projectRoot, file), path.join(dir, file));
  }
  fs.cpSync(path.join(options.projectRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
  const built = await build(dir, CLI);
  return built.ok ? { ok: true, ms: built.ms, zip: path.join(dir, 'build/build.zip') } : built;
}

function methodText(): string {
  return (
    'Bytes of build/build.zip from `npm run zip` (`zapier-platform build --skip-validation`, CLI 19.1.0, which copies the app, ' +
    'runs `npm install --production` and zips the files the app needs) against the same command run in the empty app. ' +
    'Empty app: the files of `zapier-platform init --template custom-auth` as bench/empty-app.ts writes them (see Cold start), ' +
    'in bench/tmp/empty-custom-auth-app without node_modules: its build installs zapier-platform-core 19.1.0 itself.'
  );
}
