import { prisma } from '~/utils/db.server'
import { summarizeUserAgent } from '~/utils/user-agent'

import { recordAudit } from './audit.server'

/** The user's active sessions for the account page, the current one first. */
export async function listSessions(user: { id: string; sessionId: string }) {
  const sessions = await prisma.session.findMany({
    where: { userId: user.id, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: 'desc' },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true },
  })
  return sessions
    .map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      device: summarizeUserAgent(session.userAgent),
      isCurrent: session.id === user.sessionId,
    }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent))
}

/** Signs the account out everywhere except here; returns how many sessions ended. */
export async function revokeOtherSessions(user: { id: string; sessionId: string }) {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } })
    await recordAudit(
      {
        actorId: user.id,
        action: 'sessions.revoked',
        subjectType: 'User',
        subjectId: user.id,
        data: { count },
      },
      tx,
    )
    return count
  })
}
