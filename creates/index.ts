import complete_task from './complete_task';
import create_account from './create_account';
import create_note from './create_note';
import create_or_update_account from './create_or_update_account';
import create_opportunity from './create_opportunity';
import create_task from './create_task';
import enroll_contact_in_sequence from './enroll_contact_in_sequence';
import log_manual_activity from './log_manual_activity';
import move_opportunity_stage from './move_opportunity_stage';
import start_workflow from './start_workflow';
import update_account from './update_account';
import update_contact from './update_contact';
import update_opportunity from './update_opportunity';
import update_task from './update_task';
import upsert_account_contact from './upsert_account_contact';

// Each creates operation, keyed by its Zapier key.
export default {
  [upsert_account_contact.key]: upsert_account_contact,
  [create_account.key]: create_account,
  [update_account.key]: update_account,
  [create_opportunity.key]: create_opportunity,
  [update_opportunity.key]: update_opportunity,
  [move_opportunity_stage.key]: move_opportunity_stage,
  [create_task.key]: create_task,
  [log_manual_activity.key]: log_manual_activity,
  [enroll_contact_in_sequence.key]: enroll_contact_in_sequence,
  [create_note.key]: create_note,
  [update_task.key]: update_task,
  [complete_task.key]: complete_task,
  [update_contact.key]: update_contact,
  [create_or_update_account.key]: create_or_update_account,
  [start_workflow.key]: start_workflow,
};
