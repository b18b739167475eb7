/**
 * Cold start: a fresh `node` process that `require()`s the released app (the bundle `npm run zip`
 * puts in the zip, which is what Zapier loads) through its root index.js, against the same for the
 * empty custom-auth template app. The tsc build in dist/ (what the tests and the demo load) is
 * measured too, for information. The runs alternate app / empty so
 * drift on the machine hits both alike; medians are reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EMPTY_APP_DESCRIPTION, writeEmptyApp } from './empty-app';
import { fmt, mb, median, ratio, run } from './measure';
import { met, type BenchOptions, type BenchResult, type Benchmark } from './report';

const COLD_START_TARGET = 1.15;

interface Sample {
  requireMs: number;
  wallMs: number;
  maxRssBytes: number;
  /** Packages in require.cache after loading the app. */
  loaded?: string[];
}

/** Runs in the child: times the require and reports the process's peak resident memory. */
const PROBE = `
const start = process.hrtime.bigint();
const app = require(process.argv[1]);
const requireMs = Number(process.hrtime.bigint() - start) / 1e6;
if (!app || typeof app !== 'object' || !app.platformVersion) throw new Error('not a Zapier app: ' + process.argv[1]);
const loaded = Object.keys(require.cache).filter((file) => file.includes('/node_modules/')).map((file) => file.split('/node_modules/').pop().split('/')[0]);
process.stdout.write(JSON.stringify({ requireMs, maxRssBytes: process.resourceUsage().maxRSS * 1024, loaded: [...new Set(loaded)] }));
`;

/** Loads core first (as both apps do), then times one more module on top of it. */
const DEPENDENCY_PROBE = `
require(process.argv[2]);
const start = process.hrtime.bigint();
require(process.argv[1]);
process.stdout.write(JSON.stringify({ requireMs: Number(process.hrtime.bigint() - start) / 1e6, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
`;

/** The app's runtime dependencies besides core: what they add to a cold start on their own. */
const DEPENDENCIES = ['zod', 'libphonenumber-js/min'];

async function probeDependency(projectRoot: string, name: string): Promise<number> {
  const resolved = require.resolve(name, { paths: [projectRoot] });
  const core = require.resolve('zapier-platform-core', { paths: [projectRoot] });
  const result = await run(process.execPath, ['-e', DEPENDENCY_PROBE, resolved, core], {
    env: { PATH: process.env.PATH ?? '' },
  });
  if (result.code !== 0)
    throw new Error(`loading ${name} failed: ${result.stderr.trim().split('\n').slice(-2).join(' ')}`);
  return (JSON.parse(result.stdout) as { requireMs: number }).requireMs;
}

async function probe(entry: string): Promise<Sample> {
  const result = await run(process.execPath, ['-e', PROBE, entry], { env: { PATH: process.env.PATH ?? '' } });
  if (result.code !== 0)
    throw new Error(`loading ${entry} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  const parsed = JSON.parse(result.stdout) as { requireMs: number; maxRssBytes: number; loaded: string[] };
  return { ...parsed, wallMs: result.ms };
}

export const coldStart: Benchmark = {
  name: 'cold-start',
  title: 'Cold start',
  async run(options: BenchOptions): Promise<BenchResult> {
    const runs = options.quick ? 5 : 21;
    const emptyRoot = writeEmptyApp(
      path.join(os.tmpdir(), `reevo-bench-empty-app-${process.pid}`),
      options.projectRoot,
      { linkNodeModules: true },
    );
    const releasedRoot = await writeReleasedApp(
      path.join(os.tmpdir(), `reevo-bench-released-app-${process.pid}`),
      options.projectRoot,
    );
    try {
      const result = await measure.call(
        this,
        runs,
        path.join(releasedRoot, 'index.js'),
        path.join(emptyRoot, 'index.js'),
      );
      const distEntry = path.join(options.projectRoot, 'index.js');
      await probe(distEntry);
      const dist: number[] = [];
      for (let i = 0; i < runs; i += 1) dist.push((await probe(distEntry)).requireMs);
      result.rows.push({
        metric: 'require() time, tsc build in dist/ (not shipped)',
        value: `${fmt(median(dist))} ms`,
        status: 'info',
      });
      return result;
    } finally {
      fs.rmSync(emptyRoot, { recursive: true, force: true });
      fs.rmSync(releasedRoot, { recursive: true, force: true });
    }
  },
};

/** The app as the release zip holds it: the root index.js and the bundle, on the project's node_modules. */
async function writeReleasedApp(dir: string, projectRoot: string): Promise<string> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  for (const file of ['index.js', 'package.json']) fs.copyFileSync(path.join(projectRoot, file), path.join(dir, file));
  const bundled = await run(process.execPath, [
    path.join(projectRoot, 'scripts/bundle.js'),
    path.join(projectRoot, 'dist/index.js'),
    path.join(dir, 'dist/index.js'),
  ]);
  if (bundled.code !== 0) throw new Error(`bundling the app failed: ${bundled.stderr.trim()}`);
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

async function measure(this: Benchmark, runs: number, appEntry: string, emptyEntry: string): Promise<BenchResult> {
  {
    // One untimed load each warms the OS file cache, as on a warm Zapier worker.
    await probe(appEntry);
    await probe(emptyEntry);
    const app: Sample[] = [];
    const empty: Sample[] = [];
    for (let i = 0; i < runs; i += 1) {
      app.push(await probe(appEntry));
      empty.push(await probe(emptyEntry));
    }
    const m = (samples: Sample[], key: 'requireMs' | 'wallMs' | 'maxRssBytes') => median(samples.map((s) => s[key]));
    const requireRatio = m(app, 'requireMs') / m(empty, 'requireMs');
    const wallRatio = m(app, 'wallMs') / m(empty, 'wallMs');
    const rssRatio = m(app, 'maxRssBytes') / m(empty, 'maxRssBytes');
    const target = `≤ ${COLD_START_TARGET.toFixed(2)}×`;
    const projectRoot = path.resolve(path.dirname(appEntry));
    // Only dependencies the app loads at start-up count; one loaded on first use costs nothing here.
    const loadedAtStart = new Set(app[0]?.loaded ?? []);
    const dependencyMs: Array<[string, number | null]> = [];
    for (const name of DEPENDENCIES) {
      if (!loadedAtStart.has(name.split('/')[0])) {
        dependencyMs.push([name, null]);
        continue;
      }
      const times: number[] = [];
      for (let i = 0; i < Math.max(3, Math.floor(runs / 3)); i += 1)
        times.push(await probeDependency(projectRoot, name));
      dependencyMs.push([name, median(times)]);
    }
    const appOwnMs =
      m(app, 'requireMs') - m(empty, 'requireMs') - dependencyMs.reduce((sum, [, ms]) => sum + (ms ?? 0), 0);
    return {
      name: this.name,
      title: this.title,
      method:
        `Median of ${runs} fresh \`node\` processes each (alternating), after one untimed warm-up load each. ` +
        '`require()` time is measured inside the child around `require(<root>/index.js)` (this app: the released bundle, ' +
        "`scripts/bundle.js` over the tsc build, as `npm run zip` ships it, with the project's node_modules); process time is the parent's wall clock for the whole child (Node start-up included); " +
        `peak memory is the child's \`process.resourceUsage().maxRSS\`. Baseline: ${EMPTY_APP_DESCRIPTION}. ` +
        'By part: each runtime dependency the app has loaded once its require() returns, timed on its own after core in a fresh process (median); ' +
        "the app's own share is the rest of the difference (a rough estimate: a difference of medians).",
      rows: [
        {
          metric: 'require() time, app / empty',
          value: `${fmt(m(app, 'requireMs'))} ms / ${fmt(m(empty, 'requireMs'))} ms = ${ratio(requireRatio)}`,
          target,
          status: met(requireRatio <= COLD_START_TARGET),
        },
        {
          metric: 'process start-to-exit, app / empty',
          value: `${fmt(m(app, 'wallMs'))} ms / ${fmt(m(empty, 'wallMs'))} ms = ${ratio(wallRatio)}`,
          target,
          status: met(wallRatio <= COLD_START_TARGET),
        },
        {
          metric: 'peak RSS, app / empty',
          value: `${mb(m(app, 'maxRssBytes'))} / ${mb(m(empty, 'maxRssBytes'))} = ${ratio(rssRatio)}`,
          status: 'info',
        },
        {
          metric: 'extra require() time, by part',
          value: `${dependencyMs.map(([name, ms]) => (ms === null ? `${name} not loaded at start` : `${name} ${fmt(ms)} ms`)).join(', ')}, the app's own modules ≈ ${fmt(appOwnMs)} ms`,
          status: 'info',
        },
      ],
      notes: [],
    };
  }
}
