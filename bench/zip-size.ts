/**
 * The size of the zip Zapier receives: this app's `npm run zip` (build/build.zip) against the
 * empty custom-auth template app built the same way (`zapier-platform build --skip-validation`
 * of CLI 19.1.0, which runs its own `npm install --production` from the registry).
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeEmptyApp } from './empty-app';
import { fmt, mb, ratio, run } from './measure';
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

    if (options.reuseZip && fs.existsSync(appZip)) {
      notes.push(`This app's zip: the existing build/build.zip of ${fs.statSync(appZip).mtime.toISOString()} (--reuse-zip).`);
    } else {
      const built = await build(options.projectRoot, ['run', '--silent', 'zip']);
      if (!built.ok) {
        return { name: this.name, title: this.title, method: '`npm run zip`', rows: [{ metric: 'app build.zip', value: 'build failed', status: 'failed' }], notes: [built.why] };
      }
      notes.push(`This app's zip: \`npm run zip\` (${fmt(built.ms / 1000, 0)} s).`);
    }
    const appBytes = sizeOf(appZip);

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
    return { name: this.name, title: this.title, method: methodText(), rows, notes };
  },
};

function methodText(): string {
  return (
    'Bytes of build/build.zip from `npm run zip` (`zapier-platform build --skip-validation`, CLI 19.1.0, which copies the app, ' +
    'runs `npm install --production` and zips the files the app needs) against the same command run in the empty app. ' +
    'Empty app: the files of `zapier-platform init --template custom-auth` as bench/empty-app.ts writes them (see Cold start), ' +
    'in bench/tmp/empty-custom-auth-app without node_modules: its build installs zapier-platform-core 19.1.0 itself.'
  );
}
