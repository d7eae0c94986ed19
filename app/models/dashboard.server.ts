import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'

import { countPendingOrganizations } from './organization.server'

/** What the signed-in user's start page shows: one small query at most, chosen by role. */
export async function getDashboard(user: SessionUser) {
  switch (user.staffRole) {
    case 'LEAD_OFFICER':
      return { kind: 'lead' as const, pendingCount: await countPendingOrganizations() }
    case 'OFFICER':
      return { kind: 'officer' as const }
    case 'ADMIN':
      return { kind: 'admin' as const }
    case 'EMBASSY': {
      const mission = user.missionId
        ? await prisma.mission.findUnique({ where: { id: user.missionId }, select: { name: true } })
        : null
      return { kind: 'embassy' as const, missionName: mission?.name ?? null }
    }
    case null:
      return {
        kind: 'organization' as const,
        isEmailVerified: user.emailVerifiedAt !== null,
        organizations: user.memberships.map((membership) => ({
          id: membership.organizationId,
          legalName: membership.organization.legalName,
          status: membership.organization.status,
          role: membership.role,
        })),
      }
  }
}
