import { beforeAll, describe, expect, it } from 'vitest'

import { deemDueBaApprovals, performCaseAction, todayAtAuthority } from '~/models/case.server'
import { prisma } from '~/utils/db.server'
import { addDays } from '~/workflow/calendar'
import type { CaseState } from '~/workflow/types'

import {
  advanceCase,
  createCandidate,
  createCase,
  createOrganization,
  createUser,
  skilledWorkerPath,
} from '../factories'

let orgId: string
let orgUserId: string
let officerId: string
const today = todayAtAuthority()
const path = skilledWorkerPath(today)

beforeAll(async () => {
  const orgUser = await createUser()
  const organization = await createOrganization({ createdById: orgUser.id })
  const officer = await createUser({ staffRole: 'OFFICER' })
  orgId = organization.id
  orgUserId = orgUser.id
  officerId = officer.id
})

async function newCase() {
  const candidate = await createCandidate({ organizationId: orgId, createdById: orgUserId })
  return createCase({ organizationId: orgId, candidateId: candidate.id, createdById: orgUserId })
}

async function stored(caseId: string) {
  const kase = await prisma.case.findUniqueOrThrow({
    where: { id: caseId },
    include: { events: { orderBy: { at: 'asc' } } },
  })
  return { ...kase, state: kase.state as unknown as CaseState }
}

describe('starting a case', () => {
  it('numbers files per year without gaps, also when cases start at the same moment', async () => {
    const started = await Promise.all([newCase(), newCase(), newCase()])
    const numbers = started.map((kase) => kase.fileNumber).sort()
    const year = today.slice(0, 4)
    for (const fileNumber of numbers) expect(fileNumber).toMatch(new RegExp(`^ABH-${year}-\\d{6}$`))
    const sequence = numbers.map((fileNumber) => Number(fileNumber.slice(-6)))
    expect(new Set(sequence).size).toBe(3)
    expect(sequence[2]! - sequence[0]!).toBe(2)
  })

  it('opens the first step, records the start and keeps the queue columns', async () => {
    const kase = await stored((await newCase()).id)
    expect(kase).toMatchObject({
      status: 'ACTIVE',
      currentStep: 'advice',
      currentActor: 'OFFICER',
      version: 1,
    })
    expect(kase.state.steps.advice?.status).toBe('OPEN')
    expect(kase.events.map((event) => event.type)).toEqual(['caseStarted'])
  })

  it('refuses a candidate of another organization', async () => {
    const other = await createUser()
    const otherOrg = await createOrganization({ createdById: other.id })
    const foreign = await createCandidate({ organizationId: otherOrg.id, createdById: other.id })
    await expect(
      createCase({ organizationId: orgId, candidateId: foreign.id, createdById: orgUserId }),
    ).rejects.toThrow(/candidateUnknown/)
  })

  it('is refused to an organization the authority has not verified yet', async () => {
    const applicant = await createUser()
    const pending = await createOrganization({ createdById: applicant.id, status: 'PENDING' })
    const candidate = await createCandidate({ organizationId: pending.id, createdById: applicant.id })
    await expect(
      createCase({ organizationId: pending.id, candidateId: candidate.id, createdById: applicant.id }),
    ).rejects.toThrow(/organizationNotVerified/)
    expect(await prisma.case.count({ where: { organizationId: pending.id } })).toBe(0)
  })
})

describe('acting on a case', () => {
  it('walks a § 18b case to the pre-approval with one event per action', async () => {
    const { id } = await newCase()
    await advanceCase(id, officerId, path.toPreApproval)
    const kase = await stored(id)
    expect(kase.state.steps.preApproval).toMatchObject({ status: 'DONE', completedOn: today })
    expect(kase.state.facts.preApprovalValidUntil).toBeDefined()
    expect(kase.currentStep).toBe('appointment')
    expect(kase.currentActor).toBe('EMBASSY')
    expect(kase.version).toBe(1 + path.toPreApproval.length)
    expect(kase.events).toHaveLength(1 + path.toPreApproval.length)
    expect(kase.events.at(-1)).toMatchObject({
      type: 'issuePreApproval',
      step: 'preApproval',
      actorId: officerId,
    })
  })

  it('refuses an action the performer may not take, and changes nothing', async () => {
    const { id } = await newCase()
    const before = await stored(id)
    const result = await performCaseAction(
      id,
      before.version,
      { type: 'completeStep', step: 'advice' },
      { userId: orgUserId, performer: 'ORG' },
    )
    expect(result).toEqual({ ok: false, error: 'workflow:errors.notAllowed' })
    const after = await stored(id)
    expect(after.version).toBe(before.version)
    expect(after.events).toHaveLength(before.events.length)
  })

  it('refuses an action out of order with the engine’s reason', async () => {
    const { id } = await newCase()
    const result = await performCaseAction(
      id,
      1,
      { type: 'issuePreApproval' },
      { userId: officerId, performer: 'OFFICER' },
    )
    expect(result).toEqual({ ok: false, error: 'workflow:errors.guardFailed' })
  })

  it('refuses a change made on a version that is no longer current', async () => {
    const { id } = await newCase()
    await advanceCase(id, officerId, [{ type: 'completeStep', step: 'advice' }])
    const result = await performCaseAction(
      id,
      1,
      { type: 'hold', reason: 'Rückfrage' },
      { userId: officerId, performer: 'OFFICER' },
    )
    expect(result).toEqual({ ok: false, error: 'workflow:errors.conflict' })
  })

  it('lets exactly one of two simultaneous pre-approvals through', async () => {
    const { id } = await newCase()
    await advanceCase(id, officerId, path.toBaApproved)
    const { version } = await stored(id)
    const results = await Promise.all(
      [1, 2].map(() =>
        performCaseAction(
          id,
          version,
          { type: 'issuePreApproval' },
          { userId: officerId, performer: 'OFFICER' },
        ),
      ),
    )
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: 'workflow:errors.conflict' }])
    const kase = await stored(id)
    expect(kase.events.filter((event) => event.type === 'issuePreApproval')).toHaveLength(1)
  })
})

describe('the scheduled job for the deemed BA approval (§ 36 Abs. 2 BeschV)', () => {
  it('deems the approval granted from the day after the week ends, once', async () => {
    const { id } = await newCase()
    await advanceCase(id, officerId, path.toBaRequest)
    const waiting = await stored(id)
    const dueOn = waiting.state.steps.baApproval!.dueOn!
    expect(waiting.deemedApprovalFrom?.toISOString().slice(0, 10)).toBe(addDays(dueOn, 1))

    await deemDueBaApprovals(dueOn)
    expect((await stored(id)).state.steps.baApproval?.status).toBe('WAITING')

    // Two servers running the job at the same moment record it once.
    await Promise.all([deemDueBaApprovals(addDays(dueOn, 1)), deemDueBaApprovals(addDays(dueOn, 1))])
    const deemed = await stored(id)
    expect(deemed.state.steps.baApproval).toMatchObject({ status: 'DONE', outcome: 'DEEMED_GRANTED' })
    expect(deemed.deemedApprovalFrom).toBeNull()
    const jobEvents = deemed.events.filter((event) => event.type === 'deemBaApprovalGranted')
    expect(jobEvents).toHaveLength(1)
    expect(jobEvents[0]).toMatchObject({ performer: 'SYSTEM', actorId: null })
    expect(deemed.currentStep).toBe('preApproval')
  })

  it('leaves the approval open when the BA asked for information within the week', async () => {
    const { id } = await newCase()
    await advanceCase(id, officerId, [
      ...path.toBaRequest,
      { type: 'recordBaInformationRequest', requestedOn: today },
    ])
    const asked = await stored(id)
    expect(asked.deemedApprovalFrom).toBeNull()
    await deemDueBaApprovals(addDays(asked.state.steps.baApproval!.dueOn!, 30))
    expect((await stored(id)).state.steps.baApproval?.status).toBe('WAITING')
  })
})
