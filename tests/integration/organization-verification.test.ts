import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as detail from '~/routes/authority.organizations.$orgId'
import * as list from '~/routes/authority.organizations._index'
import { prisma } from '~/utils/db.server'

import { addMember, createMission, createOrganization, createUser } from '../factories'
import { startFakeResend } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { erroneousFields, expectTranslated } from './helpers/form-replies'

const resend = await startFakeResend()
beforeAll(() => resend.use())
afterAll(() => resend.close())

type ListData = Awaited<ReturnType<typeof list.loader>>
type DetailData = Awaited<ReturnType<typeof detail.loader>>

async function staff(staffRole: 'ADMIN' | 'LEAD_OFFICER' | 'OFFICER' | 'EMBASSY') {
  const missionId = staffRole === 'EMBASSY' ? (await createMission()).id : undefined
  const user = await createUser({ staffRole, missionId })
  return { user, cookie: await sessionCookieFor(user.id) }
}

/** A pending organization with two admins (English and Arabic) and a German member. */
async function pendingOrganization() {
  const admin = await createUser({ name: 'Grace Hopper', locale: 'en' })
  const organization = await createOrganization({ createdById: admin.id, status: 'PENDING' })
  const secondAdmin = await createUser({ name: 'Layla Haddad', locale: 'ar' })
  await addMember(organization.id, secondAdmin.id, 'ORG_ADMIN')
  const member = await createUser({ name: 'Max Mitglied', locale: 'de' })
  await addMember(organization.id, member.id)
  return { organization, admin, secondAdmin, member }
}

function decide(cookie: string, organizationId: string, form: Record<string, string>) {
  return callRoute(
    detail.action,
    buildRequest(`/authority/organizations/${organizationId}`, { cookie, form }),
    { orgId: organizationId },
  )
}

describe('the authority’s list of organizations', () => {
  it('shows pending organizations by default with their member count, and filters by status', async () => {
    const { cookie } = await staff('LEAD_OFFICER')
    const { organization: pending } = await pendingOrganization()
    const owner = await createUser()
    const verified = await createOrganization({ createdById: owner.id, status: 'VERIFIED' })

    const byDefault = await callRoute(list.loader, buildRequest('/authority/organizations', { cookie }))
    expect(byDefault.status).toBe(200)
    const defaultData = byDefault.data as ListData
    expect(defaultData.query.status).toBe('PENDING')
    const row = defaultData.organizations.find((entry) => entry.id === pending.id)
    expect(row).toMatchObject({ status: 'PENDING', kind: 'EMPLOYER', _count: { memberships: 3 } })
    expect(defaultData.organizations.every((entry) => entry.status === 'PENDING')).toBe(true)

    const verifiedOnly = await callRoute(
      list.loader,
      buildRequest('/authority/organizations?status=VERIFIED', { cookie }),
    )
    const verifiedIds = (verifiedOnly.data as ListData).organizations.map((entry) => entry.id)
    expect(verifiedIds).toContain(verified.id)
    expect(verifiedIds).not.toContain(pending.id)

    const all = await callRoute(list.loader, buildRequest('/authority/organizations?status=ALL', { cookie }))
    const allIds = (all.data as ListData).organizations.map((entry) => entry.id)
    expect(allIds).toEqual(expect.arrayContaining([pending.id, verified.id]))

    const nonsense = await callRoute(
      list.loader,
      buildRequest('/authority/organizations?status=DROP%20TABLE&page=-3', { cookie }),
    )
    expect((nonsense.data as ListData).query).toEqual({ status: 'PENDING', page: 1 })
  })

  it('is open to lead officers and officers only', async () => {
    const orgUser = await createUser()
    await createOrganization({ createdById: orgUser.id })
    const expectations: [string, number][] = [
      [(await staff('LEAD_OFFICER')).cookie, 200],
      [(await staff('OFFICER')).cookie, 200],
      [(await staff('ADMIN')).cookie, 403],
      [(await staff('EMBASSY')).cookie, 403],
      [await sessionCookieFor(orgUser.id), 403],
    ]
    for (const [cookie, status] of expectations) {
      const result = await callRoute(list.loader, buildRequest('/authority/organizations', { cookie }))
      expect(result.status).toBe(status)
    }
    const anonymous = await callRoute(list.loader, buildRequest('/authority/organizations'))
    expect(anonymous.status).toBe(302)
  })
})

describe('verifying an organization', () => {
  it('lets a lead officer verify it, audited, and emails each admin in their own language', async () => {
    const { user: lead, cookie } = await staff('LEAD_OFFICER')
    const { organization, admin, secondAdmin, member } = await pendingOrganization()
    const sentBefore = resend.emails.length

    const page = await callRoute(
      detail.loader,
      buildRequest(`/authority/organizations/${organization.id}`, { cookie }),
      { orgId: organization.id },
    )
    expect((page.data as DetailData).canDecide).toBe(true)
    expect((page.data as DetailData).organization.memberships).toHaveLength(3)

    const result = await decide(cookie, organization.id, { intent: 'verify' })
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/authority/organizations/${organization.id}`)

    const decided = await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })
    expect(decided).toMatchObject({ status: 'VERIFIED', decidedById: lead.id, decisionReason: null })
    expect(decided.decidedAt).not.toBeNull()
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'organization.verified', subjectId: organization.id },
    })
    expect(audit.actorId).toBe(lead.id)

    await deliverOutbox()
    const sent = resend.emails.slice(sentBefore)
    expect(sent.map((email) => email.to).sort()).toEqual([admin.email, secondAdmin.email].sort())
    expect(sent.map((email) => email.to)).not.toContain(member.email)
    const english = sent.find((email) => email.to === admin.email)!
    expect(english.subject).toBe('Your organization has been verified')
    expect(english.text).toContain('Hello Grace,')
    expect(english.text).not.toContain('Hopper')
    expect(english.text).toContain(`http://localhost:3000/organizations/${organization.id}`)
    const arabic = sent.find((email) => email.to === secondAdmin.email)!
    expect(arabic.subject).toBe('تم التحقق من مؤسستك')
    expect(arabic.html).toContain('dir="rtl"')
  })

  it('lets a lead officer reject it with a reason, emailing the admin in German', async () => {
    const { user: lead, cookie } = await staff('LEAD_OFFICER')
    const admin = await createUser({ name: 'Hanna Reimann', locale: 'de' })
    const organization = await createOrganization({ createdById: admin.id, status: 'PENDING' })
    const reason = 'Die Handelsregisternummer passt nicht zum angegebenen Namen.'

    const result = await decide(cookie, organization.id, { intent: 'reject', reason })
    expect(result.status).toBe(302)
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).toMatchObject({
      status: 'REJECTED',
      decisionReason: reason,
      decidedById: lead.id,
    })
    expect(
      await prisma.auditEvent.count({
        where: { action: 'organization.rejected', subjectId: organization.id },
      }),
    ).toBe(1)
    await deliverOutbox()
    const email = resend.emails.findLast((sent) => sent.to === admin.email)!
    expect(email.subject).toBe('Entscheidung über die Registrierung Ihrer Organisation')
    expect(email.text).toContain('Guten Tag Hanna,')
    // The reason is read after signing in, not sent through mail servers.
    expect(email.text).not.toContain(reason)
  })

  it('refuses a rejection without a proper reason, changing nothing', async () => {
    const { cookie } = await staff('LEAD_OFFICER')
    const { organization } = await pendingOrganization()
    const before = await rowCounts()
    const sentBefore = resend.emails.length
    for (const reason of ['', '   ', 'zu kurz', 'x'.repeat(1001)]) {
      const result = await decide(cookie, organization.id, { intent: 'reject', reason })
      expect(result.status).toBe(400)
      expect(erroneousFields(result.data)).toEqual(['reason'])
      await expectTranslated(result.data)
    }
    const missing = await decide(cookie, organization.id, { intent: 'reject' })
    expect(missing.status).toBe(400)
    expect(erroneousFields(missing.data)).toEqual(['reason'])
    expect(await rowCounts()).toEqual(before)
    await deliverOutbox()
    expect(resend.emails.length).toBe(sentBefore)
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe(
      'PENDING',
    )
  })

  it('answers 409 with a translated message when the organization was already decided', async () => {
    const { cookie } = await staff('LEAD_OFFICER')
    const { organization } = await pendingOrganization()
    expect((await decide(cookie, organization.id, { intent: 'verify' })).status).toBe(302)
    const before = await rowCounts()
    const again = await decide(cookie, organization.id, {
      intent: 'reject',
      reason: 'Doch lieber ablehnen, bitte.',
    })
    expect(again.status).toBe(409)
    expect((again.data as { formError: string }).formError).toBe(
      'organizations:authority.decision.alreadyDecided',
    )
    await expectTranslated(again.data)
    expect(await rowCounts()).toEqual(before)
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe(
      'VERIFIED',
    )
  })

  it('shows officers the organization without the decision, and refuses their decision with 403', async () => {
    const { cookie } = await staff('OFFICER')
    const { organization } = await pendingOrganization()
    const page = await callRoute(
      detail.loader,
      buildRequest(`/authority/organizations/${organization.id}`, { cookie }),
      { orgId: organization.id },
    )
    expect(page.status).toBe(200)
    expect((page.data as DetailData).canDecide).toBe(false)

    const before = await rowCounts()
    const result = await decide(cookie, organization.id, { intent: 'verify' })
    expect(result.status).toBe(403)
    expect(await rowCounts()).toEqual(before)
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe(
      'PENDING',
    )
  })

  it('refuses organization users and admins with 403', async () => {
    const { organization, admin } = await pendingOrganization()
    for (const cookie of [await sessionCookieFor(admin.id), (await staff('ADMIN')).cookie]) {
      expect((await decide(cookie, organization.id, { intent: 'verify' })).status).toBe(403)
      const page = await callRoute(
        detail.loader,
        buildRequest(`/authority/organizations/${organization.id}`, { cookie }),
        { orgId: organization.id },
      )
      expect(page.status).toBe(403)
    }
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).status).toBe(
      'PENDING',
    )
  })

  it('answers 404 for an unknown organization', async () => {
    const { cookie } = await staff('LEAD_OFFICER')
    const page = await callRoute(
      detail.loader,
      buildRequest('/authority/organizations/unknown', { cookie }),
      {
        orgId: 'unknown',
      },
    )
    expect(page.status).toBe(404)
    expect((await decide(cookie, 'unknown', { intent: 'verify' })).status).toBe(404)
  })
})
