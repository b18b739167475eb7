import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { opportunityOutputFields } from '../src/output-fields';
import { sampleOpportunity } from '../src/samples';
import { dropdownPage } from '../src/v2';

export const perform = async (z: ZObject, bundle: Bundle) => dropdownPage(z, bundle.meta?.page ?? 0, 'opportunity');

export default defineTrigger({
  key: 'opportunity_list',
  noun: 'Opportunity',
  display: {
    label: 'List Opportunities',
    description: 'Triggers when an opportunity is created; lists opportunities, newest first, for opportunity dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: sampleOpportunity,
    outputFields: [...opportunityOutputFields],
  },
});
