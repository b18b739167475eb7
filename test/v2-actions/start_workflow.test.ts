import nock from 'nock';
import { perform } from '../../creates/start_workflow';
import { WORKFLOW_KEY_HEADER } from '../../src/workflows';
import { appTester, bundleWith, caught, TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';
import { unexpectedRequests, useNock } from './helpers';

useNock();

const HOOK_HOST = 'https://hooks.reevo.test';
const HOOK_PATH = '/workflows/wf_7Hq2/webhook/s3cr3t-token';
const WORKFLOW_KEY = 'wfk_live_0c1d2e3f';

interface Arrival {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** One request to `host + path`, answered with `status`; tells what arrived. */
function workflowUrl(
  host: string,
  path: string,
  status: number,
  reply: unknown = { status: 'accepted' },
  headers: Record<string, string> = {},
) {
  const arrivals: Arrival[] = [];
  nock(host)
    .post(path)
    .reply(function (_uri, body) {
      arrivals.push({ headers: this.req.headers, body });
      return [status, reply as nock.Body, headers];
    });
  return arrivals;
}

describe('start_workflow', () => {
  it('POSTs the key/value variables as one JSON object with the workflow key, and says the run was queued', async () => {
    const arrivals = workflowUrl(HOOK_HOST, HOOK_PATH, 200, { run_id: 'run_1' });
    const result = await appTester(
      perform,
      bundleWith({
        workflow_url: `${HOOK_HOST}${HOOK_PATH}`,
        variables: { email: 'jane@acme.com', ' company ': 'Acme' },
        workflow_key: WORKFLOW_KEY,
      }),
    );
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0].body).toEqual({ email: 'jane@acme.com', company: 'Acme' });
    expect(arrivals[0].headers['content-type']).toBe('application/json');
    expect(arrivals[0].headers[WORKFLOW_KEY_HEADER]).toBe(WORKFLOW_KEY);
    expect(JSON.stringify(arrivals[0].headers)).not.toContain(TEST_API_KEY);
    expect(result).toEqual({ status: 'queued', http_status: 200, variable_names: ['email', 'company'] });
  });

  it('sends raw JSON with nested values as it is, and no key header when no workflow key is given', async () => {
    const arrivals = workflowUrl(HOOK_HOST, HOOK_PATH, 200, 'OK');
    const result = await appTester(
      perform,
      bundleWith({
        workflow_url: `${HOOK_HOST}${HOOK_PATH}`,
        variables_json: '{"contact": {"email": "jane@acme.com"}, "tags": ["webinar", 2026]}',
      }),
    );
    expect(arrivals[0].body).toEqual({ contact: { email: 'jane@acme.com' }, tags: ['webinar', 2026] });
    expect(arrivals[0].headers[WORKFLOW_KEY_HEADER]).toBeUndefined();
    expect(result).toMatchObject({ status: 'queued', variable_names: ['contact', 'tags'] });
  });

  it('never sends the connection key, even to a workflow URL on the Reevo API host', async () => {
    const arrivals = workflowUrl(TEST_BASE_URL, '/api/v2/workflow-hooks/wf_7Hq2', 200);
    await appTester(
      perform,
      bundleWith({
        workflow_url: `${TEST_BASE_URL}/api/v2/workflow-hooks/wf_7Hq2`,
        variables: { email: 'jane@acme.com' },
      }),
    );
    expect(arrivals[0].headers['x-api-key']).toBeUndefined();
    expect(arrivals[0].headers.authorization).toBeUndefined();
    expect(JSON.stringify(arrivals[0])).not.toContain(TEST_API_KEY);
  });

  it('does not follow a redirect, so neither the variables nor the workflow key go elsewhere', async () => {
    workflowUrl(HOOK_HOST, HOOK_PATH, 302, '', { location: `${TEST_BASE_URL}/api/v2/note` });
    const elsewhere = nock(TEST_BASE_URL).post('/api/v2/note').reply(201, {});
    const error = await caught(
      appTester(
        perform,
        bundleWith({ workflow_url: `${HOOK_HOST}${HOOK_PATH}`, variables: { a: '1' }, workflow_key: WORKFLOW_KEY }),
      ),
    );
    expect(error.message).toMatch(/redirect \(HTTP 302\)\. Redirects are not followed/);
    expect(elsewhere.isDone()).toBe(false);
  });

  it.each([
    [401, true, /refused the Workflow Key \(HTTP 401\)/],
    [401, false, /needs a key \(HTTP 401\): fill in Workflow Key/],
    [404, false, /has no active workflow \(HTTP 404\)/],
    [500, false, /problem on Reevo's side \(HTTP 500\)\. The run was not queued/],
  ])(
    'HTTP %i (workflow key given: %s) fails with a message that names neither URL secret nor key',
    async (status, withKey, message) => {
      workflowUrl(HOOK_HOST, HOOK_PATH, status, { detail: 'nope' });
      const error = await caught(
        appTester(
          perform,
          bundleWith({ workflow_url: `${HOOK_HOST}${HOOK_PATH}`, ...(withKey ? { workflow_key: WORKFLOW_KEY } : {}) }),
        ),
      );
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/^The workflow URL on hooks\.reevo\.test /);
      expect(error.message).not.toMatch(/s3cr3t|wfk_live/);
    },
  );

  it('leaves a 429 to Zapier to retry after the time the workflow URL asks for', async () => {
    workflowUrl(HOOK_HOST, HOOK_PATH, 429, {}, { 'retry-after': '30' });
    const error = await caught(appTester(perform, bundleWith({ workflow_url: `${HOOK_HOST}${HOOK_PATH}` })));
    expect(error).toMatchObject({ name: 'ThrottledError', delay: 30 });
  });

  it.each([
    [{}, /Workflow URL \(workflow_url\) is required/],
    [{ workflow_url: 'hooks.reevo.test/wf' }, /is not a web address/],
    [{ workflow_url: 'http://hooks.reevo.test/wf' }, /must start with https:\/\//],
    [{ workflow_url: 'https://user:pw@hooks.reevo.test/wf' }, /must not contain a user name or password/],
    [
      { workflow_url: `${HOOK_HOST}/wf`, variables_json: '{"email": "jane@acme.com",}' },
      /Variables as JSON \(variables_json\) is not valid JSON/,
    ],
    [{ workflow_url: `${HOOK_HOST}/wf`, variables_json: '["jane@acme.com"]' }, /must be a JSON object/],
    [{ workflow_url: `${HOOK_HOST}/wf`, variables_json: '"jane"' }, /must be a JSON object/],
    [
      { workflow_url: `${HOOK_HOST}/wf`, variables: { a: '1' }, variables_json: '{"b": 2}' },
      /Fill in only one of Variables/,
    ],
    [
      { workflow_url: 'ftp://hooks.reevo.test/wf', variables_json: '[]' },
      /Please fix these fields:\n- .*https:\/\/.*\n- .*JSON object/,
    ],
  ])('sends nothing for %j', async (input, message) => {
    const error = await caught(appTester(perform, bundleWith(input)));
    expect(error.message).toMatch(message);
    expect(unexpectedRequests()).toBe(0);
  });

  it('sends text that looks like a Zapier template ({{bundle.…}}) as typed', async () => {
    const arrivals = workflowUrl(HOOK_HOST, HOOK_PATH, 200);
    await appTester(
      perform,
      bundleWith({ workflow_url: `${HOOK_HOST}${HOOK_PATH}`, variables: { note: 'Hi {{bundle.inputData.name}}' } }),
    );
    expect(arrivals[0].body).toEqual({ note: 'Hi {{bundle.inputData.name}}' });
  });

  describe('when no answer comes', () => {
    const url = `${HOOK_HOST}${HOOK_PATH}`;
    afterEach(() => {
      delete process.env.REEVO_REQUEST_TIMEOUT_MS;
    });

    it('a refused connection says nothing was sent and it is safe to replay', async () => {
      nock(HOOK_HOST)
        .post(HOOK_PATH)
        .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
      const error = await caught(appTester(perform, bundleWith({ workflow_url: url })));
      expect(error.message).toMatch(
        /workflow URL on hooks\.reevo\.test: the connection was refused\. Nothing was sent/,
      );
      expect(error.message).not.toContain(HOOK_PATH);
    });

    it('a dropped connection says the run may or may not have been queued', async () => {
      nock(HOOK_HOST)
        .post(HOOK_PATH)
        .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      const error = await caught(appTester(perform, bundleWith({ workflow_url: url })));
      expect(error.message).toMatch(/may or may not have been queued/);
    });

    it('gives up at the same deadline as requests to Reevo', async () => {
      process.env.REEVO_REQUEST_TIMEOUT_MS = '200';
      nock(HOOK_HOST).post(HOOK_PATH).delay(5_000).reply(200);
      const started = Date.now();
      const error = await caught(appTester(perform, bundleWith({ workflow_url: url })));
      expect(error.message).toMatch(/the request timed out\. The run may or may not have been queued/);
      expect(Date.now() - started).toBeLessThan(4_000);
    });
  });

  it('allows plain http only to this machine (the sandbox)', async () => {
    const arrivals = workflowUrl('http://127.0.0.1:4010', '/wf', 200);
    await appTester(perform, bundleWith({ workflow_url: 'http://127.0.0.1:4010/wf' }));
    expect(arrivals[0].body).toEqual({});
  });
});
