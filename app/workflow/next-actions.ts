/** What the UI needs to show next: the step at hand and the actions the case allows now, and for whom. */
import { addDays } from './calendar'
import { outstandingDocuments } from './case-queries'
import { actionOutcomes, completionActions, skipReason } from './definition'
import { checkCase, checkCaseAction, checkStepAction } from './preconditions'
import {
  caseActionTypes,
  type Actor,
  type AllowedAction,
  type CaseActionType,
  type CaseState,
  type Performer,
  type ProcedureDefinition,
  type StepActionType,
  type StepDefinition,
  type StepState,
} from './types'

const casePerformers: Record<CaseActionType, readonly Performer[]> = {
  acceptDocuments: ['OFFICER'],
  recordFeePaid: ['OFFICER'],
  requestInformation: ['OFFICER'],
  resumeFromOrg: ['ORG', 'OFFICER'],
  hold: ['OFFICER'],
  resume: ['OFFICER'],
  withdraw: ['ORG', 'OFFICER'],
  reject: ['OFFICER'],
  close: ['OFFICER'],
}

export type CurrentStep = { step: StepDefinition; state: StepState; actor: Actor }

/**
 * The first open or waiting step, and who must act on it: whoever hands it over while it is open, its actor
 * once it waits. Undefined when nothing is pending.
 */
export function currentStep(definition: ProcedureDefinition, state: CaseState): CurrentStep | undefined {
  for (const step of definition.steps) {
    const stepState = state.steps[step.id]
    if (stepState?.status === 'OPEN') return { step, state: stepState, actor: step.startedBy ?? step.actor }
    if (stepState?.status === 'WAITING') return { step, state: stepState, actor: step.actor }
  }
  return undefined
}

/** Every action whose preconditions hold now; payload and date checks are left to `applyAction`. */
export function nextActions(definition: ProcedureDefinition, state: CaseState): AllowedAction[] {
  if (checkCase(definition, state)) return []
  const stepActions = definition.steps.flatMap((step) =>
    candidateTypes(step)
      .filter((type) => checkStepAction(definition, state, type, step) === null)
      .map((type) => describeStepAction(state, step, type)),
  )
  const caseActions = caseActionTypes
    .filter((type) => checkCaseAction(definition, state, type) === null)
    .flatMap((type): AllowedAction[] => {
      if (type !== 'acceptDocuments') return [{ type, performers: casePerformers[type] }]
      const documents = outstandingDocuments(definition, state)
      return documents.length > 0 ? [{ type, performers: casePerformers[type], documents }] : []
    })
  return [...stepActions, ...caseActions]
}

function candidateTypes(step: StepDefinition): StepActionType[] {
  return [
    ...(step.startedBy ? (['startStep'] as const) : []),
    'skipStep',
    ...completionActions(step.id),
    ...(step.deadline?.onExpiry === 'deemedGranted' ? (['recordBaInformationRequest'] as const) : []),
  ]
}

function describeStepAction(state: CaseState, step: StepDefinition, type: StepActionType): AllowedAction {
  const base = { type, step: step.id }
  switch (type) {
    case 'startStep':
      return { ...base, performers: step.startedBy ? [step.startedBy] : [] }
    case 'skipStep':
      // An optional step is the organization's choice too; a legal exemption is confirmed by the officer.
      return {
        ...base,
        performers: skipReason(step, state.title) === 'optional' ? ['ORG', 'OFFICER'] : ['OFFICER'],
      }
    case 'recordBaInformationRequest':
      return { ...base, performers: step.recordedBy }
    case 'deemBaApprovalGranted': {
      const dueOn = state.steps[step.id]?.dueOn
      return {
        ...base,
        performers: ['SYSTEM', ...step.recordedBy],
        outcomes: actionOutcomes(type, step),
        ...(dueOn && { notBefore: addDays(dueOn, 1) }),
      }
    }
    default: {
      const outcomes = actionOutcomes(type, step)
      return { ...base, performers: step.recordedBy, ...(outcomes.length > 0 && { outcomes }) }
    }
  }
}
