import { Form, Link } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Pagination } from '~/components/pagination'

import type { CaseListItem } from '~/models/case.server'
import { caseScopes, type CaseListQuery, type CaseScope } from '~/schemas/case'
import { addDays, compareDates, type LocalDate } from '~/workflow/calendar'

import { AT_RISK_DAYS } from './case-stepper'
import { formatDay } from './dates'

type ListQuery = CaseListQuery & { scope?: CaseScope }

const statusFilters = ['open', 'finished', 'all'] as const

/** Search by file number or name, filter by status and, for officers, by whose cases they are. */
export function CaseListFilters({ query }: { query: ListQuery }) {
  const { t } = useTranslation('cases')
  const id = useId()
  return (
    <Form method="get" role="search" className="form-grid">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('list.search')}</label>
        <input id={`${id}-q`} type="search" name="q" defaultValue={query.q} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('list.statusFilter')}</label>
        <select id={`${id}-status`} name="status" defaultValue={query.status}>
          {statusFilters.map((status) => (
            <option key={status} value={status}>
              {t(`list.statusFilters.${status}`)}
            </option>
          ))}
        </select>
      </div>
      {query.scope ? (
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t('list.scopeFilter')}</label>
          <select id={`${id}-scope`} name="scope" defaultValue={query.scope}>
            {caseScopes.map((scope) => (
              <option key={scope} value={scope}>
                {t(`list.scopes.${scope}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field field-action">
        <button type="submit" className="button">
          {t('list.apply')}
        </button>
      </div>
    </Form>
  )
}

/** The cases of one page, soonest deadline first, with each deadline's state in words. */
export function CaseTable({
  cases,
  today,
  caseHref,
  showOrganization = false,
}: {
  cases: CaseListItem[]
  today: LocalDate
  caseHref: (id: string) => string
  showOrganization?: boolean
}) {
  const { t, i18n } = useTranslation('cases')
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('list.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.fileNumber')}</th>
            <th scope="col">{t('fields.candidate')}</th>
            {showOrganization ? <th scope="col">{t('fields.organization')}</th> : null}
            <th scope="col">{t('fields.title')}</th>
            <th scope="col">{t('list.currentStep')}</th>
            <th scope="col">{t('list.actor')}</th>
            <th scope="col">{t('list.nextDue')}</th>
            {showOrganization ? <th scope="col">{t('fields.assignedOfficer')}</th> : null}
            <th scope="col">{t('fields.status')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((kase) => (
            <tr key={kase.id}>
              <td>
                <Link to={caseHref(kase.id)} dir="ltr">
                  {kase.fileNumber}
                </Link>
              </td>
              <td>{t('candidates:list.name', kase.candidate)}</td>
              {showOrganization ? <td>{kase.organization.legalName}</td> : null}
              <td>{t(`workflow:titles.${kase.title}`)}</td>
              <td>{kase.currentStep ? t(`workflow:steps.${kase.currentStep}.name`) : t('list.none')}</td>
              <td>{kase.currentActor ? t(`workflow:actors.${kase.currentActor}`) : t('list.none')}</td>
              <td>
                {kase.nextDueOn ? (
                  <>
                    {formatDay(kase.nextDueOn, i18n.language)}{' '}
                    <DueFlag dueOn={kase.nextDueOn} today={today} />
                  </>
                ) : (
                  t('list.none')
                )}
              </td>
              {showOrganization ? <td>{kase.assignedOfficer?.name ?? t('summary.unassigned')}</td> : null}
              <td>{t(`workflow:caseStatus.${kase.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function DueFlag({ dueOn, today }: { dueOn: LocalDate; today: LocalDate }) {
  const { t } = useTranslation('cases')
  if (compareDates(today, dueOn) > 0)
    return <span className="badge badge-overdue">{t('deadline.overdue')}</span>
  if (compareDates(addDays(today, AT_RISK_DAYS), dueOn) >= 0) {
    return <span className="badge badge-at-risk">{t('deadline.atRisk', { count: AT_RISK_DAYS })}</span>
  }
  return null
}

function pageHref(query: ListQuery, page: number) {
  return `?${new URLSearchParams({
    ...(query.q ? { q: query.q } : {}),
    status: query.status,
    ...(query.scope ? { scope: query.scope } : {}),
    page: String(page),
  })}`
}

export function CaseListPagination({ query, pageCount }: { query: ListQuery; pageCount: number }) {
  const { t } = useTranslation('cases')
  return (
    <Pagination
      label={t('list.pagination')}
      page={query.page}
      pageCount={pageCount}
      hrefFor={(page) => pageHref(query, page)}
    />
  )
}
