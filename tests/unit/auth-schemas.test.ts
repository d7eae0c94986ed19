import { describe, expect, it } from 'vitest'

import { ChangePasswordSchema, LoginSchema, SignupSchema, TwoFactorCodeSchema } from '~/schemas/auth'

const PASSWORD = 'Kaffee mit Milch am Morgen'

function errorsOf(result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) {
  return Object.fromEntries(
    (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]),
  )
}

describe('SignupSchema', () => {
  const valid = {
    name: ' Amira Haddad ',
    email: ' Amira@Example.TEST ',
    password: PASSWORD,
    confirmPassword: PASSWORD,
    language: 'ar',
  }

  it('trims the name and normalises the address to lower case', () => {
    expect(SignupSchema.parse(valid)).toEqual({ ...valid, name: 'Amira Haddad', email: 'amira@example.test' })
  })

  it('requires the confirmation to match', () => {
    expect(errorsOf(SignupSchema.safeParse({ ...valid, confirmPassword: 'different' }))).toEqual({
      confirmPassword: 'validation.passwordsDoNotMatch',
    })
  })

  it('accepts names up to 200 characters', () => {
    expect(SignupSchema.safeParse({ ...valid, name: 'N'.repeat(200) }).success).toBe(true)
    expect(errorsOf(SignupSchema.safeParse({ ...valid, name: 'N'.repeat(201) }))).toEqual({
      name: 'validation.tooLong|{"maximum":200}',
    })
  })
})

describe('TwoFactorCodeSchema', () => {
  it('accepts six digits, ignoring spaces', () => {
    expect(TwoFactorCodeSchema.parse({ code: '123 456' })).toEqual({ code: '123456' })
  })

  it('refuses anything else', () => {
    for (const code of ['12345', '1234567', 'abcdef']) {
      expect(errorsOf(TwoFactorCodeSchema.safeParse({ code }))).toEqual({ code: 'auth:twoFactor.codeFormat' })
    }
  })
})

describe('LoginSchema and ChangePasswordSchema', () => {
  it('checks an entered password for presence only, not strength', () => {
    expect(LoginSchema.safeParse({ email: 'a@example.test', password: 'short' }).success).toBe(true)
    expect(
      ChangePasswordSchema.safeParse({
        currentPassword: 'short',
        password: PASSWORD,
        confirmPassword: PASSWORD,
      }).success,
    ).toBe(true)
  })
})
