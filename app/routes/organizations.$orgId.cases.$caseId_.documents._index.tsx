import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ChecklistEntry } from '~/components/documents/checklist'
import { UploadForm, type UploadProblemReply } from '~/components/documents/upload-form'
import { translateMessage } from '~/components/form'
import { getChecklist } from '~/models/document.server'
import documentStyles from '~/styles/documents.css'
import { requireOrganizationCase } from '~/utils/case-access.server'
import { receiveDocumentUploads, uploadMaxMegabytes } from '~/utils/document-upload.server'
import { uploadMaxBytes } from '~/utils/env.server'
import { caseHandle } from '~/utils/page-title'
import { redirectWithToast } from '~/utils/toast.server'
import { message } from '~/utils/validation'
import { isTerminal } from '~/workflow/case-queries'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: documentStyles }]

export const handle = caseHandle('documents:page.title')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase } = await requireOrganizationCase(request, params)
  return {
    kase: {
      id: kase.id,
      organizationId: kase.organizationId,
      fileNumber: kase.fileNumber,
      isFinished: isTerminal(kase.state.status),
    },
    checklist: await getChecklist(kase),
    maxBytes: uploadMaxBytes(),
    megabytes: uploadMaxMegabytes(),
  }
}

/** Every member uploads for the organization; each file becomes the next version of its checklist item. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, kase } = await requireOrganizationCase(request, params)
  const answer = await receiveDocumentUploads(request, user, kase)
  if (answer.ok) {
    return redirectWithToast(
      `/organizations/${kase.organizationId}/cases/${kase.id}/documents`,
      message('documents:toast.uploaded', { count: answer.count }),
    )
  }
  const { status, ...problem } = answer
  return data<{ problem: UploadProblemReply }>({ problem }, { status })
}

export default function OrganizationCaseDocuments() {
  const { t } = useTranslation('documents')
  const { t: translate } = useTranslation()
  const { kase, checklist, maxBytes, megabytes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const problem = actionData?.problem ?? null
  const casePath = `/organizations/${kase.organizationId}/cases/${kase.id}`
  return (
    <>
      <p>
        <Link to={casePath}>{t('page.backToCase', { fileNumber: kase.fileNumber })}</Link>
      </p>
      <h1>{t('page.title', { fileNumber: kase.fileNumber })}</h1>
      <p>{t('page.intro')}</p>
      <p role="status">
        {t('page.summary', { accepted: checklist.acceptedCount, total: checklist.totalCount })}
      </p>
      {kase.isFinished ? <p className="notice">{t('page.finished')}</p> : null}
      {problem && !problem.requirement ? (
        <div className="form-error" role="alert">
          <p data-upload-problem="">{translateMessage(translate, problem.message)}</p>
        </div>
      ) : null}
      <ol className="document-checklist">
        {checklist.items.map((item) => (
          <ChecklistEntry
            key={item.key}
            item={item}
            links={{ fileHref: (version) => `${casePath}/documents/${version.id}` }}
          >
            {kase.isFinished ? null : (
              <UploadForm
                requirement={item.key}
                documentName={t(`workflow:documents.${item.key}.name`)}
                maxBytes={maxBytes}
                megabytes={megabytes}
                problem={problem}
              />
            )}
          </ChecklistEntry>
        ))}
      </ol>
    </>
  )
}
