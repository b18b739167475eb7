/** note (contract §3.2): Reevo's note pages' attributes, then the records it belongs to [assumed names]. */
import type { Note } from '../../records';
import type { Workspace } from '../../store';
import { setExtraAttribute } from '../extras';
import { common, extra, type RecordKind, RW, SET } from './kind';

const noteUpdatedAt = (_ws: Workspace, n: Note) => n.updated_at;
const noteCommon = common<Note>(noteUpdatedAt);

export const note: RecordKind<Note> = {
  type: 'note',
  display_name: 'Note',
  description: 'A rich-text note on contacts, accounts and opportunities.',
  customFields: null,
  relationships: [],
  attributes: [
    noteCommon.id,
    noteCommon.organization_id,
    extra<Note>('note_html', 'rich_text', { ...RW, required: true, display: 'Note' }),
    extra<Note>('owner_user_id', 'record_reference', { ...RW, target: 'user', display: 'Owner' }),
    noteCommon.created_at,
    noteCommon.created_by_user_id,
    noteCommon.participant_user_id_list,
    extra<Note>('title', 'string', RW),
    extra<Note>('owner_team_id', 'record_reference', { target: 'team', display: 'Owner Team' }),
    extra<Note>('is_private', 'boolean', SET, false),
    noteCommon.updated_at,
    extra<Note>('deleted_at', 'timestamp', {}),
    extra<Note>('updated_by_user_id', 'record_reference', { target: 'user' }),
    extra<Note>('deleted_by_user_id', 'record_reference', { target: 'user' }),
    // The records a note belongs to: these names are the contract's assumption.
    extra<Note>('contact_id', 'record_reference', { ...RW, target: 'contact', display: 'Contact' }),
    extra<Note>('account_id', 'record_reference', { ...RW, target: 'account', display: 'Account' }),
    extra<Note>('opportunity_id', 'record_reference', { ...RW, target: 'opportunity', display: 'Opportunity' }),
  ],
  list: (ws) => ws.notes.values(),
  find: (ws, id) => ws.notes.get(id),
  blank: (_ws, id, now) => ({ id, created_at: now, updated_at: now }),
  insert: (ws, n) => void ws.notes.set(n.id, n),
  remove: (ws, n) => void ws.notes.delete(n.id),
  updatedAt: noteUpdatedAt,
  touch: (ws, n, now) => {
    n.updated_at = now;
    setExtraAttribute(ws, n.id, 'updated_by_user_id', ws.users[0]?.id ?? null);
  },
};
