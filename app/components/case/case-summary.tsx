import { Link } from '@remix-run/react'
import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { CaseDetail } from '~/models/case.server'
import { fromDateOnly } from '~/utils/date-only'
import { formatDate, formatEuros } from '~/utils/locale-format'

type SummaryCase = Pick<
  CaseDetail,
  | 'fileNumber'
  | 'candidate'
  | 'organization'
  | 'procedureId'
  | 'state'
  | 'position'
  | 'annualSalary'
  | 'plannedStartOn'
  | 'assignedOfficer'
  | 'status'
>

/** The case at a glance; names link to the candidate or organization where the reader may open them. */
export function CaseSummary({
  kase,
  candidateHref,
  organizationHref,
}: {
  kase: SummaryCase
  candidateHref?: string
  organizationHref?: string
}) {
  const { t, i18n } = useTranslation('cases')
  const candidateName = t('candidates:list.name', kase.candidate)
  const rows: [string, ReactNode][] = [
    [
      'fileNumber',
      <span key="fileNumber" dir="ltr">
        {kase.fileNumber}
      </span>,
    ],
    ['candidate', candidateHref ? <Link to={candidateHref}>{candidateName}</Link> : candidateName],
    [
      'organization',
      organizationHref ? (
        <Link to={organizationHref}>{kase.organization.legalName}</Link>
      ) : (
        kase.organization.legalName
      ),
    ],
    ['procedure', t(`workflow:procedures.${kase.procedureId}`)],
    // The title may have changed on the way (a partial recognition leads to § 16d): the state has the current one.
    ['title', t(`workflow:titles.${kase.state.title}`)],
    ['position', kase.position],
    [
      'annualSalary',
      kase.annualSalary === null
        ? t('summary.notGiven')
        : formatEuros({ salary: kase.annualSalary }, i18n.language).salary,
    ],
    [
      'plannedStartOn',
      kase.plannedStartOn
        ? formatDate(fromDateOnly(kase.plannedStartOn), i18n.language)
        : t('summary.notGiven'),
    ],
    ['assignedOfficer', kase.assignedOfficer?.name ?? t('summary.unassigned')],
    ['status', t(`workflow:caseStatus.${kase.status}`)],
  ]
  return (
    <dl className="details">
      {rows.map(([field, value]) => (
        <Fragment key={field}>
          <dt>{t(`fields.${field}`)}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
