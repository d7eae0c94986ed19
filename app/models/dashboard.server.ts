import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'

import { countOfficerCases } from './case.server'
import { countPendingOrganizations } from './organization.server'

/** What the signed-in user's start page shows: a few small counts at most, chosen by role. */
export async function getDashboard(user: SessionUser) {
  switch (user.staffRole) {
    case 'LEAD_OFFICER': {
      const [pendingCount, caseCounts] = await Promise.all([
        countPendingOrganizations(),
        countOfficerCases(user.id),
      ])
      return { kind: 'lead' as const, pendingCount, caseCounts }
    }
    case 'OFFICER':
      return { kind: 'officer' as const, caseCounts: await countOfficerCases(user.id) }
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
