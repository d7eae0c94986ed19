/** Questions asked of a case's state against its procedure definition. */
import { appliesTo, requiredDocumentsFor } from './definition'
import type {
  CaseState,
  CaseStatus,
  DocumentKey,
  ProcedureDefinition,
  StepDefinition,
  StepGuard,
} from './types'

const terminalStatuses: readonly CaseStatus[] = ['WITHDRAWN', 'REJECTED', 'CLOSED']

export function isTerminal(status: CaseStatus): boolean {
  return terminalStatuses.includes(status)
}

function isGuardMet(state: CaseState, guard: StepGuard): boolean {
  const step = state.steps[guard.step]
  if (step?.status === 'SKIPPED') return true
  if (step?.status !== 'DONE') return false
  return guard.outcomes === undefined || (step.outcome !== undefined && guard.outcomes.includes(step.outcome))
}

export function areGuardsMet(state: CaseState, step: StepDefinition): boolean {
  return step.guards.every((guard) => isGuardMet(state, guard))
}

export function missingDocuments(state: CaseState, step: StepDefinition): DocumentKey[] {
  return requiredDocumentsFor(step, state.title).filter((key) => !state.facts.acceptedDocuments.includes(key))
}

/** Documents still to accept for the steps that are neither done nor skipped. */
export function outstandingDocuments(definition: ProcedureDefinition, state: CaseState): DocumentKey[] {
  const pending = definition.steps.filter((step) => {
    const status = state.steps[step.id]?.status
    return appliesTo(step, state.title) && status !== 'DONE' && status !== 'SKIPPED'
  })
  return [...new Set(pending.flatMap((step) => missingDocuments(state, step)))]
}

/** Every step is done or skipped: the procedure has run its course. */
export function isCompleted(definition: ProcedureDefinition, state: CaseState): boolean {
  return definition.steps.every((step) => {
    const status = state.steps[step.id]?.status
    return status === 'DONE' || status === 'SKIPPED'
  })
}

/** A step ended with an outcome after which nothing follows (e.g. qualification not equivalent). */
export function hasReachedEnd(definition: ProcedureDefinition, state: CaseState): boolean {
  return definition.steps.some((step) => {
    const outcome = state.steps[step.id]?.outcome
    return step.outcomes?.some((option) => option.id === outcome && option.leadsTo === 'caseEnd') ?? false
  })
}
