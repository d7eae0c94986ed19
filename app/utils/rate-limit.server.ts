import { prisma } from './db.server'
import { hashToken } from './crypto.server'
import { LOGIN_LIMITS, retryAfterMs, type RateLimitRule } from './rate-limit'

/** The rules for a login attempt: per account (the email's hash, so no address is stored) and per IP. */
export function loginRules(email: string, clientIp: string): { account: RateLimitRule; ip: RateLimitRule } {
  return {
    account: { key: accountKey(email), ...LOGIN_LIMITS.account },
    ip: { key: `ip:${clientIp}`, ...LOGIN_LIMITS.ip },
  }
}

export function accountKey(email: string) {
  return `account:${hashToken(email.toLowerCase())}`
}

/**
 * Milliseconds until every rule allows another attempt, 0 when none is exceeded. Failures live in the
 * database, so the limit holds across several servers. Two concurrent attempts may both pass the check;
 * one extra guess in a window of fifteen minutes does not matter.
 */
export async function rateLimitedFor(rules: RateLimitRule[]) {
  const now = Date.now()
  const waits = await Promise.all(
    rules.map(async (rule) => {
      const failures = await prisma.loginFailure.findMany({
        where: { key: rule.key, createdAt: { gt: new Date(now - rule.windowMs) } },
        orderBy: { createdAt: 'desc' },
        take: rule.max,
        select: { createdAt: true },
      })
      return retryAfterMs(
        failures.map((failure) => failure.createdAt.getTime()),
        rule,
        now,
      )
    }),
  )
  return Math.max(0, ...waits)
}

type Db = Pick<typeof prisma, 'loginFailure'>

/** Records one failure for each rule and drops failures too old to count for any rule. */
export async function recordFailure(rules: RateLimitRule[], db: Db = prisma) {
  const longestWindow = Math.max(...rules.map((rule) => rule.windowMs))
  await db.loginFailure.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - longestWindow) } } })
  await db.loginFailure.createMany({ data: rules.map((rule) => ({ key: rule.key })) })
}

export async function clearFailures(rule: RateLimitRule, db: Db = prisma) {
  await db.loginFailure.deleteMany({ where: { key: rule.key } })
}
