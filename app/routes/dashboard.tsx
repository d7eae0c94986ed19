import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { OrganizationStatusBadge } from '~/components/organization-status-badge'
import { getDashboard } from '~/models/dashboard.server'
import type { PageHandle } from '~/utils/page-title'
import { requireUser } from '~/utils/session.server'

export const handle: PageHandle = { pageTitle: (t) => t('organizations:dashboard.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { name: user.name, dashboard: await getDashboard(user) }
}

type Dashboard = Awaited<ReturnType<typeof getDashboard>>

export default function DashboardPage() {
  const { t } = useTranslation('organizations')
  const { name, dashboard } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('dashboard.greeting', { name })}</h1>
      <RoleDashboard dashboard={dashboard} />
    </>
  )
}

function RoleDashboard({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation('organizations')
  switch (dashboard.kind) {
    case 'organization':
      return <OrganizationUserDashboard dashboard={dashboard} />
    case 'lead':
      return (
        <>
          <OfficerCases counts={dashboard.caseCounts} />
          <section className="card" aria-labelledby="pending-heading">
            <h2 id="pending-heading">{t('dashboard.lead.heading')}</h2>
            <p>{t('dashboard.lead.pending', { count: dashboard.pendingCount })}</p>
            <p>
              <Link className="button button-primary" to="/authority/organizations?status=PENDING">
                {t('dashboard.lead.review')}
              </Link>
            </p>
          </section>
        </>
      )
    case 'officer':
      return (
        <>
          <OfficerCases counts={dashboard.caseCounts} />
          <section className="card" aria-labelledby="organizations-heading">
            <h2 id="organizations-heading">{t('dashboard.officer.heading')}</h2>
            <p>{t('dashboard.officer.text')}</p>
            <p>
              <Link className="button" to="/authority/organizations">
                {t('dashboard.officer.link')}
              </Link>
            </p>
          </section>
        </>
      )
    case 'admin':
      return (
        <ul className="card-grid">
          {(['staff', 'missions', 'settings'] as const).map((area) => (
            <li key={area} className="card">
              <h2>
                <Link to={`/admin/${area}`}>{t(`dashboard.admin.${area}.title`)}</Link>
              </h2>
              <p>{t(`dashboard.admin.${area}.text`)}</p>
            </li>
          ))}
        </ul>
      )
    case 'embassy':
      return (
        <section className="card" aria-labelledby="mission-heading">
          <h2 id="mission-heading">{dashboard.missionName ?? t('dashboard.embassy.noMissionHeading')}</h2>
          <p>{dashboard.missionName ? t('dashboard.embassy.text') : t('dashboard.embassy.noMission')}</p>
        </section>
      )
  }
}

function OrganizationUserDashboard({
  dashboard,
}: {
  dashboard: Extract<Dashboard, { kind: 'organization' }>
}) {
  const { t } = useTranslation('organizations')
  const { isEmailVerified, organizations } = dashboard
  return (
    <>
      {isEmailVerified ? null : (
        <div className="notice" role="status">
          <p>{t('dashboard.verifyEmail')}</p>
          <p>
            <a href="/verify-email">{t('register.verifyEmailLink')}</a>
          </p>
        </div>
      )}
      {organizations.length === 0 ? (
        <section className="card" aria-labelledby="register-heading">
          <h2 id="register-heading">{t('dashboard.noOrganization.heading')}</h2>
          <p>{t('dashboard.noOrganization.text')}</p>
          <p>{t('dashboard.noOrganization.invited')}</p>
          {isEmailVerified ? (
            <p>
              <Link className="button button-primary" to="/organizations/new">
                {t('dashboard.noOrganization.register')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <h2>{t('dashboard.organizationsHeading')}</h2>
          <ul className="card-grid">
            {organizations.map((organization) => (
              <li key={organization.id} className="card">
                <h3>
                  <Link to={`/organizations/${organization.id}`}>{organization.legalName}</Link>
                </h3>
                <p>
                  <OrganizationStatusBadge status={organization.status} />
                </p>
                <p>{t('overview.yourRole', { role: t(`roles.${organization.role}`) })}</p>
                <p>{t(`dashboard.nextStep.${organization.status}`)}</p>
                <p>
                  <Link to={`/organizations/${organization.id}/members`}>{t('dashboard.members')}</Link>
                </p>
              </li>
            ))}
          </ul>
          {isEmailVerified ? (
            <p>
              <Link to="/organizations/new">{t('dashboard.registerAnother')}</Link>
            </p>
          ) : null}
        </>
      )}
    </>
  )
}

type CaseCounts = { mine: number; unassigned: number; overdue: number }

/** How many open cases the officer has, nobody has, and are overdue; the first two link to their list. */
function OfficerCases({ counts }: { counts: CaseCounts }) {
  const { t } = useTranslation('cases')
  const links: [keyof CaseCounts, string | null][] = [
    ['mine', '/authority/cases?scope=mine'],
    ['unassigned', '/authority/cases?scope=unassigned'],
    ['overdue', null],
  ]
  return (
    <section className="card" aria-labelledby="cases-heading">
      <h2 id="cases-heading">{t('dashboard.heading')}</h2>
      <ul>
        {links.map(([kind, to]) => (
          <li key={kind}>
            {to ? (
              <Link to={to}>{t(`dashboard.${kind}`, { count: counts[kind] })}</Link>
            ) : (
              t(`dashboard.${kind}`, { count: counts[kind] })
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
