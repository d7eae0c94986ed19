import { z } from 'zod'

import { supportedLanguages, type Language } from './i18n'

/**
 * Every validation message is an i18n key in the `common` namespace (`validation.*`), optionally with
 * interpolation values: the same schema runs in the browser and on the server, and the message is
 * translated where it is shown.
 */
export function message(key: string, values?: Record<string, string | number>) {
  return values ? `${key}|${JSON.stringify(values)}` : key
}

export function parseMessage(encoded: string): { key: string; values?: Record<string, string | number> } {
  const separator = encoded.indexOf('|')
  if (separator === -1) return { key: encoded }
  return { key: encoded.slice(0, separator), values: JSON.parse(encoded.slice(separator + 1)) }
}

z.config({
  customError(issue) {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? message('validation.required')
          : message('validation.invalid')
      case 'too_small':
        return issue.origin === 'string' && issue.minimum === 1
          ? message('validation.required')
          : message('validation.tooShort', { minimum: Number(issue.minimum) })
      case 'too_big':
        return message('validation.tooLong', { maximum: Number(issue.maximum) })
      case 'invalid_format':
        return issue.format === 'email' ? message('validation.email') : message('validation.invalid')
      case 'invalid_value':
        return message('validation.choose')
      default:
        return message('validation.invalid')
    }
  },
})

export { z }

/** Trims, then requires 1..max characters. */
export const requiredText = (max = 200) => z.string().trim().min(1).max(max)

/** Trims; empty becomes undefined. */
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined))

export const emailField = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email())

/** One of the languages the portal ships, for a person's pages and emails. */
export const languageField = z.enum(supportedLanguages as [Language, ...Language[]])

export const PASSWORD_MIN_LENGTH = 12

const commonPasswords = new Set([
  'password1234',
  'passwort1234',
  '123456789012',
  'qwertyuiopas',
  'qwertzuiopue',
  'iloveyou1234',
  'letmein12345',
  'administrator',
  'willkommen123',
  'welcome12345',
])

/** NIST SP 800-63B: length over composition rules, and no well-known passwords. */
export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, {
    error: message('validation.passwordTooShort', { minimum: PASSWORD_MIN_LENGTH }),
  })
  .max(200)
  .refine((value) => !commonPasswords.has(value.toLowerCase()) && new Set(value).size >= 5, {
    error: message('validation.passwordTooWeak'),
  })

export const phoneField = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^\+?[0-9 ()/-]{5,}$/, { error: message('validation.phone') })
