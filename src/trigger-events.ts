import type { Bundle, PlainInputField } from 'zapier-platform-core';
import { opportunityFields } from './fields';
import { sampleAccount, sampleContact, sampleOpportunity } from './samples';
import type { TriggerEvent, TriggerRecord } from './trigger-output';
import { inputField } from './zapier-fields';

/**
 * The eight events the app triggers on. Each is reported by two triggers: a polling one (works on
 * every Reevo workspace) and an instant one (needs a webhook API). Both are built from the same
 * definition here, so their records have the same keys and the same values.
 */
export interface Event extends TriggerEvent {
  /** The polling trigger's label; the instant trigger's is this plus " (Instant)". */
  readonly label: string;
  readonly noun: string;
  /** What happened, after "Triggers when " (Zapier's wording for trigger descriptions). */
  readonly when: string;
  /** Inputs both triggers of the event take (the stage to watch). */
  readonly inputFields?: readonly PlainInputField[];
}

export const instantLabel = (event: Event) => `${event.label} (Instant)`;

const stageKey = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** With a stage chosen, only opportunities that entered it; stage names match in any case. */
const entersChosenStage = (record: TriggerRecord, bundle: Bundle) => {
  const wanted = stageKey(bundle.inputData?.stage_name);
  return wanted === '' || stageKey(record.stage_name) === wanted;
};

/** The stage triggers' one input: the stage to watch, by name. */
export const stageInput: PlainInputField = inputField(opportunityFields.stage_name, {
  label: 'Only When It Enters Stage',
  helpText:
    'Optional: trigger only when an opportunity enters this stage, by its name in Reevo (e.g. `Closed Won`; upper or lower case does not matter). Leave empty to trigger on every stage change.',
});

export const events = {
  newAccount: {
    label: 'New Account',
    noun: 'Account',
    when: 'a new account is created',
    recordType: 'account',
    eventType: 'account.created',
    occurredBy: 'created_at',
    reportsChanges: false,
  },
  updatedAccount: {
    label: 'Updated Account',
    noun: 'Account',
    when: 'an account is updated',
    recordType: 'account',
    eventType: 'account.updated',
    occurredBy: 'updated_at',
    reportsChanges: true,
    exampleChanges: {
      status: { old: 'PROSPECT', new: sampleAccount.status },
      official_website: { old: 'https://northwind-traders.com', new: sampleAccount.official_website },
    },
  },
  newContact: {
    label: 'New Contact',
    noun: 'Contact',
    when: 'a new contact is created',
    recordType: 'contact',
    eventType: 'contact.created',
    occurredBy: 'created_at',
    reportsChanges: false,
  },
  updatedContact: {
    label: 'Updated Contact',
    noun: 'Contact',
    when: 'a contact is updated',
    recordType: 'contact',
    eventType: 'contact.updated',
    occurredBy: 'updated_at',
    reportsChanges: true,
    exampleChanges: { title: { old: 'Director of Operations', new: sampleContact.title } },
  },
  newOpportunity: {
    label: 'New Opportunity',
    noun: 'Opportunity',
    when: 'a new opportunity is created',
    recordType: 'opportunity',
    eventType: 'opportunity.created',
    occurredBy: 'created_at',
    reportsChanges: false,
  },
  updatedOpportunity: {
    label: 'Updated Opportunity',
    noun: 'Opportunity',
    when: 'an opportunity is updated',
    recordType: 'opportunity',
    eventType: 'opportunity.updated',
    occurredBy: 'updated_at',
    reportsChanges: true,
    exampleChanges: {
      amount: { old: 42000, new: sampleOpportunity.amount },
      next_step_details: { old: 'Book the pricing review', new: sampleOpportunity.next_step_details },
    },
  },
  opportunityEnteredStage: {
    label: 'Opportunity Entered Stage',
    noun: 'Opportunity',
    when: 'an opportunity moves into a pipeline stage (any stage, or only the one you choose)',
    recordType: 'opportunity',
    eventType: 'opportunity.stage_changed',
    occurredBy: 'stage_last_shifted_at',
    reportsChanges: true,
    inputFields: [stageInput],
    accepts: entersChosenStage,
    // Entering a stage always changes the stage, even when nothing says what changed.
    impliedChanges: (record) => ({ stage_name: { old: null, new: record.stage_name } }),
    exampleChanges: { stage_name: { old: 'Discovery', new: sampleOpportunity.stage_name } },
  },
  newTask: {
    label: 'New Task',
    noun: 'Task',
    when: 'a new task is created',
    recordType: 'task',
    eventType: 'task.created',
    occurredBy: 'created_at',
    reportsChanges: false,
  },
} as const satisfies Record<string, Event>;
