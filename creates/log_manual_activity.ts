import { defineCreate } from 'zapier-platform-core';
import { performEndpoint } from '../src/client';
import { endpoints } from '../src/endpoints';
import { manualActivityOutputFields } from '../src/output-fields';
import { sampleManualActivity } from '../src/samples';
import { inputFieldsFor } from '../src/zapier-fields';

export const perform = performEndpoint(endpoints.createManualActivity);

export default defineCreate({
  key: 'log_manual_activity',
  noun: 'Activity',
  display: {
    label: 'Log Manual Activity',
    description:
      'Creates a manual activity, such as a call, a meeting at an event or a LinkedIn message, on the timeline of an account, its contacts or an opportunity.',
  },
  operation: {
    inputFields: inputFieldsFor(endpoints.createManualActivity, {
      account_id: {
        helpText:
          'The account the activity belongs to, if any. Pick one, search for it by domain, or map an account ID from an earlier step.',
      },
    }),
    perform,
    sample: sampleManualActivity,
    outputFields: [...manualActivityOutputFields],
  },
});
