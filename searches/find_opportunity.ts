import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { endpoints } from '../src/endpoints';
import { accountFields, opportunityFields } from '../src/fields';
import { isBlank } from '../src/normalise';
import { opportunityOutputFields } from '../src/output-fields';
import { hasName, matchOpportunitiesByName } from '../src/ranking';
import { findByIdOrFields, labelledAs, recordIdInput } from '../src/record-search';
import { sampleOpportunity } from '../src/samples';
import { yesNo } from '../src/yes-no';
import { inputField } from '../src/zapier-fields';

const PARTIAL = { key: 'partial_name_match', label: 'Partial Name Match' };

const inputFields = [
  inputField(opportunityFields.display_name, {
    helpText:
      'The name of the deal, e.g. `Acme Analytics - Annual Plan`. Finds the opportunity with this whole name (case and spacing aside), unless Partial Name Match is Yes.',
  }),
  {
    ...PARTIAL,
    type: 'boolean',
    required: false,
    default: 'no',
    helpText:
      'Yes also finds opportunities whose name only contains the one above (the exact name still comes first). Leave at No for Find or Create, so a similar deal is never taken for this one.',
  } as const,
  inputField(accountFields.account_id, {
    helpText:
      "Only the account's opportunities. Pick one, search for it by domain, or map an account ID from an earlier step.",
  }),
  inputField(opportunityFields.owner_email, {
    helpText: 'Only opportunities owned by the Reevo user with this email.',
  }),
  inputField(opportunityFields.status),
  inputField(opportunityFields.stage_name, {
    helpText: 'Only opportunities in this pipeline stage, by its name in Reevo, e.g. `Proposal`.',
  }),
  recordIdInput(opportunityFields.opportunity_id, {
    label: 'Opportunity ID',
    helpText:
      'Or find the opportunity by its Reevo ID, e.g. mapped from an earlier step. Tried first; when it finds nothing, the fields above are searched.',
  }),
];

export const perform = async (z: ZObject, bundle: Bundle) => {
  const partial = yesNo(z, bundle.inputData.partial_name_match, PARTIAL);
  return findByIdOrFields(z, bundle.inputData, {
    byId: labelledAs(endpoints.getOpportunity, inputFields),
    byFields: labelledAs(endpoints.searchOpportunities, inputFields),
    rank: (opportunities, input) =>
      isBlank(input.display_name)
        ? opportunities
        : matchOpportunitiesByName(opportunities, String(input.display_name), partial),
    until: (opportunity, input) =>
      isBlank(input.display_name) || partial || hasName(opportunity, String(input.display_name)),
  });
};

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
