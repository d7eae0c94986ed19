import { describe, expect, it } from 'vitest'

import { clientIpOf, LOGIN_LIMITS, minutesToWait, retryAfterMs } from '~/utils/rate-limit'

const MINUTE = 60_000
const now = Date.UTC(2026, 0, 15, 9, 0)
const rule = { max: 5, windowMs: 15 * MINUTE }

/** Failure times, newest first, `minutesAgo` each. */
const failuresAt = (...minutesAgo: number[]) => minutesAgo.map((minutes) => now - minutes * MINUTE)

describe('retryAfterMs', () => {
  it('allows attempts below the limit', () => {
    expect(retryAfterMs([], rule, now)).toBe(0)
    expect(retryAfterMs(failuresAt(1, 2, 3, 4), rule, now)).toBe(0)
  })

  it('blocks at the limit until the oldest counting failure leaves the window', () => {
    expect(retryAfterMs(failuresAt(1, 2, 3, 4, 10), rule, now)).toBe(5 * MINUTE)
  })

  it('ignores failures older than the window', () => {
    expect(retryAfterMs(failuresAt(1, 2, 3, 4, 16, 20), rule, now)).toBe(0)
  })

  it('with more failures than the limit, waits for the max-th newest one', () => {
    expect(retryAfterMs(failuresAt(0, 1, 2, 3, 4, 12, 14), rule, now)).toBe(11 * MINUTE)
  })

  it('uses the documented limits: 5 per account and 20 per address in 15 minutes', () => {
    expect(LOGIN_LIMITS.account).toEqual({ max: 5, windowMs: 15 * MINUTE })
    expect(LOGIN_LIMITS.ip).toEqual({ max: 20, windowMs: 15 * MINUTE })
  })
})

describe('minutesToWait', () => {
  it('rounds up to whole minutes and never says zero', () => {
    expect(minutesToWait(1)).toBe(1)
    expect(minutesToWait(MINUTE)).toBe(1)
    expect(minutesToWait(MINUTE + 1)).toBe(2)
    expect(minutesToWait(15 * MINUTE)).toBe(15)
  })
})

describe('clientIpOf', () => {
  const request = (forwardedFor?: string) =>
    new Request('http://localhost/login', {
      headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {},
    })

  it('prefers the address the server passes in the load context', () => {
    expect(clientIpOf(request('203.0.113.1'), { clientIp: '192.0.2.7' }, true)).toBe('192.0.2.7')
  })

  it('reads the first X-Forwarded-For entry only behind a trusted proxy', () => {
    expect(clientIpOf(request(' 203.0.113.1 , 10.0.0.2'), {}, true)).toBe('203.0.113.1')
    expect(clientIpOf(request('203.0.113.1'), {}, false)).toBe('direct')
    expect(clientIpOf(request(), undefined, true)).toBe('direct')
  })
})
