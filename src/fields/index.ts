export * from './field';
export { accountFields } from './account';
export { contactFields } from './contact';
export { opportunityFields } from './opportunity';
export { taskFields } from './task';
export { activityFields } from './activity';
export { peopleFields } from './people';
export { retrievalFields } from './retrieval';
export { noteFields, taskUpdateFields, contactUpdateFields, CLEARABLE_CONTACT_FIELDS, toNoteHtml } from './v2';
