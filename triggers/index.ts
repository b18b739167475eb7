import account_list from './account_list';
import contact_list from './contact_list';
import new_account from './new_account';
import new_account_poll from './new_account_poll';
import new_contact from './new_contact';
import new_contact_poll from './new_contact_poll';
import new_opportunity from './new_opportunity';
import new_opportunity_poll from './new_opportunity_poll';
import new_task from './new_task';
import new_task_poll from './new_task_poll';
import opportunity_entered_stage_poll from './opportunity_entered_stage_poll';
import opportunity_list from './opportunity_list';
import opportunity_stage_changed from './opportunity_stage_changed';
import updated_account from './updated_account';
import updated_account_poll from './updated_account_poll';
import updated_contact from './updated_contact';
import updated_contact_poll from './updated_contact_poll';
import updated_opportunity from './updated_opportunity';
import updated_opportunity_poll from './updated_opportunity_poll';

// Each trigger, keyed by its Zapier key: first the polling triggers (they work on every Reevo
// workspace), then their instant twins (they need webhook subscriptions). account_list,
// contact_list and opportunity_list are hidden: they fill the dropdowns of the other steps.
export default {
  [new_account_poll.key]: new_account_poll,
  [updated_account_poll.key]: updated_account_poll,
  [new_contact_poll.key]: new_contact_poll,
  [updated_contact_poll.key]: updated_contact_poll,
  [new_opportunity_poll.key]: new_opportunity_poll,
  [updated_opportunity_poll.key]: updated_opportunity_poll,
  [opportunity_entered_stage_poll.key]: opportunity_entered_stage_poll,
  [new_task_poll.key]: new_task_poll,
  [new_account.key]: new_account,
  [updated_account.key]: updated_account,
  [new_contact.key]: new_contact,
  [updated_contact.key]: updated_contact,
  [new_opportunity.key]: new_opportunity,
  [updated_opportunity.key]: updated_opportunity,
  [opportunity_stage_changed.key]: opportunity_stage_changed,
  [new_task.key]: new_task,
  [account_list.key]: account_list,
  [contact_list.key]: contact_list,
  [opportunity_list.key]: opportunity_list,
};
