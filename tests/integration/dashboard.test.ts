import { describe, expect, it } from 'vitest'

import * as dashboard from '~/routes/dashboard'
import { prisma } from '~/utils/db.server'

import { createCandidate, createCase, createMission, createOrganization, createUser } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

type DashboardData = Awaited<ReturnType<typeof dashboard.loader>>

async function dashboardOf(userId: string) {
  const result = await callRoute(
    dashboard.loader,
    buildRequest('/dashboard', { cookie: await sessionCookieFor(userId) }),
  )
  expect(result.status).toBe(200)
  return result.data as DashboardData
}

describe('the dashboard', () => {
  it('shows officers their open cases, the unassigned ones and the overdue ones', async () => {
    const officer = await createUser({ staffRole: 'OFFICER' })
    const owner = await createUser()
    const organization = await createOrganization({ createdById: owner.id })
    const start = async (officerId?: string) => {
      const candidate = await createCandidate({ organizationId: organization.id, createdById: owner.id })
      const input = { organizationId: organization.id, candidateId: candidate.id, createdById: owner.id }
      return officerId
        ? createCase(input, officerId, [{ type: 'completeStep', step: 'advice' }])
        : createCase(input)
    }
    await start(officer.id)
    await start(officer.id)
    const overdue = await start()
    await prisma.case.update({ where: { id: overdue.id }, data: { nextDueOn: new Date('2020-01-31') } })
    expect((await dashboardOf(officer.id)).dashboard).toMatchObject({
      caseCounts: { mine: 2, unassigned: 1, overdue: 1 },
    })
  })

  it('greets an organization user and lists their organizations with status and role', async () => {
    const user = await createUser({ name: 'Hanna Reimann' })
    const organization = await createOrganization({ createdById: user.id, status: 'PENDING' })
    expect(await dashboardOf(user.id)).toEqual({
      name: 'Hanna Reimann',
      dashboard: {
        kind: 'organization',
        isEmailVerified: true,
        organizations: [
          { id: organization.id, legalName: organization.legalName, status: 'PENDING', role: 'ORG_ADMIN' },
        ],
      },
    })
  })

  it('tells a new user without a confirmed email address what to do first', async () => {
    const user = await createUser({ isVerified: false })
    expect((await dashboardOf(user.id)).dashboard).toEqual({
      kind: 'organization',
      isEmailVerified: false,
      organizations: [],
    })
  })

  it('shows a lead officer how many organizations are waiting', async () => {
    const lead = await createUser({ staffRole: 'LEAD_OFFICER' })
    const owner = await createUser()
    const waitingBefore = await prisma.organization.count({ where: { status: 'PENDING' } })
    await createOrganization({ createdById: owner.id, status: 'PENDING' })
    await createOrganization({ createdById: owner.id, status: 'PENDING' })
    await createOrganization({ createdById: owner.id, status: 'VERIFIED' })
    expect((await dashboardOf(lead.id)).dashboard).toMatchObject({
      kind: 'lead',
      pendingCount: waitingBefore + 2,
    })
  })

  it('shows officers, admins and embassy staff their own start page', async () => {
    const officer = await createUser({ staffRole: 'OFFICER' })
    const admin = await createUser({ staffRole: 'ADMIN' })
    const mission = await createMission({ name: 'Deutsche Botschaft Manila' })
    const embassy = await createUser({ staffRole: 'EMBASSY', missionId: mission.id })
    expect((await dashboardOf(officer.id)).dashboard).toMatchObject({
      kind: 'officer',
      caseCounts: { mine: 0 },
    })
    expect((await dashboardOf(admin.id)).dashboard).toEqual({ kind: 'admin' })
    expect((await dashboardOf(embassy.id)).dashboard).toEqual({
      kind: 'embassy',
      missionName: 'Deutsche Botschaft Manila',
    })
  })

  it('sends anonymous visitors to the login page', async () => {
    const result = await callRoute(dashboard.loader, buildRequest('/dashboard'))
    expect(result.status).toBe(302)
    expect(result.location).toBe('/login?redirectTo=%2Fdashboard')
  })
})
