import { prisma } from '~/utils/db.server'
import { verifyPassword } from '~/utils/password.server'
import { generateTotpSecret, groupSecret, qrCodeDataUrl, totpStepOf, totpUri } from '~/utils/totp.server'
import { isStaffTwoFactorRequired } from '~/models/settings.server'

import { recordAudit } from './audit.server'

/**
 * The state of two-factor login for the account page. While set-up is pending, the secret waits in
 * User.totpSecret with totpEnabledAt unset: sign-in ignores it until a code has confirmed it.
 */
export async function getTwoFactorState(userId: string, issuer: string) {
  const [user, isRequired] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, totpSecret: true, totpEnabledAt: true },
    }),
    isStaffTwoFactorRequired(),
  ])
  const pending =
    user.totpSecret && !user.totpEnabledAt
      ? {
          qrCode: await qrCodeDataUrl(totpUri(user.totpSecret, issuer, user.email)),
          secret: groupSecret(user.totpSecret),
        }
      : null
  return { enabledAt: user.totpEnabledAt, pending, isRequired }
}

/**
 * Accepts a code once: using it spends its time step, so a code seen over someone's shoulder (or
 * replayed) does not work again within its validity window (RFC 6238 §5.2). False when it is wrong.
 */
export async function spendTotpCode(
  user: { id: string; totpSecret: string },
  code: string,
  db: Pick<typeof prisma, 'user'> = prisma,
) {
  const step = totpStepOf(user.totpSecret, code)
  if (step === null) return false
  const { count } = await db.user.updateMany({
    where: { id: user.id, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
    data: { totpLastUsedStep: step },
  })
  return count === 1
}

/** Creates a new secret to scan; a previous unconfirmed one is replaced. */
export async function startTwoFactorSetup(userId: string) {
  await prisma.user.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: { totpSecret: generateTotpSecret() },
  })
}

/** Turns two-factor login on once a code proves the app has the secret; false when the code is wrong. */
export async function confirmTwoFactorSetup(userId: string, code: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  })
  if (!user.totpSecret || user.totpEnabledAt) return false
  if (!(await spendTotpCode({ id: userId, totpSecret: user.totpSecret }, code))) return false
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: new Date() } })
    await recordAudit(
      { actorId: userId, action: 'twoFactor.enabled', subjectType: 'User', subjectId: userId },
      tx,
    )
  })
  return true
}

export type DisableResult = 'disabled' | 'wrongPassword' | 'wrongCode' | 'required'

/** Turns two-factor login off, with the password and a current code as proof; not while it is required. */
export async function disableTwoFactor(
  userId: string,
  input: { currentPassword: string; code: string },
): Promise<DisableResult> {
  if (await isStaffTwoFactorRequired()) return 'required'
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, password: { select: { hash: true } } },
  })
  if (!user.password || !(await verifyPassword(user.password.hash, input.currentPassword)))
    return 'wrongPassword'
  if (!user.totpSecret || !(await spendTotpCode({ id: userId, totpSecret: user.totpSecret }, input.code)))
    return 'wrongCode'
  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastUsedStep: null },
    })
    await recordAudit(
      { actorId: userId, action: 'twoFactor.disabled', subjectType: 'User', subjectId: userId },
      tx,
    )
  })
  return 'disabled'
}
