/**
 * Cases: a procedure run for one candidate. Every change goes through the pure engine (app/workflow) and is
 * stored in one transaction with its case event; the `version` column makes concurrent changes fail
 * instead of overwriting each other (DESIGN.md §5–§6).
 */
import type { Prisma } from '~/generated/prisma/client'
import type { CaseListQuery, StartCaseInput } from '~/schemas/case'
import { CASES_PER_PAGE } from '~/schemas/case'
import { currentInstant } from '~/utils/clock.server'
import { fromDateOnly, toDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import { authorityLand } from '~/utils/env.server'
import { toLocalDate, type LocalDate } from '~/workflow/calendar'
import { applyAction, currentStep, nextActions, startCase as startEngineCase } from '~/workflow/engine'
import type { EngineError } from '~/workflow/errors'
import { procedures } from '~/workflow/procedures'
import type {
  Action,
  AllowedAction,
  CaseState,
  EngineEvent,
  Performer,
  ProcedureDefinition,
  ProcedureId,
  ResidenceTitle,
  StepId,
} from '~/workflow/types'
import { targetStep, isCaseAction } from '~/workflow/definition'

/** The day at the authority's seat: deadlines are counted in Berlin time, whatever the server's zone. */
export function todayAtAuthority(): LocalDate {
  return toLocalDate(currentInstant())
}

export type CaseError = EngineError | 'workflow:errors.conflict' | 'workflow:errors.notAllowed'
export type CaseResult = { ok: true; version: number } | { ok: false; error: CaseError }

/** Who records a change: a signed-in user acting as organization or officer, or the scheduled job. */
export type CaseActor = { userId: string | null; performer: Performer }

class VersionConflict extends Error {}

function definitionOf(procedureId: string): ProcedureDefinition {
  const definition = procedures[procedureId as ProcedureId]
  if (!definition) throw new Error(`Unknown procedure ${procedureId}`)
  return definition
}

function dateColumn(date: LocalDate | undefined) {
  return date ? fromDateOnly(date) : null
}

/** The columns queues and the scheduled job read, kept in step with the engine state they come from. */
function derivedColumns(definition: ProcedureDefinition, state: CaseState) {
  const current = currentStep(definition, state)
  const pendingDueDates = Object.values(state.steps)
    .filter((step) => (step.status === 'OPEN' || step.status === 'WAITING') && step.dueOn)
    .map((step) => step.dueOn!)
    .sort()
  const deemable = nextActions(definition, state).find((action) => action.type === 'deemBaApprovalGranted')
  return {
    // a partially equivalent recognition moves the case to § 16d (§ 81a Abs. 3 Satz 2 AufenthG)
    title: state.title,
    status: state.status,
    currentStep: current?.step.id ?? null,
    currentActor: current?.actor ?? null,
    nextDueOn: dateColumn(pendingDueDates[0]),
    deemedApprovalFrom: dateColumn(deemable?.notBefore),
  }
}

/** ABH-2026-000123: numbered per calendar year, without gaps from concurrent starts (row lock on the counter). */
async function nextFileNumber(tx: Prisma.TransactionClient, year: number) {
  const [counter] = await tx.$queryRaw<[{ last: number }]>`
    INSERT INTO "FileNumberCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "FileNumberCounter"."last" + 1
    RETURNING "last"`
  return `ABH-${year}-${String(counter.last).padStart(6, '0')}`
}

export type StartCaseResult =
  | { ok: true; id: string; fileNumber: string }
  | { ok: false; reason: 'candidateUnknown' | 'organizationNotVerified' }

/** Only a verified organization starts cases: the authority has checked who it is (issue 2). */
export async function startCase(
  user: { id: string },
  organizationId: string,
  input: StartCaseInput & { procedureId: ProcedureId; title: ResidenceTitle },
): Promise<StartCaseResult> {
  const organization = await prisma.organization.findUnique({
    where: { id: organizationId },
    select: { status: true },
  })
  if (organization?.status !== 'VERIFIED') return { ok: false, reason: 'organizationNotVerified' }
  const candidate = await prisma.candidate.findFirst({
    where: { id: input.candidateId, organizationId },
    select: { id: true },
  })
  if (!candidate) return { ok: false, reason: 'candidateUnknown' }
  const definition = definitionOf(input.procedureId)
  const today = todayAtAuthority()
  const state = startEngineCase(definition, { title: input.title, land: authorityLand(), today })
  return prisma.$transaction(async (tx) => {
    const fileNumber = await nextFileNumber(tx, Number(today.slice(0, 4)))
    const created = await tx.case.create({
      data: {
        fileNumber,
        organizationId,
        candidateId: candidate.id,
        procedureId: definition.id,
        position: input.position,
        annualSalary: input.annualSalary ?? null,
        plannedStartOn: dateColumn(input.plannedStartOn),
        state: state as unknown as Prisma.InputJsonValue,
        createdById: user.id,
        ...derivedColumns(definition, state),
        events: {
          create: {
            type: 'caseStarted',
            actorId: user.id,
            performer: 'ORG',
            payload: { procedureId: definition.id, title: input.title },
          },
        },
      },
      select: { id: true, fileNumber: true },
    })
    return { ok: true, ...created } as const
  })
}

/**
 * Applies one engine action for `actor`, if the case still is at `expectedVersion` and the action is one
 * the case allows this performer now. The new state, its derived columns and the case event are written
 * together; a concurrent change makes the update miss its version and the whole transaction roll back.
 */
export async function performCaseAction(
  caseId: string,
  expectedVersion: number,
  action: Action,
  actor: CaseActor,
  today = todayAtAuthority(),
): Promise<CaseResult> {
  const stored = await prisma.case.findUnique({
    where: { id: caseId },
    select: { procedureId: true, state: true, version: true },
  })
  if (!stored) return { ok: false, error: 'workflow:errors.notAllowed' }
  if (stored.version !== expectedVersion) return { ok: false, error: 'workflow:errors.conflict' }
  const definition = definitionOf(stored.procedureId)
  const state = stored.state as unknown as CaseState
  if (!isAllowedFor(nextActions(definition, state), action, actor.performer)) {
    const refusal = applyAction(definition, state, action, { today, land: authorityLand() })
    return { ok: false, error: refusal.ok ? 'workflow:errors.notAllowed' : refusal.error }
  }
  const result = applyAction(definition, state, action, { today, land: authorityLand() })
  if (!result.ok) return result
  try {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.case.updateMany({
        where: { id: caseId, version: expectedVersion },
        data: {
          state: result.state as unknown as Prisma.InputJsonValue,
          ...derivedColumns(definition, result.state),
          version: { increment: 1 },
        },
      })
      if (count !== 1) throw new VersionConflict()
      await tx.caseEvent.create({
        data: {
          caseId,
          type: action.type,
          step: isCaseAction(action) ? null : targetStep(action),
          actorId: actor.userId,
          performer: actor.performer,
          payload: { action, events: result.events } as unknown as Prisma.InputJsonValue,
        },
      })
    })
  } catch (error) {
    if (error instanceof VersionConflict) return { ok: false, error: 'workflow:errors.conflict' }
    throw error
  }
  return { ok: true, version: expectedVersion + 1 }
}

function isAllowedFor(allowed: AllowedAction[], action: Action, performer: Performer) {
  const step = isCaseAction(action) ? undefined : targetStep(action)
  return allowed.some(
    (option) => option.type === action.type && option.step === step && option.performers.includes(performer),
  )
}

/** An officer takes the case over (or a lead officer hands it on); recorded like every other change. */
export async function assignCase(
  caseId: string,
  expectedVersion: number,
  officerId: string,
  actor: { userId: string },
): Promise<CaseResult> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.case.updateMany({
      where: { id: caseId, version: expectedVersion },
      data: { assignedOfficerId: officerId, version: { increment: 1 } },
    })
    if (count !== 1) return { ok: false, error: 'workflow:errors.conflict' } as const
    await tx.caseEvent.create({
      data: {
        caseId,
        type: 'caseAssigned',
        actorId: actor.userId,
        performer: 'OFFICER',
        payload: { officerId },
      },
    })
    return { ok: true, version: expectedVersion + 1 } as const
  })
}

/**
 * The scheduled job's rule (§ 36 Abs. 2 BeschV): a BA approval the agency neither decided nor questioned
 * within its week is deemed granted. Each case is claimed through its version, so with several servers
 * running the same job exactly one records the event; the others see a conflict and move on.
 */
export async function deemDueBaApprovals(today = todayAtAuthority()): Promise<number> {
  const due = await prisma.case.findMany({
    where: {
      deemedApprovalFrom: { lte: fromDateOnly(today) },
      status: { in: ['ACTIVE', 'ON_HOLD', 'WAITING_FOR_ORG'] },
    },
    select: { id: true, version: true },
    orderBy: { deemedApprovalFrom: 'asc' },
    take: 500,
  })
  let deemed = 0
  for (const kase of due) {
    const result = await performCaseAction(
      kase.id,
      kase.version,
      { type: 'deemBaApprovalGranted' },
      { userId: null, performer: 'SYSTEM' },
      today,
    )
    if (result.ok) deemed += 1
  }
  return deemed
}

const caseListSelect = {
  id: true,
  fileNumber: true,
  procedureId: true,
  title: true,
  status: true,
  currentStep: true,
  currentActor: true,
  nextDueOn: true,
  updatedAt: true,
  candidate: { select: { surname: true, givenNames: true, nationality: true } },
  organization: { select: { legalName: true } },
  assignedOfficer: { select: { name: true } },
} satisfies Prisma.CaseSelect

const finishedStatuses = ['WITHDRAWN', 'REJECTED', 'CLOSED'] as const

function listWhere({ q, status }: CaseListQuery): Prisma.CaseWhereInput {
  const words = q.split(/\s+/).filter(Boolean)
  return {
    ...(status === 'open' && { status: { notIn: [...finishedStatuses] } }),
    ...(status === 'finished' && { status: { in: [...finishedStatuses] } }),
    AND: words.map((word) => ({
      OR: [
        { fileNumber: { contains: word, mode: 'insensitive' } },
        { candidate: { surname: { contains: word, mode: 'insensitive' } } },
        { candidate: { givenNames: { contains: word, mode: 'insensitive' } } },
      ],
    })),
  }
}

async function listCases(where: Prisma.CaseWhereInput, page: number) {
  const [total, cases] = await Promise.all([
    prisma.case.count({ where }),
    prisma.case.findMany({
      where,
      orderBy: [{ nextDueOn: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }, { id: 'asc' }],
      skip: (page - 1) * CASES_PER_PAGE,
      take: CASES_PER_PAGE,
      select: caseListSelect,
    }),
  ])
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / CASES_PER_PAGE)),
    cases: cases.map((kase) => ({ ...kase, nextDueOn: kase.nextDueOn ? toDateOnly(kase.nextDueOn) : null })),
  }
}

export function listOrganizationCases(organizationId: string, query: CaseListQuery) {
  return listCases({ organizationId, ...listWhere(query) }, query.page)
}

export function listAuthorityCases(query: CaseListQuery & { assignedTo?: string | null }) {
  const assigned = query.assignedTo === undefined ? {} : { assignedOfficerId: query.assignedTo }
  return listCases({ ...assigned, ...listWhere(query) }, query.page)
}

/** The officer's start page: open cases of theirs, open cases nobody has taken, and open overdue ones. */
export async function countOfficerCases(officerId: string) {
  const open = { status: { notIn: [...finishedStatuses] } }
  const [mine, unassigned, overdue] = await Promise.all([
    prisma.case.count({ where: { ...open, assignedOfficerId: officerId } }),
    prisma.case.count({ where: { ...open, assignedOfficerId: null } }),
    prisma.case.count({ where: { ...open, nextDueOn: { lt: fromDateOnly(todayAtAuthority()) } } }),
  ])
  return { mine, unassigned, overdue }
}

export type CaseListItem = Awaited<ReturnType<typeof listCases>>['cases'][number]

const caseDetailSelect = {
  id: true,
  fileNumber: true,
  organizationId: true,
  procedureId: true,
  title: true,
  position: true,
  annualSalary: true,
  plannedStartOn: true,
  status: true,
  state: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  candidate: {
    select: { id: true, surname: true, givenNames: true, nationality: true, dateOfBirth: true },
  },
  organization: { select: { legalName: true } },
  assignedOfficer: { select: { id: true, name: true } },
  events: {
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      at: true,
      type: true,
      step: true,
      performer: true,
      payload: true,
      actor: { select: { name: true } },
    },
  },
} satisfies Prisma.CaseSelect

export type CaseEventView = {
  id: string
  at: Date
  type: string
  step: StepId | null
  performer: Performer
  actorName: string | null
  /** For caseStarted: the route; for caseAssigned: the officer's id. */
  details: Record<string, string>
  events: EngineEvent[]
}

/** One case with its state, what may happen next, and its history, for the tracker. */
async function getCase(where: Prisma.CaseWhereInput) {
  const kase = await prisma.case.findFirst({ where, select: caseDetailSelect })
  if (!kase) return null
  const definition = definitionOf(kase.procedureId)
  const state = kase.state as unknown as CaseState
  const officerNames = await assignedOfficerNames(kase.events)
  return {
    ...kase,
    state,
    plannedStartOn: kase.plannedStartOn ? toDateOnly(kase.plannedStartOn) : null,
    candidate: { ...kase.candidate, dateOfBirth: toDateOnly(kase.candidate.dateOfBirth) },
    allowedActions: nextActions(definition, state),
    events: kase.events.map((event): CaseEventView => {
      const payload = (event.payload ?? {}) as { events?: EngineEvent[]; officerId?: string } & Record<
        string,
        unknown
      >
      return {
        id: event.id,
        at: event.at,
        type: event.type,
        step: event.step as StepId | null,
        performer: event.performer as Performer,
        actorName: event.actor?.name ?? null,
        details: {
          ...(typeof payload.procedureId === 'string' && { procedureId: payload.procedureId }),
          ...(typeof payload.title === 'string' && { title: payload.title }),
          ...(payload.officerId && { officer: officerNames.get(payload.officerId) ?? '' }),
        },
        events: payload.events ?? [],
      }
    }),
  }
}

async function assignedOfficerNames(events: { type: string; payload: Prisma.JsonValue }[]) {
  const ids = events
    .filter((event) => event.type === 'caseAssigned')
    .map((event) => (event.payload as { officerId?: string }).officerId)
    .filter((id): id is string => typeof id === 'string')
  if (ids.length === 0) return new Map<string, string>()
  const officers = await prisma.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true },
  })
  return new Map(officers.map((officer) => [officer.id, officer.name]))
}

export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCase>>>

export function getOrganizationCase(organizationId: string, caseId: string) {
  return getCase({ id: caseId, organizationId })
}

export function getAuthorityCase(caseId: string) {
  return getCase({ id: caseId })
}

/** The organization's candidates for the start form, newest first. */
export function listCandidatesForCase(organizationId: string) {
  return prisma.candidate.findMany({
    where: { organizationId },
    orderBy: [{ surname: 'asc' }, { givenNames: 'asc' }],
    select: { id: true, surname: true, givenNames: true, dateOfBirth: true },
    take: 2000,
  })
}

/** The candidate's cases, for the candidate page. */
export function listCandidateCases(organizationId: string, candidateId: string) {
  return prisma.case.findMany({
    where: { organizationId, candidateId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, fileNumber: true, procedureId: true, title: true, status: true, currentStep: true },
  })
}
