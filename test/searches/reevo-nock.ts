import nock from 'nock';
import { TEST_API_KEY, TEST_BASE_URL } from '../helpers/zapier';

/** Shared set-up for the nock tests of searches: no real network, and every mock used. */

export { API, unexpectedRequests, useNock } from '../helpers/nock';

/** A fake Reevo that only answers requests carrying the connection's key. */
export const reevo = () => nock(TEST_BASE_URL, { reqheaders: { 'x-api-key': TEST_API_KEY } });
