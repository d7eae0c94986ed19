/**
 * The procedure engine (DESIGN.md §6): a pure function from a definition, a case state and an action to the
 * next state and the events it produced, or to the reason the action is refused. No I/O and no clock: the
 * caller passes the day (`today`, at the authority's seat) and the authority's Land for the holidays.
 */
import { compareDates, isLocalDate, type Land, type LocalDate } from './calendar'
import { validUntil } from './deadlines'
import { appliesTo, findStep, isCaseAction, outcomeOf, skipReason, targetStep } from './definition'
import type { EngineError } from './errors'
import { checkCasePayload, checkStepPayload } from './payload-checks'
import { checkCase, checkCaseAction, checkStepAction } from './preconditions'
import {
  completeStep,
  openReadySteps,
  setCaseStatus,
  skipStep,
  startStep,
  withFacts,
  type Draft,
  type TransitionContext,
} from './transitions'
import type {
  Action,
  CaseAction,
  CaseState,
  EngineResult,
  ProcedureDefinition,
  ResidenceTitle,
  StepAction,
  StepDefinition,
  StepState,
} from './types'

export { currentStep, nextActions } from './next-actions'
export { isAtRisk, isOverdue } from './deadlines'

export type EngineContext = { today: LocalDate; land: Land }

/**
 * A new case on `title`: steps the title does not have are skipped, the first step opens. The title must be
 * one of the procedure's titles (callers validate input against `definition.titles`).
 */
export function startCase(
  definition: ProcedureDefinition,
  { title, land, today }: EngineContext & { title: ResidenceTitle },
): CaseState {
  if (!definition.titles.includes(title)) {
    throw new RangeError(`Procedure ${definition.id} does not lead to ${title}`)
  }
  if (!isLocalDate(today)) throw new RangeError(`startCase: not a date: ${JSON.stringify(today)}`)
  const steps = Object.fromEntries(
    definition.steps.map((step): [string, StepState] => [
      step.id,
      { status: appliesTo(step, title) ? 'LOCKED' : 'SKIPPED' },
    ]),
  )
  const state: CaseState = {
    procedureId: definition.id,
    procedureVersion: definition.version,
    title,
    status: 'ACTIVE',
    steps,
    facts: { isFeePaid: false, acceptedDocuments: [], hasBaRequestedInformation: false },
    openedOn: today,
    updatedOn: today,
  }
  return openReadySteps({ state, events: [] }, { definition, today, land }).state
}

export function applyAction(
  definition: ProcedureDefinition,
  state: CaseState,
  action: Action,
  { today, land }: EngineContext,
): EngineResult {
  if (!isLocalDate(today)) return refuse('workflow:errors.dateInvalid')
  if (compareDates(today, state.updatedOn) < 0) return refuse('workflow:errors.dateBeforeLastChange')
  const caseError = checkCase(definition, state)
  if (caseError) return refuse(caseError)
  const context: TransitionContext = { definition, today, land }
  const draft: Draft = { state, events: [] }
  if (isCaseAction(action)) {
    const error =
      checkCaseAction(definition, state, action.type) ?? checkCasePayload(definition, state, action)
    return error ? refuse(error) : accept(performCaseAction(draft, action, context), today)
  }
  const step = findStep(definition, targetStep(action))
  if (!step) return refuse('workflow:errors.stepNotInProcedure')
  const error =
    checkStepAction(definition, state, action.type, step) ?? checkStepPayload(state, step, action, today)
  return error ? refuse(error) : accept(performStepAction(draft, step, action, context), today)
}

function refuse(error: EngineError): EngineResult {
  return { ok: false, error }
}

function accept({ state, events }: Draft, today: LocalDate): EngineResult {
  return { ok: true, state: { ...state, updatedOn: today }, events }
}

function performCaseAction(draft: Draft, action: CaseAction, { today }: TransitionContext): Draft {
  switch (action.type) {
    case 'acceptDocuments': {
      const accepted = draft.state.facts.acceptedDocuments
      const documents = [...new Set(action.documents)].filter((key) => !accepted.includes(key))
      if (documents.length === 0) return draft
      return withFacts(
        draft,
        { acceptedDocuments: [...accepted, ...documents] },
        { type: 'documentsAccepted', on: today, documents },
      )
    }
    case 'recordFeePaid':
      return withFacts(draft, { isFeePaid: true }, { type: 'feePaid', on: today })
    case 'requestInformation':
      return setCaseStatus(draft, 'WAITING_FOR_ORG', today, action.reason.trim())
    case 'hold':
      return setCaseStatus(draft, 'ON_HOLD', today, action.reason?.trim())
    case 'resumeFromOrg':
    case 'resume':
      return setCaseStatus(draft, 'ACTIVE', today)
    case 'withdraw':
      return setCaseStatus(draft, 'WITHDRAWN', today)
    case 'reject':
      return setCaseStatus(draft, 'REJECTED', today, action.reason.trim())
    case 'close':
      return setCaseStatus(draft, 'CLOSED', today)
  }
}

function performStepAction(
  draft: Draft,
  step: StepDefinition,
  action: StepAction,
  context: TransitionContext,
): Draft {
  const { today } = context
  switch (action.type) {
    case 'startStep':
      return startStep(draft, step, context)
    case 'skipStep': {
      const because = skipReason(step, draft.state.title)
      return because ? skipStep(draft, step, because, context) : draft
    }
    case 'recordBaInformationRequest':
      return withFacts(
        draft,
        { hasBaRequestedInformation: true },
        { type: 'baInformationRequested', on: today, requestedOn: action.requestedOn },
      )
    case 'recordAgreement': {
      const recorded = withFacts(
        draft,
        { agreementChecklist: action.contents, isFeePaid: action.feePaid },
        { type: 'agreementRecorded', on: today, isFeePaid: action.feePaid },
      )
      return completeStep(recorded, step, context)
    }
    case 'issuePreApproval': {
      const until = validUntil(step, today)
      const issued = withFacts(draft, until ? { preApprovalValidUntil: until } : {}, {
        type: 'preApprovalIssued',
        on: today,
        ...(until && { validUntil: until }),
      })
      return completeStep(issued, step, context)
    }
    case 'recordRecognition':
      return completeStep(draft, step, context, action.outcome, {
        noticeDate: action.noticeDate,
        body: action.body.trim(),
      })
    case 'recordAppointment':
      return completeStep(draft, step, context, undefined, { appointmentOn: action.appointmentOn })
    case 'recordEntry':
      return completeStep(draft, step, context, undefined, { enteredOn: action.enteredOn })
    case 'completeStep':
      return completeStep(draft, step, context, action.outcome, action.payload)
    case 'recordDocumentsComplete':
    case 'recordBaApproval':
    case 'deemBaApprovalGranted':
    case 'recordVisaDecision':
      return completeStep(draft, step, context, outcomeOf(action))
  }
}
