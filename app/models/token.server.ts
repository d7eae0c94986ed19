import type { TokenPurpose } from '~/generated/prisma/client'
import { generateToken, hashToken } from '~/utils/crypto.server'
import { prisma } from '~/utils/db.server'

/** How long each kind of emailed or held token stays valid. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  EMAIL_VERIFICATION: 1000 * 60 * 60 * 48,
  PASSWORD_RESET: 1000 * 60 * 60,
  ACCOUNT_SETUP: 1000 * 60 * 60 * 24 * 7,
  TWO_FACTOR_LOGIN: 1000 * 60 * 10,
}

type Db = Pick<typeof prisma, 'token'>

/** Issues a one-time token; only its hash is stored. Earlier unused tokens of the same purpose lapse. */
export async function issueToken(userId: string, purpose: TokenPurpose, db: Db = prisma) {
  const token = generateToken()
  await db.token.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: new Date() } })
  await db.token.create({
    data: {
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
    },
  })
  return token
}

/** The token's record if it is unused and unexpired, without using it up. */
export async function findValidToken(token: string | null | undefined, purpose: TokenPurpose) {
  if (!token) return null
  const record = await prisma.token.findUnique({ where: { tokenHash: hashToken(token) } })
  if (!record || record.purpose !== purpose || record.usedAt || record.expiresAt < new Date()) return null
  return record
}

/**
 * Uses the token up atomically (a second use, even a concurrent one, finds nothing) and returns the
 * user id, or null when it is unknown, used or expired.
 */
export async function consumeToken(token: string | null | undefined, purpose: TokenPurpose, db: Db = prisma) {
  if (!token) return null
  const now = new Date()
  const tokenHash = hashToken(token)
  const { count } = await db.token.updateMany({
    where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  })
  if (count !== 1) return null
  const record = await db.token.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } })
  return record.userId
}
