import { Secret, TOTP } from 'otpauth'
import { expect } from 'vitest'

import type { RouteResult } from '../support/requests'

import { prisma } from '~/utils/db.server'
import { getTranslator } from '~/utils/i18n.server'
import { parseMessage } from '~/utils/validation'

/** `name=value` of a cookie the response sets, ready for a Cookie header; null when it sets none. */
export function cookieSetBy(result: RouteResult, name: string) {
  const cookie = result.headers.getSetCookie().find((header) => header.startsWith(`${name}=`))
  return cookie ? cookie.split(';')[0]! : null
}

/** Everything an account form could write: a refused form must leave all of it unchanged. */
export async function countRows() {
  const [users, passwords, sessions, tokens, loginFailures, auditEvents] = await Promise.all([
    prisma.user.count(),
    prisma.password.count(),
    prisma.session.count(),
    prisma.token.count(),
    prisma.loginFailure.count(),
    prisma.auditEvent.count(),
  ])
  return { users, passwords, sessions, tokens, loginFailures, auditEvents }
}

/** Translates an encoded message (key plus values) and fails when the language has no text for it. */
export async function translated(encoded: string, language: string) {
  const { key, values } = parseMessage(encoded)
  const t = await getTranslator(language)
  const text = t(key, values)
  expect(text, `${language}: ${key}`).not.toBe(key.replace(/^\w+:/, ''))
  expect(text, `${language}: ${key}`).not.toBe(key)
  return text
}

/** The field messages of a 400 reply, each checked to exist in German, English and Arabic. */
export async function fieldMessages(result: RouteResult) {
  expect(result.status).toBe(400)
  const { fieldErrors } = result.data as { fieldErrors: Record<string, string[]> }
  for (const messages of Object.values(fieldErrors)) {
    for (const encoded of messages) {
      for (const language of ['de', 'en', 'ar']) await translated(encoded, language)
    }
  }
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages[0]]))
}

/** The code an authenticator app would show now (or `steps` periods later). */
export function totpCode(secret: string, steps = 0) {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })
  return totp.generate({ timestamp: Date.now() + steps * 30_000 })
}
