/** The `api-calls` benchmark: the counts of test/helpers/api-calls.ts, as a report. */
import { countApiCalls } from '../test/helpers/api-calls';
import { met, type BenchOptions, type BenchResult, type Benchmark, type Row } from './report';

export const apiCalls: Benchmark = {
  name: 'api-calls',
  title: 'API calls per operation',
  async run(_options: BenchOptions): Promise<BenchResult> {
    const counts = await countApiCalls();
    const measured = counts.filter((c) => Number.isFinite(c.calls));
    const atMinimum = measured.filter((c) => c.calls <= c.minimum);
    const warm = counts.filter((c) => !c.step.startsWith('first run'));
    const warmSchemaReads = warm.reduce((sum, c) => sum + c.schemaReads, 0);
    const firstRunReads = counts.filter((c) => c.step.startsWith('first run'));
    const failedRuns = counts.filter((c) => c.note && !c.ok && !c.step.startsWith('first run'));
    const rows: Row[] = [
      { metric: 'steps at the contract minimum', value: `${atMinimum.length} of ${counts.length}`, target: 'all', status: met(atMinimum.length === counts.length) },
      { metric: 'schema reads in warm runs', value: String(warmSchemaReads), target: '0', status: met(warmSchemaReads === 0) },
      { metric: 'schema reads in first runs', value: `${firstRunReads.reduce((s, c) => s + c.schemaReads, 0)} over ${firstRunReads.length} operations`, status: 'info' },
    ];
    if (failedRuns.length) rows.push({ metric: 'steps that failed', value: failedRuns.map((c) => `${c.operation} ${c.step}`).join('; '), status: 'failed' });
    const table = [
      '| Operation | Step | API calls | Minimum | Schema reads | Note |',
      '|---|---|---|---|---|---|',
      ...counts.map((c) => `| ${c.operation} | ${c.step} | ${Number.isFinite(c.calls) ? c.calls : 'n/a'} | ${c.minimum} | ${c.schemaReads} | ${(c.note ?? '').replace(/\|/g, '\\|')} |`),
    ].join('\n');
    return {
      name: this.name,
      title: this.title,
      method:
        'The sandbox (sandbox/index.ts, in-process, key `full`) logs every request; each step runs through zapier-platform-core\'s createAppTester. ' +
        'Operations come from the app definition (triggers, creates, searches and searchOrCreates maps), inputs from the sample records the sandbox is seeded with ' +
        '(test/helpers/operations.ts: the first candidate input that runs without error; those trial runs are not counted). An action run resolves its dynamic input fields, then performs, as a Zap run does. ' +
        'Minimum: 1 per create, search, subscribe, unsubscribe and sample list; 0 for receiving a delivery; 2 for a search-or-create that creates, 1 when it finds. ' +
        'Schema reads (GET /api/v2/_schema/…, for custom fields) are counted apart: the first run in a process may read the schema; a warm run must not.',
      rows,
      notes: [
        'The schema cache lives in the memory of one process (src/custom-fields.ts). Zapier resolves dynamic fields on every run, so a run on a warm worker reads no schema, ' +
          'but each new worker (a cold start) reads it once per record type; a cache in Zapier\'s z.cache would carry it across workers.',
        'Hidden dropdown triggers keep their page cursor with z.cursor, which needs Zapier\'s RPC and fails under a local appTester after the one page request, which is counted.',
      ],
      details: table,
    };
  },
};
