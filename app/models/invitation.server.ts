import type { Invitation, Prisma } from '~/generated/prisma/client'
import type { InvitationSignupInput } from '~/schemas/invitation'
import type { InviteMemberInput } from '~/schemas/organization'
import { generateToken, hashToken } from '~/utils/crypto.server'
import { isUniqueViolation, prisma } from '~/utils/db.server'
import { appUrl } from '~/utils/env.server'
import type { Language } from '~/utils/i18n'
import { hashPassword } from '~/utils/password.server'

import { recordAudit } from './audit.server'
import { lockOrganization, type Result } from './organization.server'
import { enqueueEmail, nudgeOutbox } from './outbox.server'
import { createUserWithPassword } from './user.server'

export const INVITATION_LIFETIME_MS = 1000 * 60 * 60 * 24 * 7

type Actor = { id: string }

/** Why an invitation link no longer works. */
export type InvitationProblem = 'invalid' | 'expired' | 'revoked' | 'accepted'

function problemOf(
  invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'> | null,
  now: Date,
): InvitationProblem | null {
  if (!invitation) return 'invalid'
  if (invitation.acceptedAt) return 'accepted'
  if (invitation.revokedAt) return 'revoked'
  if (invitation.expiresAt <= now) return 'expired'
  return null
}

/** Still open: not accepted, not revoked, not expired. */
const openInvitation = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } })

const sameEmail = (email: string) => ({ equals: email, mode: 'insensitive' as const })

/**
 * Invites someone by email. Only the token's hash is stored; the token itself travels in the email
 * link. A person who is already a member or already holds an open invitation is not invited again.
 */
export async function inviteMember(
  actor: Actor,
  organizationId: string,
  input: InviteMemberInput,
): Promise<Result<'alreadyMember' | 'alreadyInvited'>> {
  const token = generateToken()
  const now = new Date()
  const outcome = await prisma.$transaction(async (tx) => {
    await lockOrganization(tx, organizationId)
    const isMember = await tx.membership.count({
      where: { organizationId, user: { email: sameEmail(input.email) } },
    })
    if (isMember) return { ok: false, error: 'alreadyMember' } as const
    const isInvited = await tx.invitation.count({
      where: { organizationId, email: sameEmail(input.email), ...openInvitation(now) },
    })
    if (isInvited) return { ok: false, error: 'alreadyInvited' } as const
    const invitation = await tx.invitation.create({
      data: {
        organizationId,
        email: input.email,
        role: input.role,
        locale: input.locale,
        tokenHash: hashToken(token),
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
        invitedById: actor.id,
      },
      select: { id: true, expiresAt: true, organization: { select: { legalName: true } } },
    })
    await recordAudit(
      {
        actorId: actor.id,
        action: 'membership.invited',
        subjectType: 'Organization',
        subjectId: organizationId,
        data: { invitationId: invitation.id, role: input.role },
      },
      tx,
    )
    await enqueueEmail(tx, {
      kind: 'organizationInvitation',
      to: input.email,
      locale: input.locale,
      props: {
        organizationName: invitation.organization.legalName,
        role: input.role,
        url: `${appUrl()}/invitation?${new URLSearchParams({ token })}`,
        expiresAt: invitation.expiresAt.toISOString(),
      },
    })
    return { ok: true } as const
  })
  if (outcome.ok) void nudgeOutbox()
  return outcome
}

/** Withdraws an open invitation, so its link stops working. */
export async function revokeInvitation(
  actor: Actor,
  organizationId: string,
  invitationId: string,
): Promise<Result<'notFound' | 'notOpen'>> {
  return prisma.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, organizationId },
      select: { id: true },
    })
    if (!invitation) return { ok: false, error: 'notFound' }
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    })
    if (count === 0) return { ok: false, error: 'notOpen' }
    await recordAudit(
      {
        actorId: actor.id,
        action: 'membership.invitationRevoked',
        subjectType: 'Organization',
        subjectId: organizationId,
        data: { invitationId: invitation.id },
      },
      tx,
    )
    return { ok: true }
  })
}

/** What the invitation page shows for a token: the invitation, or why it no longer works. */
export async function findInvitation(token: string | null) {
  const invitation = token
    ? await prisma.invitation.findUnique({
        where: { tokenHash: hashToken(token) },
        select: {
          email: true,
          role: true,
          acceptedAt: true,
          revokedAt: true,
          expiresAt: true,
          organization: { select: { legalName: true } },
        },
      })
    : null
  const problem = problemOf(invitation, new Date())
  if (problem || !invitation) return { ok: false as const, error: problem ?? 'invalid' }
  const hasAccount = (await prisma.user.count({ where: { email: sameEmail(invitation.email) } })) > 0
  return {
    ok: true as const,
    invitation: {
      email: invitation.email,
      role: invitation.role,
      organizationName: invitation.organization.legalName,
      hasAccount,
    },
  }
}

type JoinResult = Result<
  InvitationProblem | 'wrongAccount' | 'staffAccount' | 'accountExists',
  { organizationId: string; userId: string }
>

/** A signed-in user accepts an invitation addressed to their own email. */
export async function acceptInvitation(
  user: { id: string; email: string; staffRole: string | null },
  token: string | null,
): Promise<JoinResult> {
  const now = new Date()
  return prisma.$transaction(async (tx) => {
    const claim = await claimInvitation(tx, token, now)
    if (!claim.ok) return claim
    const { invitation } = claim
    const isInvitee = invitation.email.toLowerCase() === user.email.toLowerCase()
    if (!isInvitee) return { ok: false, error: 'wrongAccount' }
    // Staff accounts work for the authority or a mission and never belong to an organization.
    if (user.staffRole) return { ok: false, error: 'staffAccount' }
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } })
    await joinOrganization(tx, user.id, invitation)
    return { ok: true, organizationId: invitation.organizationId, userId: user.id }
  })
}

/**
 * Someone without an account accepts: the account is created with the invited email, already
 * verified, because the emailed link proved that the person reads that mailbox.
 */
export async function acceptInvitationWithNewAccount(
  token: string | null,
  input: InvitationSignupInput,
  locale: Language,
): Promise<JoinResult> {
  const passwordHash = await hashPassword(input.password)
  const now = new Date()
  try {
    return await prisma.$transaction(async (tx) => {
      const claim = await claimInvitation(tx, token, now)
      if (!claim.ok) return claim
      const { invitation } = claim
      if (await tx.user.count({ where: { email: sameEmail(invitation.email) } })) {
        return { ok: false, error: 'accountExists' }
      }
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now } })
      const user = await createUserWithPassword(
        tx,
        {
          email: invitation.email.toLowerCase(),
          name: input.name,
          locale,
          passwordHash,
          emailVerifiedAt: now,
        },
        'invitation',
      )
      await joinOrganization(tx, user.id, invitation)
      return { ok: true, organizationId: invitation.organizationId, userId: user.id }
    })
  } catch (error) {
    // Someone signed up with this email between the check and the insert.
    if (isUniqueViolation(error)) return { ok: false, error: 'accountExists' }
    throw error
  }
}

/** Locks the open invitation's row, so two acceptances of one link cannot both succeed. */
async function claimInvitation(
  tx: Prisma.TransactionClient,
  token: string | null,
  now: Date,
): Promise<Result<InvitationProblem, { invitation: Invitation }>> {
  if (!token) return { ok: false, error: 'invalid' }
  const [locked] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Invitation" WHERE "tokenHash" = ${hashToken(token)} FOR UPDATE`
  const invitation = locked ? await tx.invitation.findUnique({ where: { id: locked.id } }) : null
  const problem = problemOf(invitation, now)
  if (problem || !invitation) return { ok: false, error: problem ?? 'invalid' }
  return { ok: true, invitation }
}

async function joinOrganization(
  tx: Prisma.TransactionClient,
  userId: string,
  invitation: Pick<Invitation, 'id' | 'organizationId' | 'role'>,
) {
  const { organizationId, role } = invitation
  await tx.membership.upsert({
    where: { userId_organizationId: { userId, organizationId } },
    create: { userId, organizationId, role },
    update: {},
  })
  await recordAudit(
    {
      actorId: userId,
      action: 'membership.joined',
      subjectType: 'Organization',
      subjectId: organizationId,
      data: { invitationId: invitation.id, role },
    },
    tx,
  )
}
