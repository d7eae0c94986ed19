import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Pagination } from '~/components/pagination'
import { OrganizationStatusBadge } from '~/components/organization-status-badge'
import { listOrganizationsForAuthority } from '~/models/organization.server'
import {
  OrganizationListQuerySchema,
  organizationStatusFilters,
  type OrganizationListQuery,
} from '~/schemas/organization'
import { formatDate } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { requireAuthority } from '~/utils/permissions.server'

export const handle: PageHandle = { pageTitle: (t) => t('organizations:authority.list.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuthority(request, 'viewOrganizations')
  const query = OrganizationListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { query, ...(await listOrganizationsForAuthority(query)) }
}

function pageHref(query: OrganizationListQuery, page: number) {
  return `?${new URLSearchParams({ status: query.status, page: String(page) })}`
}

export default function AuthorityOrganizations() {
  const { t, i18n } = useTranslation('organizations')
  const { query, organizations, total, pageCount } = useLoaderData<typeof loader>()
  const filterId = useId()
  return (
    <>
      <h1>{t('authority.list.title')}</h1>
      <p>{t('authority.list.intro')}</p>
      <Form method="get">
        <div className="field">
          <label htmlFor={filterId}>{t('authority.list.statusFilter')}</label>
          <select id={filterId} name="status" defaultValue={query.status}>
            {organizationStatusFilters.map((status) => (
              <option key={status} value={status}>
                {status === 'ALL' ? t('authority.list.allStatuses') : t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('authority.list.applyFilter')}
        </button>
      </Form>
      <p role="status">{t('authority.list.resultCount', { count: total })}</p>
      {organizations.length > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('fields.legalName')}</th>
                <th scope="col">{t('fields.kind')}</th>
                <th scope="col">{t('fields.city')}</th>
                <th scope="col">{t('authority.list.registeredColumn')}</th>
                <th scope="col">{t('authority.list.membersColumn')}</th>
                <th scope="col">{t('fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((organization) => (
                <tr key={organization.id}>
                  <td>
                    <Link to={`/authority/organizations/${organization.id}`}>{organization.legalName}</Link>
                  </td>
                  <td>{t(`kinds.${organization.kind}`)}</td>
                  <td>{organization.city}</td>
                  <td>{formatDate(organization.createdAt, i18n.language)}</td>
                  <td>{organization._count.memberships}</td>
                  <td>
                    <OrganizationStatusBadge status={organization.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination
        label={t('authority.list.pagination')}
        page={query.page}
        pageCount={pageCount}
        hrefFor={(page) => pageHref(query, page)}
      />
    </>
  )
}
