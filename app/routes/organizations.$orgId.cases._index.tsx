import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { CaseListFilters, CaseListPagination, CaseTable } from '~/components/case/case-list'
import { listOrganizationCases, todayAtAuthority } from '~/models/case.server'
import { CaseListQuerySchema } from '~/schemas/case'
import type { PageHandle } from '~/utils/page-title'
import { requireOrganizationAccess } from '~/utils/permissions.server'

export const handle: PageHandle = { pageTitle: (t) => t('cases:list.title') }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizationAccess(request, params.orgId, 'view')
  const query = CaseListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return {
    organizationId: params.orgId!,
    query,
    today: todayAtAuthority(),
    ...(await listOrganizationCases(params.orgId!, query)),
  }
}

export default function OrganizationCases() {
  const { t } = useTranslation('cases')
  const { organizationId, query, today, cases, total, pageCount } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p>
        <Link to={`/organizations/${organizationId}/cases/new`} className="button button-primary">
          {t('list.start')}
        </Link>
      </p>
      <CaseListFilters query={query} />
      <p role="status">{t('list.resultCount', { count: total })}</p>
      {cases.length > 0 ? (
        <CaseTable
          cases={cases}
          today={today}
          caseHref={(id) => `/organizations/${organizationId}/cases/${id}`}
        />
      ) : (
        <p>{t(query.q ? 'list.noMatch' : `list.empty.${query.status}`)}</p>
      )}
      <CaseListPagination query={query} pageCount={pageCount} />
    </>
  )
}
