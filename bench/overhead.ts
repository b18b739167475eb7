/**
 * What one action costs on top of its HTTP request: find_account (search by domain) through
 * zapier-platform-core's createAppTester against the sandbox, against the same single request
 * made with fetch. The app's own share (validating and building the request, mapping the
 * response, ranking) is timed apart by calling those functions directly.
 */
import { createAppTester, type Bundle, type HttpResponse, type ZObject } from 'zapier-platform-core';
import App from '../index';
import { DEMO_KEYS, startSandbox } from '../sandbox';
import { endpoints } from '../src/endpoints';
import { afterResponse } from '../src/errors';
import { matchAccountsByDomain } from '../src/ranking';
import { buildRequest } from '../src/request-builder';
import { sampleAccount } from '../src/samples';
import { fmt, median, ratio, timeEach } from './measure';
import { searches } from '../test/helpers/operations';
import type { BenchOptions, BenchResult, Benchmark } from './report';

const ACTION = 'find_account';

/** Median µs of a synchronous function over many calls (batched, as one call is below the timer's grain). */
async function microseconds(fn: () => unknown, batches: number, perBatch = 200): Promise<number> {
  const durations = await timeEach(batches, () => {
    for (let i = 0; i < perBatch; i += 1) fn();
  });
  return (median(durations) * 1000) / perBatch;
}

export const overhead: Benchmark = {
  name: 'overhead',
  title: 'Overhead of one action through zapier-platform-core',
  async run(options: BenchOptions): Promise<BenchResult> {
    const op = searches().find((s) => s.key === ACTION);
    if (!op?.perform) throw new Error(`${ACTION} is not in the app`);
    const perform = op.perform;
    const runs = options.quick ? 60 : 300;
    const sandbox = await startSandbox({ requestLogLimit: 100 });
    const previousBase = process.env.REEVO_API_BASE_URL;
    process.env.REEVO_API_BASE_URL = sandbox.url;
    try {
      const tester = createAppTester(App);
      const input = { domain_name: sampleAccount.domain_name };
      const bundle = { authData: { api_key: DEMO_KEYS.full }, inputData: input } as unknown as Bundle;
      const built = buildRequest(endpoints.searchAccounts, input);
      if (!built.ok) throw new Error('the benchmark input is not valid');
      const url = `${sandbox.url}${built.request.path}`;
      const direct = async () => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': DEMO_KEYS.full },
          body: JSON.stringify(built.request.body),
        });
        const data = (await response.json()) as unknown[];
        if (!response.ok || !Array.isArray(data) || data.length === 0)
          throw new Error(`direct request failed: HTTP ${response.status}`);
      };
      const viaCore = async () => {
        const found = (await tester(perform, bundle)) as unknown[];
        if (!Array.isArray(found) || found.length === 0) throw new Error(`${ACTION} found nothing`);
      };
      // Warm up both paths (JIT, keep-alive sockets), then alternate so drift hits both alike.
      for (let i = 0; i < 30; i += 1) {
        await direct();
        await viaCore();
      }
      const coreTimes: number[] = [];
      const directTimes: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        directTimes.push(...(await timeEach(1, direct)));
        coreTimes.push(...(await timeEach(1, viaCore)));
      }
      // Core's cost per invocation without any request: bundle, z, middleware around a no-op.
      const noop = async () => [];
      const noopTimes = await timeEach(runs, () => tester(noop, bundle));
      const core = median(coreTimes);
      const plain = median(directTimes);

      // The app's own code on this path, called directly.
      const buildUs = await microseconds(() => buildRequest(endpoints.searchAccounts, input), options.quick ? 20 : 60);
      const responseText = JSON.stringify([sampleAccount]);
      const fakeResponse = {
        status: 200,
        content: responseText,
        request: { middlewareData: {} },
        getHeader: () => undefined,
      } as unknown as HttpResponse;
      const fakeZ = { errors: {} } as unknown as ZObject;
      const afterUs = await microseconds(() => afterResponse(fakeResponse, fakeZ, bundle), options.quick ? 20 : 60);
      const rankUs = await microseconds(
        () => matchAccountsByDomain([sampleAccount], String(sampleAccount.domain_name)),
        options.quick ? 20 : 60,
      );
      const appMs = (buildUs + afterUs + rankUs) / 1000;
      return {
        name: this.name,
        title: this.title,
        method:
          `Median of ${runs} alternating runs after 30 warm-up pairs, sandbox in the same process (key \`full\`). ` +
          `Through core: \`createAppTester(App)(find_account perform, {domain_name: "${sampleAccount.domain_name}"})\` — a full invocation: ` +
          'bundle and z object, beforeRequest, node-fetch, logging middleware, afterResponse, result checks. ' +
          "A no-op perform through the same appTester isolates core's per-invocation cost. Direct: one `fetch` POST /api/v1/public/accounts/search with the same body and key, JSON parsed. " +
          'App code: buildRequest (zod validation and normalising), afterResponse on a 200 and the domain ranking, each called directly (median of batches of 200 calls).',
        rows: [
          {
            metric: 'one action, core / direct fetch',
            value: `${fmt(core, 2)} ms / ${fmt(plain, 2)} ms = ${ratio(core / plain)}`,
            status: 'info',
          },
          { metric: 'added per action by core + app', value: `${fmt(core - plain, 2)} ms`, status: 'info' },
          {
            metric: "of which the app's own code",
            value: `${fmt(appMs * 1000, 1)} µs (buildRequest ${fmt(buildUs, 1)} µs, afterResponse ${fmt(afterUs, 1)} µs, ranking ${fmt(rankUs, 1)} µs)`,
            status: 'info',
          },
          {
            metric: 'core invocation without a request',
            value: `${fmt(median(noopTimes), 2)} ms (appTester of a no-op perform)`,
            status: 'info',
          },
        ],
        notes: [],
      };
    } finally {
      if (previousBase === undefined) delete process.env.REEVO_API_BASE_URL;
      else process.env.REEVO_API_BASE_URL = previousBase;
      await sandbox.stop();
    }
  },
};
