import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, DEMO_PASSWORD } from '../factories'
import { startFakeResend } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { cookieSetBy } from './helpers/auth'
import { fieldMessages } from './helpers/form-replies'

import * as accountLayout from '~/routes/account'
import * as profile from '~/routes/account._index'
import * as changePassword from '~/routes/account.password'
import * as sessions from '~/routes/account.sessions'
import { prisma } from '~/utils/db.server'
import { getTranslator, languageCookie } from '~/utils/i18n.server'
import { verifyPassword } from '~/utils/password.server'
import { createSession } from '~/utils/session.server'

const resend = await startFakeResend()
beforeAll(() => resend.use())
afterAll(() => resend.close())

const NEW_PASSWORD = 'Ein ganz neues Passwort 2026'

describe('account area', () => {
  it('sends anonymous visitors to the login page', async () => {
    for (const [fn, path] of [
      [accountLayout.loader, '/account'],
      [profile.loader, '/account'],
      [changePassword.loader, '/account/password'],
      [sessions.loader, '/account/sessions'],
    ] as const) {
      const result = await callRoute(fn, buildRequest(path))
      expect(result.status).toBe(302)
      expect(result.location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`)
    }
  })

  it('offers the two-factor section to staff only', async () => {
    const member = await createUser()
    const officer = await createUser({ staffRole: 'OFFICER' })
    const forMember = await callRoute(
      accountLayout.loader,
      buildRequest('/account', { cookie: await sessionCookieFor(member.id) }),
    )
    const forOfficer = await callRoute(
      accountLayout.loader,
      buildRequest('/account', { cookie: await sessionCookieFor(officer.id) }),
    )
    expect(forMember.data).toEqual({ isStaff: false })
    expect(forOfficer.data).toEqual({ isStaff: true })
  })
})

describe('profile', () => {
  it('saves name and language, and remembers the language in the lng cookie', async () => {
    const user = await createUser({ locale: 'de' })
    const cookie = await sessionCookieFor(user.id)
    const result = await callRoute(
      profile.action,
      buildRequest('/account', { cookie, form: { name: '  Nour El-Sayed ', language: 'ar' } }),
    )
    expect(result.status).toBe(302)
    expect(result.location).toBe('/account')
    expect(result.headers.get('X-Remix-Reload-Document')).toBe('true')
    expect(await languageCookie.parse(cookieSetBy(result, 'lng'))).toBe('ar')
    const updated = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(updated).toMatchObject({ name: 'Nour El-Sayed', locale: 'ar' })
  })

  it('refuses an empty or too long name and an unknown language, and changes nothing', async () => {
    const user = await createUser({ name: 'Original Name' })
    const cookie = await sessionCookieFor(user.id)
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ name: '   ', language: 'en' }, { name: 'validation.required' }],
      [{ name: 'N'.repeat(201), language: 'en' }, { name: 'validation.tooLong|{"maximum":200}' }],
      [{ name: 'Valid Name', language: 'klingon' }, { language: 'validation.choose' }],
    ]
    for (const [form, expected] of cases) {
      const before = await rowCounts()
      const result = await callRoute(profile.action, buildRequest('/account', { cookie, form }))
      expect(await fieldMessages(result)).toEqual(expected)
      expect(await rowCounts()).toEqual(before)
      expect(cookieSetBy(result, 'lng')).toBeNull()
    }
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: 'Original Name',
      locale: 'de',
    })
  })
})

describe('change password', () => {
  function submit(cookie: string, form: Record<string, string>) {
    return callRoute(changePassword.action, buildRequest('/account/password', { cookie, form }))
  }

  it('keeps this session, ends the others and sends a security notice', async () => {
    const user = await createUser({ locale: 'en' })
    const cookie = await sessionCookieFor(user.id)
    await sessionCookieFor(user.id)
    await sessionCookieFor(user.id)
    const sentBefore = resend.emails.length
    const result = await submit(cookie, {
      currentPassword: DEMO_PASSWORD,
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe('/account/password')

    const remaining = await prisma.session.findMany({ where: { userId: user.id } })
    expect(remaining).toHaveLength(1)
    const stillSignedIn = await callRoute(profile.loader, buildRequest('/account', { cookie }))
    expect(stillSignedIn.status).toBe(200)

    const hash = (await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash
    expect(await verifyPassword(hash, NEW_PASSWORD)).toBe(true)
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'password.changed', actorId: user.id },
    })
    expect(audit.data).toEqual({ otherSessionsEnded: 2 })
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore + 1)
    const notice = resend.emails.at(-1)!
    expect(notice.to).toBe(user.email)
    expect(notice.subject).toBe((await getTranslator('en'))('auth:emails.passwordChanged.subject'))
    expect(notice.text).toContain('http://localhost:3000/forgot-password')
  })

  it('refuses a wrong current password, weak or mismatched new ones, and changes nothing', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    await sessionCookieFor(user.id)
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { currentPassword: 'not my password', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        { currentPassword: 'auth:account.password.currentWrong' },
      ],
      [
        { currentPassword: '', password: '', confirmPassword: '' },
        {
          currentPassword: 'validation.required',
          password: 'validation.passwordTooShort|{"minimum":12}',
          confirmPassword: 'validation.required',
        },
      ],
      [
        { currentPassword: DEMO_PASSWORD, password: 'qwertzuiopue', confirmPassword: 'qwertzuiopue' },
        { password: 'validation.passwordTooWeak' },
      ],
      [
        {
          currentPassword: DEMO_PASSWORD,
          password: NEW_PASSWORD,
          confirmPassword: 'something else entirely',
        },
        { confirmPassword: 'validation.passwordsDoNotMatch' },
      ],
    ]
    const hashBefore = (await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash
    for (const [form, expected] of cases) {
      const before = await rowCounts()
      const sentBefore = resend.emails.length
      expect(await fieldMessages(await submit(cookie, form))).toEqual(expected)
      expect(await rowCounts()).toEqual(before)
      await deliverOutbox()
      expect(resend.emails.length).toBe(sentBefore)
    }
    expect((await prisma.password.findUniqueOrThrow({ where: { userId: user.id } })).hash).toBe(hashBefore)
  })
})

describe('sessions', () => {
  const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0'

  it('lists the user’s sessions with the current one marked and first', async () => {
    const user = await createUser()
    const other = await createUser()
    await sessionCookieFor(other.id)
    await createSession(user.id, buildRequest('/login', { headers: { 'User-Agent': FIREFOX } }))
    const cookie = await sessionCookieFor(user.id)
    const result = await callRoute(sessions.loader, buildRequest('/account/sessions', { cookie }))
    const list = (result.data as { sessions: { isCurrent: boolean; device: unknown; createdAt: Date }[] })
      .sessions
    expect(list).toHaveLength(2)
    expect(list.map((session) => session.isCurrent)).toEqual([true, false])
    expect(list[1]!.device).toEqual({ browser: 'Firefox 128', os: 'Windows' })
    expect(list[0]!.createdAt).toBeInstanceOf(Date)
  })

  it('signs out all other sessions of the user only', async () => {
    const user = await createUser()
    const other = await createUser()
    const cookie = await sessionCookieFor(user.id)
    await sessionCookieFor(user.id)
    await sessionCookieFor(user.id)
    await sessionCookieFor(other.id)
    const result = await callRoute(sessions.action, buildRequest('/account/sessions', { cookie, form: {} }))
    expect(result.status).toBe(302)
    expect(result.location).toBe('/account/sessions')
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    expect(await prisma.session.count({ where: { userId: other.id } })).toBe(1)
    expect((await callRoute(sessions.loader, buildRequest('/account/sessions', { cookie }))).status).toBe(200)
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'sessions.revoked', actorId: user.id },
    })
    expect(audit.data).toEqual({ count: 2 })
  })
})
