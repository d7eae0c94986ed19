import type { Prisma } from '~/generated/prisma/client'
import { CANDIDATES_PER_PAGE, type CandidateInput, type CandidateListQuery } from '~/schemas/candidate'
import { fromDateOnly, toDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'

import { recordAudit } from './audit.server'

type Actor = Pick<SessionUser, 'id'>

const candidateSelect = {
  id: true,
  organizationId: true,
  surname: true,
  givenNames: true,
  dateOfBirth: true,
  placeOfBirth: true,
  nationality: true,
  passportNumber: true,
  passportExpiry: true,
  email: true,
  phone: true,
  preferredLanguage: true,
  qualificationKind: true,
  qualificationTitle: true,
  qualificationCountry: true,
  qualificationYear: true,
  countryOfResidence: true,
  intendedEntryDate: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.CandidateSelect

type StoredCandidate = Prisma.CandidateGetPayload<{ select: typeof candidateSelect }>

/** Dates as `YYYY-MM-DD`, the way forms and pages handle them. */
function present(candidate: StoredCandidate) {
  return {
    ...candidate,
    dateOfBirth: toDateOnly(candidate.dateOfBirth),
    passportExpiry: toDateOnly(candidate.passportExpiry),
    intendedEntryDate: candidate.intendedEntryDate ? toDateOnly(candidate.intendedEntryDate) : null,
  }
}

export type Candidate = ReturnType<typeof present>

/** The stored columns: the two confirmations only mattered for this one submission. */
function toData({ confirmDuplicate: _duplicate, confirmPassportExpiry: _expiry, ...input }: CandidateInput) {
  return {
    ...input,
    dateOfBirth: fromDateOnly(input.dateOfBirth),
    passportExpiry: fromDateOnly(input.passportExpiry),
    intendedEntryDate: input.intendedEntryDate ? fromDateOnly(input.intendedEntryDate) : null,
  }
}

/**
 * The organization's candidates, 50 a page. A search keeps those where every word of it occurs in the
 * surname or the given names, whatever the case ("anna müller" finds MÜLLER, Anna Lena).
 */
export async function listCandidates(organizationId: string, { q, page }: CandidateListQuery) {
  const words = q.split(/\s+/).filter(Boolean)
  const where: Prisma.CandidateWhereInput = {
    organizationId,
    AND: words.map((word) => ({
      OR: [
        { surname: { contains: word, mode: 'insensitive' } },
        { givenNames: { contains: word, mode: 'insensitive' } },
      ],
    })),
  }
  const [total, candidates] = await Promise.all([
    prisma.candidate.count({ where }),
    prisma.candidate.findMany({
      where,
      orderBy: [{ surname: 'asc' }, { givenNames: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * CANDIDATES_PER_PAGE,
      take: CANDIDATES_PER_PAGE,
      select: {
        id: true,
        surname: true,
        givenNames: true,
        nationality: true,
        dateOfBirth: true,
        passportExpiry: true,
      },
    }),
  ])
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / CANDIDATES_PER_PAGE)),
    candidates: candidates.map((candidate) => ({
      ...candidate,
      dateOfBirth: toDateOnly(candidate.dateOfBirth),
      passportExpiry: toDateOnly(candidate.passportExpiry),
    })),
  }
}

/** The candidate if it belongs to this organization; another organization's candidate is null (404). */
export async function getCandidate(organizationId: string, candidateId: string) {
  const candidate = await prisma.candidate.findFirst({
    where: { id: candidateId, organizationId },
    select: candidateSelect,
  })
  return candidate ? present(candidate) : null
}

/**
 * How many candidates anywhere in the authority hold this passport. Only the count leaves this function:
 * the warning must not reveal another organization's data.
 */
export async function findPassportDuplicates(
  passportNumber: string,
  nationality: string,
  excludeId?: string,
) {
  return prisma.candidate.count({
    where: { passportNumber, nationality, ...(excludeId ? { id: { not: excludeId } } : {}) },
  })
}

export async function createCandidate(actor: Actor, organizationId: string, input: CandidateInput) {
  return prisma.$transaction(async (tx) => {
    const candidate = await tx.candidate.create({
      data: { ...toData(input), organizationId, createdById: actor.id },
      select: { id: true },
    })
    await recordAudit(
      {
        actorId: actor.id,
        action: 'candidate.created',
        subjectType: 'Candidate',
        subjectId: candidate.id,
        data: { organizationId },
      },
      tx,
    )
    return candidate
  })
}

/** Updates the candidate and records which fields changed (their names only, never the values). */
export async function updateCandidate(actor: Actor, candidate: Candidate, input: CandidateInput) {
  const data = toData(input)
  const changedFields = (Object.keys(data) as (keyof typeof data)[]).filter((field) => {
    const before = candidate[field]
    const after = data[field]
    return after instanceof Date ? before !== toDateOnly(after) : before !== (after ?? null)
  })
  if (changedFields.length === 0) return
  await prisma.$transaction(async (tx) => {
    await tx.candidate.update({ where: { id: candidate.id }, data })
    await recordAudit(
      {
        actorId: actor.id,
        action: 'candidate.updated',
        subjectType: 'Candidate',
        subjectId: candidate.id,
        data: { changedFields },
      },
      tx,
    )
  })
}
