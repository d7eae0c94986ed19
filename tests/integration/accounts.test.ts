import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { createUser, DEMO_PASSWORD } from '../factories'
import { startFakeResend, linkIn } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { cookieSetBy, totpCode } from './helpers/auth'
import { fieldMessages, translated } from './helpers/form-replies'

import { getLocale, getTranslator, languageCookie } from '~/utils/i18n.server'
import { prisma } from '~/utils/db.server'
import { generateTotpSecret } from '~/utils/totp.server'
import { verifyPassword } from '~/utils/password.server'
import * as signup from '~/routes/signup'
import * as verifyEmail from '~/routes/verify-email'
import * as login from '~/routes/login'
import * as twoFactorLogin from '~/routes/login_.two-factor'
import * as logout from '~/routes/logout'

const resend = await startFakeResend()
beforeAll(() => resend.use())
afterAll(() => resend.close())
// Failed logins from earlier tests must not limit later ones (they all come from the same address).
beforeEach(() => prisma.loginFailure.deleteMany())

const STRONG_PASSWORD = 'Kaffee mit Milch am Morgen'

function signupForm(overrides: Record<string, string> = {}) {
  return {
    name: 'Amira Haddad',
    email: `amira.${Math.random().toString(36).slice(2, 8)}@example.test`,
    password: STRONG_PASSWORD,
    confirmPassword: STRONG_PASSWORD,
    language: 'en',
    ...overrides,
  }
}

function postSignup(form: Record<string, string>, headers?: Record<string, string>) {
  return callRoute(signup.action, buildRequest('/signup', { form, headers }))
}

function postLogin(
  form: Record<string, string>,
  options: { headers?: Record<string, string>; ip?: string } = {},
) {
  const request = buildRequest('/login', { form, headers: options.headers })
  return callRoute(
    (args) => login.action({ ...args, context: options.ip ? { clientIp: options.ip } : {} }),
    request,
  )
}

describe('sign-up', () => {
  it('creates the account, signs in and sends the verification email in the chosen language', async () => {
    const before = await rowCounts()
    const form = signupForm({ email: 'Layla.Nasser@Example.TEST', language: 'ar' })
    const result = await postSignup(form)

    expect(result.status).toBe(302)
    expect(result.location).toBe('/verify-email')
    expect(cookieSetBy(result, '__session')).toBeTruthy()
    expect(cookieSetBy(result, 'lng')).toBeTruthy()

    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'layla.nasser@example.test' },
      include: { password: true, tokens: true, sessions: true },
    })
    expect(user.name).toBe('Amira Haddad')
    expect(user.locale).toBe('ar')
    expect(user.emailVerifiedAt).toBeNull()
    expect(user.password?.hash).toMatch(/^\$argon2id\$/)
    expect(await verifyPassword(user.password!.hash, STRONG_PASSWORD)).toBe(true)
    expect(user.tokens.map((token) => token.purpose)).toEqual(['EMAIL_VERIFICATION'])
    expect(user.sessions).toHaveLength(1)
    const audit = await prisma.auditEvent.findMany({ where: { subjectId: user.id } })
    expect(audit.map((event) => [event.action, event.data])).toEqual([['user.signedUp', null]])
    expect(await rowCounts()).toMatchObject({
      users: before.users + 1,
      passwords: before.passwords + 1,
      tokens: before.tokens + 1,
      sessions: before.sessions + 1,
      outboxEmails: before.outboxEmails + 1,
    })

    await deliverOutbox()
    const email = resend.emails.at(-1)!
    expect(email.to).toBe('layla.nasser@example.test')
    const t = await getTranslator('ar')
    expect(email.subject).toBe(t('auth:emails.verify.subject'))
    expect(email.html).toContain('lang="ar"')
    expect(email.html).toContain('dir="rtl"')
    expect(email.text).toContain(t('auth:emails.greeting', { name: 'Amira' }))
    expect(email.text).not.toContain('Haddad')
    expect(linkIn(email, '/verify-email?token=')).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=/)
  })

  it('preselects nothing on the server but refuses signed-in visitors', async () => {
    const user = await createUser()
    const result = await callRoute(
      signup.loader,
      buildRequest('/signup', { cookie: await sessionCookieFor(user.id) }),
    )
    expect(result.status).toBe(302)
    expect(result.location).toBe('/dashboard')
  })

  const badInputs: [string, Record<string, string>, Record<string, string>][] = [
    [
      'empty fields',
      { name: '', email: '', password: '', confirmPassword: '', language: '' },
      {
        name: 'validation.required',
        email: 'validation.required',
        password: 'validation.passwordTooShort|{"minimum":12}',
        confirmPassword: 'validation.required',
        language: 'validation.choose',
      },
    ],
    ['a name over 200 characters', { name: 'A'.repeat(201) }, { name: 'validation.tooLong|{"maximum":200}' }],
    ['a malformed email address', { email: 'amira@' }, { email: 'validation.email' }],
    [
      'a short password',
      { password: 'kurz123', confirmPassword: 'kurz123' },
      { password: 'validation.passwordTooShort|{"minimum":12}' },
    ],
    [
      'a well-known password',
      { password: 'Password1234', confirmPassword: 'Password1234' },
      { password: 'validation.passwordTooWeak' },
    ],
    [
      'a password of one repeated character',
      { password: 'aaaaaaaaaaaaaaaa', confirmPassword: 'aaaaaaaaaaaaaaaa' },
      { password: 'validation.passwordTooWeak' },
    ],
    [
      'a confirmation that does not match',
      { confirmPassword: `${STRONG_PASSWORD}!` },
      { confirmPassword: 'validation.passwordsDoNotMatch' },
    ],
    ['an unsupported language', { language: 'xx' }, { language: 'validation.choose' }],
  ]

  for (const [name, overrides, expected] of badInputs) {
    it(`refuses ${name} with translated field messages and writes nothing`, async () => {
      const before = await rowCounts()
      const sentBefore = resend.emails.length
      const result = await postSignup(signupForm(overrides))
      expect(await fieldMessages(result)).toEqual(expected)
      expect(await rowCounts()).toEqual(before)
      await deliverOutbox()
      expect(resend.emails.length).toBe(sentBefore)
      expect(result.headers.getSetCookie()).toEqual([])
    })
  }

  it('refuses an address that already has an account, whatever its case, and writes nothing', async () => {
    await createUser({ email: 'taken@example.test' })
    const before = await rowCounts()
    const sentBefore = resend.emails.length
    const result = await postSignup(signupForm({ email: ' Taken@Example.test ', name: 'Second Person' }))
    expect(await fieldMessages(result)).toEqual({ email: 'auth:signup.emailTaken' })
    expect((result.data as { values: Record<string, string> }).values).toEqual({
      name: 'Second Person',
      email: 'taken@example.test',
      language: 'en',
    })
    expect(await rowCounts()).toEqual(before)
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore)
  })
})

describe('email verification', () => {
  async function signUpAndGetLink() {
    const form = signupForm()
    const result = await postSignup(form)
    await deliverOutbox()
    const email = resend.emails.findLast((sent) => sent.to === form.email)!
    const user = await prisma.user.findUniqueOrThrow({ where: { email: form.email } })
    return { user, link: linkIn(email, '/verify-email?token='), cookie: cookieSetBy(result, '__session')! }
  }

  it('shows the signed-in, unverified user where the link went', async () => {
    const { user, cookie } = await signUpAndGetLink()
    const result = await callRoute(verifyEmail.loader, buildRequest('/verify-email', { cookie }))
    expect(result.status).toBe(200)
    expect(result.data).toEqual({ state: 'pending', email: user.email, next: 'resend' })
  })

  it('verifies the address once; the link then no longer works', async () => {
    const { user, link } = await signUpAndGetLink()
    const first = await callRoute(verifyEmail.loader, buildRequest(link))
    expect(first.status).toBe(302)
    expect(first.location).toBe('/dashboard')
    expect(cookieSetBy(first, 'toast')).toBeTruthy()
    const verified = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(verified.emailVerifiedAt).toBeInstanceOf(Date)
    expect(
      await prisma.auditEvent.count({ where: { action: 'user.emailVerified', subjectId: user.id } }),
    ).toBe(1)

    const before = await rowCounts()
    const second = await callRoute(verifyEmail.loader, buildRequest(link))
    expect(second.status).toBe(400)
    expect(second.data).toMatchObject({ state: 'invalidLink', next: 'signIn' })
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses an expired link and offers a new one to the signed-in user', async () => {
    const { user, link, cookie } = await signUpAndGetLink()
    await prisma.token.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    const result = await callRoute(verifyEmail.loader, buildRequest(link, { cookie }))
    expect(result.status).toBe(400)
    expect(result.data).toMatchObject({ state: 'invalidLink', next: 'resend' })
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull()
  })

  it('refuses a made-up token', async () => {
    const result = await callRoute(verifyEmail.loader, buildRequest('/verify-email?token=not-a-real-token'))
    expect(result.status).toBe(400)
  })

  it('sends the link again at most once a minute', async () => {
    const { user, cookie } = await signUpAndGetLink()
    const sentBefore = resend.emails.length
    const tooSoon = await callRoute(verifyEmail.action, buildRequest('/verify-email', { cookie, form: {} }))
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.data).toMatchObject({ formError: 'auth:verifyEmail.tooSoon' })
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore)

    await prisma.token.updateMany({
      where: { userId: user.id },
      data: { createdAt: new Date(Date.now() - 61_000) },
    })
    const resent = await callRoute(verifyEmail.action, buildRequest('/verify-email', { cookie, form: {} }))
    expect(resent.status).toBe(302)
    expect(resent.location).toBe('/verify-email')
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore + 1)
    const tokens = await prisma.token.findMany({ where: { userId: user.id, purpose: 'EMAIL_VERIFICATION' } })
    expect(tokens.filter((token) => !token.usedAt)).toHaveLength(1)
  })

  it('does not resend to verified or anonymous users', async () => {
    const verified = await createUser()
    const forVerified = await callRoute(
      verifyEmail.action,
      buildRequest('/verify-email', { cookie: await sessionCookieFor(verified.id), form: {} }),
    )
    expect(forVerified.location).toBe('/dashboard')
    const anonymous = await callRoute(verifyEmail.action, buildRequest('/verify-email', { form: {} }))
    expect(anonymous.location).toBe('/login?redirectTo=%2Fverify-email')
  })
})

describe('login', () => {
  it('signs in and goes to the requested page', async () => {
    const user = await createUser({ email: 'officer.meyer@example.test' })
    const result = await postLogin({
      email: 'Officer.Meyer@example.test',
      password: DEMO_PASSWORD,
      redirectTo: '/account',
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe('/account')
    expect(cookieSetBy(result, '__session')).toBeTruthy()
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'login.succeeded', actorId: user.id },
    })
    expect(JSON.stringify(audit.data)).not.toContain('officer.meyer')
  })

  it('never redirects to another site', async () => {
    await createUser({ email: 'redirect@example.test' })
    for (const redirectTo of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const result = await postLogin({ email: 'redirect@example.test', password: DEMO_PASSWORD, redirectTo })
      expect(result.location).toBe('/dashboard')
    }
  })

  it('answers unknown addresses, wrong passwords and deactivated accounts alike', async () => {
    await createUser({ email: 'known@example.test' })
    const deactivated = await createUser({ email: 'gone@example.test' })
    await prisma.user.update({ where: { id: deactivated.id }, data: { deactivatedAt: new Date() } })
    const attempts = [
      { email: 'nobody@example.test', password: DEMO_PASSWORD },
      { email: 'known@example.test', password: 'wrong password here' },
      { email: 'gone@example.test', password: DEMO_PASSWORD },
    ]
    for (const attempt of attempts) {
      const result = await postLogin(attempt)
      expect(result.status).toBe(400)
      expect(result.data).toEqual({
        fieldErrors: {},
        formError: 'auth:login.refused',
        values: { email: attempt.email },
      })
      expect(cookieSetBy(result, '__session')).toBeNull()
    }
    for (const language of ['de', 'en', 'ar']) await translated('auth:login.refused', language)
    expect(await prisma.session.count({ where: { userId: deactivated.id } })).toBe(0)
    // One failure per account and one per address, for each attempt.
    expect(await prisma.loginFailure.count()).toBe(6)
    const audit = await prisma.auditEvent.findMany({ where: { action: 'login.failed' } })
    for (const event of audit) expect(JSON.stringify(event.data)).not.toMatch(/@example\.test/)
  })

  it('refuses bad input with translated field messages and writes nothing', async () => {
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { email: '', password: '' },
        { email: 'validation.required', password: 'validation.required' },
      ],
      [{ email: 'not-an-address', password: 'x' }, { email: 'validation.email' }],
      [
        { email: 'a@example.test', password: 'x'.repeat(201) },
        { password: 'validation.tooLong|{"maximum":200}' },
      ],
    ]
    for (const [form, expected] of cases) {
      const before = await rowCounts()
      expect(await fieldMessages(await postLogin(form))).toEqual(expected)
      expect(await rowCounts()).toEqual(before)
    }
  })

  it('limits an account to five failures in fifteen minutes, checked before the password', async () => {
    const user = await createUser({ email: 'limited@example.test' })
    for (let attempt = 1; attempt <= 5; attempt++) {
      const result = await postLogin({ email: 'limited@example.test', password: `guess number ${attempt}` })
      expect(result.status).toBe(400)
    }
    const sessionsBefore = await prisma.session.count()
    const limited = await postLogin({ email: 'limited@example.test', password: DEMO_PASSWORD })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(800)
    expect(limited.data).toMatchObject({ formError: 'auth:login.rateLimited|{"count":15}' })
    expect(await prisma.session.count()).toBe(sessionsBefore)
    expect(await prisma.auditEvent.count({ where: { action: 'login.rateLimited', actorId: null } })).toBe(1)

    // Once the failures are older than the window, the correct password works and clears them.
    await prisma.loginFailure.updateMany({ data: { createdAt: new Date(Date.now() - 16 * 60_000) } })
    const later = await postLogin({ email: 'limited@example.test', password: DEMO_PASSWORD })
    expect(later.status).toBe(302)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    expect(await prisma.loginFailure.count({ where: { key: { startsWith: 'account:' } } })).toBe(0)
  })

  it('tells a limited user to wait in their language (Arabic from Accept-Language or the lng cookie)', async () => {
    await createUser({ email: 'arabic@example.test', locale: 'ar' })
    const headers = { 'Accept-Language': 'ar' }
    for (let attempt = 1; attempt <= 5; attempt++) {
      await postLogin({ email: 'arabic@example.test', password: `wrong ${attempt}` }, { headers })
    }
    const limited = await postLogin({ email: 'arabic@example.test', password: 'wrong again' }, { headers })
    expect(limited.status).toBe(429)
    const { formError } = limited.data as { formError: string }
    const lngCookie = (await languageCookie.serialize('ar')).split(';')[0]!
    for (const request of [
      buildRequest('/login', { headers }),
      buildRequest('/login', { cookie: lngCookie, headers: { 'Accept-Language': 'de' } }),
    ]) {
      const language = await getLocale(request)
      expect(language).toBe('ar')
      const text = await translated(formError, language)
      expect(text).toContain('محاولات فاشلة كثيرة')
      expect(text).toContain('15 دقيقة')
    }
    expect(await translated(formError, 'de')).toContain('15 Minuten')
    expect(await translated(formError, 'en')).toContain('15 minutes')
  })

  it('limits one address to twenty failures in fifteen minutes, across accounts', async () => {
    await createUser({ email: 'victim@example.test' })
    const ip = '198.51.100.23'
    for (let attempt = 1; attempt <= 20; attempt++) {
      const result = await postLogin({ email: `probe${attempt}@example.test`, password: 'guess' }, { ip })
      expect(result.status).toBe(400)
    }
    const fromSameIp = await postLogin({ email: 'victim@example.test', password: DEMO_PASSWORD }, { ip })
    expect(fromSameIp.status).toBe(429)
    const fromElsewhere = await postLogin(
      { email: 'victim@example.test', password: DEMO_PASSWORD },
      { ip: '203.0.113.5' },
    )
    expect(fromElsewhere.status).toBe(302)
  })

  it('refuses signed-in users', async () => {
    const user = await createUser()
    const result = await callRoute(
      login.loader,
      buildRequest('/login', { cookie: await sessionCookieFor(user.id) }),
    )
    expect(result.location).toBe('/dashboard')
  })
})

describe('two-factor login', () => {
  async function createTotpUser(email: string) {
    const secret = generateTotpSecret()
    const user = await createUser({ email, staffRole: 'OFFICER' })
    await prisma.user.update({
      where: { id: user.id },
      data: { totpSecret: secret, totpEnabledAt: new Date() },
    })
    return { user, secret }
  }

  async function passwordStep(email: string) {
    const result = await postLogin({ email, password: DEMO_PASSWORD, redirectTo: '/authority/organizations' })
    expect(result.status).toBe(302)
    expect(result.location).toBe('/login/two-factor')
    expect(cookieSetBy(result, '__session')).toBeNull()
    return cookieSetBy(result, '__login_challenge')!
  }

  function postCode(cookie: string, code: string) {
    return callRoute(twoFactorLogin.action, buildRequest('/login/two-factor', { cookie, form: { code } }))
  }

  it('asks for the code before creating a session, then signs in once', async () => {
    const { user, secret } = await createTotpUser('totp.user@example.test')
    const challenge = await passwordStep('totp.user@example.test')
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect(
      (await callRoute(twoFactorLogin.loader, buildRequest('/login/two-factor', { cookie: challenge })))
        .status,
    ).toBe(200)

    const result = await postCode(challenge, totpCode(secret))
    expect(result.status).toBe(302)
    expect(result.location).toBe('/authority/organizations')
    expect(cookieSetBy(result, '__session')).toBeTruthy()
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'login.succeeded', actorId: user.id },
    })
    expect(audit.data).toMatchObject({ method: 'password+totp' })

    // The challenge is used up: the same cookie cannot start a second session.
    const replay = await postCode(challenge, totpCode(secret))
    expect(replay.status).toBe(302)
    expect(replay.location).toBe('/login')
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
  })

  it('refuses a code that has already signed in once, even within its 30 seconds (no replay)', async () => {
    const { user, secret } = await createTotpUser('replay@example.test')
    const code = totpCode(secret)
    expect((await postCode(await passwordStep('replay@example.test'), code)).status).toBe(302)

    const secondChallenge = await passwordStep('replay@example.test')
    const replayed = await postCode(secondChallenge, code)
    expect(await fieldMessages(replayed)).toEqual({ code: 'auth:twoFactor.codeWrong' })
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
    // the next period's code still works: only spent codes are refused
    expect((await postCode(secondChallenge, totpCode(secret, 1))).status).toBe(302)
  })

  it('accepts the code of the previous period (clock drift) but not older ones', async () => {
    const { secret } = await createTotpUser('drift@example.test')
    const challenge = await passwordStep('drift@example.test')
    expect((await postCode(challenge, totpCode(secret, -3))).status).toBe(400)
    expect((await postCode(challenge, totpCode(secret, -1))).status).toBe(302)
  })

  it('refuses a wrong or malformed code with a translated message; wrong codes count toward the limit', async () => {
    const { user, secret } = await createTotpUser('wrong.code@example.test')
    const challenge = await passwordStep('wrong.code@example.test')
    const before = await rowCounts()
    const malformed = await postCode(challenge, '12ab')
    expect(await fieldMessages(malformed)).toEqual({ code: 'auth:twoFactor.codeFormat' })
    expect(await rowCounts()).toEqual(before)

    const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, '0')
    const refused = await postCode(challenge, wrong)
    expect(await fieldMessages(refused)).toEqual({ code: 'auth:twoFactor.codeWrong' })
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect(await prisma.loginFailure.count()).toBe(before.loginFailures + 2)

    for (let attempt = 2; attempt <= 5; attempt++) await postCode(challenge, wrong)
    const limited = await postCode(challenge, totpCode(secret))
    expect(limited.status).toBe(429)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })

  it('sends an expired challenge back to the login page with a message', async () => {
    const { user } = await createTotpUser('slow@example.test')
    const challenge = await passwordStep('slow@example.test')
    await prisma.token.updateMany({
      where: { userId: user.id, purpose: 'TWO_FACTOR_LOGIN' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })
    for (const result of [
      await callRoute(twoFactorLogin.loader, buildRequest('/login/two-factor', { cookie: challenge })),
      await postCode(challenge, '123456'),
      await callRoute(twoFactorLogin.loader, buildRequest('/login/two-factor')),
    ]) {
      expect(result.status).toBe(302)
      expect(result.location).toBe('/login')
      expect(cookieSetBy(result, 'toast')).toBeTruthy()
    }
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
  })

  it('does not accept a forged challenge cookie', async () => {
    const result = await postCode('__login_challenge=eyJ0b2tlbiI6IngiLCJyZWRpcmVjdFRvIjoiLyJ9', '123456')
    expect(result.location).toBe('/login')
  })
})

describe('logout', () => {
  it('ends the session on POST and records it', async () => {
    const user = await createUser()
    const cookie = await sessionCookieFor(user.id)
    const result = await callRoute(logout.action, buildRequest('/logout', { cookie, form: {} }))
    expect(result.status).toBe(302)
    expect(result.location).toBe('/')
    expect(result.headers.getSetCookie()[0]).toMatch(/^__session=;.*Max-Age=0/)
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
    expect(await prisma.auditEvent.count({ where: { action: 'logout', actorId: user.id } })).toBe(1)
  })

  it('ignores GET', async () => {
    const user = await createUser()
    await sessionCookieFor(user.id)
    const result = await callRoute(logout.loader, buildRequest('/logout'))
    expect(result.location).toBe('/')
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
  })
})
