/**
 * Whether an action fits the case as it stands, before its payload or the date is looked at. The engine
 * refuses what fails here, and `nextActions` offers only what passes.
 */
import { hasReachedEnd, isCompleted, isTerminal, missingDocuments } from './case-queries'
import { completionActions, findStep, skipReason } from './definition'
import type { EngineError } from './errors'
import type {
  CaseActionType,
  CaseState,
  ProcedureDefinition,
  StepActionType,
  StepDefinition,
  StepStatus,
} from './types'

export function checkCaseAction(
  definition: ProcedureDefinition,
  state: CaseState,
  type: CaseActionType,
): EngineError | null {
  switch (type) {
    case 'acceptDocuments':
    case 'withdraw':
    case 'reject':
      return null
    case 'recordFeePaid':
      return checkFeePayment(definition, state)
    case 'hold':
    case 'requestInformation':
      return state.status === 'ACTIVE' ? null : 'workflow:errors.caseNotActive'
    case 'resume':
      return state.status === 'ON_HOLD' ? null : 'workflow:errors.caseNotOnHold'
    case 'resumeFromOrg':
      return state.status === 'WAITING_FOR_ORG' ? null : 'workflow:errors.caseNotWaitingForOrg'
    case 'close':
      return isCompleted(definition, state) || hasReachedEnd(definition, state)
        ? null
        : 'workflow:errors.cannotCloseYet'
  }
}

export function checkStepAction(
  definition: ProcedureDefinition,
  state: CaseState,
  type: StepActionType,
  step: StepDefinition,
): EngineError | null {
  if (state.status !== 'ACTIVE' && !isOutsideAct(step, type)) return 'workflow:errors.caseNotActive'
  const status = state.steps[step.id]?.status
  switch (type) {
    case 'startStep':
      if (!step.startedBy) return 'workflow:errors.stepNotStartable'
      return statusError(status, 'OPEN') ?? documentsError(state, step)
    case 'skipStep':
      if (!skipReason(step, state.title)) return 'workflow:errors.stepNotSkippable'
      return statusError(status, 'OPEN')
    case 'recordBaInformationRequest':
      if (step.deadline?.onExpiry !== 'deemedGranted') return 'workflow:errors.noDeemedApproval'
      return (
        statusError(status, 'WAITING') ??
        (state.facts.hasBaRequestedInformation ? 'workflow:errors.baInformationAlreadyRequested' : null)
      )
    default:
      return checkCompletion(state, step, type, status)
  }
}

/** A case of another procedure version, or a finished case, takes no action at all. */
export function checkCase(definition: ProcedureDefinition, state: CaseState): EngineError | null {
  if (state.procedureId !== definition.id || state.procedureVersion !== definition.version) {
    return 'workflow:errors.procedureMismatch'
  }
  return isTerminal(state.status) ? 'workflow:errors.caseFinished' : null
}

/** § 47 Abs. 1 Nr. 15 AufenthV: the fee is charged with the agreement, and paid once. */
function checkFeePayment(definition: ProcedureDefinition, state: CaseState): EngineError | null {
  if (!findStep(definition, 'agreement')) return 'workflow:errors.stepNotInProcedure'
  if (state.steps.agreement?.status !== 'DONE') return 'workflow:errors.guardFailed'
  return state.facts.isFeePaid ? 'workflow:errors.feeAlreadyPaid' : null
}

function checkCompletion(
  state: CaseState,
  step: StepDefinition,
  type: StepActionType,
  status: StepStatus | undefined,
): EngineError | null {
  if (!completionActions(step.id).includes(type)) return 'workflow:errors.wrongAction'
  // A step that is handed over is completed by its actor's answer; its documents were checked at hand-over.
  const error = step.startedBy
    ? statusError(status, 'WAITING')
    : (statusError(status, 'OPEN') ?? documentsError(state, step))
  if (error || type !== 'deemBaApprovalGranted') return error
  if (step.deadline?.onExpiry !== 'deemedGranted') return 'workflow:errors.noDeemedApproval'
  // § 36 Abs. 2 BeschV: a request for information within the week stops the approval from being deemed.
  return state.facts.hasBaRequestedInformation ? 'workflow:errors.baInformationRequested' : null
}

/**
 * Acts of other bodies and of the candidate happen whatever the authority's own status of the case (a
 * deemed approval, for one, takes effect by law), so they are recorded while the case is on hold or waits
 * for the organization. The authority's and the organization's own steps wait.
 */
function isOutsideAct(step: StepDefinition, type: StepActionType): boolean {
  if (type === 'skipStep') return false
  if (type === 'startStep') return step.startedBy === 'EMBASSY'
  return step.actor === 'EXTERNAL' || step.actor === 'EMBASSY' || step.actor === 'CANDIDATE'
}

function statusError(status: StepStatus | undefined, expected: 'OPEN' | 'WAITING'): EngineError | null {
  if (status === expected) return null
  switch (status) {
    case 'DONE':
      return 'workflow:errors.stepAlreadyDone'
    case 'SKIPPED':
      return 'workflow:errors.stepSkipped'
    case 'WAITING':
      return 'workflow:errors.stepAlreadyStarted'
    case 'OPEN':
      return 'workflow:errors.stepNotStarted'
    default:
      return 'workflow:errors.guardFailed'
  }
}

function documentsError(state: CaseState, step: StepDefinition): EngineError | null {
  return missingDocuments(state, step).length > 0 ? 'workflow:errors.documentsMissing' : null
}
