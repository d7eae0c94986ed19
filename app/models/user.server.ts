import { firstName } from '~/emails/first-name'
import type { Prisma, TokenPurpose } from '~/generated/prisma/client'
import { isUniqueViolation, prisma } from '~/utils/db.server'
import { appUrl } from '~/utils/env.server'
import type { Language } from '~/utils/i18n'
import { hashPassword, verifyPassword } from '~/utils/password.server'

import { recordAudit } from './audit.server'
import { enqueueEmail, nudgeOutbox } from './outbox.server'
import { consumeToken, findValidToken, issueToken, TOKEN_LIFETIME_MS } from './token.server'

/** At most one email of a kind per user and minute, so the forms cannot be used to flood an inbox. */
const EMAIL_INTERVAL_MS = 60_000

type Recipient = { email: string; name: string; locale: string }

/** What an email to the account needs. */
export const recipientSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
} as const satisfies Prisma.UserSelect

export async function setPreferredLanguage(userId: string, language: Language) {
  await prisma.user.update({ where: { id: userId }, data: { locale: language } })
}

export async function updateProfile(userId: string, profile: { name: string; language: Language }) {
  await prisma.user.update({ where: { id: userId }, data: { name: profile.name, locale: profile.language } })
}

type SignupInput = { name: string; email: string; password: string; language: Language }

/**
 * Creates an account with its password and records the sign-up, inside the caller's transaction.
 * `via` names the way in when it is not the sign-up page.
 */
export async function createUserWithPassword(
  tx: Prisma.TransactionClient,
  input: { email: string; name: string; locale: Language; passwordHash: string; emailVerifiedAt?: Date },
  via?: 'invitation',
) {
  const { passwordHash, ...account } = input
  const user = await tx.user.create({
    data: { ...account, password: { create: { hash: passwordHash } } },
    select: recipientSelect,
  })
  await recordAudit(
    {
      actorId: user.id,
      action: 'user.signedUp',
      subjectType: 'User',
      subjectId: user.id,
      ...(via ? { data: { via } } : {}),
    },
    tx,
  )
  return user
}

/**
 * Creates the account with its password, and sends the verification link. Returns null when the
 * address already has an account (nothing is written then).
 */
export async function signUp(input: SignupInput) {
  const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })
  if (existing) return null
  const hash = await hashPassword(input.password)
  let created: { id: string }
  try {
    created = await prisma.$transaction(async (tx) => {
      const user = await createUserWithPassword(tx, {
        email: input.email,
        name: input.name,
        locale: input.language,
        passwordHash: hash,
      })
      await queueVerificationEmail(tx, user)
      return user
    })
  } catch (error) {
    // Two sign-ups with the same address at once: the unique index decides.
    if (isUniqueViolation(error)) return null
    throw error
  }
  void nudgeOutbox()
  return { userId: created.id }
}

/** Issues a new verification link (the previous one lapses) and queues the email that carries it. */
async function queueVerificationEmail(tx: Prisma.TransactionClient, user: Recipient & { id: string }) {
  const token = await issueToken(user.id, 'EMAIL_VERIFICATION', tx)
  await enqueueEmail(tx, {
    kind: 'verifyEmail',
    to: user.email,
    locale: user.locale,
    props: {
      firstName: firstName(user.name),
      url: `${appUrl()}/verify-email?${new URLSearchParams({ token })}`,
      validHours: TOKEN_LIFETIME_MS.EMAIL_VERIFICATION / 3_600_000,
    },
  })
}

/** Uses up a verification link; false when it is unknown, used or expired. */
export async function verifyEmail(token: string) {
  return prisma.$transaction(async (tx) => {
    const userId = await consumeToken(token, 'EMAIL_VERIFICATION', tx)
    if (!userId) return false
    await tx.user.updateMany({
      where: { id: userId, emailVerifiedAt: null },
      data: { emailVerifiedAt: new Date() },
    })
    await recordAudit(
      { actorId: userId, action: 'user.emailVerified', subjectType: 'User', subjectId: userId },
      tx,
    )
    return true
  })
}

/** Sends a new verification link (the previous one lapses), unless one went out within the last minute. */
export async function resendVerificationEmail(userId: string) {
  if (await hasRecentToken(userId, 'EMAIL_VERIFICATION')) return 'tooSoon' as const
  await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: recipientSelect })
    await queueVerificationEmail(tx, user)
  })
  void nudgeOutbox()
  return 'sent' as const
}

async function hasRecentToken(userId: string, purpose: TokenPurpose) {
  const recent = await prisma.token.count({
    where: { userId, purpose, createdAt: { gt: new Date(Date.now() - EMAIL_INTERVAL_MS) } },
  })
  return recent > 0
}

/**
 * Emails a reset link when an active account has this address. The caller shows the same answer
 * either way, and the email goes out in the background, so neither the page nor its timing reveals
 * whether the account exists.
 */
export async function requestPasswordReset(email: string) {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { ...recipientSelect, deactivatedAt: true },
  })
  if (!user || user.deactivatedAt || (await hasRecentToken(user.id, 'PASSWORD_RESET'))) return
  await prisma.$transaction(async (tx) => {
    const token = await issueToken(user.id, 'PASSWORD_RESET', tx)
    await enqueueEmail(tx, {
      kind: 'resetPassword',
      to: user.email,
      locale: user.locale,
      props: {
        firstName: firstName(user.name),
        url: `${appUrl()}/reset-password?${new URLSearchParams({ token })}`,
        validHours: TOKEN_LIFETIME_MS.PASSWORD_RESET / 3_600_000,
      },
    })
  })
  void nudgeOutbox()
}

/** What a valid link on /reset-password is for: a reset, or the first password of an invited staff member. */
export async function findPasswordTokenPurpose(token: string | null) {
  const record =
    (await findValidToken(token, 'PASSWORD_RESET')) ?? (await findValidToken(token, 'ACCOUNT_SETUP'))
  return record ? (record.purpose as 'PASSWORD_RESET' | 'ACCOUNT_SETUP') : null
}

/**
 * Sets the password through an emailed link and ends every session of the account (whoever knew the old
 * password is signed out). Setting up an invited account also confirms its address, which the link proved.
 * Returns the link's purpose, or null when the link is not (or no longer) valid.
 */
export async function resetPassword(token: string, password: string) {
  const purpose = await findPasswordTokenPurpose(token)
  if (!purpose) return null
  const hash = await hashPassword(password)
  const user = await prisma.$transaction(async (tx) => {
    const userId = await consumeToken(token, purpose, tx)
    if (!userId) return null
    const updated = await tx.user.update({
      where: { id: userId },
      data: {
        password: { upsert: { create: { hash }, update: { hash } } },
        ...(purpose === 'ACCOUNT_SETUP' ? { emailVerifiedAt: new Date() } : {}),
      },
      select: recipientSelect,
    })
    await tx.session.deleteMany({ where: { userId } })
    await recordAudit(
      {
        actorId: userId,
        action: 'password.reset',
        subjectType: 'User',
        subjectId: userId,
        data: { purpose },
      },
      tx,
    )
    if (purpose === 'PASSWORD_RESET') await queuePasswordChangedNotice(tx, updated)
    return updated
  })
  if (!user) return null
  void nudgeOutbox()
  return purpose
}

/**
 * Changes the password after checking the current one. The current session stays; all others end.
 * Returns false when the current password is wrong (nothing changes then).
 */
export async function changePassword(
  user: { id: string; sessionId: string },
  input: { currentPassword: string; password: string },
) {
  const stored = await prisma.password.findUnique({ where: { userId: user.id } })
  if (!stored || !(await verifyPassword(stored.hash, input.currentPassword))) return false
  const hash = await hashPassword(input.password)
  await prisma.$transaction(async (tx) => {
    await tx.password.update({ where: { userId: user.id }, data: { hash } })
    const { count } = await tx.session.deleteMany({ where: { userId: user.id, id: { not: user.sessionId } } })
    await recordAudit(
      {
        actorId: user.id,
        action: 'password.changed',
        subjectType: 'User',
        subjectId: user.id,
        data: { otherSessionsEnded: count },
      },
      tx,
    )
    const recipient = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: recipientSelect })
    await queuePasswordChangedNotice(tx, recipient)
  })
  void nudgeOutbox()
  return true
}

function queuePasswordChangedNotice(tx: Prisma.TransactionClient, user: Recipient) {
  return enqueueEmail(tx, {
    kind: 'passwordChanged',
    to: user.email,
    locale: user.locale,
    props: { firstName: firstName(user.name), resetUrl: `${appUrl()}/forgot-password` },
  })
}
