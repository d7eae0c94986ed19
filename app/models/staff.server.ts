import { firstName } from '~/emails/first-name'
import type { Prisma } from '~/generated/prisma/client'
import {
  ChangeStaffRoleSchema,
  CreateStaffSchema,
  type CreateStaffInput,
  type StaffFilter,
  type StaffRoleInput,
} from '~/schemas/staff'
import { isUniqueViolation, prisma } from '~/utils/db.server'
import { appUrl } from '~/utils/env.server'
import type { StaffRole } from '~/utils/permissions'
import type { SessionUser } from '~/utils/session.server'
import { message, type z } from '~/utils/validation'

import { recordAudit } from './audit.server'
import { missionExists } from './mission.server'
import { enqueueEmail, nudgeOutbox } from './outbox.server'
import { issueToken, TOKEN_LIFETIME_MS } from './token.server'
import { recipientSelect } from './user.server'

type Actor = Pick<SessionUser, 'id'>

/** An operation the rules refuse; `error` is an i18n key shown above the form. */
export type Refusal = { ok: false; error: string }

/** How long the emailed link to set a password stays valid, in days. */
export const INVITATION_VALID_DAYS = TOKEN_LIFETIME_MS.ACCOUNT_SETUP / (1000 * 60 * 60 * 24)

const isStaff = { staffRole: { not: null } } satisfies Prisma.UserWhereInput

export async function listStaff(filter: StaffFilter) {
  const users = await prisma.user.findMany({
    where: {
      ...isStaff,
      ...(filter.role ? { staffRole: filter.role } : {}),
      ...(filter.status ? { deactivatedAt: filter.status === 'active' ? null : { not: null } } : {}),
    },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    select: {
      id: true,
      name: true,
      email: true,
      staffRole: true,
      totpEnabledAt: true,
      deactivatedAt: true,
      mission: { select: { name: true } },
      password: { select: { userId: true } },
    },
  })
  return users.flatMap(({ totpEnabledAt, deactivatedAt, password, staffRole, ...user }) =>
    staffRole
      ? [
          {
            ...user,
            staffRole,
            hasTwoFactor: totpEnabledAt !== null,
            isDeactivated: deactivatedAt !== null,
            hasPassword: password !== null,
          },
        ]
      : [],
  )
}

/** A staff account with what its detail page shows; null for unknown ids and non-staff users. */
export async function getStaffMember(userId: string) {
  const user = await prisma.user.findFirst({
    where: { id: userId, ...isStaff },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      staffRole: true,
      createdAt: true,
      deactivatedAt: true,
      totpEnabledAt: true,
      mission: { select: { id: true, name: true } },
      password: { select: { updatedAt: true } },
      _count: { select: { sessions: { where: { expiresAt: { gt: new Date() } } } } },
    },
  })
  if (!user?.staffRole) return null
  const { password, _count, ...member } = user
  return {
    ...member,
    staffRole: user.staffRole,
    hasPassword: password !== null,
    activeSessions: _count.sessions,
  }
}

/** How many active staff accounts have two-factor login, for the settings page. */
export async function countStaffTwoFactor() {
  const where = { ...isStaff, deactivatedAt: null }
  const [active, withTwoFactor] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.count({ where: { ...where, totpEnabledAt: { not: null } } }),
  ])
  return { active, withTwoFactor }
}

async function checkMissionExists(value: StaffRoleInput, ctx: z.RefinementCtx) {
  if (value.role === 'EMBASSY' && value.missionId && !(await missionExists(value.missionId))) {
    ctx.addIssue({ code: 'custom', path: ['missionId'], message: message('staff:validation.missionUnknown') })
  }
}

/** The create form's schema plus what only the database knows: the address is free, the mission exists. */
export const CreateStaffServerSchema = CreateStaffSchema.superRefine(async (value, ctx) => {
  const existing = await prisma.user.findUnique({ where: { email: value.email }, select: { id: true } })
  if (existing) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: message('staff:validation.emailTaken') })
  }
  await checkMissionExists(value, ctx)
})

export const ChangeStaffRoleServerSchema = ChangeStaffRoleSchema.superRefine(checkMissionExists)

/**
 * Creates the account without a password and queues the email with a set-up link (ACCOUNT_SETUP token)
 * in the same transaction; the outbox retries it until it goes out.
 */
export async function createStaffAccount(
  actor: Actor,
  input: CreateStaffInput,
): Promise<{ ok: true; userId: string } | Refusal> {
  const missionId = input.role === 'EMBASSY' ? (input.missionId ?? null) : null
  let created: { id: string }
  try {
    created = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          locale: input.language,
          staffRole: input.role,
          missionId,
        },
        select: recipientSelect,
      })
      await recordAudit(
        {
          actorId: actor.id,
          action: 'staff.created',
          subjectType: 'User',
          subjectId: user.id,
          data: { role: input.role, missionId },
        },
        tx,
      )
      await queueInvitation(tx, { ...user, staffRole: input.role })
      return user
    })
  } catch (error) {
    // Another request took the address between the form check and this insert.
    if (isUniqueViolation(error)) return { ok: false, error: 'staff:validation.emailTaken' }
    throw error
  }
  void nudgeOutbox()
  return { ok: true, userId: created.id }
}

/** A new set-up link for someone who never set a password (the earlier link lapses). */
export async function resendStaffInvitation(actor: Actor, userId: string): Promise<{ ok: true } | Refusal> {
  const isQueued = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, ...isStaff, deactivatedAt: null, password: null },
      select: { ...recipientSelect, staffRole: true },
    })
    if (!user?.staffRole) return false
    await recordAudit(
      { actorId: actor.id, action: 'staff.invitationResent', subjectType: 'User', subjectId: user.id },
      tx,
    )
    await queueInvitation(tx, { ...user, staffRole: user.staffRole })
    return true
  })
  if (!isQueued) return { ok: false, error: 'staff:errors.invitationNotNeeded' }
  void nudgeOutbox()
  return { ok: true }
}

/** Issues a set-up link (an earlier one lapses) and queues the invitation that carries it. */
async function queueInvitation(
  tx: Prisma.TransactionClient,
  user: { id: string; name: string; email: string; locale: string; staffRole: StaffRole },
) {
  const token = await issueToken(user.id, 'ACCOUNT_SETUP', tx)
  await enqueueEmail(tx, {
    kind: 'staffInvitation',
    to: user.email,
    locale: user.locale,
    props: {
      firstName: firstName(user.name),
      role: user.staffRole,
      setupUrl: `${appUrl()}/reset-password?${new URLSearchParams({ token })}`,
      validDays: INVITATION_VALID_DAYS,
    },
  })
}

/** Changes the role (and the mission of embassy users). Administrators cannot demote themselves. */
export async function changeStaffRole(
  actor: Actor,
  userId: string,
  input: StaffRoleInput,
): Promise<{ ok: true } | Refusal> {
  if (actor.id === userId && input.role !== 'ADMIN')
    return { ok: false, error: 'staff:errors.cannotDemoteSelf' }
  const missionId = input.role === 'EMBASSY' ? (input.missionId ?? null) : null
  await prisma.$transaction(async (tx) => {
    const before = await tx.user.findFirstOrThrow({
      where: { id: userId, ...isStaff },
      select: { staffRole: true, missionId: true },
    })
    if (before.staffRole === input.role && before.missionId === missionId) return
    await tx.user.update({ where: { id: userId }, data: { staffRole: input.role, missionId } })
    await recordAudit(
      {
        actorId: actor.id,
        action: 'staff.roleChanged',
        subjectType: 'User',
        subjectId: userId,
        data: { from: before, to: { staffRole: input.role, missionId } },
      },
      tx,
    )
  })
  return { ok: true }
}

/**
 * Deactivates the account: every session ends at once and pending set-up or reset links lapse.
 * Administrators cannot lock themselves out.
 */
export async function deactivateStaff(actor: Actor, userId: string): Promise<{ ok: true } | Refusal> {
  if (actor.id === userId) return { ok: false, error: 'staff:errors.cannotDeactivateSelf' }
  await prisma.$transaction(async (tx) => {
    const now = new Date()
    const { count } = await tx.user.updateMany({
      where: { id: userId, ...isStaff, deactivatedAt: null },
      data: { deactivatedAt: now },
    })
    if (count === 0) return
    await tx.session.deleteMany({ where: { userId } })
    await tx.token.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } })
    await recordAudit(
      { actorId: actor.id, action: 'staff.deactivated', subjectType: 'User', subjectId: userId },
      tx,
    )
  })
  return { ok: true }
}

export async function reactivateStaff(actor: Actor, userId: string) {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, ...isStaff, deactivatedAt: { not: null } },
      data: { deactivatedAt: null },
    })
    if (count === 0) return
    await recordAudit(
      { actorId: actor.id, action: 'staff.reactivated', subjectType: 'User', subjectId: userId },
      tx,
    )
  })
}
