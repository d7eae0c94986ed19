/**
 * Who may do what. Pure functions over the acting user, shared by every loader and action through
 * permissions.server.ts, and unit-tested as a matrix in tests/unit/permissions.test.ts.
 */
export type StaffRole = 'ADMIN' | 'LEAD_OFFICER' | 'OFFICER' | 'EMBASSY'
export type OrgRole = 'ORG_ADMIN' | 'ORG_MEMBER'

export type Actor = {
  staffRole: StaffRole | null
  memberships: { organizationId: string; role: OrgRole }[]
}

export type OrganizationAction = 'view' | 'manageMembers'

export type AuthorityAction =
  | 'verifyOrganizations' // DESIGN §1: lead officers verify organizations
  | 'viewOrganizations'
  | 'manageStaff'
  | 'manageMissions'
  | 'manageSettings'
  | 'workCases' // DESIGN §1: the liaison officers manage every case of the authority

const authorityPermissions: Record<AuthorityAction, StaffRole[]> = {
  verifyOrganizations: ['LEAD_OFFICER'],
  viewOrganizations: ['LEAD_OFFICER', 'OFFICER'],
  manageStaff: ['ADMIN'],
  manageMissions: ['ADMIN'],
  manageSettings: ['ADMIN'],
  workCases: ['LEAD_OFFICER', 'OFFICER'],
}

export function canDoAuthorityAction(actor: Actor, action: AuthorityAction) {
  return actor.staffRole !== null && authorityPermissions[action].includes(actor.staffRole)
}

/** Membership role in the organization, or null when the actor cannot see it at all. */
export function membershipRole(actor: Actor, organizationId: string): OrgRole | null {
  return actor.memberships.find((membership) => membership.organizationId === organizationId)?.role ?? null
}

export function canDoOrganizationAction(actor: Actor, organizationId: string, action: OrganizationAction) {
  const role = membershipRole(actor, organizationId)
  if (!role) return false
  return action === 'view' || role === 'ORG_ADMIN'
}

/** Staff accounts work for the authority or a mission; they do not register organizations. */
export function canRegisterOrganization(actor: Actor) {
  return actor.staffRole === null
}
