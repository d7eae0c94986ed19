import { describe, expect, it } from 'vitest'

import { todayAtAuthority } from '~/models/case.server'
import * as authorityCase from '~/routes/authority.cases.$caseId'
import { prisma } from '~/utils/db.server'

import {
  advanceCase,
  createCandidate,
  createCase,
  createOrganization,
  createUser,
  skilledWorkerPath,
} from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

describe('two officers issue the same pre-approval at the same moment', () => {
  it('lets one through, answers the other 409 with the conflict message, and logs one event', async () => {
    const employer = await createUser()
    const organization = await createOrganization({ createdById: employer.id })
    const candidate = await createCandidate({ organizationId: organization.id, createdById: employer.id })
    const [first, second] = await Promise.all([
      createUser({ staffRole: 'OFFICER' }),
      createUser({ staffRole: 'LEAD_OFFICER' }),
    ])
    const kase = await createCase({
      organizationId: organization.id,
      candidateId: candidate.id,
      createdById: employer.id,
    })
    await advanceCase(kase.id, first!.id, skilledWorkerPath(todayAtAuthority()).toBaApproved)
    const { version } = await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })

    const issue = async (officerId: string) =>
      callRoute(
        authorityCase.action,
        buildRequest(`/authority/cases/${kase.id}`, {
          cookie: await sessionCookieFor(officerId),
          form: { intent: 'issuePreApproval', version: String(version) },
        }),
        { caseId: kase.id },
      )
    const results = await Promise.all([issue(first!.id), issue(second!.id)])

    expect(results.map((result) => result.status).sort()).toEqual([302, 409])
    const refused = results.find((result) => result.status === 409)!
    expect(refused.data).toMatchObject({ formError: 'workflow:errors.conflict' })
    const events = await prisma.caseEvent.findMany({ where: { caseId: kase.id, type: 'issuePreApproval' } })
    expect(events).toHaveLength(1)
    const stored = await prisma.case.findUniqueOrThrow({ where: { id: kase.id } })
    expect(stored.version).toBe(version + 1)
  })
})
