/** Demo API keys, their permissions (contract §1) and the check that an endpoint's needs are met. */

export type Resource =
  | 'accounts'
  | 'contacts'
  | 'opportunities'
  | 'tasks'
  | 'activities'
  | 'users'
  | 'mailbox'
  | 'sequenceEnrollment'
  | 'webhooks';

export type Access = 'read' | 'write';

export interface Permission {
  resource: Resource;
  access: Access;
}

/** Display names as Reevo's key settings show them; used in 403 messages. */
export const RESOURCE_NAMES: Record<Resource, string> = {
  accounts: 'Accounts',
  contacts: 'Contacts',
  opportunities: 'Opportunities',
  tasks: 'Tasks',
  activities: 'Activities',
  users: 'Users',
  mailbox: 'Mailbox',
  sequenceEnrollment: 'Sequence Enrollment',
  webhooks: 'Webhooks',
};

/** What each resource can be granted (contract §1 table). */
const GRANTABLE: Record<Resource, readonly Access[]> = {
  accounts: ['read', 'write'],
  contacts: ['read', 'write'],
  opportunities: ['read', 'write'],
  tasks: ['read', 'write'],
  activities: ['write'],
  users: ['read'],
  mailbox: ['read'],
  sequenceEnrollment: ['read', 'write'],
  webhooks: ['read', 'write'],
};

const ALL_RESOURCES = Object.keys(GRANTABLE) as Resource[];

export type Grants = Partial<Record<Resource, Access>>;

function grantAll(filter: (resource: Resource, access: Access) => boolean): Grants {
  const grants: Grants = {};
  for (const resource of ALL_RESOURCES) {
    // The strongest grantable access that passes the filter; write implies read.
    for (const access of [...GRANTABLE[resource]].reverse()) {
      if (filter(resource, access)) {
        grants[resource] = access;
        break;
      }
    }
  }
  return grants;
}

export const PRIMARY_ORG = 'org_acme';
export const SECOND_ORG = 'org_globex';

export interface KeySpec {
  /** Safe to log and show; the key itself never is. */
  label: string;
  org: string;
  grants: Grants;
  expired: boolean;
  description: string;
}

export const DEMO_KEYS = {
  full: 'reevo_sandbox_full_access',
  readOnly: 'reevo_sandbox_read_only',
  tasksOnly: 'reevo_sandbox_tasks_only',
  noWebhooks: 'reevo_sandbox_no_webhooks',
  expired: 'reevo_sandbox_expired_key',
  otherOrgFull: 'reevo_sandbox_other_org_full_access',
} as const;

export type DemoKeyName = keyof typeof DEMO_KEYS;

const FULL = grantAll(() => true);

export const DEMO_KEY_SPECS: Record<DemoKeyName, KeySpec> = {
  full: { label: 'full', org: PRIMARY_ORG, grants: FULL, expired: false, description: 'every permission' },
  readOnly: {
    label: 'readOnly',
    org: PRIMARY_ORG,
    grants: grantAll((_resource, access) => access === 'read'),
    expired: false,
    description: 'every read permission, no writes',
  },
  tasksOnly: {
    label: 'tasksOnly',
    org: PRIMARY_ORG,
    grants: { tasks: 'write' },
    expired: false,
    description: 'Tasks read/write only',
  },
  noWebhooks: {
    label: 'noWebhooks',
    org: PRIMARY_ORG,
    grants: grantAll((resource) => resource !== 'webhooks'),
    expired: false,
    description: 'everything except Webhooks',
  },
  expired: {
    label: 'expired',
    org: PRIMARY_ORG,
    grants: FULL,
    expired: true,
    description: 'every permission, but expired: always 401 "API key has expired"',
  },
  otherOrgFull: {
    label: 'otherOrgFull',
    org: SECOND_ORG,
    grants: FULL,
    expired: false,
    description: 'every permission in a second organization (own data and quota)',
  },
};

/** The permissions an endpoint needs that the grants lack, in a stable order. */
export function missingPermissions(grants: Grants, needed: readonly Permission[]): Permission[] {
  return needed.filter(({ resource, access }) => {
    const granted = grants[resource];
    return granted === undefined || (access === 'write' && granted !== 'write');
  });
}

export function describePermissions(permissions: readonly Permission[]): string {
  return permissions.map((p) => `${RESOURCE_NAMES[p.resource]} (${p.access})`).join(', ');
}

export function describeGrants(grants: Grants): string {
  const parts = ALL_RESOURCES.filter((r) => grants[r] !== undefined).map(
    (r) => `${RESOURCE_NAMES[r]} ${grants[r] === 'read' ? 'R' : GRANTABLE[r].includes('read') ? 'R/W' : 'W'}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

export const read = (resource: Resource): Permission => ({ resource, access: 'read' });
export const write = (resource: Resource): Permission => ({ resource, access: 'write' });

/** Key table with runtime state (a key can be expired while the sandbox runs, as in Reevo's UI). */
export class KeyRing {
  private readonly specs = new Map<string, KeySpec>();

  constructor(extra: Record<string, KeySpec> = {}) {
    for (const name of Object.keys(DEMO_KEYS) as DemoKeyName[]) {
      this.specs.set(DEMO_KEYS[name], { ...DEMO_KEY_SPECS[name] });
    }
    for (const [key, spec] of Object.entries(extra)) this.specs.set(key, { ...spec });
  }

  lookup(key: string): KeySpec | undefined {
    return this.specs.get(key);
  }

  expire(key: string): void {
    const spec = this.specs.get(key);
    if (!spec) throw new Error('expire(): unknown key');
    spec.expired = true;
  }
}
