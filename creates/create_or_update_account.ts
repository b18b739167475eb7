import { defineCreate, type Bundle, type ZObject } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { outputFieldsOf } from '../src/output-fields';
import { sampleOf } from '../src/samples';
import { writeV2 } from '../src/v2-perform';
import { inputFieldsFor } from '../src/zapier-fields';

/** The account, and whether Reevo created it or found it by its domain and updated it. */
export const perform = async (z: ZObject, bundle: Bundle) => {
  const { record, action } = await writeV2(z, endpoints.assertAccount, 'account', bundle.inputData);
  return { ...record, action };
};

export default defineCreate({
  key: 'create_or_update_account',
  noun: 'Account',
  display: {
    label: 'Create or Update Account (By Domain)',
    description:
      'Updates the account with this domain, or creates it if there is none. Safe to run again with the same domain.',
  },
  operation: {
    inputFields: inputFieldsFor(endpoints.assertAccount, {
      domain_name: {
        helpText:
          "The company's domain, e.g. `acme.com`: Reevo updates the account with this domain, or creates one. A URL or an email address works too: `https://www.acme.com/about` and `jane@acme.com` both become `acme.com`.",
      },
    }),
    perform,
    sample: { ...sampleOf('account'), action: 'created' },
    outputFields: [{ key: 'action', label: 'Created or Updated' }, ...outputFieldsOf('account')],
  },
});
