import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ActionForm } from '~/components/case/action-fields'
import { ActionReplyAlert, CaseActions } from '~/components/case/case-action-forms'
import { CaseHistory } from '~/components/case/case-history'
import { CaseStepper } from '~/components/case/case-stepper'
import { CaseSummary } from '~/components/case/case-summary'
import { WhatNextPanel } from '~/components/case/what-next-panel'
import { CaseMessagesLink } from '~/components/messages/case-messages-link'
import { assignCase, performCaseAction } from '~/models/case.server'
import { getChecklist } from '~/models/document.server'
import { authorityReader, countCaseUnread } from '~/models/message.server'
import { toEngineAction } from '~/schemas/case'
import { answerCaseResult, parseCaseAction, trackerData } from '~/utils/case-actions.server'
import { requireAuthorityCase } from '~/utils/case-access.server'
import { isFormReply } from '~/utils/forms'
import { caseHandle } from '~/utils/page-title'

export const handle = caseHandle('cases:detail.title')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, kase } = await requireAuthorityCase(request, params)
  const [{ acceptedCount, totalCount }, unreadMessages] = await Promise.all([
    getChecklist(kase),
    countCaseUnread(authorityReader(user.id), kase.id),
  ])
  return {
    kase,
    ...trackerData(kase),
    isAssignedToMe: kase.assignedOfficer?.id === user.id,
    documents: { accepted: acceptedCount, total: totalCount },
    unreadMessages,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, kase } = await requireAuthorityCase(request, params)
  const submission = await parseCaseAction(request)
  if (!submission.ok) return submission.response
  const { value } = submission
  const result =
    value.intent === 'assignToMe'
      ? await assignCase(kase.id, value.version, user.id, { userId: user.id })
      : await performCaseAction(kase.id, value.version, toEngineAction(value), {
          userId: user.id,
          performer: 'OFFICER',
        })
  return answerCaseResult(result, `/authority/cases/${kase.id}`)
}

/** After a conflict the page shows the state the other change left behind. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate

export default function AuthorityCase() {
  const { t } = useTranslation('cases')
  const { kase, today, preApprovalValidUntil, isAssignedToMe, documents, unreadMessages } =
    useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = isFormReply(actionData) ? actionData : null
  return (
    <>
      <p>
        <Link to="/authority/cases">{t('list.title')}</Link>
      </p>
      <h1>{t('detail.title', { fileNumber: kase.fileNumber })}</h1>
      <ActionReplyAlert reply={reply} />
      <CaseSummary kase={kase} organizationHref={`/authority/organizations/${kase.organizationId}`} />
      <p>
        <Link to={`/authority/cases/${kase.id}/documents`}>{t('documents:page.caseLink', documents)}</Link>
      </p>
      <CaseMessagesLink href={`/authority/cases/${kase.id}/messages`} unread={unreadMessages} />
      {isAssignedToMe ? (
        <p>{t('assign.yours')}</p>
      ) : (
        <ActionForm
          intent="assignToMe"
          version={kase.version}
          reply={reply}
          submitLabel={t('assign.button')}
          description={
            kase.assignedOfficer ? t('assign.assignedTo', { name: kase.assignedOfficer.name }) : undefined
          }
        />
      )}
      <WhatNextPanel audience="officer" state={kase.state} today={today} />
      <CaseActions
        audience="officer"
        actions={kase.allowedActions.filter((allowed) => allowed.performers.includes('OFFICER'))}
        context={{
          version: kase.version,
          procedureId: kase.state.procedureId,
          title: kase.state.title,
          today,
          preApprovalValidUntil,
          reply,
        }}
      />
      <CaseStepper state={kase.state} events={kase.events} today={today} />
      <CaseHistory events={kase.events} />
    </>
  )
}
