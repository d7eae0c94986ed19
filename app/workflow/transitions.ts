/**
 * The state changes the engine is made of. Each takes a draft (state plus the events so far) and returns a
 * new one; nothing is mutated. They assume the preconditions were checked.
 */
import type { Land, LocalDate } from './calendar'
import { areGuardsMet } from './case-queries'
import { dueWhenOpened, dueWhenStarted } from './deadlines'
import { appliesTo } from './definition'
import type {
  CaseFacts,
  CaseState,
  CaseStatus,
  EngineEvent,
  OutcomeId,
  ProcedureDefinition,
  ResidenceTitle,
  SkipCondition,
  StepDefinition,
  StepDetails,
  StepState,
} from './types'

export type Draft = { state: CaseState; events: EngineEvent[] }
export type TransitionContext = { definition: ProcedureDefinition; today: LocalDate; land: Land }

function withStep(draft: Draft, step: StepDefinition, stepState: StepState, event: EngineEvent): Draft {
  return {
    state: { ...draft.state, steps: { ...draft.state.steps, [step.id]: stepState } },
    events: [...draft.events, event],
  }
}

export function withFacts(draft: Draft, facts: Partial<CaseFacts>, event: EngineEvent): Draft {
  return {
    state: { ...draft.state, facts: { ...draft.state.facts, ...facts } },
    events: [...draft.events, event],
  }
}

/** Opens, in the definition's order, every locked step whose guards now hold. */
export function openReadySteps(draft: Draft, { definition, today, land }: TransitionContext): Draft {
  return definition.steps.reduce((next, step) => {
    const current = next.state.steps[step.id]
    if (current?.status !== 'LOCKED' || !areGuardsMet(next.state, step)) return next
    const dueOn = dueWhenOpened(step.deadline, next.state, land)
    return withStep(
      next,
      step,
      { status: 'OPEN', openedOn: today, ...(dueOn && { dueOn }) },
      { type: 'stepOpened', step: step.id, on: today, ...(dueOn && { dueOn }) },
    )
  }, draft)
}

/** Hands the step over to its actor; a deadline counted from the hand-over starts now. */
export function startStep(draft: Draft, step: StepDefinition, { today, land }: TransitionContext): Draft {
  const current = draft.state.steps[step.id]
  const dueOn = dueWhenStarted(step.deadline, today, land)
  return withStep(
    draft,
    step,
    { ...current, status: 'WAITING', startedOn: today, ...(dueOn && { dueOn }) },
    { type: 'stepStarted', step: step.id, on: today, ...(dueOn && { dueOn }) },
  )
}

export function skipStep(
  draft: Draft,
  step: StepDefinition,
  because: SkipCondition | 'optional',
  context: TransitionContext,
): Draft {
  const skipped = withStep(
    draft,
    step,
    { ...draft.state.steps[step.id], status: 'SKIPPED' },
    { type: 'stepSkipped', step: step.id, on: context.today, because },
  )
  return openReadySteps(skipped, context)
}

/** Completes the step; an outcome may switch the title (§ 81a Abs. 3 Satz 2 AufenthG), then the next steps open. */
export function completeStep(
  draft: Draft,
  step: StepDefinition,
  context: TransitionContext,
  outcome?: OutcomeId,
  details?: StepDetails,
): Draft {
  const { today } = context
  const completed = withStep(
    draft,
    step,
    {
      ...draft.state.steps[step.id],
      status: 'DONE',
      completedOn: today,
      ...(outcome && { outcome }),
      ...(details && { details }),
    },
    {
      type: 'stepCompleted',
      step: step.id,
      on: today,
      ...(outcome && { outcome }),
      ...(details && { details }),
    },
  )
  const switchTo = step.outcomes?.find((option) => option.id === outcome)?.switchesTitleTo
  const retitled = switchTo ? switchTitle(completed, switchTo, context) : completed
  return openReadySteps(retitled, context)
}

/**
 * Steps the new title does not have are skipped; steps only the new title has come back locked. Done and
 * waiting steps stay as they are: what happened, happened.
 */
function switchTitle(draft: Draft, to: ResidenceTitle, { definition, today }: TransitionContext): Draft {
  const from = draft.state.title
  const retitled: Draft = {
    state: { ...draft.state, title: to },
    events: [...draft.events, { type: 'titleChanged', on: today, from, to }],
  }
  return definition.steps.reduce((next, step) => {
    const current = next.state.steps[step.id]
    if (!appliesTo(step, to) && (current?.status === 'LOCKED' || current?.status === 'OPEN')) {
      const event: EngineEvent = { type: 'stepSkipped', step: step.id, on: today, because: 'notApplicable' }
      return withStep(next, step, { ...current, status: 'SKIPPED' }, event)
    }
    if (appliesTo(step, to) && !appliesTo(step, from) && current?.status === 'SKIPPED') {
      return withStep(next, step, { status: 'LOCKED' }, { type: 'stepReinstated', step: step.id, on: today })
    }
    return next
  }, retitled)
}

export function setCaseStatus(draft: Draft, to: CaseStatus, today: LocalDate, reason?: string): Draft {
  const { statusReason: _previousReason, ...state } = draft.state
  return {
    state: { ...state, status: to, ...(reason && { statusReason: reason }) },
    events: [
      ...draft.events,
      { type: 'caseStatusChanged', on: today, from: draft.state.status, to, ...(reason && { reason }) },
    ],
  }
}
