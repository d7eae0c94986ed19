import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'

/** What the audit log records besides case events (DESIGN §5). Never personal data in `data`. */
export type AuditAction =
  | 'login.succeeded'
  | 'login.failed'
  | 'login.rateLimited'
  | 'logout'
  | 'password.changed'
  | 'password.reset'
  | 'sessions.revoked'
  | 'twoFactor.enabled'
  | 'twoFactor.disabled'
  | 'user.signedUp'
  | 'user.emailVerified'
  | 'organization.registered'
  | 'organization.verified'
  | 'organization.rejected'
  | 'membership.invited'
  | 'membership.invitationRevoked'
  | 'membership.joined'
  | 'membership.removed'
  | 'staff.created'
  | 'staff.deactivated'
  | 'staff.reactivated'
  | 'staff.roleChanged'
  | 'staff.invitationResent'
  | 'mission.created'
  | 'mission.updated'
  | 'candidate.created'
  | 'candidate.updated'
  | 'settings.changed'
  | 'document.uploaded'
  | 'document.downloaded'
  | 'document.accepted'
  | 'document.rejected'
  | 'outbox.retried'

type AuditInput = {
  actorId: string | null
  action: AuditAction
  subjectType?: string
  subjectId?: string
  data?: Prisma.InputJsonValue
}

type Db = Pick<typeof prisma, 'auditEvent'>

/** Pass the transaction client so the audit record commits or rolls back with the change itself. */
export async function recordAudit(input: AuditInput, db: Db = prisma) {
  await db.auditEvent.create({ data: input })
}
