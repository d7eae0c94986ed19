import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as members from '~/routes/organizations.$orgId.members'
import * as invitationRoute from '~/routes/invitation'
import { prisma } from '~/utils/db.server'
import { verifyPassword } from '~/utils/password.server'

import { createOrganization, createUser } from '../factories'
import { linkIn, startFakeResend } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { erroneousFields, expectTranslated } from './helpers/form-replies'

const resend = await startFakeResend()
beforeAll(() => resend.use())
afterAll(() => resend.close())

type InvitationPage = Awaited<ReturnType<typeof invitationRoute.loader>>['data']

const NEW_PASSWORD = 'Kranich-Hafen-Morgenrot-7'

/** An organization whose admin invites `email` through the members page; returns the emailed link's path. */
async function invite(email: string, role: 'ORG_ADMIN' | 'ORG_MEMBER' = 'ORG_MEMBER', locale = 'de') {
  const admin = await createUser()
  const organization = await createOrganization({ createdById: admin.id, legalName: `Werkstatt ${email}` })
  const cookie = await sessionCookieFor(admin.id)
  const result = await callRoute(
    members.action,
    buildRequest(`/organizations/${organization.id}/members`, {
      cookie,
      form: { intent: 'invite', email, role, locale },
    }),
    { orgId: organization.id },
  )
  expect(result.status).toBe(302)
  await deliverOutbox()
  const sent = resend.emails.findLast((email_) => email_.to === email)!
  const url = new URL(linkIn(sent, '/invitation?token='))
  const invitation = await prisma.invitation.findFirstOrThrow({ where: { organizationId: organization.id } })
  return { organization, invitation, path: `${url.pathname}${url.search}`, email: sent }
}

const view = (path: string, cookie?: string) =>
  callRoute(invitationRoute.loader, buildRequest(path, { cookie }))
const submit = (path: string, cookie?: string, form: Record<string, string> = {}) =>
  callRoute(invitationRoute.action, buildRequest(path, { cookie, form }))

describe('the invitation email', () => {
  it('is written in the language the admin chose', async () => {
    const { email } = await invite('arabic.reader@example.test', 'ORG_MEMBER', 'ar')
    expect(email.subject).toBe('دعوة إلى بوابة التنسيق')
    expect(email.html).toContain('dir="rtl"')
  })
})

describe('accepting an invitation as a new person', () => {
  it('creates a verified account, joins the organization and signs in', async () => {
    const { organization, invitation, path } = await invite('newcomer@example.test', 'ORG_ADMIN')

    const page = await view(path)
    expect(page.status).toBe(200)
    const data = page.data as InvitationPage
    expect(data.invitation).toMatchObject({
      email: 'newcomer@example.test',
      role: 'ORG_ADMIN',
      organizationName: organization.legalName,
      viewer: 'newPerson',
    })
    expect(data.invitation?.loginHref).toBe(`/login?${new URLSearchParams({ redirectTo: path })}`)

    const result = await submit(path, undefined, {
      name: 'Nadia Newcomer',
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/organizations/${organization.id}`)
    expect(result.headers.get('Set-Cookie')).toContain('__session=')

    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'newcomer@example.test' },
      include: { password: true, memberships: true, sessions: true },
    })
    expect(user.name).toBe('Nadia Newcomer')
    expect(user.emailVerifiedAt).not.toBeNull()
    expect(user.staffRole).toBeNull()
    expect(await verifyPassword(user.password!.hash, NEW_PASSWORD)).toBe(true)
    expect(user.memberships).toEqual([
      expect.objectContaining({ organizationId: organization.id, role: 'ORG_ADMIN' }),
    ])
    expect(user.sessions).toHaveLength(1)
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt,
    ).not.toBeNull()
    const joined = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'membership.joined', subjectId: organization.id },
    })
    expect(joined.actorId).toBe(user.id)
    const signedUp = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'user.signedUp', subjectId: user.id },
    })
    expect(signedUp).toMatchObject({ actorId: user.id, data: { via: 'invitation' } })

    const reused = await view(path)
    expect(reused.status).toBe(410)
    expect((reused.data as InvitationPage).problem).toBe('accepted')
  })

  it('refuses a bad account form with translated messages and writes nothing', async () => {
    const { path } = await invite('careful@example.test')
    const forms: [Record<string, string>, string[]][] = [
      [{ name: '', password: '', confirmPassword: '' }, ['confirmPassword', 'name', 'password']],
      [{ name: 'Carla Careful', password: 'short', confirmPassword: 'short' }, ['password']],
      [
        { name: 'Carla Careful', password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}x` },
        ['confirmPassword'],
      ],
      [{ name: 'x'.repeat(121), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, ['name']],
      [{ name: '', password: NEW_PASSWORD, confirmPassword: 'something else' }, ['confirmPassword', 'name']],
    ]
    const before = await rowCounts()
    for (const [form, fields] of forms) {
      const result = await submit(path, undefined, form)
      expect(result.status).toBe(400)
      expect(erroneousFields(result.data)).toEqual(fields)
      await expectTranslated(result.data)
      expect(JSON.stringify(result.data)).not.toContain(NEW_PASSWORD)
    }
    expect(await rowCounts()).toEqual(before)
  })

  it('sends someone who already has an account to the login instead', async () => {
    const existing = await createUser({ email: 'has.account@example.test' })
    const { path } = await invite(existing.email)
    expect(((await view(path)).data as InvitationPage).invitation?.viewer).toBe('existingAccount')
    const before = await rowCounts()
    const result = await submit(path, undefined, {
      name: 'Someone Else',
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(result.status).toBe(409)
    await expectTranslated(result.data)
    expect(await rowCounts()).toEqual(before)
  })
})

describe('accepting an invitation when signed in', () => {
  it('joins the organization with the invited role', async () => {
    const user = await createUser({ email: 'colleague@example.test' })
    const cookie = await sessionCookieFor(user.id)
    const { organization, invitation, path } = await invite('colleague@example.test', 'ORG_MEMBER')

    expect(((await view(path, cookie)).data as InvitationPage).invitation?.viewer).toBe('invitee')
    const result = await submit(path, cookie)
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/organizations/${organization.id}`)
    const membership = await prisma.membership.findUniqueOrThrow({
      where: { userId_organizationId: { userId: user.id, organizationId: organization.id } },
    })
    expect(membership.role).toBe('ORG_MEMBER')
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt,
    ).not.toBeNull()
    expect(await prisma.auditEvent.count({ where: { action: 'membership.joined', actorId: user.id } })).toBe(
      1,
    )
  })

  it('refuses an account with another email address', async () => {
    const other = await createUser({ email: 'someone.else@example.test' })
    const cookie = await sessionCookieFor(other.id)
    const { invitation, path } = await invite('intended@example.test')
    expect(((await view(path, cookie)).data as InvitationPage).invitation?.viewer).toBe('otherAccount')
    const before = await rowCounts()
    const result = await submit(path, cookie)
    expect(result.status).toBe(403)
    await expectTranslated(result.data)
    expect(await rowCounts()).toEqual(before)
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt,
    ).toBeNull()
  })
})

describe('invitations that no longer work', () => {
  it('refuses an expired invitation', async () => {
    const user = await createUser({ email: 'late@example.test' })
    const cookie = await sessionCookieFor(user.id)
    const { invitation, path } = await invite(user.email)
    await prisma.invitation.update({
      where: { id: invitation.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    })

    const page = await view(path, cookie)
    expect(page.status).toBe(410)
    expect((page.data as InvitationPage).problem).toBe('expired')
    const before = await rowCounts()
    const result = await submit(path, cookie)
    expect(result.status).toBe(410)
    await expectTranslated(result.data)
    expect(await rowCounts()).toEqual(before)
  })

  it('refuses a revoked invitation, also for new accounts', async () => {
    const { organization, invitation, path } = await invite('revoked@example.test')
    const adminCookie = await sessionCookieFor(organization.createdById)
    await callRoute(
      members.action,
      buildRequest(`/organizations/${organization.id}/members`, {
        cookie: adminCookie,
        form: { intent: 'revoke', invitationId: invitation.id },
      }),
      { orgId: organization.id },
    )
    const page = await view(path)
    expect(page.status).toBe(410)
    expect((page.data as InvitationPage).problem).toBe('revoked')
    const before = await rowCounts()
    const result = await submit(path, undefined, {
      name: 'Rita Revoked',
      password: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(result.status).toBe(410)
    expect(await rowCounts()).toEqual(before)
  })

  it('answers 400 for a missing or unknown token', async () => {
    for (const path of ['/invitation', '/invitation?token=not-a-real-token']) {
      const page = await view(path)
      expect(page.status).toBe(400)
      expect((page.data as InvitationPage).problem).toBe('invalid')
    }
  })
})
