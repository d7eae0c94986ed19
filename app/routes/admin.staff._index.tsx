import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { StaffStatus } from '~/components/staff-status'
import { listStaff } from '~/models/staff.server'
import { StaffFilterSchema, staffRoles, staffStatuses } from '~/schemas/staff'
import type { PageHandle } from '~/utils/page-title'
import { requireAuthority } from '~/utils/permissions.server'

export const handle: PageHandle = { pageTitle: (t) => t('staff:list.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuthority(request, 'manageStaff')
  const filter = StaffFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { filter, staff: await listStaff(filter) }
}

export default function StaffList() {
  const { t } = useTranslation('staff')
  const { filter, staff } = useLoaderData<typeof loader>()
  const isFiltered = Boolean(filter.role || filter.status)
  return (
    <>
      <h1>{t('list.title')}</h1>
      <p>{t('list.intro')}</p>
      <p>
        <Link className="button button-primary" to="/admin/staff/new">
          {t('list.create')}
        </Link>
      </p>
      <StaffFilterForm key={`${filter.role}-${filter.status}`} filter={filter} />
      {staff.length === 0 ? (
        <p role="status">{t(isFiltered ? 'list.emptyFiltered' : 'list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('list.caption', { total: staff.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('fields.mission')}</th>
                <th scope="col">{t('fields.twoFactor')}</th>
                <th scope="col">{t('fields.status')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((member) => (
                <tr key={member.id}>
                  <th scope="row">
                    <Link to={`/admin/staff/${member.id}`}>{member.name}</Link>
                  </th>
                  <td dir="ltr">{member.email}</td>
                  <td>{t(`roles.${member.staffRole}`)}</td>
                  <td>{member.mission?.name}</td>
                  <td>{t(member.hasTwoFactor ? 'twoFactor.on' : 'twoFactor.off')}</td>
                  <td>
                    <StaffStatus isDeactivated={member.isDeactivated} hasPassword={member.hasPassword} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

function StaffFilterForm({ filter }: { filter: { role?: string; status?: string } }) {
  const { t } = useTranslation('staff')
  const id = useId()
  return (
    <Form method="get" action="/admin/staff" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('filter.title')}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('fields.role')}</label>
          <select id={`${id}-role`} name="role" defaultValue={filter.role ?? ''}>
            <option value="">{t('filter.allRoles')}</option>
            {staffRoles.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('fields.status')}</label>
          <select id={`${id}-status`} name="status" defaultValue={filter.status ?? ''}>
            <option value="">{t('filter.allStatuses')}</option>
            {staffStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p>
        <button type="submit" className="button">
          {t('filter.apply')}
        </button>{' '}
        <Link to="/admin/staff">{t('filter.reset')}</Link>
      </p>
    </Form>
  )
}
