import nock from 'nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';

/** Shared set-up for the nock tests of searches: no real network, and every mock used. */

export const API = '/api/v1/public';

/** A fake Reevo that only answers requests carrying the connection's key. */
export const reevo = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });

let unmatched = 0;
const countUnmatched = () => {
  unmatched += 1;
};

/**
 * No real network, no mock left over, and a count of requests no mock expected: a test of a
 * validation error defines no mock and asserts that this count stays 0.
 */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.emitter.on('no match', countUnmatched);
  });
  beforeEach(() => {
    unmatched = 0;
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.emitter.removeListener('no match', countUnmatched);
    nock.enableNetConnect();
  });
}

/** Requests sent in this test that no mock expected. */
export const unexpectedRequests = () => unmatched;
