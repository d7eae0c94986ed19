/**
 * Due dates and validity periods of steps. A step's deadline is computed once, when its trigger is known, and never again, so it
 * cannot move backwards. Counting follows § 31 VwVfG with §§ 187–193 BGB (calendar.ts).
 */
import { addDays, compareDates, deadlineFrom, periodEnd, type Land, type LocalDate } from './calendar'
import type { CaseState, DeadlineRule, StepDefinition, StepState } from './types'

/** The last day of a deadline that starts when another step is done, computed as the step opens. */
export function dueWhenOpened(
  rule: DeadlineRule | undefined,
  state: CaseState,
  land: Land,
): LocalDate | undefined {
  const start = rule?.startsOn
  if (rule === undefined || start?.event !== 'stepCompleted') return undefined
  const trigger = state.steps[start.step]?.completedOn
  return trigger === undefined ? undefined : deadlineFrom(trigger, rule.duration, land)
}

/** The last day of a deadline that starts when the step is handed over (a request sent, a document shown). */
export function dueWhenStarted(
  rule: DeadlineRule | undefined,
  startedOn: LocalDate,
  land: Land,
): LocalDate | undefined {
  return rule?.startsOn.event === 'stepStarted' ? deadlineFrom(startedOn, rule.duration, land) : undefined
}

/**
 * The last day of what the step produced (the pre-approval), counted from `issuedOn`. A validity period is
 * not a deadline to act by, so its end does not move to a working day (§ 193 BGB; calendar.ts `periodEnd`).
 */
export function validUntil(step: StepDefinition, issuedOn: LocalDate): LocalDate | undefined {
  return step.validity && periodEnd(issuedOn, step.validity.duration)
}

function isPending(step: StepState): boolean {
  return step.status === 'OPEN' || step.status === 'WAITING'
}

/** The step is still pending after its last day. */
export function isOverdue(step: StepState, today: LocalDate): boolean {
  return isPending(step) && step.dueOn !== undefined && compareDates(today, step.dueOn) > 0
}

/** The step is pending and its last day is at most `days` calendar days away (and not yet past). */
export function isAtRisk(step: StepState, today: LocalDate, days: number): boolean {
  return (
    isPending(step) &&
    step.dueOn !== undefined &&
    !isOverdue(step, today) &&
    compareDates(addDays(today, days), step.dueOn) >= 0
  )
}
