import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { accountFields, opportunityFields } from '../src/fields';
import { isBlank } from '../src/normalise';
import { opportunityOutputFields } from '../src/output-fields';
import { rankOpportunitiesByName } from '../src/ranking';
import { findByIdOrFields, labelledAs, recordIdInput } from '../src/record-search';
import { sampleOpportunity } from '../src/samples';
import { inputField } from '../src/zapier-fields';

const inputFields = [
  inputField(opportunityFields.display_name, {
    helpText: 'The name of the deal, e.g. `Acme Analytics - Annual Plan`. An opportunity with exactly this name comes first.',
  }),
  inputField(accountFields.account_id, {
    helpText: "Only the account's opportunities. Pick one, search for it by domain, or map an account ID from an earlier step.",
  }),
  inputField(opportunityFields.owner_email, { helpText: 'Only opportunities owned by the Reevo user with this email.' }),
  inputField(opportunityFields.status),
  inputField(opportunityFields.stage_name, { helpText: 'Only opportunities in this pipeline stage, by its name in Reevo, e.g. `Proposal`.' }),
  recordIdInput(opportunityFields.opportunity_id, {
    label: 'Opportunity ID',
    helpText: 'Or find the opportunity by its Reevo ID, e.g. mapped from an earlier step. Leave empty to search by the fields above.',
  }),
];

export const perform = async (z: ZObject, bundle: Bundle) =>
  findByIdOrFields(z, bundle.inputData, {
    byId: labelledAs(endpoints.getOpportunity, inputFields),
    byFields: labelledAs(endpoints.searchOpportunities, inputFields),
    rank: (opportunities, input) =>
      isBlank(input.display_name) ? opportunities : rankOpportunitiesByName(opportunities, String(input.display_name)),
  });

export default defineSearch({
  key: 'find_opportunity',
  noun: 'Opportunity',
  display: {
    label: 'Find Opportunity',
    description: 'Finds an opportunity by name, account, owner, status or stage, or by its ID.',
  },
  operation: {
    inputFields,
    perform,
    sample: sampleOpportunity,
    outputFields: [...opportunityOutputFields],
  },
});
