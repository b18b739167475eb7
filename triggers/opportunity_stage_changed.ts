import { defineTrigger, type Bundle } from 'zapier-platform-core';
import { opportunityFields } from '../src/fields';
import { sampleOpportunity } from '../src/samples';
import type { V1Record } from '../src/v2';
import { reevoHook } from '../src/webhooks';
import { inputField } from '../src/zapier-fields';

const stageKey = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** With a stage chosen, only opportunities that have just entered it; stage names match in any case. */
const entersChosenStage = (record: V1Record, bundle: Bundle) => {
  const wanted = stageKey(bundle.inputData.stage_name);
  return wanted === '' || stageKey(record.stage_name) === wanted;
};

const hook = reevoHook({
  recordType: 'opportunity',
  eventType: 'opportunity.stage_changed',
  label: 'Opportunity Stage Changed',
  reportsChanges: true,
  newestBy: 'updated_at',
  accepts: entersChosenStage,
  // A stage change always changes the stage, even when a delivery leaves `changes` out.
  impliedChanges: (record) => ({ stage_name: { old: null, new: record.stage_name } }),
  exampleChanges: { stage_name: { old: 'Discovery', new: sampleOpportunity.stage_name } },
});

export const { perform, performList, performSubscribe, performUnsubscribe } = hook;

export default defineTrigger({
  key: 'opportunity_stage_changed',
  noun: 'Opportunity',
  display: {
    label: 'Opportunity Stage Changed',
    description: 'Triggers when an opportunity moves to another pipeline stage, or only when it enters the stage you choose.',
  },
  operation: {
    type: 'hook',
    inputFields: [
      inputField(opportunityFields.stage_name, {
        label: 'Only When It Enters Stage',
        helpText:
          'Optional: trigger only when an opportunity enters this stage, by its name in Reevo (e.g. `Closed Won`; upper or lower case does not matter). Leave empty to trigger on every stage change.',
      }),
    ],
    perform,
    performList,
    performSubscribe,
    performUnsubscribe,
    sample: hook.sample,
    outputFields: hook.outputFields,
  },
});
