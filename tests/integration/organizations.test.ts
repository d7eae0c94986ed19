import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as overview from '~/routes/organizations.$orgId._index'
import * as members from '~/routes/organizations.$orgId.members'
import * as registration from '~/routes/organizations.new'
import { prisma } from '~/utils/db.server'

import { addMember, createOrganization, createUser } from '../factories'
import { startFakeResend, linkIn } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { erroneousFields, expectTranslated } from './helpers/form-replies'
import { organizationForm } from './helpers/organizations'

const resend = await startFakeResend()
beforeAll(() => resend.use())
afterAll(() => resend.close())

async function signedIn(input: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(input)
  return { user, cookie: await sessionCookieFor(user.id) }
}

describe('registering an organization', () => {
  it('creates a pending organization with the creator as its admin, audited', async () => {
    const { user, cookie } = await signedIn()
    const result = await callRoute(
      registration.action,
      buildRequest('/organizations/new', { cookie, form: organizationForm() }),
    )
    expect(result.status).toBe(302)
    const organization = await prisma.organization.findFirstOrThrow({ where: { createdById: user.id } })
    expect(result.location).toBe(`/organizations/${organization.id}`)
    expect(result.headers.get('Set-Cookie')).toContain('toast=')
    expect(organization).toMatchObject({
      status: 'PENDING',
      kind: 'EMPLOYER',
      legalName: 'Hafenblick Logistik GmbH',
      baCompanyNumber: '12345678',
      country: 'DE',
      decidedAt: null,
    })
    const memberships = await prisma.membership.findMany({ where: { organizationId: organization.id } })
    expect(memberships).toEqual([expect.objectContaining({ userId: user.id, role: 'ORG_ADMIN' })])
    const audit = await prisma.auditEvent.findFirst({
      where: { action: 'organization.registered', subjectId: organization.id },
    })
    expect(audit?.actorId).toBe(user.id)
  })

  it('accepts a registration without the optional Betriebsnummer', async () => {
    const { user, cookie } = await signedIn()
    const result = await callRoute(
      registration.action,
      buildRequest('/organizations/new', { cookie, form: organizationForm({ baCompanyNumber: '' }) }),
    )
    expect(result.status).toBe(302)
    const organization = await prisma.organization.findFirstOrThrow({ where: { createdById: user.id } })
    expect(organization.baCompanyNumber).toBeNull()
  })

  const badInputs: [string, Record<string, string>, string[]][] = [
    [
      'empty fields',
      Object.fromEntries(Object.keys(organizationForm()).map((field) => [field, ''])),
      [
        'city',
        'contactEmail',
        'contactName',
        'contactPhone',
        'country',
        'deputyEmail',
        'deputyName',
        'deputyPhone',
        'kind',
        'legalName',
        'postalCode',
        'registerNumber',
        'street',
      ],
    ],
    ['a legal name that is too long', organizationForm({ legalName: 'x'.repeat(201) }), ['legalName']],
    ['a wrong email address', organizationForm({ contactEmail: 'petra.schulte@' }), ['contactEmail']],
    [
      'a Betriebsnummer that is not 8 digits',
      organizationForm({ baCompanyNumber: '1234567a' }),
      ['baCompanyNumber'],
    ],
    ['a German postal code that is not 5 digits', organizationForm({ postalCode: '4815' }), ['postalCode']],
    ['an unknown kind and country', organizationForm({ kind: 'CHURCH', country: 'ZZ' }), ['country', 'kind']],
    [
      'a wrong postal code together with a wrong phone number',
      organizationForm({ postalCode: '481550', deputyPhone: 'call me' }),
      ['deputyPhone', 'postalCode'],
    ],
  ]

  for (const [name, form, fields] of badInputs) {
    it(`refuses ${name} with translated messages and writes nothing`, async () => {
      const { cookie } = await signedIn()
      const before = await rowCounts()
      const result = await callRoute(
        registration.action,
        buildRequest('/organizations/new', { cookie, form }),
      )
      expect(result.status).toBe(400)
      expect(erroneousFields(result.data)).toEqual(fields)
      await expectTranslated(result.data)
      expect(await rowCounts()).toEqual(before)
    })
  }

  it('asks for a confirmed email address first and refuses the form without one', async () => {
    const { cookie } = await signedIn({ isVerified: false })
    const page = await callRoute(registration.loader, buildRequest('/organizations/new', { cookie }))
    expect(page.data).toEqual({ isEmailVerified: false })
    const before = await rowCounts()
    const result = await callRoute(
      registration.action,
      buildRequest('/organizations/new', { cookie, form: organizationForm() }),
    )
    expect(result.status).toBe(403)
    await expectTranslated(result.data)
    expect(await rowCounts()).toEqual(before)
  })

  it('is not open to authority staff', async () => {
    const { cookie } = await signedIn({ staffRole: 'OFFICER' })
    expect(
      (await callRoute(registration.loader, buildRequest('/organizations/new', { cookie }))).status,
    ).toBe(403)
    const before = await rowCounts()
    const result = await callRoute(
      registration.action,
      buildRequest('/organizations/new', { cookie, form: organizationForm() }),
    )
    expect(result.status).toBe(403)
    expect(await rowCounts()).toEqual(before)
  })

  it('sends anonymous visitors to the login page', async () => {
    const result = await callRoute(registration.loader, buildRequest('/organizations/new'))
    expect(result.status).toBe(302)
    expect(result.location).toBe('/login?redirectTo=%2Forganizations%2Fnew')
  })
})

describe('another organization’s pages', () => {
  it('answer 404 to a member of a different organization, for pages and actions', async () => {
    const { user: adminA, cookie } = await signedIn()
    const organizationA = await createOrganization({ createdById: adminA.id })
    const adminB = await createUser()
    const organizationB = await createOrganization({ createdById: adminB.id })
    const membershipB = await prisma.membership.findFirstOrThrow({
      where: { organizationId: organizationB.id },
    })

    const own = await callRoute(
      overview.loader,
      buildRequest(`/organizations/${organizationA.id}`, { cookie }),
      {
        orgId: organizationA.id,
      },
    )
    expect(own.status).toBe(200)

    const params = { orgId: organizationB.id }
    const pathB = `/organizations/${organizationB.id}`
    expect((await callRoute(overview.loader, buildRequest(pathB, { cookie }), params)).status).toBe(404)
    expect(
      (await callRoute(members.loader, buildRequest(`${pathB}/members`, { cookie }), params)).status,
    ).toBe(404)

    const before = await rowCounts()
    const posts: Record<string, string>[] = [
      { intent: 'invite', email: 'intruder@example.test', role: 'ORG_ADMIN', locale: 'de' },
      { intent: 'remove', membershipId: membershipB.id },
    ]
    for (const form of posts) {
      const result = await callRoute(
        members.action,
        buildRequest(`${pathB}/members`, { cookie, form }),
        params,
      )
      expect(result.status).toBe(404)
    }
    expect(await rowCounts()).toEqual(before)
  })

  it('answer 404 for an organization that does not exist', async () => {
    const { cookie } = await signedIn()
    const result = await callRoute(overview.loader, buildRequest('/organizations/nope', { cookie }), {
      orgId: 'nope',
    })
    expect(result.status).toBe(404)
  })
})

describe('the members page', () => {
  async function organizationWithMember() {
    const { user: admin, cookie: adminCookie } = await signedIn({ name: 'Hanna Reimann' })
    const organization = await createOrganization({ createdById: admin.id })
    const { user: member, cookie: memberCookie } = await signedIn({ name: 'Ravi Menon' })
    const membership = await addMember(organization.id, member.id)
    const path = `/organizations/${organization.id}/members`
    const post = (cookie: string, form: Record<string, string>) =>
      callRoute(members.action, buildRequest(path, { cookie, form }), { orgId: organization.id })
    return { admin, adminCookie, member, memberCookie, membership, organization, path, post }
  }

  it('lets an admin invite by email in the chosen language, storing only the token’s hash', async () => {
    const { admin, adminCookie, organization, path, post } = await organizationWithMember()
    const result = await post(adminCookie, {
      intent: 'invite',
      email: 'New.Colleague@Example.test',
      role: 'ORG_MEMBER',
      locale: 'en',
    })
    expect(result.status).toBe(302)
    expect(result.location).toBe(path)

    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { organizationId: organization.id },
    })
    expect(invitation).toMatchObject({
      email: 'new.colleague@example.test',
      role: 'ORG_MEMBER',
      locale: 'en',
      invitedById: admin.id,
      acceptedAt: null,
      revokedAt: null,
    })
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(6.99)
    expect(days).toBeLessThanOrEqual(7)

    await deliverOutbox()
    const email = resend.emails.find((sent) => sent.to === 'new.colleague@example.test')!
    expect(email.subject).toBe('Invitation to the Liaison Portal')
    expect(email.text).toContain(organization.legalName)
    const link = new URL(linkIn(email, '/invitation?token='))
    expect(link.origin).toBe('http://localhost:3000')
    const token = link.searchParams.get('token')!
    expect(invitation.tokenHash).not.toBe(token)
    expect(invitation.tokenHash).toMatch(/^[0-9a-f]{64}$/)

    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'membership.invited', subjectId: organization.id },
    })
    expect(audit.actorId).toBe(admin.id)
    expect(JSON.stringify(audit.data)).not.toContain('colleague')
  })

  it('shows members and open invitations, with management only for admins', async () => {
    const { adminCookie, memberCookie, organization, path, post } = await organizationWithMember()
    await post(adminCookie, {
      intent: 'invite',
      email: 'listed@example.test',
      role: 'ORG_ADMIN',
      locale: 'de',
    })
    const params = { orgId: organization.id }

    const asMember = await callRoute(members.loader, buildRequest(path, { cookie: memberCookie }), params)
    expect(asMember.status).toBe(200)
    const data = asMember.data as Awaited<ReturnType<typeof members.loader>>
    expect(data.canManage).toBe(false)
    expect(data.members.map((member) => member.user.name).sort()).toEqual(['Hanna Reimann', 'Ravi Menon'])
    expect(data.invitations).toEqual([
      expect.objectContaining({
        email: 'listed@example.test',
        role: 'ORG_ADMIN',
        expiresAt: expect.any(Date),
      }),
    ])

    const asAdmin = await callRoute(members.loader, buildRequest(path, { cookie: adminCookie }), params)
    expect((asAdmin.data as typeof data).canManage).toBe(true)
  })

  it('refuses invitations, removals and revocations posted by a plain member with 403', async () => {
    const { adminCookie, admin, memberCookie, organization, post } = await organizationWithMember()
    await post(adminCookie, {
      intent: 'invite',
      email: 'pending@example.test',
      role: 'ORG_MEMBER',
      locale: 'de',
    })
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { organizationId: organization.id },
    })
    const adminMembership = await prisma.membership.findFirstOrThrow({
      where: { organizationId: organization.id, userId: admin.id },
    })
    const before = await rowCounts()
    const forms: Record<string, string>[] = [
      { intent: 'invite', email: 'someone@example.test', role: 'ORG_ADMIN', locale: 'de' },
      { intent: 'remove', membershipId: adminMembership.id },
      { intent: 'revoke', invitationId: invitation.id },
    ]
    for (const form of forms) expect((await post(memberCookie, form)).status).toBe(403)
    expect(await rowCounts()).toEqual(before)
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt).toBeNull()
  })

  it('refuses duplicate and malformed invitations with translated field messages, writing nothing', async () => {
    const { adminCookie, member, post } = await organizationWithMember()
    await post(adminCookie, {
      intent: 'invite',
      email: 'twice@example.test',
      role: 'ORG_MEMBER',
      locale: 'de',
    })
    await deliverOutbox()
    const sentBefore = resend.emails.length
    const before = await rowCounts()
    const cases: [Record<string, string>, string[], string?][] = [
      [
        { intent: 'invite', email: 'TWICE@example.test', role: 'ORG_MEMBER', locale: 'de' },
        ['email'],
        'organizations:members.invite.errors.alreadyInvited',
      ],
      [
        { intent: 'invite', email: member.email, role: 'ORG_ADMIN', locale: 'de' },
        ['email'],
        'organizations:members.invite.errors.alreadyMember',
      ],
      [{ intent: 'invite', email: 'not-an-email', role: 'ORG_MEMBER', locale: 'de' }, ['email']],
      [{ intent: 'invite', email: '', role: 'OWNER', locale: 'xx' }, ['email', 'locale', 'role']],
      [
        { intent: 'invite', email: `${'a'.repeat(250)}@example.test`, role: 'ORG_MEMBER', locale: 'de' },
        ['email'],
      ],
      [{ intent: 'explode' }, ['intent']],
    ]
    for (const [form, fields, key] of cases) {
      const result = await post(adminCookie, form)
      expect(result.status, JSON.stringify(form)).toBe(400)
      expect(erroneousFields(result.data)).toEqual(fields)
      if (key)
        expect((result.data as { fieldErrors: Record<string, string[]> }).fieldErrors.email).toEqual([key])
      await expectTranslated(result.data)
    }
    expect(await rowCounts()).toEqual(before)
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore)
  })

  it('revokes an open invitation, audited', async () => {
    const { admin, adminCookie, organization, post } = await organizationWithMember()
    await post(adminCookie, {
      intent: 'invite',
      email: 'revoke-me@example.test',
      role: 'ORG_MEMBER',
      locale: 'de',
    })
    const invitation = await prisma.invitation.findFirstOrThrow({
      where: { organizationId: organization.id },
    })
    const result = await post(adminCookie, { intent: 'revoke', invitationId: invitation.id })
    expect(result.status).toBe(302)
    expect(
      (await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).revokedAt,
    ).not.toBeNull()
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'membership.invitationRevoked', subjectId: organization.id },
    })
    expect(audit.actorId).toBe(admin.id)

    const again = await post(adminCookie, { intent: 'revoke', invitationId: invitation.id })
    expect(again.status).toBe(409)
    await expectTranslated(again.data)
  })

  it('removes a member, audited', async () => {
    const { adminCookie, member, membership, organization, post } = await organizationWithMember()
    const result = await post(adminCookie, { intent: 'remove', membershipId: membership.id })
    expect(result.status).toBe(302)
    expect(
      await prisma.membership.count({ where: { organizationId: organization.id, userId: member.id } }),
    ).toBe(0)
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'membership.removed', subjectId: organization.id },
    })
    expect(audit.data).toMatchObject({ userId: member.id, role: 'ORG_MEMBER' })
  })

  it('never removes the last admin, and says so in every language', async () => {
    const { admin, adminCookie, organization, post } = await organizationWithMember()
    const own = await prisma.membership.findFirstOrThrow({
      where: { organizationId: organization.id, userId: admin.id },
    })
    const before = await rowCounts()
    const result = await post(adminCookie, { intent: 'remove', membershipId: own.id })
    expect(result.status).toBe(400)
    expect((result.data as { formError: string }).formError).toBe('organizations:members.lastAdmin')
    await expectTranslated(result.data)
    expect(await rowCounts()).toEqual(before)
  })

  it('lets an admin leave when another admin remains', async () => {
    const { admin, adminCookie, member, membership, organization, post } = await organizationWithMember()
    await prisma.membership.update({ where: { id: membership.id }, data: { role: 'ORG_ADMIN' } })
    const own = await prisma.membership.findFirstOrThrow({
      where: { organizationId: organization.id, userId: admin.id },
    })
    const result = await post(adminCookie, { intent: 'remove', membershipId: own.id })
    expect(result.status).toBe(302)
    expect(result.location).toBe('/dashboard')
    const remaining = await prisma.membership.findMany({ where: { organizationId: organization.id } })
    expect(remaining.map((entry) => entry.userId)).toEqual([member.id])
  })

  it('answers 404 for a membership of another organization', async () => {
    const { adminCookie, post } = await organizationWithMember()
    const other = await createUser()
    await createOrganization({ createdById: other.id })
    const foreign = await prisma.membership.findFirstOrThrow({ where: { userId: other.id } })
    const result = await post(adminCookie, { intent: 'remove', membershipId: foreign.id })
    expect(result.status).toBe(404)
    expect(await prisma.membership.count({ where: { id: foreign.id } })).toBe(1)
  })
})
