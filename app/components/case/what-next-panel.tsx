import { useTranslation } from 'react-i18next'

import type { LocalDate } from '~/workflow/calendar'
import { hasReachedEnd } from '~/workflow/case-queries'
import { currentStep } from '~/workflow/next-actions'
import { procedures } from '~/workflow/procedures'
import type { CaseState } from '~/workflow/types'

import { DeadlineFlag } from './case-stepper'
import { formatDay } from './dates'

export type Audience = 'org' | 'officer'

/**
 * What happens next, in plain words for the reader: the organization learns what it has to do, the
 * officer what to record. A case that waits for the organization shows the officer's request first.
 */
export function WhatNextPanel({
  audience,
  state,
  today,
}: {
  audience: Audience
  state: CaseState
  today: LocalDate
}) {
  const { t } = useTranslation('cases')
  return (
    <section aria-labelledby="what-next-heading" className="what-next">
      <h2 id="what-next-heading">{t(`whatNext.heading.${audience}`)}</h2>
      {state.status === 'ACTIVE' ? (
        <ActiveCase audience={audience} state={state} today={today} />
      ) : (
        <>
          <p>{t(`whatNext.status.${state.status}.${audience}`)}</p>
          {state.statusReason ? (
            <div className={state.status === 'WAITING_FOR_ORG' ? 'what-next-request' : undefined}>
              <h3>{t(`whatNext.reason.${state.status}`)}</h3>
              <p className="case-text">{state.statusReason}</p>
            </div>
          ) : null}
        </>
      )}
    </section>
  )
}

function ActiveCase({ audience, state, today }: { audience: Audience; state: CaseState; today: LocalDate }) {
  const { t, i18n } = useTranslation('cases')
  const definition = procedures[state.procedureId]
  const current = currentStep(definition, state)
  if (!current) {
    const ending = hasReachedEnd(definition, state) ? 'ended' : 'completed'
    return <p>{t(`whatNext.${ending}.${audience}`)}</p>
  }
  const { step, state: stepState, actor } = current
  const phase = stepState.status === 'WAITING' ? 'waiting' : 'open'
  return (
    <>
      <h3>{t(`workflow:steps.${step.id}.name`)}</h3>
      <p className="field-hint">{t(`workflow:steps.${step.id}.summary`)}</p>
      <p>
        <strong>
          {audience === 'org'
            ? t(`workflow:waitingFor.${actor}`)
            : t('whatNext.actor', { actor: t(`workflow:actors.${actor}`) })}
        </strong>
      </p>
      <p>{t(`workflow:guidance.${step.id}.${phase}.${audience}`)}</p>
      {stepState.dueOn ? (
        <p>
          {t('workflow:guidance.dueBy', { dueDate: formatDay(stepState.dueOn, i18n.language) })}
          <DeadlineFlag stepState={stepState} today={today} />
        </p>
      ) : null}
    </>
  )
}
