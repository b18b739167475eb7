import account_list from './account_list';
import contact_list from './contact_list';
import new_account from './new_account';
import new_contact from './new_contact';
import new_opportunity from './new_opportunity';
import new_task from './new_task';
import opportunity_list from './opportunity_list';
import opportunity_stage_changed from './opportunity_stage_changed';
import updated_account from './updated_account';
import updated_contact from './updated_contact';
import updated_opportunity from './updated_opportunity';

// Each trigger, keyed by its Zapier key. account_list, contact_list and opportunity_list are
// hidden: they fill the account, contact and opportunity dropdowns of the other steps.
export default {
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
