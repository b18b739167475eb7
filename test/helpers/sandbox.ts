import nock from 'nock';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox';
import { TEST_BASE_URL } from './zapier';

/**
 * A sandbox for the tests of one file, on a loopback port, with the app pointed at it and no
 * other network allowed. Returns a getter, since the sandbox starts in `beforeAll`.
 */
export function useSandbox(options?: SandboxOptions): () => RunningSandbox {
  let sandbox: RunningSandbox | undefined;
  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    sandbox = await startSandbox(options);
    process.env.REEVO_API_BASE_URL = sandbox.url;
  });
  afterAll(async () => {
    process.env.REEVO_API_BASE_URL = TEST_BASE_URL;
    await sandbox?.stop();
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox starts in beforeAll; use it inside a test');
    return sandbox;
  };
}
