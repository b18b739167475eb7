import find_account from './find_account';
import find_contact from './find_contact';
import find_contact_and_account from './find_contact_and_account';
import find_mailbox from './find_mailbox';
import find_opportunity from './find_opportunity';
import find_task from './find_task';
import find_user from './find_user';

/** Each search operation, keyed by its Zapier key (the file name and the key are the same word). */
export default {
  find_account,
  find_contact,
  find_opportunity,
  find_contact_and_account,
  find_user,
  find_mailbox,
  find_task,
};
