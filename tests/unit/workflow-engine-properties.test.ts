import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { addDays, compareDates, type LocalDate } from '~/workflow/calendar'
import { isCaseAction, requiredDocumentsFor, targetStep } from '~/workflow/definition'
import { applyAction, nextActions, startCase } from '~/workflow/engine'
import { procedures } from '~/workflow/procedures'
import {
  agreementContents,
  documentKeys,
  stepIds,
  type Action,
  type AgreementChecklist,
  type AllowedAction,
  type CaseState,
  type OutcomeId,
  type ProcedureDefinition,
  type RecognitionOutcome,
  type ResidenceTitle,
  type StepId,
  type StepState,
} from '~/workflow/types'

const land = 'NW'
const firstDay = '2026-01-05'
const terminal = ['WITHDRAWN', 'REJECTED', 'CLOSED']
const endOutcomes: readonly OutcomeId[] = ['NOT_EQUIVALENT', 'NOT_COMPARABLE', 'REFUSED']
const outcomes: OutcomeId[] = [
  'EQUIVALENT',
  'PARTIALLY_EQUIVALENT',
  'NOT_EQUIVALENT',
  'COMPARABLE',
  'NOT_COMPARABLE',
  'GRANTED',
  'DEEMED_GRANTED',
  'REFUSED',
]
const allContents = Object.fromEntries(agreementContents.map((item) => [item, true])) as AgreementChecklist

function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(frozen)
    Object.freeze(value)
  }
  return value
}

/** Puts `date` into every date field of a randomly drawn action. */
function dated(action: Action, date: LocalDate): Action {
  switch (action.type) {
    case 'recordRecognition':
      return { ...action, noticeDate: date }
    case 'recordBaInformationRequest':
      return { ...action, requestedOn: date }
    case 'recordAppointment':
      return { ...action, appointmentOn: date }
    case 'recordEntry':
      return { ...action, enteredOn: date }
    default:
      return action
  }
}

const anyStep = fc.constantFrom(...stepIds)
const anyOutcome = fc.constantFrom(...outcomes)
const anyDecision = fc.constantFrom('GRANTED' as const, 'REFUSED' as const)
const anyText = fc.constantFrom('', '  ', 'missing evidence')
const placeholder = '2000-01-01'

/** Any action at all, legal or not; its dates are set relative to the day it is tried. */
const anyAction: fc.Arbitrary<Action> = fc.oneof(
  fc
    .record({ step: anyStep, outcome: fc.option(anyOutcome, { nil: undefined }) })
    .map(({ step, outcome }): Action => ({ type: 'completeStep', step, ...(outcome && { outcome }) })),
  anyStep.map((step): Action => ({ type: 'startStep', step })),
  anyStep.map((step): Action => ({ type: 'skipStep', step })),
  fc
    .record({
      missing: fc.option(fc.constantFrom(...agreementContents), { nil: undefined }),
      feePaid: fc.boolean(),
    })
    .map(({ missing, feePaid }): Action => ({
      type: 'recordAgreement',
      contents: missing ? { ...allContents, [missing]: false } : allContents,
      feePaid,
    })),
  fc.subarray([...documentKeys]).map((documents): Action => ({ type: 'acceptDocuments', documents })),
  fc
    .record({
      outcome: fc.constantFrom<RecognitionOutcome>('EQUIVALENT', 'PARTIALLY_EQUIVALENT', 'NOT_EQUIVALENT'),
      body: anyText,
    })
    .map(({ outcome, body }): Action => ({
      type: 'recordRecognition',
      outcome,
      noticeDate: placeholder,
      body,
    })),
  anyDecision.map((decision): Action => ({ type: 'recordBaApproval', decision })),
  anyDecision.map((decision): Action => ({ type: 'recordVisaDecision', decision })),
  fc.constant<Action>({ type: 'recordBaInformationRequest', requestedOn: placeholder }),
  fc.constant<Action>({ type: 'recordAppointment', appointmentOn: placeholder }),
  fc.constant<Action>({ type: 'recordEntry', enteredOn: placeholder }),
  anyText.map((reason): Action => ({ type: 'requestInformation', reason })),
  anyText.map((reason): Action => ({ type: 'reject', reason })),
  fc.constantFrom<Action>(
    { type: 'recordFeePaid' },
    { type: 'recordDocumentsComplete' },
    { type: 'deemBaApprovalGranted' },
    { type: 'issuePreApproval' },
    { type: 'resumeFromOrg' },
    { type: 'hold' },
    { type: 'resume' },
    { type: 'withdraw' },
    { type: 'close' },
  ),
)

/** A valid action for something `nextActions` offers, and the first day it is accepted on. */
function instantiate(
  allowed: AllowedAction,
  state: CaseState,
  today: LocalDate,
  variant: number,
): { action: Action; day: LocalDate } {
  const pick = <T>(options: readonly T[]) => options[variant % options.length]!
  const day = allowed.notBefore && compareDates(allowed.notBefore, today) > 0 ? allowed.notBefore : today
  const step = allowed.step!
  const outcome = allowed.outcomes ? pick(allowed.outcomes) : undefined
  const decision = outcome === 'REFUSED' ? 'REFUSED' : 'GRANTED'
  const actions: Record<AllowedAction['type'], () => Action> = {
    completeStep: () => ({ type: 'completeStep', step, ...(outcome && { outcome }) }),
    startStep: () => ({ type: 'startStep', step }),
    skipStep: () => ({ type: 'skipStep', step }),
    recordAgreement: () => ({ type: 'recordAgreement', contents: allContents, feePaid: variant % 2 === 0 }),
    acceptDocuments: () => ({ type: 'acceptDocuments', documents: allowed.documents ?? [] }),
    recordRecognition: () => ({
      type: 'recordRecognition',
      outcome: outcome as RecognitionOutcome,
      noticeDate: day,
      body: 'recognition body',
    }),
    recordBaApproval: () => ({ type: 'recordBaApproval', decision }),
    recordVisaDecision: () => ({ type: 'recordVisaDecision', decision }),
    recordBaInformationRequest: () => ({
      type: 'recordBaInformationRequest',
      requestedOn: state.steps[step]?.startedOn ?? day,
    }),
    recordAppointment: () => ({ type: 'recordAppointment', appointmentOn: addDays(day, 10) }),
    recordEntry: () => ({ type: 'recordEntry', enteredOn: day }),
    requestInformation: () => ({ type: 'requestInformation', reason: 'missing evidence' }),
    reject: () => ({ type: 'reject', reason: 'not eligible' }),
    hold: () => ({ type: 'hold', ...(variant % 2 === 0 && { reason: 'review' }) }),
    recordFeePaid: () => ({ type: 'recordFeePaid' }),
    recordDocumentsComplete: () => ({ type: 'recordDocumentsComplete' }),
    deemBaApprovalGranted: () => ({ type: 'deemBaApprovalGranted' }),
    issuePreApproval: () => ({ type: 'issuePreApproval' }),
    resumeFromOrg: () => ({ type: 'resumeFromOrg' }),
    resume: () => ({ type: 'resume' }),
    withdraw: () => ({ type: 'withdraw' }),
    close: () => ({ type: 'close' }),
  }
  return { action: actions[allowed.type](), day }
}

const endingActions: readonly AllowedAction['type'][] = [
  'withdraw',
  'reject',
  'close',
  'hold',
  'requestInformation',
]

/** Mostly actions that move the case on, now and then one that stops it, so runs get deep into a procedure. */
function guidedChoice(offered: AllowedAction[], pick: number, variant: number): AllowedAction | undefined {
  const onwards = offered.filter((allowed) => !endingActions.includes(allowed.type))
  const pool = variant % 12 === 0 || onwards.length === 0 ? offered : onwards
  return pool[pick % Math.max(pool.length, 1)]
}

type Move = {
  daysLater: number
  guided: boolean
  pick: number
  variant: number
  offset: number
  random: Action
}

const anyMove: fc.Arbitrary<Move> = fc.record({
  daysLater: fc.integer({ min: 0, max: 9 }),
  guided: fc.integer({ min: 1, max: 10 }).map((draw) => draw <= 8),
  pick: fc.nat(),
  variant: fc.nat(),
  offset: fc.integer({ min: -15, max: 3 }),
  random: anyAction,
})

// The accelerated procedure has the most branches, so it gets half of the runs.
const anyDefinition = fc.oneof(
  { arbitrary: fc.constant(procedures['skilled-worker-81a']), weight: 3 },
  fc.constantFrom(procedures['study-16b'], procedures['research-18d'], procedures['training-16a']),
)

const anyRun = anyDefinition.chain((definition) =>
  fc.record({
    definition: fc.constant(definition),
    title: fc.constantFrom(...definition.titles),
    moves: fc.array(anyMove, { maxLength: 80, size: 'max' }),
  }),
)

function statusOf(state: CaseState, id: StepId): StepState | undefined {
  return state.steps[id]
}

function isOn(step: StepState | undefined, accepted: readonly OutcomeId[]) {
  return step?.status === 'DONE' && step.outcome !== undefined && accepted.includes(step.outcome)
}

/** The rules DESIGN.md §6 states, written out here again rather than read from the definitions. */
function expectLegalState(
  definition: ProcedureDefinition,
  previous: CaseState,
  next: CaseState,
  start: ResidenceTitle,
) {
  expect(definition.titles).toContain(next.title)
  const pending = definition.steps.filter((step) =>
    ['OPEN', 'WAITING'].includes(statusOf(next, step.id)!.status),
  )
  expect(pending.length).toBeLessThanOrEqual(1)

  for (const step of definition.steps) {
    const before = statusOf(previous, step.id)!
    const after = statusOf(next, step.id)!
    // Deadlines never move backwards, and done steps stay done.
    if (before.dueOn) expect(after.dueOn).toBe(before.dueOn)
    if (before.status === 'DONE') expect(after).toEqual(before)
    expect(after.completedOn !== undefined).toBe(after.status === 'DONE')
    const dates = [after.openedOn, after.startedOn, after.completedOn].filter((date) => date !== undefined)
    expect([...dates].sort()).toEqual(dates)

    // No step is done before its guards: every guard step was done earlier with a fitting outcome, or skipped.
    if (after.status === 'DONE') {
      for (const guard of step.guards) {
        const required = statusOf(next, guard.step)!
        if (required.status === 'SKIPPED') continue
        expect(required.status, `${step.id} before ${guard.step}`).toBe('DONE')
        expect(compareDates(required.completedOn!, after.completedOn!)).toBeLessThanOrEqual(0)
        if (guard.outcomes) expect(guard.outcomes).toContain(required.outcome)
      }
    }
    // Documents are accepted before a step is handed over, or completed if it is not handed over.
    const isNewlyWaiting = after.status === 'WAITING' && before.status !== 'WAITING'
    const isNewlyDone = after.status === 'DONE' && before.status !== 'DONE' && !step.startedBy
    if (isNewlyWaiting || isNewlyDone) {
      for (const key of requiredDocumentsFor(step, previous.title))
        expect(next.facts.acceptedDocuments).toContain(key)
    }
  }

  // § 36 Abs. 2 BeschV: deemed only after the deadline's last day, and never after a request for information.
  const ba = statusOf(next, 'baApproval')
  if (ba?.outcome === 'DEEMED_GRANTED') {
    expect(compareDates(ba.completedOn!, ba.dueOn!)).toBeGreaterThan(0)
    expect(next.facts.hasBaRequestedInformation).toBe(false)
  }

  // § 81a Abs. 3 Nr. 6 AufenthG: no pre-approval without recognition (where the title needs it) and the BA.
  if (definition.id === 'skilled-worker-81a' && statusOf(next, 'preApproval')?.status === 'DONE') {
    const recognition = statusOf(next, 'recognition')
    const comparability = statusOf(next, 'degreeComparability')
    const isRecognised =
      isOn(recognition, ['EQUIVALENT', 'PARTIALLY_EQUIVALENT']) ||
      (recognition?.status === 'SKIPPED' && !['§18a', '§18b'].includes(start))
    const isComparable =
      isOn(comparability, ['COMPARABLE']) || (comparability?.status === 'SKIPPED' && start !== '§18g')
    const hasBaApproval =
      isOn(ba, ['GRANTED', 'DEEMED_GRANTED']) ||
      (ba?.status === 'SKIPPED' && ['§18g', '§16d'].includes(next.title))
    expect({ isRecognised, isComparable, hasBaApproval }).toEqual({
      isRecognised: true,
      isComparable: true,
      hasBaApproval: true,
    })
  }
  if (statusOf(next, 'visaDecision')?.status === 'DONE' && definition.id === 'skilled-worker-81a') {
    expect(statusOf(next, 'preApproval')?.status).toBe('DONE')
  }
  if (statusOf(next, 'visaDecision')?.status === 'DONE' && definition.id === 'training-16a') {
    expect(isOn(ba, ['GRANTED', 'DEEMED_GRANTED'])).toBe(true)
  }

  // A case is closed only when its procedure ran its course or ended with a negative outcome.
  if (next.status === 'CLOSED' && previous.status !== 'CLOSED') {
    const steps = Object.values(next.steps)
    const isFinished = steps.every((step) => step?.status === 'DONE' || step?.status === 'SKIPPED')
    const hasEnded = steps.some((step) => step?.outcome !== undefined && endOutcomes.includes(step.outcome))
    expect(isFinished || hasEnded).toBe(true)
  }
}

const reached = { preApproval: 0, visa: 0, partial: 0, deemed: 0, finished: 0 }

function walk({
  definition,
  title,
  moves,
}: {
  definition: ProcedureDefinition
  title: ResidenceTitle
  moves: Move[]
}) {
  let state = frozen(startCase(definition, { title, land, today: firstDay }))
  let today: LocalDate = firstDay
  for (const move of moves) {
    today = addDays(today, move.daysLater)
    const offered = nextActions(definition, state)
    const choice = move.guided ? guidedChoice(offered, move.pick, move.variant) : undefined
    const { action, day } = choice
      ? instantiate(choice, state, today, move.variant)
      : { action: dated(move.random, addDays(today, move.offset)), day: today }
    const result = applyAction(definition, state, action, { today: day, land })

    if (terminal.includes(state.status))
      expect(result).toEqual({ ok: false, error: 'workflow:errors.caseFinished' })
    // What `nextActions` offers is accepted with a valid payload on the day it names.
    if (choice) expect(result.ok, `${action.type} refused: ${result.ok ? '' : result.error}`).toBe(true)
    if (!result.ok) continue
    // What the engine accepts was offered (accepting documents again is harmless and not offered).
    if (action.type !== 'acceptDocuments') {
      const expected = isCaseAction(action)
        ? { type: action.type }
        : { type: action.type, step: targetStep(action) }
      expect(offered).toContainEqual(expect.objectContaining(expected))
    }
    expect(result.state.updatedOn).toBe(day)
    expectLegalState(definition, state, result.state, title)
    state = frozen(result.state)
    today = day
  }
  if (statusOf(state, 'preApproval')?.status === 'DONE') reached.preApproval += 1
  if (statusOf(state, 'visaDecision')?.status === 'DONE') reached.visa += 1
  if (state.title !== title) reached.partial += 1
  if (statusOf(state, 'baApproval')?.outcome === 'DEEMED_GRANTED') reached.deemed += 1
  if (Object.values(state.steps).every((step) => step?.status === 'DONE' || step?.status === 'SKIPPED')) {
    reached.finished += 1
  }
}

describe('random action sequences (fast-check)', () => {
  it('never reach an invalid state, and the engine accepts exactly what it offers', () => {
    fc.assert(fc.property(anyRun, walk), { numRuns: 400 })
    // The walks must get deep into the procedures, or the invariants above would hold trivially.
    expect(reached.preApproval).toBeGreaterThan(20)
    expect(reached.visa).toBeGreaterThan(20)
    expect(reached.partial).toBeGreaterThan(0)
    expect(reached.deemed).toBeGreaterThan(0)
    expect(reached.finished).toBeGreaterThan(0)
  }, 30_000) // some 16,000 actions: generous for a loaded CI machine
})
