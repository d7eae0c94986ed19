/** Checks of an action's own data (outcome, dates, texts), made once its preconditions hold. */
import { compareDates, isLocalDate, type LocalDate } from './calendar'
import { actionOutcomes, completionActions, documentsForTitle, outcomeOf } from './definition'
import type { EngineError } from './errors'
import {
  agreementContents,
  type CaseAction,
  type CaseState,
  type ProcedureDefinition,
  type StepAction,
  type StepDefinition,
} from './types'

export function checkCasePayload(
  definition: ProcedureDefinition,
  state: CaseState,
  action: CaseAction,
): EngineError | null {
  switch (action.type) {
    case 'acceptDocuments': {
      const required = documentsForTitle(definition, state.title)
      const isRequired = action.documents.every((key) => required.includes(key))
      return action.documents.length > 0 && isRequired ? null : 'workflow:errors.documentNotRequired'
    }
    case 'requestInformation':
    case 'reject':
      return action.reason.trim() ? null : 'workflow:errors.reasonRequired'
    default:
      return null
  }
}

export function checkStepPayload(
  state: CaseState,
  step: StepDefinition,
  action: StepAction,
  today: LocalDate,
): EngineError | null {
  const stepState = state.steps[step.id]
  if (completionActions(step.id).includes(action.type)) {
    const error = outcomeError(step, action)
    if (error) return error
  }
  switch (action.type) {
    case 'recordAgreement':
      // § 81a Abs. 2 AufenthG: the agreement must contain all eight items.
      return agreementContents.every((item) => action.contents[item] === true)
        ? null
        : 'workflow:errors.agreementIncomplete'
    case 'recordRecognition':
      return (
        pastDateError(action.noticeDate, today) ??
        (action.body.trim() ? null : 'workflow:errors.recognitionBodyRequired')
      )
    case 'recordBaInformationRequest':
      // § 36 Abs. 2 BeschV: only a request within the deadline keeps the approval from being deemed granted.
      return (
        pastDateError(action.requestedOn, today, stepState?.startedOn) ??
        (isAfter(action.requestedOn, stepState?.dueOn) ? 'workflow:errors.deadlinePassed' : null)
      )
    case 'deemBaApprovalGranted':
      // Deemed granted from the day after the deadline's last day (domain-reference.md §8).
      return isAfter(today, stepState?.dueOn) ? null : 'workflow:errors.deadlineNotPassed'
    case 'recordAppointment':
      // The appointment itself may lie ahead; it cannot lie before the pre-approval was presented.
      return isLocalDate(action.appointmentOn) && !isAfter(stepState?.startedOn, action.appointmentOn)
        ? null
        : 'workflow:errors.dateInvalid'
    case 'recordEntry':
      return pastDateError(action.enteredOn, today, stepState?.openedOn)
    default:
      return null
  }
}

function outcomeError(step: StepDefinition, action: StepAction): EngineError | null {
  const outcome = outcomeOf(action)
  const allowed = actionOutcomes(action.type, step)
  if (allowed.length === 0) return outcome === undefined ? null : 'workflow:errors.outcomeInvalid'
  return outcome !== undefined && allowed.includes(outcome) ? null : 'workflow:errors.outcomeInvalid'
}

/** A date that happened: a real date, not after today and not before `notBefore`. */
function pastDateError(date: LocalDate, today: LocalDate, notBefore?: LocalDate): EngineError | null {
  if (!isLocalDate(date)) return 'workflow:errors.dateInvalid'
  if (isAfter(date, today)) return 'workflow:errors.dateInFuture'
  return isAfter(notBefore, date) ? 'workflow:errors.dateInvalid' : null
}

/** `a` is a later day than `b`; false when either is unknown. */
function isAfter(a: LocalDate | undefined, b: LocalDate | undefined): boolean {
  return a !== undefined && b !== undefined && compareDates(a, b) > 0
}
