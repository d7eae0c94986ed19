import { prisma } from '~/utils/db.server'

const tables = {
  users: () => prisma.user.count(),
  passwords: () => prisma.password.count(),
  sessions: () => prisma.session.count(),
  tokens: () => prisma.token.count(),
  loginFailures: () => prisma.loginFailure.count(),
  organizations: () => prisma.organization.count(),
  memberships: () => prisma.membership.count(),
  invitations: () => prisma.invitation.count(),
  missions: () => prisma.mission.count(),
  settings: () => prisma.settings.count(),
  auditEvents: () => prisma.auditEvent.count(),
  candidates: () => prisma.candidate.count(),
  candidateImports: () => prisma.candidateImport.count(),
  cases: () => prisma.case.count(),
  caseEvents: () => prisma.caseEvent.count(),
  outboxEmails: () => prisma.outboxEmail.count(),
}

/** Rows in every table a form writes: a refused request must leave all of them unchanged. */
export async function rowCounts() {
  const counts = await Promise.all(
    Object.entries(tables).map(async ([table, count]) => [table, await count()] as const),
  )
  return Object.fromEntries(counts) as Record<keyof typeof tables, number>
}
