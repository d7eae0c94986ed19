import type { Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { verifyAgainstDummy, verifyPassword } from '~/utils/password.server'
import { clearFailures, loginRules, rateLimitedFor, recordFailure } from '~/utils/rate-limit.server'

import { recordAudit } from './audit.server'
import { consumeToken, findValidToken, issueToken } from './token.server'
import { spendTotpCode } from './two-factor.server'

export type LoginResult =
  | { kind: 'signedIn'; userId: string }
  | { kind: 'twoFactorRequired'; challengeToken: string }
  | { kind: 'refused' }
  | { kind: 'rateLimited'; retryAfterMs: number }

type Rules = ReturnType<typeof loginRules>

/**
 * Checks email and password. The rate limit is checked before the password, so a limited account
 * cannot be probed further. Unknown addresses, wrong passwords and deactivated accounts all answer
 * "refused" after the same amount of work, so the answer does not reveal which accounts exist.
 */
export async function attemptLogin(input: {
  email: string
  password: string
  clientIp: string
}): Promise<LoginResult> {
  const rules = loginRules(input.email, input.clientIp)
  const limited = await refuseWhenLimited(rules, null)
  if (limited) return limited
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, deactivatedAt: true, totpEnabledAt: true, password: { select: { hash: true } } },
  })
  const isCorrect = user?.password
    ? await verifyPassword(user.password.hash, input.password)
    : await verifyAgainstDummy(input.password)
  if (!user || !isCorrect || user.deactivatedAt) {
    await recordRefusal(
      rules,
      user?.id ?? null,
      !user ? 'unknownAccount' : isCorrect ? 'deactivated' : 'password',
    )
    return { kind: 'refused' }
  }
  if (user.totpEnabledAt) {
    return { kind: 'twoFactorRequired', challengeToken: await issueToken(user.id, 'TWO_FACTOR_LOGIN') }
  }
  await prisma.$transaction((tx) => recordSuccess(rules, user.id, 'password', tx))
  return { kind: 'signedIn', userId: user.id }
}

export type TwoFactorLoginResult = Exclude<LoginResult, { kind: 'twoFactorRequired' }> | { kind: 'expired' }

/** The second step: the code from the authenticator app, for the user the challenge token names. */
export async function completeTwoFactorLogin(input: {
  challengeToken: string
  code: string
  clientIp: string
}): Promise<TwoFactorLoginResult> {
  const challenge = await findValidToken(input.challengeToken, 'TWO_FACTOR_LOGIN')
  const user =
    challenge &&
    (await prisma.user.findUnique({
      where: { id: challenge.userId },
      select: { id: true, email: true, totpSecret: true, totpEnabledAt: true, deactivatedAt: true },
    }))
  if (!user?.totpSecret || !user.totpEnabledAt || user.deactivatedAt) return { kind: 'expired' }
  const rules = loginRules(user.email, input.clientIp)
  const limited = await refuseWhenLimited(rules, user.id)
  if (limited) return limited
  if (!(await spendTotpCode({ id: user.id, totpSecret: user.totpSecret }, input.code))) {
    await recordRefusal(rules, user.id, 'totp')
    return { kind: 'refused' }
  }
  const isFirstUse = await prisma.$transaction(async (tx) => {
    if (!(await consumeToken(input.challengeToken, 'TWO_FACTOR_LOGIN', tx))) return false
    await recordSuccess(rules, user.id, 'password+totp', tx)
    return true
  })
  return isFirstUse ? { kind: 'signedIn', userId: user.id } : { kind: 'expired' }
}

export async function recordLogout(userId: string) {
  await recordAudit({ actorId: userId, action: 'logout', subjectType: 'User', subjectId: userId })
}

async function refuseWhenLimited(rules: Rules, userId: string | null) {
  const retryAfterMs = await rateLimitedFor([rules.account, rules.ip])
  if (!retryAfterMs) return null
  await recordAudit({
    actorId: userId,
    action: 'login.rateLimited',
    ...(userId ? { subjectType: 'User', subjectId: userId } : {}),
    data: { account: rules.account.key },
  })
  return { kind: 'rateLimited', retryAfterMs } as const
}

/** The audit record names the account only by the hash in its rate-limit key, never by its address. */
async function recordRefusal(
  rules: Rules,
  userId: string | null,
  reason: 'unknownAccount' | 'password' | 'deactivated' | 'totp',
) {
  await prisma.$transaction(async (tx) => {
    await recordFailure([rules.account, rules.ip], tx)
    await recordAudit(
      {
        actorId: userId,
        action: 'login.failed',
        ...(userId ? { subjectType: 'User', subjectId: userId } : {}),
        data: { account: rules.account.key, reason },
      },
      tx,
    )
  })
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
async function recordSuccess(rules: Rules, userId: string, method: string, tx: Prisma.TransactionClient) {
  await clearFailures(rules.account, tx)
  await recordAudit(
    { actorId: userId, action: 'login.succeeded', subjectType: 'User', subjectId: userId, data: { method } },
    tx,
  )
}
