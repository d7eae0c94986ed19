/**
 * Builders for test and demo data, shared by prisma/seed.ts and the tests (STYLE.md).
 * They write through Prisma directly: what they build is the starting state, not a user action.
 */
import type { OrganizationKind, OrgRole, StaffRole } from '~/generated/prisma/client'
import { performCaseAction, startCase } from '~/models/case.server'
import { addMonths, fromDateOnly, todayDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'

import type { LocalDate } from '~/workflow/calendar'
import {
  agreementContents,
  type Action,
  type AgreementChecklist,
  type ProcedureId,
  type ResidenceTitle,
} from '~/workflow/types'

import { DEMO_PASSWORD } from './demo'

export { DEMO_PASSWORD }

let sequence = 0
const next = () => ++sequence

type UserInput = {
  email?: string
  name?: string
  password?: string
  locale?: string
  staffRole?: StaffRole
  missionId?: string
  isVerified?: boolean
}

export async function createUser(input: UserInput = {}) {
  const n = next()
  return prisma.user.create({
    data: {
      email: (input.email ?? `user${n}-${Date.now()}@example.test`).toLowerCase(),
      name: input.name ?? `Test User ${n}`,
      locale: input.locale ?? 'de',
      staffRole: input.staffRole ?? null,
      missionId: input.missionId ?? null,
      emailVerifiedAt: input.isVerified === false ? null : new Date(),
      password: { create: { hash: await hashPassword(input.password ?? DEMO_PASSWORD) } },
    },
  })
}

type OrganizationInput = {
  createdById: string
  kind?: OrganizationKind
  legalName?: string
  status?: 'PENDING' | 'VERIFIED' | 'REJECTED'
  city?: string
}

export async function createOrganization(input: OrganizationInput) {
  const n = next()
  const status = input.status ?? 'VERIFIED'
  return prisma.organization.create({
    data: {
      kind: input.kind ?? 'EMPLOYER',
      legalName: input.legalName ?? `Test Organisation ${n} GmbH`,
      street: 'Hafenweg 12',
      postalCode: '48155',
      city: input.city ?? 'Münster',
      registerNumber: `HRB ${10_000 + n}`,
      contactName: 'Petra Schulte',
      contactEmail: `kontakt${n}@example.test`,
      contactPhone: '+49 251 123456',
      deputyName: 'Jonas Becker',
      deputyEmail: `vertretung${n}@example.test`,
      deputyPhone: '+49 251 123457',
      status,
      decidedAt: status === 'PENDING' ? null : new Date(),
      createdById: input.createdById,
      memberships: { create: { userId: input.createdById, role: 'ORG_ADMIN' } },
    },
  })
}

export async function addMember(organizationId: string, userId: string, role: OrgRole = 'ORG_MEMBER') {
  return prisma.membership.create({ data: { organizationId, userId, role } })
}

export async function createMission(input: { name?: string; country?: string; city?: string } = {}) {
  return prisma.mission.create({
    data: {
      name: input.name ?? 'Deutsche Botschaft Neu-Delhi',
      country: input.country ?? 'IN',
      city: input.city ?? 'New Delhi',
      visaSectionEmail: `visa${next()}@mission.example.test`,
    },
  })
}

type CandidateInput = {
  organizationId: string
  createdById: string
  surname?: string
  givenNames?: string
  dateOfBirth?: string
  placeOfBirth?: string
  nationality?: string
  passportNumber?: string
  preferredLanguage?: string
  qualificationKind?: 'ACADEMIC' | 'VOCATIONAL' | 'OTHER'
  qualificationTitle?: string
}

/** A stored candidate, written directly: the starting state of a test, not a user action. */
export async function createCandidate({ organizationId, createdById, ...input }: CandidateInput) {
  const n = next()
  const nationality = input.nationality ?? 'JO'
  return prisma.candidate.create({
    data: {
      organizationId,
      createdById,
      surname: input.surname ?? 'Haddad',
      givenNames: input.givenNames ?? 'Omar',
      dateOfBirth: fromDateOnly(input.dateOfBirth ?? '1990-01-31'),
      placeOfBirth: input.placeOfBirth ?? 'Amman',
      nationality,
      passportNumber: input.passportNumber ?? `P${String(n).padStart(8, '0')}`,
      passportExpiry: fromDateOnly(addMonths(todayDateOnly(), 36)),
      email: `candidate${n}@example.test`,
      phone: '+962 6 1234567',
      preferredLanguage: input.preferredLanguage ?? 'ar',
      qualificationKind: input.qualificationKind ?? 'VOCATIONAL',
      qualificationTitle: input.qualificationTitle ?? 'Electrician',
      qualificationCountry: nationality,
      qualificationYear: 2012,
      countryOfResidence: nationality,
    },
  })
}

type CaseInput = {
  organizationId: string
  candidateId: string
  createdById: string
  title?: ResidenceTitle
  procedureId?: ProcedureId
  position?: string
  annualSalary?: number
}

/** A case as the organization starts it, then moved on by `actions` recorded by `officerId`, its officer. */
export async function createCase(input: CaseInput, officerId?: string, actions: Action[] = []) {
  const created = await startCase({ id: input.createdById }, input.organizationId, {
    candidateId: input.candidateId,
    route: '',
    procedureId: input.procedureId ?? 'skilled-worker-81a',
    title: input.title ?? '§18b',
    position: input.position ?? 'Pflegefachkraft',
    annualSalary: input.annualSalary ?? 48_000,
    plannedStartOn: undefined,
  })
  if (!created.ok) throw new Error(`createCase: ${created.reason}`)
  if (actions.length > 0) {
    if (!officerId) throw new Error('createCase: actions need an officer')
    await advanceCase(created.id, officerId, actions)
    await prisma.case.update({ where: { id: created.id }, data: { assignedOfficerId: officerId } })
  }
  return created
}

/** Records `actions` one after the other as the officer; throws on the first one the engine refuses. */
export async function advanceCase(caseId: string, officerId: string, actions: Action[]) {
  for (const action of actions) {
    const { version } = await prisma.case.findUniqueOrThrow({
      where: { id: caseId },
      select: { version: true },
    })
    const result = await performCaseAction(caseId, version, action, {
      userId: officerId,
      performer: 'OFFICER',
    })
    if (!result.ok) throw new Error(`advanceCase: ${action.type} refused: ${result.error}`)
  }
}

const allAgreementContents = Object.fromEntries(
  agreementContents.map((key) => [key, true]),
) as AgreementChecklist

/**
 * The officer's actions along a § 18b case, cut where tests and the demo need a case to stand: at the
 * documents step, the request sent to the BA, the BA's approval received, the pre-approval issued. Recognition is noticed on `today`.
 */
export function skilledWorkerPath(today: LocalDate) {
  const toDocuments: Action[] = [
    { type: 'completeStep', step: 'advice' },
    { type: 'acceptDocuments', documents: ['powerOfAttorney'] },
    { type: 'recordAgreement', contents: allAgreementContents, feePaid: true },
  ]
  const toBaRequest: Action[] = [
    ...toDocuments,
    {
      type: 'acceptDocuments',
      documents: [
        'passportCopy',
        'qualificationCertificates',
        'cvGerman',
        'employmentContract',
        'noPriorRecognitionDeclaration',
        'baEmploymentDeclaration',
      ],
    },
    { type: 'recordDocumentsComplete' },
    { type: 'startStep', step: 'recognition' },
    { type: 'recordRecognition', outcome: 'EQUIVALENT', noticeDate: today, body: 'Bezirksregierung Münster' },
    { type: 'startStep', step: 'baApproval' },
  ]
  const toBaApproved: Action[] = [...toBaRequest, { type: 'recordBaApproval', decision: 'GRANTED' }]
  const toPreApproval: Action[] = [...toBaApproved, { type: 'issuePreApproval' }]
  return { toDocuments, toBaRequest, toBaApproved, toPreApproval }
}
