import { defineApp, version as platformVersion } from 'zapier-platform-core';
import authentication from './authentication';
import creates from './creates';
import searches from './searches';
import triggers from './triggers';
import { beforeRequest } from './src/client';
import { afterResponse } from './src/errors';
import packageJson from './package.json';

export default defineApp({
  version: packageJson.version,
  platformVersion,
  authentication,
  beforeRequest: [beforeRequest],
  afterResponse: [afterResponse],
  triggers,
  creates,
  searches,
  searchOrCreates: {
    find_account: {
      key: 'find_account',
      display: {
        label: 'Find or Create Account',
        description: 'Finds an account by domain, or creates it if none is found.',
      },
      search: 'find_account',
      create: 'create_account',
    },
    find_contact: {
      key: 'find_contact',
      display: {
        label: 'Find or Create Contact',
        description: 'Finds a contact by email, or creates it with its account if none is found.',
      },
      search: 'find_contact',
      create: 'upsert_account_contact',
    },
    find_opportunity: {
      key: 'find_opportunity',
      display: {
        label: 'Find or Create Opportunity',
        description: 'Finds an opportunity, or creates it if none is found.',
      },
      search: 'find_opportunity',
      create: 'create_opportunity',
    },
  },
});
