import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { deliverDueEmails } from '~/models/outbox.server'
import { findValidToken } from '~/models/token.server'
import { isStaffTwoFactorRequired } from '~/models/settings.server'
import * as adminIndex from '~/routes/admin._index'
import * as missionEdit from '~/routes/admin.missions.$missionId'
import * as missionList from '~/routes/admin.missions._index'
import * as missionNew from '~/routes/admin.missions.new'
import * as settingsPage from '~/routes/admin.settings'
import * as staffMember from '~/routes/admin.staff.$userId'
import * as staffList from '~/routes/admin.staff._index'
import * as staffNew from '~/routes/admin.staff.new'
import { prisma } from '~/utils/db.server'
import { getOptionalUser } from '~/utils/session.server'

import { addMember, createMission, createOrganization, createUser } from '../factories'
import { startFakeResend, linkIn } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

let resend: Awaited<ReturnType<typeof startFakeResend>>
let admin: Awaited<ReturnType<typeof createUser>>
let adminCookie: string

beforeAll(async () => {
  resend = await startFakeResend()
  resend.use()
  admin = await createUser({ staffRole: 'ADMIN', name: 'Anna Admin' })
  adminCookie = await sessionCookieFor(admin.id)
})

afterAll(async () => {
  await resend.close()
})

/** Everything a refused staff or mission form must leave untouched: the rows and the emails sent. */
async function snapshot() {
  await deliverOutbox()
  return { ...(await rowCounts()), emails: resend.emails.length }
}

function postStaff(form: Record<string, string>, cookie = adminCookie) {
  return callRoute(staffNew.action, buildRequest('/admin/staff/new', { cookie, form }))
}

function postMember(userId: string, form: Record<string, string>, cookie = adminCookie) {
  return callRoute(staffMember.action, buildRequest(`/admin/staff/${userId}`, { cookie, form }), { userId })
}

let sequence = 0
const uniqueEmail = (prefix: string) => `${prefix}${++sequence}-${Date.now()}@behoerde.example.test`

describe('creating staff accounts', () => {
  it('creates an officer without a password, issues a set-up token and emails the invitation in English', async () => {
    const email = uniqueEmail('Lena.Hoffmann')
    const emailsBefore = resend.emails.length
    const result = await postStaff({
      name: 'Lena Hoffmann',
      email,
      role: 'OFFICER',
      missionId: '',
      language: 'en',
    })

    const user = await prisma.user.findUniqueOrThrow({
      where: { email: email.toLowerCase() },
      include: { password: true, tokens: true },
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/admin/staff/${user.id}`)
    expect(user).toMatchObject({
      name: 'Lena Hoffmann',
      staffRole: 'OFFICER',
      missionId: null,
      locale: 'en',
      emailVerifiedAt: null,
      deactivatedAt: null,
      password: null,
    })
    expect(user.tokens).toHaveLength(1)
    const [token] = user.tokens
    expect(token!.purpose).toBe('ACCOUNT_SETUP')
    expect(token!.usedAt).toBeNull()
    const validForDays = (token!.expiresAt.getTime() - Date.now()) / (1000 * 60 * 60 * 24)
    expect(validForDays).toBeGreaterThan(6.99)
    expect(validForDays).toBeLessThanOrEqual(7)

    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'staff.created', subjectId: user.id },
    })
    expect(audit.actorId).toBe(admin.id)

    await deliverOutbox()
    expect(resend.emails).toHaveLength(emailsBefore + 1)
    const invitation = resend.emails.at(-1)!
    expect(invitation.to).toBe(email.toLowerCase())
    expect(invitation.subject).toBe('Your account for the Liaison Portal')
    expect(invitation.text).toContain('Hello Lena,')
    expect(invitation.text).toContain('Liaison officer (Sachbearbeitung)')
    expect(invitation.text).toContain('valid for 7 days')
    expect(invitation.text).not.toContain('Hoffmann')
    const link = new URL(linkIn(invitation, '/reset-password?token='))
    expect(link.origin).toBe('http://localhost:3000')
    const record = await findValidToken(link.searchParams.get('token'), 'ACCOUNT_SETUP')
    expect(record?.userId).toBe(user.id)
  })

  it('writes the invitation in the chosen language: German and Arabic (right to left)', async () => {
    const mission = await createMission()
    await postStaff({
      name: 'Jonas Weber',
      email: uniqueEmail('jonas'),
      role: 'LEAD_OFFICER',
      language: 'de',
    })
    await deliverOutbox()
    const german = resend.emails.at(-1)!
    expect(german.subject).toBe('Ihr Zugang zum Liaison-Portal')
    expect(german.text).toContain('Guten Tag Jonas,')
    expect(german.text).toContain('Sachgebietsleitung')
    expect(german.text).toContain('7 Tage gültig')

    const email = uniqueEmail('amira')
    const result = await postStaff({
      name: 'Amira Haddad',
      email,
      role: 'EMBASSY',
      missionId: mission.id,
      language: 'ar',
    })
    expect(result.status).toBe(302)
    const user = await prisma.user.findUniqueOrThrow({ where: { email } })
    expect(user).toMatchObject({ staffRole: 'EMBASSY', missionId: mission.id, locale: 'ar' })
    await deliverOutbox()
    const arabic = resend.emails.at(-1)!
    expect(arabic.subject).toBe('حسابك في بوابة التنسيق')
    expect(arabic.html).toContain('dir="rtl"')
    expect(arabic.text).toContain('مرحبًا Amira')
    expect(linkIn(arabic, '/reset-password?token=')).toMatch(/token=[\w-]{43}$/)
  })

  it.each([
    [
      'an embassy account without a mission',
      { role: 'EMBASSY', missionId: '' },
      { missionId: ['staff:validation.missionRequired'] },
    ],
    [
      'an officer assigned to a mission',
      { role: 'OFFICER', missionId: 'placeholder' },
      { missionId: ['staff:validation.missionNotAllowed'] },
    ],
    [
      'an embassy account for an unknown mission',
      { role: 'EMBASSY', missionId: 'no-such-mission' },
      { missionId: ['staff:validation.missionUnknown'] },
    ],
    [
      'an empty form',
      { name: '', email: '', role: '', language: '' },
      {
        name: ['validation.required'],
        email: ['validation.required'],
        role: ['validation.choose'],
        language: ['validation.choose'],
      },
    ],
    [
      'a malformed address and an unsupported language',
      { email: 'not-an-address', language: 'tlh' },
      { email: ['validation.email'], language: ['validation.choose'] },
    ],
  ])('refuses %s with 400 and writes nothing', async (_case, override, fieldErrors) => {
    const mission = await createMission()
    const form = {
      name: 'Paula Richter',
      email: uniqueEmail('paula'),
      role: 'OFFICER',
      missionId: '',
      language: 'de',
      ...override,
    }
    if (form.missionId === 'placeholder') form.missionId = mission.id
    const before = await snapshot()
    const result = await postStaff(form)
    expect(result.status).toBe(400)
    expect((result.data as { fieldErrors: object }).fieldErrors).toEqual(fieldErrors)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses an address that already has an account (in any letter case) with 400 and writes nothing', async () => {
    const existing = await createUser({ email: uniqueEmail('taken') })
    const before = await snapshot()
    const result = await postStaff({
      name: 'Someone Else',
      email: existing.email.toUpperCase(),
      role: 'OFFICER',
      missionId: '',
      language: 'de',
    })
    expect(result.status).toBe(400)
    expect(result.data).toMatchObject({
      fieldErrors: { email: ['staff:validation.emailTaken'] },
      values: { name: 'Someone Else', email: existing.email.toUpperCase() },
    })
    expect(await snapshot()).toEqual(before)
  })

  it('keeps the account when the invitation email fails; the outbox sends it later, and it can be sent again', async () => {
    const email = uniqueEmail('offline')
    const emailsBefore = resend.emails.length
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    resend.failNext(10)
    const result = await postStaff({ name: 'Tom Berger', email, role: 'OFFICER', language: 'de' })
    await deliverOutbox()
    resend.failNext(0)
    expect(logged).toHaveBeenCalledOnce()
    expect(String(logged.mock.calls[0])).not.toContain(email)
    logged.mockRestore()
    const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { tokens: true } })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/admin/staff/${user.id}`)
    expect(user.tokens).toHaveLength(1)
    expect(resend.emails).toHaveLength(emailsBefore)
    const queued = await prisma.outboxEmail.findFirstOrThrow({ where: { recipient: email } })
    expect(queued).toMatchObject({ kind: 'staffInvitation', status: 'PENDING', attempts: 1 })

    await deliverDueEmails({ now: queued.nextAttemptAt })
    expect(resend.emails).toHaveLength(emailsBefore + 1)
    expect(resend.emails.at(-1)!.to).toBe(email)

    expect((await postMember(user.id, { intent: 'resendInvitation' })).status).toBe(302)
    await deliverOutbox()
    expect(resend.emails).toHaveLength(emailsBefore + 2)
    expect(resend.emails.at(-1)!.to).toBe(email)
  })

  it('sends a new invitation to someone who has not set a password; the earlier link lapses', async () => {
    const email = uniqueEmail('resend')
    await postStaff({ name: 'Mia Krause', email, role: 'OFFICER', language: 'de' })
    await deliverOutbox()
    const firstLink = new URL(linkIn(resend.emails.at(-1)!, '/reset-password?token='))
    const user = await prisma.user.findUniqueOrThrow({ where: { email } })

    const result = await postMember(user.id, { intent: 'resendInvitation' })
    expect(result.status).toBe(302)
    await deliverOutbox()
    const secondLink = new URL(linkIn(resend.emails.at(-1)!, '/reset-password?token='))
    expect(secondLink.searchParams.get('token')).not.toBe(firstLink.searchParams.get('token'))
    expect(await findValidToken(firstLink.searchParams.get('token'), 'ACCOUNT_SETUP')).toBeNull()
    expect((await findValidToken(secondLink.searchParams.get('token'), 'ACCOUNT_SETUP'))?.userId).toBe(
      user.id,
    )

    const withPassword = await createUser({ staffRole: 'OFFICER' })
    const before = await snapshot()
    const refused = await postMember(withPassword.id, { intent: 'resendInvitation' })
    expect(refused.status).toBe(400)
    expect(refused.data).toMatchObject({ formError: 'staff:errors.invitationNotNeeded' })
    expect(await snapshot()).toEqual(before)
  })
})

describe('the staff list', () => {
  it('lists staff only, filtered by role and status from the query string', async () => {
    const mission = await createMission({ name: 'Deutsche Botschaft Amman', country: 'JO', city: 'Amman' })
    const embassy = await createUser({ staffRole: 'EMBASSY', missionId: mission.id })
    const gone = await createUser({ staffRole: 'EMBASSY', missionId: mission.id })
    await prisma.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } })
    const orgUser = await createUser()

    const all = await callRoute(staffList.loader, buildRequest('/admin/staff', { cookie: adminCookie }))
    const allIds = (all.data as { staff: { id: string }[] }).staff.map((member) => member.id)
    expect(allIds).toEqual(expect.arrayContaining([admin.id, embassy.id, gone.id]))
    expect(allIds).not.toContain(orgUser.id)

    const filtered = await callRoute(
      staffList.loader,
      buildRequest('/admin/staff?role=EMBASSY&status=active', { cookie: adminCookie }),
    )
    const data = filtered.data as {
      filter: object
      staff: { id: string; staffRole: string; isDeactivated: boolean; mission: { name: string } | null }[]
    }
    expect(data.filter).toEqual({ role: 'EMBASSY', status: 'active' })
    expect(data.staff.every((member) => member.staffRole === 'EMBASSY' && !member.isDeactivated)).toBe(true)
    expect(data.staff.find((member) => member.id === embassy.id)?.mission?.name).toBe(
      'Deutsche Botschaft Amman',
    )
    expect(data.staff.map((member) => member.id)).not.toContain(gone.id)

    const deactivated = await callRoute(
      staffList.loader,
      buildRequest('/admin/staff?status=deactivated', { cookie: adminCookie }),
    )
    expect((deactivated.data as { staff: { id: string }[] }).staff.map((member) => member.id)).toEqual([
      gone.id,
    ])

    const bogus = await callRoute(
      staffList.loader,
      buildRequest('/admin/staff?role=KING&status=x', { cookie: adminCookie }),
    )
    expect((bogus.data as { filter: object }).filter).toEqual({})
  })
})

describe('managing a staff account', () => {
  it('deactivation ends every session at once, and the old cookie no longer signs in', async () => {
    const officer = await createUser({ staffRole: 'OFFICER' })
    const officerCookie = await sessionCookieFor(officer.id)
    await sessionCookieFor(officer.id)
    expect((await getOptionalUser(buildRequest('/dashboard', { cookie: officerCookie })))?.id).toBe(
      officer.id,
    )

    const result = await postMember(officer.id, { intent: 'deactivate' })
    expect(result.status).toBe(302)
    expect(await prisma.session.count({ where: { userId: officer.id } })).toBe(0)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: officer.id } })).deactivatedAt).not.toBeNull()
    expect(await getOptionalUser(buildRequest('/dashboard', { cookie: officerCookie }))).toBeNull()
    expect(
      await prisma.auditEvent.count({
        where: { action: 'staff.deactivated', subjectId: officer.id, actorId: admin.id },
      }),
    ).toBe(1)

    const reactivated = await postMember(officer.id, { intent: 'reactivate' })
    expect(reactivated.status).toBe(302)
    expect((await prisma.user.findUniqueOrThrow({ where: { id: officer.id } })).deactivatedAt).toBeNull()
    expect(
      await prisma.auditEvent.count({ where: { action: 'staff.reactivated', subjectId: officer.id } }),
    ).toBe(1)
  })

  it('refuses to let administrators deactivate or demote themselves', async () => {
    const before = await snapshot()
    const deactivate = await postMember(admin.id, { intent: 'deactivate' })
    expect(deactivate.status).toBe(400)
    expect(deactivate.data).toMatchObject({ formError: 'staff:errors.cannotDeactivateSelf' })

    const demote = await postMember(admin.id, { intent: 'changeRole', role: 'OFFICER', missionId: '' })
    expect(demote.status).toBe(400)
    expect(demote.data).toMatchObject({ formError: 'staff:errors.cannotDemoteSelf' })

    const self = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })
    expect(self).toMatchObject({ staffRole: 'ADMIN', deactivatedAt: null })
    expect(await getOptionalUser(buildRequest('/dashboard', { cookie: adminCookie }))).not.toBeNull()
    expect(await snapshot()).toEqual(before)
  })

  it('changes an officer into a visa section user of a mission and records it', async () => {
    const officer = await createUser({ staffRole: 'OFFICER' })
    const mission = await createMission()

    const missing = await postMember(officer.id, { intent: 'changeRole', role: 'EMBASSY', missionId: '' })
    expect(missing.status).toBe(400)
    expect(missing.data).toMatchObject({ fieldErrors: { missionId: ['staff:validation.missionRequired'] } })

    const result = await postMember(officer.id, {
      intent: 'changeRole',
      role: 'EMBASSY',
      missionId: mission.id,
    })
    expect(result.status).toBe(302)
    expect(await prisma.user.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({
      staffRole: 'EMBASSY',
      missionId: mission.id,
    })
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'staff.roleChanged', subjectId: officer.id },
    })
    expect(audit.data).toEqual({
      from: { staffRole: 'OFFICER', missionId: null },
      to: { staffRole: 'EMBASSY', missionId: mission.id },
    })

    const list = await callRoute(missionList.loader, buildRequest('/admin/missions', { cookie: adminCookie }))
    const listed = (list.data as { missions: { id: string; _count: { users: number } }[] }).missions
    expect(listed.find((entry) => entry.id === mission.id)?._count.users).toBe(1)
  })

  it('answers 404 for organization users and unknown ids, on the page and its actions', async () => {
    const orgUser = await createUser()
    for (const userId of [orgUser.id, 'no-such-user']) {
      const page = await callRoute(
        staffMember.loader,
        buildRequest(`/admin/staff/${userId}`, { cookie: adminCookie }),
        { userId },
      )
      expect(page.status).toBe(404)
      expect((await postMember(userId, { intent: 'deactivate' })).status).toBe(404)
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: orgUser.id } })).deactivatedAt).toBeNull()
  })
})

describe('missions', () => {
  const valid = {
    name: 'Deutsche Botschaft Neu-Delhi',
    country: 'IN',
    city: 'New Delhi',
    visaSectionEmail: 'Visa@New-Delhi.Diplo.example',
  }

  it('creates a mission and records it', async () => {
    const result = await callRoute(
      missionNew.action,
      buildRequest('/admin/missions/new', {
        cookie: adminCookie,
        form: { ...valid, name: 'Botschaft Test Create' },
      }),
    )
    expect(result.status).toBe(302)
    expect(result.location).toBe('/admin/missions')
    const mission = await prisma.mission.findFirstOrThrow({ where: { name: 'Botschaft Test Create' } })
    expect(mission).toMatchObject({
      country: 'IN',
      city: 'New Delhi',
      visaSectionEmail: 'visa@new-delhi.diplo.example',
    })
    expect(
      await prisma.auditEvent.count({ where: { action: 'mission.created', subjectId: mission.id } }),
    ).toBe(1)
  })

  it.each([
    [
      'an invalid email address',
      { visaSectionEmail: 'visa-at-delhi' },
      { visaSectionEmail: ['validation.email'] },
    ],
    ['an unknown country code', { country: 'XX' }, { country: ['validation.choose'] }],
    ['a country name instead of a code', { country: 'India' }, { country: ['validation.choose'] }],
    [
      'an empty form',
      { name: '', country: '', city: ' ', visaSectionEmail: '' },
      {
        name: ['validation.required'],
        country: ['validation.choose'],
        city: ['validation.required'],
        visaSectionEmail: ['validation.required'],
      },
    ],
  ])('refuses %s with 400 and writes nothing', async (_case, override, fieldErrors) => {
    const before = await snapshot()
    const result = await callRoute(
      missionNew.action,
      buildRequest('/admin/missions/new', { cookie: adminCookie, form: { ...valid, ...override } }),
    )
    expect(result.status).toBe(400)
    expect((result.data as { fieldErrors: object }).fieldErrors).toEqual(fieldErrors)
    expect(await snapshot()).toEqual(before)
  })

  it('edits a mission, records the changed fields, and refuses bad input without writing', async () => {
    const mission = await createMission({ city: 'Neu-Delhi' })
    const path = `/admin/missions/${mission.id}`
    const page = await callRoute(missionEdit.loader, buildRequest(path, { cookie: adminCookie }), {
      missionId: mission.id,
    })
    expect(page.status).toBe(200)

    const bad = await callRoute(
      missionEdit.action,
      buildRequest(path, { cookie: adminCookie, form: { ...valid, country: 'ZZ' } }),
      { missionId: mission.id },
    )
    expect(bad.status).toBe(400)
    expect(await prisma.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({
      city: 'Neu-Delhi',
    })

    const result = await callRoute(
      missionEdit.action,
      buildRequest(path, {
        cookie: adminCookie,
        form: {
          name: mission.name,
          country: 'IN',
          city: 'New Delhi',
          visaSectionEmail: mission.visaSectionEmail,
        },
      }),
      { missionId: mission.id },
    )
    expect(result.status).toBe(302)
    expect(await prisma.mission.findUniqueOrThrow({ where: { id: mission.id } })).toMatchObject({
      city: 'New Delhi',
    })
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'mission.updated', subjectId: mission.id },
    })
    expect(audit.data).toEqual({ changedFields: ['city'] })

    const unknown = await callRoute(
      missionEdit.loader,
      buildRequest('/admin/missions/nope', { cookie: adminCookie }),
      { missionId: 'nope' },
    )
    expect(unknown.status).toBe(404)
  })
})

describe('settings', () => {
  it('persists the two-factor requirement for staff and records each change', async () => {
    const initial = await callRoute(
      settingsPage.loader,
      buildRequest('/admin/settings', { cookie: adminCookie }),
    )
    expect(initial.data).toMatchObject({ settings: { requireStaffTwoFactor: false } })

    const on = await callRoute(
      settingsPage.action,
      buildRequest('/admin/settings', { cookie: adminCookie, form: { requireStaffTwoFactor: 'on' } }),
    )
    expect(on.status).toBe(302)
    expect(await prisma.settings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      requireStaffTwoFactor: true,
    })
    expect(await isStaffTwoFactorRequired()).toBe(true)
    // the requirement applies at once, to the administrator too: first the set-up, then the page
    const beforeSetUp = await callRoute(
      settingsPage.loader,
      buildRequest('/admin/settings', { cookie: adminCookie }),
    )
    expect(beforeSetUp.location).toBe('/account/two-factor')
    await prisma.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } })
    const reloaded = await callRoute(
      settingsPage.loader,
      buildRequest('/admin/settings', { cookie: adminCookie }),
    )
    expect(reloaded.data).toMatchObject({ settings: { requireStaffTwoFactor: true } })

    const off = await callRoute(
      settingsPage.action,
      buildRequest('/admin/settings', { cookie: adminCookie, form: {} }),
    )
    expect(off.status).toBe(302)
    expect(await isStaffTwoFactorRequired()).toBe(false)
    await prisma.user.update({ where: { id: admin.id }, data: { totpEnabledAt: null } })

    const audits = await prisma.auditEvent.findMany({
      where: { action: 'settings.changed' },
      orderBy: { at: 'asc' },
    })
    expect(audits.map((audit) => audit.data)).toEqual([
      { requireStaffTwoFactor: { from: false, to: true } },
      { requireStaffTwoFactor: { from: true, to: false } },
    ])

    const bad = await callRoute(
      settingsPage.action,
      buildRequest('/admin/settings', { cookie: adminCookie, form: { requireStaffTwoFactor: 'maybe' } }),
    )
    expect(bad.status).toBe(400)
    expect(await isStaffTwoFactorRequired()).toBe(false)
  })
})

describe('who may use the administration area', () => {
  type AdminRoute = {
    name: string
    route: { loader?: unknown; action?: unknown }
    path: string
    params: Record<string, string>
    form?: Record<string, string>
  }
  const missionForm = { name: 'X', country: 'IN', city: 'Y', visaSectionEmail: 'x@example.test' }

  async function routes(): Promise<AdminRoute[]> {
    const staff = await createUser({ staffRole: 'OFFICER' })
    const mission = await createMission()
    return [
      { name: '/admin', route: adminIndex, path: '/admin', params: {} },
      { name: '/admin/staff', route: staffList, path: '/admin/staff', params: {} },
      {
        name: '/admin/staff/new',
        route: staffNew,
        path: '/admin/staff/new',
        params: {},
        form: { name: 'Eve', email: uniqueEmail('eve'), role: 'ADMIN', language: 'de' },
      },
      {
        name: '/admin/staff/:userId',
        route: staffMember,
        path: `/admin/staff/${staff.id}`,
        params: { userId: staff.id },
        form: { intent: 'deactivate' },
      },
      { name: '/admin/missions', route: missionList, path: '/admin/missions', params: {} },
      {
        name: '/admin/missions/new',
        route: missionNew,
        path: '/admin/missions/new',
        params: {},
        form: missionForm,
      },
      {
        name: '/admin/missions/:missionId',
        route: missionEdit,
        path: `/admin/missions/${mission.id}`,
        params: { missionId: mission.id },
        form: missionForm,
      },
      {
        name: '/admin/settings',
        route: settingsPage,
        path: '/admin/settings',
        params: {},
        form: { requireStaffTwoFactor: 'on' },
      },
    ]
  }

  async function visitors() {
    const mission = await createMission()
    const orgAdmin = await createUser()
    const organization = await createOrganization({ createdById: orgAdmin.id })
    const orgMember = await createUser()
    await addMember(organization.id, orgMember.id)
    const users = {
      officer: await createUser({ staffRole: 'OFFICER' }),
      lead: await createUser({ staffRole: 'LEAD_OFFICER' }),
      embassy: await createUser({ staffRole: 'EMBASSY', missionId: mission.id }),
      'organization admin': orgAdmin,
      'organization member': orgMember,
    }
    return Promise.all(
      Object.entries(users).map(async ([role, user]) => ({ role, cookie: await sessionCookieFor(user.id) })),
    )
  }

  type RouteFunction = Parameters<typeof callRoute>[0]

  it('answers 403 to every other role on every page and action, and writes nothing', async () => {
    const table = await routes()
    const people = await visitors()
    const before = await snapshot()
    const answers: string[] = []
    for (const { role, cookie } of people) {
      for (const { name, route, path, params, form } of table) {
        const page = await callRoute(route.loader as RouteFunction, buildRequest(path, { cookie }), params)
        answers.push(`${role} GET ${name} ${page.status}`)
        if (form && route.action) {
          const post = await callRoute(
            route.action as RouteFunction,
            buildRequest(path, { cookie, form }),
            params,
          )
          answers.push(`${role} POST ${name} ${post.status}`)
        }
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(' 403'))).toEqual([])
    expect(answers).toHaveLength(people.length * (table.length + table.filter((entry) => entry.form).length))
    expect(await snapshot()).toEqual(before)
    expect(await isStaffTwoFactorRequired()).toBe(false)
  })

  it('sends anonymous visitors to the login page and lets the administrator in', async () => {
    for (const { name, route, path, params, form } of await routes()) {
      const page = await callRoute(route.loader as RouteFunction, buildRequest(path), params)
      expect(page.status, name).toBe(302)
      expect(page.location, name).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`)
      if (form && route.action) {
        const post = await callRoute(route.action as RouteFunction, buildRequest(path, { form }), params)
        expect(post.location, name).toMatch(/^\/login\?/)
      }
      const allowed = await callRoute(
        route.loader as RouteFunction,
        buildRequest(path, { cookie: adminCookie }),
        params,
      )
      expect(allowed.status, name).toBe(name === '/admin' ? 302 : 200)
    }
  })
})
