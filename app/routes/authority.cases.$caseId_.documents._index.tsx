import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { ChecklistEntry } from '~/components/documents/checklist'
import { getChecklist } from '~/models/document.server'
import documentStyles from '~/styles/documents.css'
import { requireAuthorityCase } from '~/utils/case-access.server'
import { caseHandle } from '~/utils/page-title'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: documentStyles }]

export const handle = caseHandle('documents:page.title')

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase } = await requireAuthorityCase(request, params)
  return {
    kase: { id: kase.id, fileNumber: kase.fileNumber },
    checklist: await getChecklist(kase),
  }
}

/** The officer's view of the checklist: every version can be opened, uploaded ones reviewed. */
export default function AuthorityCaseDocuments() {
  const { t } = useTranslation('documents')
  const { kase, checklist } = useLoaderData<typeof loader>()
  const casePath = `/authority/cases/${kase.id}`
  return (
    <>
      <p>
        <Link to={casePath}>{t('page.backToCase', { fileNumber: kase.fileNumber })}</Link>
      </p>
      <h1>{t('page.title', { fileNumber: kase.fileNumber })}</h1>
      <p>{t('page.officerIntro')}</p>
      <p role="status">
        {t('page.summary', { accepted: checklist.acceptedCount, total: checklist.totalCount })}
      </p>
      <ol className="document-checklist">
        {checklist.items.map((item) => (
          <ChecklistEntry
            key={item.key}
            item={item}
            links={{
              fileHref: (version) => `${casePath}/documents/${version.id}/file`,
              reviewHref: (version) => `${casePath}/documents/${version.id}`,
            }}
          />
        ))}
      </ol>
    </>
  )
}
