/** Start Reevo Workflow in Clay: the Reevo key never reaches a workflow URL; the URL and the body are checked as the Zapier action checks them. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { recipeByName } from '../../clay/recipes';
import { DEMO_KEYS, type RunningSandbox, startSandbox } from '../../sandbox';
import { DEMO_WORKFLOW, WORKFLOW_HOOK_PATH } from '../../sandbox/workflows';
import { cli, problemLines, readCsv, tempDir, writeTable } from './helpers';

const HEADER = ['Workflow URL', 'Email', 'Company Name', 'Lead Score', 'Workflow Started'];

/** A server on 127.0.0.1 that records every request and answers as told. */
async function recorder(
  answer: (request: { url: string }) => { status: number; headers?: Record<string, string>; body?: string },
) {
  const requests: Array<{ url: string; headers: IncomingHttpHeaders; body: string }> = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ url: req.url ?? '', headers: req.headers, body });
      const { status, headers, body: text } = answer({ url: req.url ?? '' });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(text ?? '');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise<void>((done) => server.close(() => done())) };
}

const noSleep = { sleep: async () => undefined, backoffMs: 1 };

describe('Start Reevo Workflow recipe', () => {
  it('uses no Reevo key Account, and its Only run if skips rows already started', () => {
    const recipe = recipeByName('start_workflow')!;
    expect(recipe.endpoint).toBe('{{Workflow URL}}');
    expect(JSON.stringify(recipe.account)).not.toMatch(/Reevo API key|Authorization/);
    expect(recipe.account.headers).toEqual([{ key: 'x-api-key', value: expect.stringContaining('workflow key') }]);
    expect(recipe.onlyRunIf.formula).toBe('!!{{Workflow URL}} && !!{{Email}} && !{{Workflow Started}}');
  });

  it('list shows it', async () => {
    expect((await cli(['list'])).stdout).toMatch(/start_workflow/);
  });

  it('render sends only the filled cells, a plain number as a number, and shows the URL by its host only', async () => {
    const dir = tempDir();
    const table = writeTable(dir, 'wf.csv', [
      HEADER,
      ['https://hooks.reevo.ai/workflows/secret-id', 'jane@acme.com', '', '82', ''],
      ['https://hooks.reevo.ai/workflows/secret-id', 'sam@acme.com', 'Acme', 'high', 'queued'],
    ]);
    const { code, stdout } = await cli(['render', 'start_workflow', table]);
    expect(code).toBe(0);
    expect(stdout).toContain('POST https://hooks.reevo.ai/… (the Workflow URL cell)');
    expect(stdout).not.toContain('secret-id');
    expect(stdout).toContain('x-api-key: (from the Clay Account "Reevo workflow key")');
    expect(stdout).toContain('{"email":"jane@acme.com","lead_score":82}');
    expect(stdout).toMatch(/### row 2: not run \(already done: "Workflow Started" is filled\)/);
  });

  it('check refuses a non-https URL (http only to this machine), a URL with a password, a placeholder and a body that is not an object', async () => {
    const dir = tempDir();
    const table = writeTable(dir, 'wf.csv', [
      HEADER,
      ['http://hooks.example.com/w/1', 'jane@acme.com', '', '', ''],
      ['https://user:pw@hooks.example.com/w/1', 'jane@acme.com', '', '', ''],
      ['https://hooks.example.com/w/1', 'jane@acme.com', 'N/A', '', ''],
      ['http://127.0.0.1:9/w/1', 'jane@acme.com', 'Acme', '7', ''],
    ]);
    const { code, stdout } = await cli(['check', 'start_workflow', table]);
    expect(code).toBe(1);
    expect(problemLines(stdout)).toEqual([
      expect.stringMatching(
        /^row 1, column "Workflow URL" \(workflow_url\): Workflow URL \(workflow_url\) must start with https:\/\//,
      ),
      expect.stringMatching(
        /^row 2, column "Workflow URL" \(workflow_url\): .*must not contain a user name or password/,
      ),
      expect.stringMatching(/^row 3, column "Company Name" \(company\): "N\/A" is a placeholder/),
    ]);

    const recipe = {
      ...recipeByName('start_workflow')!,
      bodyFormula: { column: 'Start Reevo Workflow Body', formula: 'JSON.stringify([{{Email}}])' },
    };
    const edited = join(dir, 'list-body.json');
    writeFileSync(edited, JSON.stringify(recipe));
    const list = await cli(['check', edited, table]);
    expect(problemLines(list.stdout)).toContainEqual(
      expect.stringMatching(/^row 4, column \(body\): the body must be a JSON object/),
    );
  });

  it('a recipe file that puts the Reevo API key Account on it is refused', async () => {
    const dir = tempDir();
    const recipe = { ...recipeByName('start_workflow')!, account: recipeByName('create_task')!.account };
    const edited = join(dir, 'with-key.json');
    writeFileSync(edited, JSON.stringify(recipe));
    const table = writeTable(dir, 'wf.csv', [HEADER, ['https://hooks.example.com/w/1', 'jane@acme.com', '', '', '']]);
    const { code, stderr } = await cli(['check', edited, table]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/must not use the Reevo API key Account/);
  });
});

describe('reevo-clay send start_workflow', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(async () => {
    await sb.stop();
  });

  it('starts the sandbox workflow with its workflow key only: the Reevo key never reaches it', async () => {
    const dir = tempDir();
    const hook = `${sb.url}${WORKFLOW_HOOK_PATH}/${DEMO_WORKFLOW.id}`;
    const table = writeTable(dir, 'wf.csv', [
      HEADER,
      [hook, 'jane@acme.com', 'Acme', '82', ''],
      [hook, 'sam@acme.com', '', '', ''],
    ]);
    const { code, stdout } = await cli(['send', 'start_workflow', table], {
      env: { REEVO_API_KEY: DEMO_KEYS.full, REEVO_WORKFLOW_KEY: DEMO_WORKFLOW.key },
      ...noSleep,
    });
    expect(stdout).toMatch(/2 ok, 0 failed/);
    expect(code).toBe(0);
    const runs = (await (await fetch(`${sb.url}/_sandbox/workflows/${DEMO_WORKFLOW.id}/runs`)).json()) as {
      data: Array<{ variables: unknown; header_names: string[] }>;
    };
    expect(runs.data.map((run) => run.variables)).toEqual([
      { email: 'jane@acme.com', company: 'Acme', lead_score: 82 },
      { email: 'sam@acme.com' },
    ]);
    for (const run of runs.data) expect(run.header_names).not.toContain('authorization');
    expect(readCsv(join(dir, 'wf.out.csv')).map((row) => row['Workflow Started'])).toEqual(['queued', 'queued']);
  });

  it('sends no Reevo key, no key check and no x-api-key when no workflow key is set', async () => {
    const server = await recorder(() => ({ status: 200, body: '' }));
    try {
      const dir = tempDir();
      const table = writeTable(dir, 'wf.csv', [HEADER, [`${server.url}/hooks/abc`, 'jane@acme.com', '', '', '']]);
      const { code } = await cli(['send', 'start_workflow', table], {
        env: { REEVO_API_KEY: DEMO_KEYS.full },
        ...noSleep,
      });
      expect(code).toBe(0);
      expect(server.requests).toHaveLength(1);
      const [request] = server.requests;
      expect(request.url).toBe('/hooks/abc');
      expect(JSON.stringify(request.headers)).not.toContain(DEMO_KEYS.full);
      expect(request.headers['x-api-key']).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
      expect(JSON.parse(request.body)).toEqual({ email: 'jane@acme.com' });
    } finally {
      await server.close();
    }
  });

  it('never follows a redirect: the run stops and the other address gets nothing', async () => {
    const elsewhere = await recorder(() => ({ status: 200, body: '{}' }));
    const hook = await recorder(() => ({ status: 307, headers: { location: `${elsewhere.url}/steal` } }));
    try {
      const dir = tempDir();
      const table = writeTable(dir, 'wf.csv', [HEADER, [`${hook.url}/hooks/abc`, 'jane@acme.com', '', '', '']]);
      const { code, stdout } = await cli(['send', 'start_workflow', table], {
        env: { REEVO_API_KEY: DEMO_KEYS.full, REEVO_WORKFLOW_KEY: 'wf-key-123456' },
        ...noSleep,
      });
      expect(code).toBe(3);
      expect(stdout).toMatch(/Stopped early: .*redirect \(HTTP 307\)/);
      expect(hook.requests).toHaveLength(1);
      expect(hook.requests[0].headers['x-api-key']).toBe('wf-key-123456');
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await hook.close();
      await elsewhere.close();
    }
  });

  it('refuses a plain-http URL to another machine before sending anything', async () => {
    const dir = tempDir();
    const table = writeTable(dir, 'wf.csv', [HEADER, ['http://hooks.example.com/w/1', 'jane@acme.com', '', '', '']]);
    const calls: string[] = [];
    const spy = (async (url: string | URL | Request) => {
      calls.push(String(url));
      return new Response('{}');
    }) as typeof fetch;
    const { code } = await cli(['send', 'start_workflow', table], {
      env: { REEVO_API_KEY: DEMO_KEYS.full },
      fetch: spy,
      ...noSleep,
    });
    expect(code).toBe(1);
    expect(calls).toEqual([]);
    expect(readCsv(join(dir, 'wf.failed.csv'))[0]['Reevo Error']).toMatch(
      /not sent: Workflow URL: .*must start with https:\/\//,
    );
  });

  it('a workflow that wants a key stops the run with what to set', async () => {
    const dir = tempDir();
    const hook = `${sb.url}${WORKFLOW_HOOK_PATH}/${DEMO_WORKFLOW.id}`;
    const table = writeTable(dir, 'wf.csv', [
      HEADER,
      [hook, 'jane@acme.com', '', '', ''],
      [hook, 'sam@acme.com', '', '', ''],
    ]);
    const { code, stdout } = await cli(['send', 'start_workflow', table], {
      env: { REEVO_API_KEY: DEMO_KEYS.full },
      ...noSleep,
    });
    expect(code).toBe(3);
    expect(stdout).toMatch(/needs a key \(HTTP 401\): set REEVO_WORKFLOW_KEY/);
    expect(stdout).not.toContain(DEMO_WORKFLOW.id);
  });
});
