/** contact (contract §3.2): Reevo's reference pages' attributes, then owner and social URLs [assumed]. */
import { contactRecord, type Contact } from '../../records';
import type { Workspace } from '../../store';
import { stableId } from '../../values';
import { v2Error } from '../errors';
import { extraAttribute, setExtraAttribute } from '../extras';
import { CONTACT_STAGES, QUALIFIED_NEEDS_TITLE, type StageValue } from '../stages';
import {
  attribute,
  common,
  extra,
  field,
  ownerFromEmail,
  type RecordKind,
  relationship,
  RW,
  SET,
  SOCIAL,
  stageResolver,
} from './kind';

const contactUpdatedAt = (_ws: Workspace, c: Contact) => c.updated_at;
const contactCommon = common<Contact>(contactUpdatedAt);

export const contact: RecordKind<Contact> = {
  type: 'contact',
  display_name: 'Contact',
  description: 'A person your team sells to.',
  customFields: 'contact',
  relationships: [
    relationship('accounts', 'account', 'contacts', 'contact_account_role'),
    relationship('opportunities', 'opportunity', 'contacts', 'contact_opportunity_role'),
  ],
  attributes: [
    contactCommon.id,
    contactCommon.organization_id,
    contactCommon.created_at,
    contactCommon.updated_at,
    attribute<Contact>(
      'display_name',
      'string',
      {},
      (c) => [c.first_name, c.last_name].filter(Boolean).join(' ') || c.email,
    ),
    attribute<Contact>(
      'stage',
      'contact_stage',
      { ...SET, resolve: stageResolver(() => CONTACT_STAGES, 'contact stage') },
      (c, ws) => CONTACT_STAGES.find((s) => s.id === extraAttribute(ws, c.id, 'stage', CONTACT_STAGES[0].id)),
      (c, v, ws) => setExtraAttribute(ws, c.id, 'stage', (v as StageValue).id),
    ),
    contactCommon.created_by_user_id,
    contactCommon.participant_user_id_list,
    field<Contact>('first_name', 'string', RW),
    field<Contact>('last_name', 'string', RW),
    field<Contact>('middle_name', 'string', RW),
    field<Contact>('title', 'string', RW),
    field<Contact>('department', 'string', RW),
    attribute<Contact>(
      'primary_email',
      'email',
      { ...RW, required: true, unique: true },
      (c) => c.email || null,
      (c, v, ws) => (ws.contacts.has(c.id) ? ws.changeContactEmail(c, v as string) : void (c.email = v as string)),
    ),
    field<Contact>('primary_phone_number', 'phone_number', RW, 'phone_number'),
    extra<Contact>('sms_consent', 'boolean', SET, false),
    extra<Contact>('address', 'address', RW),
    attribute<Contact>('contact_emails', 'contact_email', { array: true, display: 'Emails' }, (c) =>
      c.email ? [{ id: stableId('contact_email', c.id, c.email), email: c.email, is_primary: true, labels: [] }] : [],
    ),
    attribute<Contact>(
      'contact_phone_numbers',
      'contact_phone_number',
      { array: true, display: 'Phone Numbers' },
      (c) =>
        c.phone_number
          ? [
              {
                id: stableId('contact_phone_number', c.id, c.phone_number),
                phone_number: c.phone_number,
                is_primary: true,
                labels: [],
              },
            ]
          : [],
    ),
    ownerFromEmail<Contact>(),
    ...SOCIAL.map((name) => field<Contact>(name, 'string', RW)),
  ],
  list: (ws) => ws.contacts.values(),
  find: (ws, id) => ws.contacts.get(id),
  blank: (_ws, id, now) => contactRecord({ id, email: '', created_at: now }),
  insert: (ws, c) => ws.addContact(c),
  remove: (ws, c) => ws.removeContact(c),
  updatedAt: contactUpdatedAt,
  touch: (_ws, c, now) => void (c.updated_at = now),
  check(ws, record, values) {
    const email = values.get('primary_email');
    const owner = typeof email === 'string' ? ws.contactByEmail(email) : undefined;
    if (owner && owner.id !== record?.id) {
      throw v2Error(
        'field_value_invalid',
        `'${String(email)}' is already the email of contact ${owner.id}: an email belongs to one contact`,
        {
          field: 'primary_email',
          value: email,
        },
      );
    }
    const stage = values.get('stage') as StageValue | undefined;
    const title = values.has('title') ? values.get('title') : record?.title;
    if (stage?.id === QUALIFIED_NEEDS_TITLE.id && !title) {
      throw v2Error(
        'stage_entrance_criteria_not_met',
        `A contact enters '${stage.display_value}' only with a job title: set 'title' too`,
        {
          field: 'stage',
          criteria: ['title'],
        },
      );
    }
  },
  events: { created: 'contact.created', updated: 'contact.updated' },
};
