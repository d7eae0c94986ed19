/** A limit on failures per key within a sliding window (DESIGN §7: login per account and per IP). */
export type RateLimitRule = { key: string; max: number; windowMs: number }

const FIFTEEN_MINUTES = 15 * 60 * 1000

export const LOGIN_LIMITS = {
  account: { max: 5, windowMs: FIFTEEN_MINUTES },
  ip: { max: 20, windowMs: FIFTEEN_MINUTES },
} as const

/**
 * How long until the key drops below its limit again, or 0 when it is not limited. `failures` are the
 * times (ms) of the key's failures within the window, newest first.
 */
export function retryAfterMs(failures: number[], rule: Omit<RateLimitRule, 'key'>, now: number) {
  const recent = failures.filter((at) => at > now - rule.windowMs)
  if (recent.length < rule.max) return 0
  // Once the max-th newest failure leaves the window, fewer than `max` remain.
  const blocking = recent[rule.max - 1]!
  return Math.max(blocking + rule.windowMs - now, 1)
}

/** Whole minutes to tell the user, never "0 minutes". */
export function minutesToWait(ms: number) {
  return Math.max(1, Math.ceil(ms / 60_000))
}

/**
 * The client address for the per-IP limit. The server passes it in the load context (Express's
 * request.ip, which honours X-Forwarded-For only with TRUST_PROXY=true). Without it, the header is
 * trusted only behind a proxy we were told about; otherwise all such requests share the key "direct".
 */
export function clientIpOf(
  request: Request,
  context: { clientIp?: string } | undefined,
  trustProxy = process.env.TRUST_PROXY === 'true',
) {
  if (context?.clientIp) return context.clientIp
  if (trustProxy) {
    const first = request.headers.get('X-Forwarded-For')?.split(',')[0]?.trim()
    if (first) return first
  }
  return 'direct'
}
