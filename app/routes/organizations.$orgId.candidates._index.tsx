import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Pagination } from '~/components/pagination'
import { listCandidates } from '~/models/candidate.server'
import { CandidateListQuerySchema, passportExpiresSoon, type CandidateListQuery } from '~/schemas/candidate'
import { countryName } from '~/utils/countries'
import { fromDateOnly } from '~/utils/date-only'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { requireOrganizationAccess } from '~/utils/permissions.server'

export const handle: PageHandle = { pageTitle: (t) => t('candidates:list.title') }

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizationAccess(request, params.orgId, 'view')
  const query = CandidateListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { organizationId: params.orgId!, query, ...(await listCandidates(params.orgId!, query)) }
}

function pageHref(query: CandidateListQuery, page: number) {
  return `?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`
}

export default function Candidates() {
  const { t, i18n } = useTranslation('candidates')
  const { organizationId, query, candidates, total, pageCount } = useLoaderData<typeof loader>()
  const searchId = useId()
  const date = (value: string) => formatDate(fromDateOnly(value), i18n.language)
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p>
        <Link to={`/organizations/${organizationId}/candidates/new`} className="button button-primary">
          {t('list.add')}
        </Link>{' '}
        <Link to={`/organizations/${organizationId}/candidates/import`} className="button">
          {t('candidateImport:listLink')}
        </Link>
      </p>
      <Form method="get" role="search">
        <div className="field">
          <label htmlFor={searchId}>{t('list.search')}</label>
          <input id={searchId} type="search" name="q" defaultValue={query.q} maxLength={100} />
        </div>
        <button type="submit" className="button">
          {t('list.searchButton')}
        </button>
      </Form>
      <p role="status">{t('list.resultCount', { count: total })}</p>
      {candidates.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('list.nameColumn')}</th>
                <th scope="col">{t('fields.nationality')}</th>
                <th scope="col">{t('fields.dateOfBirth')}</th>
                <th scope="col">{t('fields.passportExpiry')}</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate) => (
                <tr key={candidate.id}>
                  <td>
                    <Link to={`/organizations/${organizationId}/candidates/${candidate.id}`}>
                      {t('list.name', { surname: candidate.surname, givenNames: candidate.givenNames })}
                    </Link>
                  </td>
                  <td>{countryName(candidate.nationality, i18n.language)}</td>
                  <td>{date(candidate.dateOfBirth)}</td>
                  <td>
                    {date(candidate.passportExpiry)}
                    {passportExpiresSoon(candidate.passportExpiry, undefined) ? (
                      <>
                        {' '}
                        <span className="badge badge-pending">{t('list.expiresSoon')}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination
        label={t('list.pagination')}
        page={query.page}
        pageCount={pageCount}
        hrefFor={(page) => pageHref(query, page)}
      />
    </>
  )
}
