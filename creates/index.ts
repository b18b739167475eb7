import create_account from './create_account';
import create_opportunity from './create_opportunity';
import create_task from './create_task';
import enroll_contact_in_sequence from './enroll_contact_in_sequence';
import log_manual_activity from './log_manual_activity';
import move_opportunity_stage from './move_opportunity_stage';
import update_account from './update_account';
import update_opportunity from './update_opportunity';
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
};
