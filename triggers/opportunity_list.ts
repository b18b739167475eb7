import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { outputFieldsOf } from '../src/output-fields';
import { sampleOf } from '../src/samples';
import { dropdownPage } from '../src/v2';

/** Choices are labelled by `display_name`, the opportunity's name in v1 and v2 alike. */
export const perform = async (z: ZObject, bundle: Bundle) => dropdownPage(z, bundle.meta?.page ?? 0, 'opportunity');

export default defineTrigger({
  key: 'opportunity_list',
  noun: 'Opportunity',
  display: {
    label: 'List Opportunities',
    description:
      'Triggers when an opportunity is created; lists opportunities, newest first, for opportunity dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform,
    sample: sampleOf('opportunity'),
    outputFields: outputFieldsOf('opportunity'),
  },
});
