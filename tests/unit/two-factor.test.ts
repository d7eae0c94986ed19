import { Secret, TOTP } from 'otpauth'
import { describe, expect, it } from 'vitest'

import { generateTotpSecret, groupSecret, totpStepOf, totpUri } from '~/utils/totp.server'
import { mustSetUpTwoFactor } from '~/utils/two-factor'

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
const at = Date.UTC(2026, 0, 15, 9, 0, 0)

function codeAt(timestamp: number) {
  return new TOTP({ secret: Secret.fromBase32(SECRET) }).generate({ timestamp })
}

describe('TOTP', () => {
  it('creates 160-bit base32 secrets, different every time', () => {
    const secret = generateTotpSecret()
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(generateTotpSecret()).not.toBe(secret)
  })

  it('accepts the current code and one period either side, nothing further, naming its time step', () => {
    const step = Math.floor(at / 30_000)
    expect(totpStepOf(SECRET, codeAt(at), at)).toBe(step)
    expect(totpStepOf(SECRET, codeAt(at - 30_000), at)).toBe(step - 1)
    expect(totpStepOf(SECRET, codeAt(at + 30_000), at)).toBe(step + 1)
    expect(totpStepOf(SECRET, codeAt(at - 90_000), at)).toBeNull()
    expect(totpStepOf(SECRET, codeAt(at + 90_000), at)).toBeNull()
  })

  it('builds an otpauth URI with SHA1, six digits and 30 seconds', () => {
    const uri = new URL(totpUri(SECRET, 'Liaison Portal', 'officer@example.test'))
    expect(uri.protocol).toBe('otpauth:')
    expect(uri.searchParams.get('secret')).toBe(SECRET)
    expect(uri.searchParams.get('issuer')).toBe('Liaison Portal')
    expect(uri.searchParams.get('algorithm')).toBe('SHA1')
    expect(uri.searchParams.get('digits')).toBe('6')
    expect(uri.searchParams.get('period')).toBe('30')
    expect(decodeURIComponent(uri.pathname)).toContain('officer@example.test')
  })

  it('groups the secret in fours for typing', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ')
  })
})

describe('mustSetUpTwoFactor', () => {
  const officer = { staffRole: 'OFFICER', totpEnabledAt: null }

  it('applies only when required, to staff without TOTP', () => {
    expect(mustSetUpTwoFactor(officer, true, '/dashboard')).toBe(true)
    expect(mustSetUpTwoFactor({ staffRole: 'EMBASSY', totpEnabledAt: null }, true, '/dashboard')).toBe(true)
    expect(mustSetUpTwoFactor(officer, false, '/dashboard')).toBe(false)
    expect(mustSetUpTwoFactor({ staffRole: null, totpEnabledAt: null }, true, '/dashboard')).toBe(false)
    expect(mustSetUpTwoFactor({ staffRole: 'ADMIN', totpEnabledAt: new Date() }, true, '/dashboard')).toBe(
      false,
    )
  })

  it('lets staff reach the set-up page and sign out, also as single-fetch data requests', () => {
    for (const path of [
      '/account/two-factor',
      '/account/two-factor/',
      '/account/two-factor.data',
      '/logout',
    ]) {
      expect(mustSetUpTwoFactor(officer, true, path)).toBe(false)
    }
    expect(mustSetUpTwoFactor(officer, true, '/account')).toBe(true)
    expect(mustSetUpTwoFactor(officer, true, '/account/two-factor-other')).toBe(true)
  })
})
