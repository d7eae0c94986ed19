import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

import type { CaseEventView } from '~/models/case.server'
import { formatDateTime } from '~/utils/locale-format'
import type { EngineEvent } from '~/workflow/types'

import { formatDay } from './dates'
import { actionLabel } from './labels'

/** Every recorded change in order: when, who, what was done, and what it set off in the procedure. */
export function CaseHistory({ events }: { events: CaseEventView[] }) {
  const { t, i18n } = useTranslation('cases')
  return (
    <section aria-labelledby="case-history-heading">
      <h2 id="case-history-heading">{t('history.heading')}</h2>
      <ol className="case-history">
        {events.map((event) => (
          <li key={event.id}>
            <p className="case-history-meta">
              <time dateTime={new Date(event.at).toISOString()}>
                {formatDateTime(event.at, i18n.language)}
              </time>
              {' – '}
              {performedBy(t, event)}
            </p>
            <p className="case-history-action">
              <strong>{actionText(t, event)}</strong>
            </p>
            {event.events.length > 0 ? (
              <ul>
                {event.events.map((engineEvent, index) => (
                  <li key={index}>{engineEventText(t, engineEvent, i18n.language)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  )
}

function performedBy(t: TFunction, event: CaseEventView) {
  const performer = t(`workflow:performers.${event.performer}`)
  if (event.performer === 'SYSTEM' || !event.actorName) return performer
  return t('history.by', { name: event.actorName, performer })
}

function actionText(t: TFunction, event: CaseEventView) {
  switch (event.type) {
    case 'caseStarted':
      return t('workflow:events.caseStarted', {
        procedure: t(`workflow:procedures.${event.details.procedureId}`),
        title: t(`workflow:titles.${event.details.title}`),
      })
    case 'caseAssigned':
      return t('workflow:events.caseAssigned', {
        officer: event.details.officer || t('history.formerOfficer'),
      })
    // These labels name their step already ("Send to the recognition body", "Skip “Advice”").
    case 'startStep':
    case 'completeStep':
    case 'skipStep':
      return actionLabel(t, { type: event.type, step: event.step ?? undefined })
    default: {
      const action = t(`workflow:actions.${event.type}`)
      return event.step ? t('history.actionOnStep', { action, step: stepName(t, event.step) }) : action
    }
  }
}

const stepName = (t: TFunction, step: string) => t(`workflow:steps.${step}.name`)

/** One engine event as a sentence of the `workflow:events` namespace. */
export function engineEventText(t: TFunction, event: EngineEvent, language: string): string {
  const day = (value: string) => formatDay(value, language)
  switch (event.type) {
    case 'stepOpened':
    case 'stepStarted': {
      const text = t(`workflow:events.${event.type}`, { step: stepName(t, event.step) })
      return event.dueOn ? `${text} (${t('workflow:events.dueDate', { dueDate: day(event.dueOn) })})` : text
    }
    case 'stepCompleted':
      return event.outcome
        ? t('workflow:events.stepCompletedWithOutcome', {
            step: stepName(t, event.step),
            outcome: t(`workflow:outcomes.${event.outcome}`),
          })
        : t('workflow:events.stepCompleted', { step: stepName(t, event.step) })
    case 'stepSkipped':
      return t('workflow:events.stepSkipped', {
        step: stepName(t, event.step),
        reason: t(`workflow:skipReasons.${event.because}`),
      })
    case 'stepReinstated':
      return t('workflow:events.stepReinstated', { step: stepName(t, event.step) })
    case 'titleChanged':
      return t('workflow:events.titleChanged', {
        from: t(`workflow:titles.${event.from}`),
        to: t(`workflow:titles.${event.to}`),
      })
    case 'agreementRecorded':
      return t(
        event.isFeePaid ? 'workflow:events.agreementRecorded' : 'workflow:events.agreementRecordedFeeOpen',
      )
    case 'feePaid':
      return t('workflow:events.feePaid')
    case 'documentsAccepted':
      return t('workflow:events.documentsAccepted', {
        documents: new Intl.ListFormat(language, { type: 'unit' }).format(
          event.documents.map((key) => t(`workflow:documents.${key}.name`)),
        ),
      })
    case 'baInformationRequested':
      return t('workflow:events.baInformationRequested', { date: day(event.requestedOn) })
    case 'preApprovalIssued':
      return event.validUntil
        ? t('workflow:events.preApprovalIssued', { validUntil: day(event.validUntil) })
        : t('workflow:events.preApprovalIssuedWithoutValidity')
    case 'caseStatusChanged': {
      const values = {
        from: t(`workflow:caseStatus.${event.from}`),
        to: t(`workflow:caseStatus.${event.to}`),
      }
      return event.reason
        ? t('workflow:events.caseStatusChangedWithReason', { ...values, reason: event.reason })
        : t('workflow:events.caseStatusChanged', values)
    }
  }
}
