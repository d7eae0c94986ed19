import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, DEMO_PASSWORD } from '../factories'
import { linkIn, startFakeResend } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { fieldMessages } from './helpers/form-replies'

import { issueToken } from '~/models/token.server'
import * as forgotPassword from '~/routes/forgot-password'
import * as resetPassword from '~/routes/reset-password'
import { prisma } from '~/utils/db.server'
import { getTranslator } from '~/utils/i18n.server'
import { verifyPassword } from '~/utils/password.server'

const resend = await startFakeResend()
beforeAll(() => resend.use())
afterAll(() => resend.close())

const NEW_PASSWORD = 'Ein ganz neues Passwort 2026'

function requestReset(email: string) {
  return callRoute(forgotPassword.action, buildRequest('/forgot-password', { form: { email } }))
}

/** The reset email goes out through the outbox, in the background (see requestPasswordReset). */
async function resetEmailFor(entered: string, recipient = entered) {
  const sentBefore = resend.emails.length
  const result = await requestReset(entered)
  expect(result.data).toEqual({ isSent: true })
  await deliverOutbox()
  const found = resend.emails.slice(sentBefore).find((candidate) => candidate.to === recipient)
  if (!found) throw new Error(`no reset email to ${recipient}`)
  return found
}

async function resetLinkFor(email: string) {
  return linkIn(await resetEmailFor(email), '/reset-password?token=')
}

function submitNewPassword(link: string, password: string, confirmPassword = password) {
  return callRoute(resetPassword.action, buildRequest(link, { form: { password, confirmPassword } }))
}

async function passwordHashOf(userId: string) {
  return (await prisma.password.findUniqueOrThrow({ where: { userId } })).hash
}

describe('forgot password', () => {
  it('gives the same answer for unknown addresses, and sends nothing', async () => {
    const before = await rowCounts()
    const sentBefore = resend.emails.length
    const result = await requestReset('nobody.here@example.test')
    expect(result.status).toBe(200)
    expect(result.data).toEqual({ isSent: true })
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore)
    expect(await rowCounts()).toEqual(before)
  })

  it('sends nothing to a deactivated account', async () => {
    const user = await createUser()
    await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } })
    expect((await requestReset(user.email)).data).toEqual({ isSent: true })
    expect(await prisma.token.count({ where: { userId: user.id } })).toBe(0)
  })

  it('refuses a malformed address with a translated message', async () => {
    const before = await rowCounts()
    expect(await fieldMessages(await requestReset('not-an-address'))).toEqual({ email: 'validation.email' })
    expect(await fieldMessages(await requestReset(''))).toEqual({ email: 'validation.required' })
    expect(await rowCounts()).toEqual(before)
  })

  it('emails a one-hour link in the account holder’s language, at most once a minute', async () => {
    const user = await createUser({ locale: 'en' })
    const sent = await resetEmailFor(user.email.toUpperCase(), user.email)
    const t = await getTranslator('en')
    expect(sent.subject).toBe(t('auth:emails.reset.subject'))
    expect(sent.text).toContain(t('auth:emails.linkValidity', { count: 1 }))
    const token = await prisma.token.findFirstOrThrow({
      where: { userId: user.id, purpose: 'PASSWORD_RESET' },
    })
    expect(token.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000)
    expect(token.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000)

    const sentBefore = resend.emails.length
    await requestReset(user.email)
    expect(await prisma.token.count({ where: { userId: user.id, purpose: 'PASSWORD_RESET' } })).toBe(1)
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore)
  })
})

describe('reset password', () => {
  it('sets the new password, ends every session, uses up the link and sends a security notice', async () => {
    const user = await createUser({ locale: 'de' })
    await sessionCookieFor(user.id)
    await sessionCookieFor(user.id)
    const link = await resetLinkFor(user.email)

    const page = await callRoute(resetPassword.loader, buildRequest(link))
    expect(page.data).toEqual({ state: 'PASSWORD_RESET' })

    const sentBefore = resend.emails.length
    const result = await submitNewPassword(link, NEW_PASSWORD)
    expect(result.status).toBe(302)
    expect(result.location).toBe('/login')
    expect(await verifyPassword(await passwordHashOf(user.id), NEW_PASSWORD)).toBe(true)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect(await prisma.auditEvent.count({ where: { action: 'password.reset', subjectId: user.id } })).toBe(1)
    await deliverOutbox()
    const notice = resend.emails.at(-1)!
    expect(resend.emails.length).toBe(sentBefore + 1)
    expect(notice.to).toBe(user.email)
    expect(notice.subject).toBe((await getTranslator('de'))('auth:emails.passwordChanged.subject'))

    const again = await callRoute(resetPassword.loader, buildRequest(link))
    expect(again.status).toBe(400)
    expect(again.data).toEqual({ state: 'invalidLink' })
    const reuse = await submitNewPassword(link, 'Noch ein anderes Passwort')
    expect(reuse.status).toBe(400)
    expect(await verifyPassword(await passwordHashOf(user.id), NEW_PASSWORD)).toBe(true)
  })

  it('refuses weak or mismatched passwords with translated messages and changes nothing', async () => {
    const user = await createUser()
    await sessionCookieFor(user.id)
    const link = await resetLinkFor(user.email)
    const cases: [string, string, Record<string, string>][] = [
      [
        '',
        '',
        { password: 'validation.passwordTooShort|{"minimum":12}', confirmPassword: 'validation.required' },
      ],
      ['kurz', 'kurz', { password: 'validation.passwordTooShort|{"minimum":12}' }],
      ['password1234', 'password1234', { password: 'validation.passwordTooWeak' }],
      [NEW_PASSWORD, `${NEW_PASSWORD}?`, { confirmPassword: 'validation.passwordsDoNotMatch' }],
    ]
    for (const [password, confirmPassword, expected] of cases) {
      const before = await rowCounts()
      const hashBefore = await passwordHashOf(user.id)
      expect(await fieldMessages(await submitNewPassword(link, password, confirmPassword))).toEqual(expected)
      expect(await rowCounts()).toEqual(before)
      expect(await passwordHashOf(user.id)).toBe(hashBefore)
    }
    expect((await callRoute(resetPassword.loader, buildRequest(link))).status).toBe(200)
  })

  it('refuses an expired link', async () => {
    const user = await createUser()
    const link = await resetLinkFor(user.email)
    await prisma.token.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    })
    const before = await rowCounts()
    const page = await callRoute(resetPassword.loader, buildRequest(link))
    expect(page.status).toBe(400)
    expect(page.data).toEqual({ state: 'invalidLink' })
    expect((await submitNewPassword(link, NEW_PASSWORD)).status).toBe(400)
    expect(await rowCounts()).toEqual(before)
    expect(await verifyPassword(await passwordHashOf(user.id), DEMO_PASSWORD)).toBe(true)
  })

  it('does not accept other kinds of token', async () => {
    const user = await createUser()
    const token = await issueToken(user.id, 'EMAIL_VERIFICATION')
    const page = await callRoute(resetPassword.loader, buildRequest(`/reset-password?token=${token}`))
    expect(page.status).toBe(400)
    expect((await callRoute(resetPassword.loader, buildRequest('/reset-password'))).status).toBe(400)
  })

  it('sets the first password of a staff account an admin created, and confirms its address', async () => {
    const staff = await prisma.user.create({
      data: { email: 'new.officer@example.test', name: 'Jonas Becker', staffRole: 'OFFICER' },
    })
    const token = await issueToken(staff.id, 'ACCOUNT_SETUP')
    const link = `/reset-password?token=${token}`
    const page = await callRoute(resetPassword.loader, buildRequest(link))
    expect(page.data).toEqual({ state: 'ACCOUNT_SETUP' })
    const translate = await getTranslator('en')
    expect(resetPassword.handle.pageTitle(translate, page.data)).toBe('Set your password')

    const sentBefore = resend.emails.length
    const result = await submitNewPassword(link, NEW_PASSWORD)
    expect(result.status).toBe(302)
    expect(result.location).toBe('/login')
    const updated = await prisma.user.findUniqueOrThrow({
      where: { id: staff.id },
      include: { password: true },
    })
    expect(updated.emailVerifiedAt).toBeInstanceOf(Date)
    expect(await verifyPassword(updated.password!.hash, NEW_PASSWORD)).toBe(true)
    // A first password is not a change: no "your password was changed" notice.
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore)
  })
})
