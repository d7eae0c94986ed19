import { describe, expect, it } from 'vitest'

import {
  canDoAuthorityAction,
  canDoOrganizationAction,
  canRegisterOrganization,
  type Actor,
  type AuthorityAction,
} from '~/utils/permissions'

const orgA = 'org-a'
const orgB = 'org-b'

const actors: Record<string, Actor> = {
  adminOfA: { staffRole: null, memberships: [{ organizationId: orgA, role: 'ORG_ADMIN' }] },
  memberOfA: { staffRole: null, memberships: [{ organizationId: orgA, role: 'ORG_MEMBER' }] },
  memberOfB: { staffRole: null, memberships: [{ organizationId: orgB, role: 'ORG_MEMBER' }] },
  officer: { staffRole: 'OFFICER', memberships: [] },
  lead: { staffRole: 'LEAD_OFFICER', memberships: [] },
  admin: { staffRole: 'ADMIN', memberships: [] },
  embassy: { staffRole: 'EMBASSY', memberships: [] },
}

describe('organization permissions', () => {
  it.each([
    ['adminOfA', true, true],
    ['memberOfA', true, false],
    ['memberOfB', false, false],
    ['officer', false, false],
    ['lead', false, false],
    ['admin', false, false],
    ['embassy', false, false],
  ])('%s: view %s, manage members %s of organization A', (name, canView, canManage) => {
    const actor = actors[name]!
    expect(canDoOrganizationAction(actor, orgA, 'view')).toBe(canView)
    expect(canDoOrganizationAction(actor, orgA, 'manageMembers')).toBe(canManage)
  })
})

describe('authority permissions', () => {
  const expected: Record<string, AuthorityAction[]> = {
    adminOfA: [],
    memberOfA: [],
    officer: ['viewOrganizations'],
    lead: ['viewOrganizations', 'verifyOrganizations'],
    admin: ['manageStaff', 'manageMissions', 'manageSettings'],
    embassy: [],
  }
  const all: AuthorityAction[] = [
    'viewOrganizations',
    'verifyOrganizations',
    'manageStaff',
    'manageMissions',
    'manageSettings',
  ]
  it.each(Object.entries(expected))('%s may do exactly %j', (name, allowed) => {
    const actor = actors[name]!
    expect(all.filter((action) => canDoAuthorityAction(actor, action)).sort()).toEqual([...allowed].sort())
  })

  it('lets only people outside the authority and missions register organizations', () => {
    expect(canRegisterOrganization(actors.memberOfA!)).toBe(true)
    for (const staff of ['officer', 'lead', 'admin', 'embassy']) {
      expect(canRegisterOrganization(actors[staff]!)).toBe(false)
    }
  })
})
