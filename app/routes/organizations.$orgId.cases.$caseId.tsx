import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ActionReplyAlert, CaseActions } from '~/components/case/case-action-forms'
import { CaseHistory } from '~/components/case/case-history'
import { CaseStepper } from '~/components/case/case-stepper'
import { CaseSummary } from '~/components/case/case-summary'
import { WhatNextPanel } from '~/components/case/what-next-panel'
import { CaseMessagesLink } from '~/components/messages/case-messages-link'
import { getChecklist } from '~/models/document.server'
import { performCaseAction } from '~/models/case.server'
import { countCaseUnread, organizationReader } from '~/models/message.server'
import { toEngineAction } from '~/schemas/case'
import { answerCaseResult, parseCaseAction, trackerData } from '~/utils/case-actions.server'
import { requireOrganizationCase } from '~/utils/case-access.server'
import { isFormReply } from '~/utils/forms'
import { caseHandle } from '~/utils/page-title'
import { forbidden } from '~/utils/permissions.server'

export const handle = caseHandle('cases:detail.title')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, kase } = await requireOrganizationCase(request, params)
  const [{ acceptedCount, totalCount }, unreadMessages] = await Promise.all([
    getChecklist(kase),
    countCaseUnread(organizationReader(user.id, kase.organizationId), kase.id),
  ])
  return {
    kase,
    ...trackerData(kase),
    documents: { accepted: acceptedCount, total: totalCount },
    unreadMessages,
  }
}

/** Every member of the organization acts as the organization (performer ORG); taking a case over is the officers'. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, kase } = await requireOrganizationCase(request, params)
  const submission = await parseCaseAction(request)
  if (!submission.ok) return submission.response
  const { value } = submission
  if (value.intent === 'assignToMe') forbidden()
  const result = await performCaseAction(kase.id, value.version, toEngineAction(value), {
    userId: user.id,
    performer: 'ORG',
  })
  return answerCaseResult(result, `/organizations/${kase.organizationId}/cases/${kase.id}`)
}

/** After a conflict the page shows the state the other change left behind. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate

export default function OrganizationCase() {
  const { t } = useTranslation('cases')
  const { kase, today, documents, unreadMessages } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = isFormReply(actionData) ? actionData : null
  const orgPath = `/organizations/${kase.organizationId}`
  return (
    <>
      <p>
        <Link to={`${orgPath}/cases`}>{t('list.title')}</Link>
      </p>
      <h1>{t('detail.title', { fileNumber: kase.fileNumber })}</h1>
      <ActionReplyAlert reply={reply} />
      <CaseSummary kase={kase} candidateHref={`${orgPath}/candidates/${kase.candidate.id}`} />
      <p>
        <Link to={`${orgPath}/cases/${kase.id}/documents`}>{t('documents:page.caseLink', documents)}</Link>
      </p>
      <CaseMessagesLink href={`${orgPath}/cases/${kase.id}/messages`} unread={unreadMessages} />
      <WhatNextPanel audience="org" state={kase.state} today={today} />
      <CaseActions
        audience="org"
        actions={kase.allowedActions.filter((allowed) => allowed.performers.includes('ORG'))}
        context={{
          version: kase.version,
          procedureId: kase.state.procedureId,
          title: kase.state.title,
          today,
          preApprovalValidUntil: null,
          reply,
        }}
      />
      <CaseStepper state={kase.state} events={kase.events} today={today} />
      <CaseHistory events={kase.events} />
    </>
  )
}
