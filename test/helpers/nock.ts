import nock from 'nock';

export { V1 as API } from '../../src/endpoints';

let unmatched = 0;
const countUnmatched = () => {
  unmatched += 1;
};

/**
 * No real network, no mock left over between tests, and a count of requests no mock expected:
 * a test of a validation error defines no mock and asserts that the count stays 0.
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
