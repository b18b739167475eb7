import type { Permission } from './endpoints';

/**
 * [assumed] Which key permission each v2 route needs. Reevo publishes per-resource permissions for
 * its keys (contract §1) but not how v2 routes map onto them, so this is the project's reading, kept
 * in this one module: the app's error messages, the README's permission table and the sandbox all
 * take it from here.
 *
 * - A v2 record type maps onto the key resource of the same name: reads need read, writes
 *   (create, patch, `_assert`, archive) need write.
 * - A note has no resource of its own in the key settings: writing one is taken to need write on
 *   Activities, reading one read on the record types it is attached to.
 */
export type V2RecordType = 'account' | 'contact' | 'opportunity' | 'task' | 'note';

export type V2Access = 'read' | 'write';

const RESOURCE: Record<Exclude<V2RecordType, 'note'>, string> = {
  account: 'Accounts',
  contact: 'Contacts',
  opportunity: 'Opportunities',
  task: 'Tasks',
};

/** The permissions a v2 request on a record type needs. */
export function v2Permissions(type: V2RecordType, access: V2Access): readonly Permission[] {
  if (type === 'note')
    return access === 'write' ? ['Activities (write)'] : ['Accounts (read)', 'Contacts (read)', 'Opportunities (read)'];
  return [`${RESOURCE[type]} (${access})` as Permission];
}
