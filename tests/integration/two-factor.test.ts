import { afterEach, describe, expect, it } from 'vitest'

import { createUser, DEMO_PASSWORD } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { totpCode, totpCodeOfStep } from './helpers/auth'
import { fieldMessages } from './helpers/form-replies'

import * as twoFactor from '~/routes/account.two-factor'
import { prisma } from '~/utils/db.server'
import { enforceStaffTwoFactor } from '~/utils/two-factor.server'

const PATH = '/account/two-factor'

afterEach(() => prisma.settings.deleteMany())

async function signedInStaff() {
  const user = await createUser({ staffRole: 'LEAD_OFFICER' })
  return { user, cookie: await sessionCookieFor(user.id) }
}

function post(cookie: string, form: Record<string, string>) {
  return callRoute(twoFactor.action, buildRequest(PATH, { cookie, form }))
}

async function secretOf(userId: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).totpSecret!
}

async function enabledStaff() {
  const { user, cookie } = await signedInStaff()
  await post(cookie, { intent: 'start' })
  await post(cookie, { intent: 'confirm', code: totpCode(await secretOf(user.id)) })
  return { user, cookie }
}

describe('two-factor set-up', () => {
  it('does not exist for organisation users', async () => {
    const member = await createUser()
    const cookie = await sessionCookieFor(member.id)
    expect((await callRoute(twoFactor.loader, buildRequest(PATH, { cookie }))).status).toBe(404)
    expect((await post(cookie, { intent: 'start' })).status).toBe(404)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).totpSecret).toBeNull()
  })

  it('shows a QR code and the key for manual entry, and turns on after a correct code', async () => {
    const { user, cookie } = await signedInStaff()
    const initial = await callRoute(twoFactor.loader, buildRequest(PATH, { cookie }))
    expect(initial.data).toEqual({ enabledAt: null, pending: null, isRequired: false })

    expect((await post(cookie, { intent: 'start' })).location).toBe(PATH)
    const secret = await secretOf(user.id)
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    const pending = (await callRoute(twoFactor.loader, buildRequest(PATH, { cookie }))).data as {
      pending: { qrCode: string; secret: string }
    }
    expect(pending.pending.qrCode).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(pending.pending.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg')
    expect(pending.pending.secret).toBe(secret.match(/.{4}/g)!.join(' '))

    // Until confirmed, a pending secret does not change how the user signs in.
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull()

    const result = await post(cookie, { intent: 'confirm', code: totpCode(secret) })
    expect(result.status).toBe(302)
    const enabled = await prisma.user.findUniqueOrThrow({ where: { id: user.id } })
    expect(enabled.totpEnabledAt).toBeInstanceOf(Date)
    expect(await prisma.auditEvent.count({ where: { action: 'twoFactor.enabled', actorId: user.id } })).toBe(
      1,
    )
  })

  it('refuses a wrong or malformed confirmation code with a translated message and stays off', async () => {
    const { user, cookie } = await signedInStaff()
    await post(cookie, { intent: 'start' })
    const secret = await secretOf(user.id)
    const wrong = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0')
    for (const [code, expected] of [
      [wrong, 'auth:twoFactor.codeWrong'],
      ['', 'validation.required'],
      ['12345', 'auth:twoFactor.codeFormat'],
      ['1234567', 'auth:twoFactor.codeFormat'],
    ] as const) {
      const before = await rowCounts()
      expect(await fieldMessages(await post(cookie, { intent: 'confirm', code }))).toEqual({ code: expected })
      expect(await rowCounts()).toEqual(before)
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull()
  })

  it('turns off only with the current password and a valid code', async () => {
    const { user, cookie } = await enabledStaff()
    const secret = await secretOf(user.id)
    const wrongCode = String((Number(totpCode(secret)) + 500_000) % 1_000_000).padStart(6, '0')
    const cases: [Record<string, string>, Record<string, string>][] = [
      [
        { currentPassword: 'wrong password', code: totpCode(secret) },
        { currentPassword: 'auth:account.password.currentWrong' },
      ],
      [{ currentPassword: DEMO_PASSWORD, code: wrongCode }, { code: 'auth:twoFactor.codeWrong' }],
      [
        { currentPassword: '', code: '' },
        { currentPassword: 'validation.required', code: 'validation.required' },
      ],
    ]
    for (const [form, expected] of cases) {
      const before = await rowCounts()
      expect(await fieldMessages(await post(cookie, { intent: 'disable', ...form }))).toEqual(expected)
      expect(await rowCounts()).toEqual(before)
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull()

    // the code that confirmed the set-up is spent; the next period's code proves possession again
    const spent = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpLastUsedStep!
    const replayed = await post(cookie, {
      intent: 'disable',
      currentPassword: DEMO_PASSWORD,
      code: totpCodeOfStep(secret, spent),
    })
    expect(await fieldMessages(replayed)).toEqual({ code: 'auth:twoFactor.codeWrong' })
    const result = await post(cookie, {
      intent: 'disable',
      currentPassword: DEMO_PASSWORD,
      code: totpCodeOfStep(secret, spent + 1),
    })
    expect(result.status).toBe(302)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpSecret: null,
      totpEnabledAt: null,
      totpLastUsedStep: null,
    })
    expect(await prisma.auditEvent.count({ where: { action: 'twoFactor.disabled', actorId: user.id } })).toBe(
      1,
    )
  })

  it('cannot be turned off while the authority requires it', async () => {
    const { user, cookie } = await enabledStaff()
    await prisma.settings.create({ data: { id: 1, requireStaffTwoFactor: true } })
    const page = await callRoute(twoFactor.loader, buildRequest(PATH, { cookie }))
    expect(page.data).toMatchObject({ isRequired: true })
    const result = await post(cookie, {
      intent: 'disable',
      currentPassword: DEMO_PASSWORD,
      code: totpCode(await secretOf(user.id)),
    })
    expect(result.status).toBe(403)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull()
  })

  it('refuses an unknown intent', async () => {
    const { cookie } = await signedInStaff()
    expect((await post(cookie, { intent: 'explode' })).status).toBe(400)
  })
})

describe('staff two-factor policy', () => {
  async function enforce(
    user: { staffRole: 'OFFICER' | 'EMBASSY' | null; totpEnabledAt: Date | null },
    path: string,
  ) {
    try {
      await enforceStaffTwoFactor(user, buildRequest(path))
      return null
    } catch (thrown) {
      return (thrown as Response).headers.get('Location')
    }
  }

  it('sends staff without TOTP to the set-up page while the setting is on', async () => {
    const officer = { staffRole: 'OFFICER' as const, totpEnabledAt: null }
    expect(await enforce(officer, '/dashboard')).toBeNull()
    await prisma.settings.create({ data: { id: 1, requireStaffTwoFactor: true } })
    expect(await enforce(officer, '/dashboard')).toBe(PATH)
    expect(await enforce({ staffRole: 'EMBASSY', totpEnabledAt: null }, '/dashboard')).toBe(PATH)
    expect(await enforce(officer, PATH)).toBeNull()
    expect(await enforce(officer, `${PATH}.data`)).toBeNull()
    expect(await enforce(officer, '/logout')).toBeNull()
    expect(await enforce({ staffRole: 'OFFICER', totpEnabledAt: new Date() }, '/dashboard')).toBeNull()
    expect(await enforce({ staffRole: null, totpEnabledAt: null }, '/dashboard')).toBeNull()
  })
})
