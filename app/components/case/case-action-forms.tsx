import { useTranslation } from 'react-i18next'

import { translateMessage } from '~/components/form'
import type { FormReply } from '~/utils/forms'
import { formatEuros } from '~/utils/locale-format'
import { compareDates, type LocalDate } from '~/workflow/calendar'
import { findStep, skipReason } from '~/workflow/definition'
import { procedures } from '~/workflow/procedures'
import {
  agreementContents,
  type ActionType,
  type AllowedAction,
  type ProcedureId,
  type ResidenceTitle,
  type StepId,
} from '~/workflow/types'

import { ActionForm, ChoiceGroup, ConfirmBox, InputField } from './action-fields'
import { formatDay } from './dates'
import { actionLabel } from './labels'
import type { Audience } from './what-next-panel'

export type ActionContext = {
  version: number
  procedureId: ProcedureId
  title: ResidenceTitle
  today: LocalDate
  /** The end of the pre-approval's validity if it were issued today. */
  preApprovalValidUntil: LocalDate | null
  reply: FormReply | null
}

/** Actions on the case as a whole, shown apart from the steps' progress. */
const caseLevelActions: readonly ActionType[] = ['requestInformation', 'hold', 'withdraw', 'reject', 'close']

/** The deemed approval is offered from its first day on; before that the page says when it will come. */
function isDue(action: AllowedAction, today: LocalDate) {
  return action.notBefore === undefined || compareDates(today, action.notBefore) >= 0
}

/** The forms for the actions the reader may take now: the procedure's next steps first, then the case. */
export function CaseActions({
  actions,
  audience,
  context,
}: {
  actions: AllowedAction[]
  audience: Audience
  context: ActionContext
}) {
  const { t, i18n } = useTranslation('cases')
  const offered = actions.filter((action) => isDue(action, context.today))
  const deemedLater = actions.find((action) => !isDue(action, context.today))?.notBefore
  const stepActions = offered.filter((action) => !caseLevelActions.includes(action.type))
  const caseActions = offered.filter((action) => caseLevelActions.includes(action.type))
  return (
    <>
      <section aria-labelledby="next-actions-heading">
        <h2 id="next-actions-heading">{t(`actions.nextHeading.${audience}`)}</h2>
        {deemedLater ? (
          <p className="notice">
            {t('actions.deemedLater', { date: formatDay(deemedLater, i18n.language) })}
          </p>
        ) : null}
        {stepActions.length > 0 ? (
          <ActionList actions={stepActions} context={context} />
        ) : (
          <p>{t(`actions.none.${audience}`)}</p>
        )}
      </section>
      {caseActions.length > 0 ? (
        <section aria-labelledby="case-actions-heading">
          <h2 id="case-actions-heading">{t('actions.caseHeading')}</h2>
          <ActionList actions={caseActions} context={context} />
        </section>
      ) : null}
    </>
  )
}

function ActionList({ actions, context }: { actions: AllowedAction[]; context: ActionContext }) {
  return (
    <ul className="case-actions">
      {actions.map((action) => (
        <li key={`${action.type}-${action.step ?? ''}`}>
          <CaseActionForm action={action} context={context} />
        </li>
      ))}
    </ul>
  )
}

function CaseActionForm({ action, context }: { action: AllowedAction; context: ActionContext }) {
  const { t, i18n } = useTranslation('cases')
  const label = actionLabel(t, action)
  const form = {
    intent: action.type,
    step: action.step,
    version: context.version,
    reply: context.reply,
    submitLabel: label,
  }
  const outcomes = (name: 'outcome' | 'decision', legend: string) =>
    action.outcomes ? (
      <ChoiceGroup
        type="radio"
        name={name}
        legend={legend}
        isRequired
        choices={action.outcomes.map((id) => ({ value: id, label: t(`workflow:outcomes.${id}`) }))}
      />
    ) : null
  const pastDate = (name: string, fieldLabel: string) => (
    <InputField kind="date" name={name} label={fieldLabel} max={context.today} isRequired />
  )
  const reason = (isRequired: boolean, hint: string) => (
    <InputField
      kind="textarea"
      name="reason"
      label={t(isRequired ? 'actions.reason' : 'actions.reasonOptional')}
      hint={hint}
      isRequired={isRequired}
      maxLength={1000}
    />
  )
  switch (action.type) {
    case 'completeStep':
      return <ActionForm {...form}>{outcomes('outcome', t('actions.outcome'))}</ActionForm>
    case 'skipStep': {
      const step = action.step && findStep(procedures[context.procedureId], action.step)
      const because = step ? skipReason(step, context.title) : undefined
      return (
        <ActionForm {...form}>
          {because ? <ConfirmBox label={t(`workflow:skipReasons.${because}`)} /> : null}
        </ActionForm>
      )
    }
    case 'recordAgreement':
      return (
        <ActionForm {...form}>
          <ChoiceGroup
            type="checkbox"
            name="contents"
            legend={t('actions.agreementContents')}
            hint={t('actions.agreementContentsHint')}
            isEachRequired
            choices={agreementContents.map((key) => ({
              value: key,
              label: t(`workflow:agreementContents.${key}`),
            }))}
          />
          <ChoiceGroup
            type="checkbox"
            name="feePaid"
            legend={t('actions.fee')}
            choices={[
              { value: 'on', label: t('actions.feePaid', { amount: feeAmount(context, i18n.language) }) },
            ]}
          />
        </ActionForm>
      )
    case 'recordFeePaid':
      return (
        <ActionForm
          {...form}
          description={t('actions.recordFeePaidText', { amount: feeAmount(context, i18n.language) })}
        />
      )
    case 'acceptDocuments':
      return (
        <ActionForm {...form}>
          <ChoiceGroup
            type="checkbox"
            name="documents"
            legend={t('actions.documents')}
            hint={t('actions.documentsHint')}
            choices={(action.documents ?? []).map((key) => ({
              value: key,
              label: t(`workflow:documents.${key}.name`),
              hint: t(`workflow:documents.${key}.hint`),
            }))}
          />
        </ActionForm>
      )
    case 'recordDocumentsComplete':
      return <ActionForm {...form} description={t('actions.documentsCompleteText')} />
    case 'recordRecognition':
      return (
        <ActionForm {...form}>
          {outcomes('outcome', t('actions.recognitionOutcome'))}
          {pastDate('noticeDate', t('actions.noticeDate'))}
          <InputField
            kind="text"
            name="body"
            label={t('actions.recognitionBody')}
            hint={t('actions.recognitionBodyHint')}
            isRequired
            maxLength={200}
          />
        </ActionForm>
      )
    case 'recordBaApproval':
    case 'recordVisaDecision':
      return <ActionForm {...form}>{outcomes('decision', t('actions.decision'))}</ActionForm>
    case 'recordBaInformationRequest':
      return (
        <ActionForm {...form} description={t('actions.baInformationRequestText')}>
          {pastDate('requestedOn', t('actions.requestedOn'))}
        </ActionForm>
      )
    case 'deemBaApprovalGranted':
      return <ActionForm {...form} description={t('actions.deemText')} />
    case 'issuePreApproval':
      return (
        <ActionForm
          {...form}
          description={
            context.preApprovalValidUntil
              ? t('actions.preApprovalValidity', {
                  date: formatDay(context.preApprovalValidUntil, i18n.language),
                })
              : undefined
          }
        />
      )
    case 'recordAppointment':
      return (
        <ActionForm {...form}>
          <InputField kind="date" name="appointmentOn" label={t('actions.appointmentOn')} isRequired />
        </ActionForm>
      )
    case 'recordEntry':
      return <ActionForm {...form}>{pastDate('enteredOn', t('actions.enteredOn'))}</ActionForm>
    case 'requestInformation':
      return <ActionForm {...form}>{reason(true, t('actions.requestInformationHint'))}</ActionForm>
    case 'hold':
      return <ActionForm {...form}>{reason(false, t('actions.holdHint'))}</ActionForm>
    case 'reject':
      return (
        <ActionForm {...form} isDanger>
          {reason(true, t('actions.rejectHint'))}
        </ActionForm>
      )
    case 'withdraw':
      return (
        <ActionForm {...form} isDanger>
          <ConfirmBox label={t('actions.withdrawConfirm')} />
        </ActionForm>
      )
    case 'resumeFromOrg':
      return <ActionForm {...form} description={t('actions.resumeFromOrgText')} />
    default:
      return <ActionForm {...form} />
  }
}

function feeAmount(context: ActionContext, language: string) {
  const euros = findStep(procedures[context.procedureId], 'agreement')?.fee?.euros ?? 0
  return formatEuros({ euros }, language).euros
}

/**
 * At the top of the case page: why the last submission was refused (a conflict, the engine's reason), or
 * which form has fields to correct.
 */
export function ActionReplyAlert({ reply }: { reply: FormReply | null }) {
  const { t } = useTranslation('cases')
  if (!reply) return null
  const intent = reply.values?.intent
  const message = reply.formError
    ? translateMessage(t, reply.formError)
    : intent
      ? t('actions.checkFields', {
          action:
            intent === 'assignToMe'
              ? t('assign.button')
              : actionLabel(t, {
                  type: intent as ActionType,
                  step: reply.values?.step as StepId | undefined,
                }),
        })
      : null
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null
}
