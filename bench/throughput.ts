/** Sandbox throughput: bench/sandbox-throughput.ts (by the sandbox's author) as one benchmark of the run. */
import { benchSandboxThroughput } from './sandbox-throughput';
import type { BenchOptions, BenchResult, Benchmark } from './report';

export const sandboxThroughput: Benchmark = {
  name: 'sandbox-throughput',
  title: 'Sandbox throughput',
  async run(options: BenchOptions): Promise<BenchResult> {
    const seconds = options.quick ? 2 : 5;
    const results = await benchSandboxThroughput(seconds);
    return {
      name: this.name,
      title: this.title,
      method: `\`benchSandboxThroughput(${seconds})\` from bench/sandbox-throughput.ts: autocannon, 10 connections, ${seconds} s per endpoint, against the sandbox on loopback in the same process (the load generator shares the core, so the figures are a floor).`,
      rows: results.map((r) => {
        const floor = r.target ? Number(/\d+/.exec(r.target)?.[0]) : Number.NaN;
        return {
          metric: r.name,
          value: `${r.value.toLocaleString('en-US')} ${r.unit}`,
          ...(r.target ? { target: r.target } : {}),
          status: r.target ? (r.value >= floor ? ('met' as const) : ('missed' as const)) : ('info' as const),
        };
      }),
      notes: [],
    };
  },
};
