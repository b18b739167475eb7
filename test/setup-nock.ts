import nock from 'nock';

// Jest gives every test file its own copy of nock, but they all patch the one `http` module of
// the process. Unpatch after each file, or the next file's interceptors are never consulted.
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});
