import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CaseListFilters, CaseListPagination, CaseTable } from '~/components/case/case-list'
import { listAuthorityCases, todayAtAuthority } from '~/models/case.server'
import { AuthorityCaseListQuerySchema } from '~/schemas/case'
import type { PageHandle } from '~/utils/page-title'
import { requireAuthority } from '~/utils/permissions.server'

export const handle: PageHandle = { pageTitle: (t) => t('cases:list.authorityTitle') }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireAuthority(request, 'workCases')
  const query = AuthorityCaseListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const assignedTo = { all: undefined, mine: user.id, unassigned: null }[query.scope]
  return { query, today: todayAtAuthority(), ...(await listAuthorityCases({ ...query, assignedTo })) }
}

export default function AuthorityCases() {
  const { t } = useTranslation('cases')
  const { query, today, cases, total, pageCount } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('list.authorityTitle')}</h1>
      <p>{t('list.authorityIntro')}</p>
      <CaseListFilters query={query} />
      <p role="status">{t('list.resultCount', { count: total })}</p>
      {cases.length > 0 ? (
        <CaseTable cases={cases} today={today} caseHref={(id) => `/authority/cases/${id}`} showOrganization />
      ) : (
        <p>{t('list.noMatch')}</p>
      )}
      <CaseListPagination query={query} pageCount={pageCount} />
    </>
  )
}
