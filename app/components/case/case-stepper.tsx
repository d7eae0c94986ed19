import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { CaseEventView } from '~/models/case.server'
import type { LocalDate } from '~/workflow/calendar'
import { isAtRisk, isOverdue } from '~/workflow/deadlines'
import { appliesTo } from '~/workflow/definition'
import { currentStep } from '~/workflow/next-actions'
import { procedures } from '~/workflow/procedures'
import type { CaseState, StepDefinition, StepId, StepState, StepStatus } from '~/workflow/types'

import { formatDay } from './dates'

/** A step is at risk when its last day is at most this many days away. */
export const AT_RISK_DAYS = 7

/** Each status has its own symbol next to its text, so the state never depends on colour alone. */
const markers: Record<StepStatus, string> = {
  LOCKED: '○',
  OPEN: '●',
  WAITING: '◔',
  DONE: '✓',
  SKIPPED: '–',
}

type SkipReason = 'notApplicable' | 'optional' | 'blueCardStandardSalary' | 'measureNotMainlyInCompany'

/** Why each skipped step was skipped: not part of the title, or the last skip recorded in the history. */
function skipReasons(state: CaseState, steps: readonly StepDefinition[], events: CaseEventView[]) {
  const reasons: Partial<Record<StepId, SkipReason>> = {}
  for (const event of events.flatMap((recorded) => recorded.events)) {
    if (event.type === 'stepSkipped') reasons[event.step] = event.because
  }
  for (const step of steps) {
    if (!appliesTo(step, state.title)) reasons[step.id] = 'notApplicable'
  }
  return reasons
}

/** Every step of the procedure in order, with its state, who acts, its deadline and how it ended. */
export function CaseStepper({
  state,
  events,
  today,
}: {
  state: CaseState
  events: CaseEventView[]
  today: LocalDate
}) {
  const { t } = useTranslation('cases')
  const definition = procedures[state.procedureId]
  const current = currentStep(definition, state)?.step.id
  const reasons = skipReasons(state, definition.steps, events)
  return (
    <section aria-labelledby="case-steps-heading">
      <h2 id="case-steps-heading">{t('stepper.heading')}</h2>
      <ol className="case-stepper">
        {definition.steps.map((step) => {
          const stepState = state.steps[step.id] ?? { status: 'LOCKED' }
          const isCurrent = step.id === current
          return (
            <li
              key={step.id}
              className={`case-step case-step-${stepState.status.toLowerCase()}`}
              data-step={step.id}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span className="case-step-marker" aria-hidden="true">
                {markers[stepState.status]}
              </span>
              <div className="case-step-body">
                <h3>{t(`workflow:steps.${step.id}.name`)}</h3>
                <p className="case-step-status">
                  {t(`workflow:stepStatus.${stepState.status}`)}
                  {isCurrent ? <strong> – {t('stepper.current')}</strong> : null}
                </p>
                <StepFacts
                  step={step}
                  stepState={stepState}
                  today={today}
                  skipReason={reasons[step.id]}
                  validUntil={step.id === 'preApproval' ? state.facts.preApprovalValidUntil : undefined}
                />
              </div>
            </li>
          )
        })}
      </ol>
    </section>
  )
}

/** Details a step carries once recorded (recognition notice, appointment, entry), by field name. */
const detailFields = ['noticeDate', 'body', 'appointmentOn', 'enteredOn'] as const
const dateDetails = new Set<string>(['noticeDate', 'appointmentOn', 'enteredOn'])

function StepFacts({
  step,
  stepState,
  today,
  skipReason,
  validUntil,
}: {
  step: StepDefinition
  stepState: StepState
  today: LocalDate
  skipReason?: SkipReason
  validUntil?: LocalDate
}) {
  const { t, i18n } = useTranslation('cases')
  const day = (value: LocalDate) => formatDay(value, i18n.language)
  const isPending = stepState.status === 'OPEN' || stepState.status === 'WAITING'
  const facts: [string, ReactNode][] = []
  if (stepState.status !== 'SKIPPED') facts.push(['actor', t(`workflow:actors.${step.actor}`)])
  if (stepState.startedOn) facts.push(['startedOn', day(stepState.startedOn)])
  if (stepState.dueOn && isPending) {
    facts.push([
      'dueOn',
      <>
        {day(stepState.dueOn)}
        {step.deadline ? ` (${t(`workflow:deadlineKinds.${step.deadline.kind}`)})` : null}
        <DeadlineFlag stepState={stepState} today={today} />
      </>,
    ])
  }
  if (stepState.completedOn) facts.push(['completedOn', day(stepState.completedOn)])
  if (stepState.outcome) facts.push(['outcome', t(`workflow:outcomes.${stepState.outcome}`)])
  for (const field of detailFields) {
    const value = stepState.details?.[field]
    if (value) facts.push([field, dateDetails.has(field) ? day(value) : value])
  }
  if (validUntil) facts.push(['validUntil', day(validUntil)])
  if (stepState.status === 'SKIPPED' && skipReason) {
    facts.push(['skipReason', t(`workflow:skipReasons.${skipReason}`)])
  }
  if (facts.length === 0) return null
  return (
    <dl className="case-step-facts">
      {facts.map(([field, value]) => (
        <div key={field}>
          <dt>{t(`stepper.${field}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** "Overdue" or "due within 7 days" in words, next to the date. */
export function DeadlineFlag({ stepState, today }: { stepState: StepState; today: LocalDate }) {
  const { t } = useTranslation('cases')
  if (isOverdue(stepState, today)) {
    return (
      <>
        {' '}
        <span className="badge badge-overdue">{t('deadline.overdue')}</span>
      </>
    )
  }
  if (isAtRisk(stepState, today, AT_RISK_DAYS)) {
    return (
      <>
        {' '}
        <span className="badge badge-at-risk">{t('deadline.atRisk', { count: AT_RISK_DAYS })}</span>
      </>
    )
  }
  return null
}
