/** account (contract §3.2): Reevo's reference pages' attributes, then the lifecycle stage (`current_stage_id`). */
import { accountRecord, type Account } from '../../records';
import type { Workspace } from '../../store';
import { domainsOf, setDomains } from '../domains';
import { ACCOUNT_STAGES, accountStageOf, type StageValue } from '../stages';
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

const accountUpdatedAt = (_ws: Workspace, a: Account) => a.updated_at;
const accountCommon = common<Account>(accountUpdatedAt);

export const account: RecordKind<Account> = {
  type: 'account',
  display_name: 'Account',
  description: 'A company your team sells to.',
  customFields: 'account',
  relationships: [relationship('contacts', 'contact', 'accounts', 'contact_account_role')],
  attributes: [
    accountCommon.id,
    accountCommon.organization_id,
    accountCommon.created_at,
    accountCommon.updated_at,
    field<Account>('display_name', 'string', { ...RW, required: true, display: 'Name' }, 'name'),
    ownerFromEmail<Account>(),
    accountCommon.created_by_user_id,
    attribute<Account>(
      'domains',
      'account_domain',
      { ...RW, array: true, unique: true },
      (a, ws) => domainsOf(ws, a),
      (a, v, ws) => setDomains(ws, a, (v as { domain_name: string; is_primary: boolean | null }[] | null) ?? []),
    ),
    extra<Account>('description', 'long_text', RW),
    field<Account>('official_website', 'string', RW),
    extra<Account>('websites', 'string', { ...RW, array: true }),
    ...SOCIAL.map((name) => field<Account>(name, 'string', RW)),
    extra<Account>('address', 'address', RW),
    extra<Account>('estimated_annual_revenue', 'currency', RW),
    attribute<Account>(
      'current_stage_id',
      'account_stage',
      {
        ...SET,
        display: 'Stage',
        resolve: stageResolver(() => ACCOUNT_STAGES.map((s) => accountStageOf(s.status)!), 'account stage'),
      },
      (a) => accountStageOf(a.status),
      (a, v) => void (a.status = ACCOUNT_STAGES.find((s) => s.id === (v as StageValue).id)!.status),
    ),
  ],
  // Reevo's account _assert example writes `name` (its reads say `display_name`) [assumed: both write].
  aliases: { name: 'display_name' },
  list: (ws) => ws.accounts.values(),
  find: (ws, id) => ws.accounts.get(id),
  blank: (_ws, id, now) => accountRecord({ id, name: '', created_at: now }),
  insert: (ws, a) => ws.addAccount(a),
  remove: (ws, a) => ws.removeAccount(a),
  updatedAt: accountUpdatedAt,
  touch: (_ws, a, now) => void (a.updated_at = now),
  events: { created: 'account.created', updated: 'account.updated' },
};
