import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { OrganizationDetails, Paragraphs } from '~/components/organization-details'
import { OrganizationStatusBadge } from '~/components/organization-status-badge'
import { getOrganization } from '~/models/organization.server'
import type { PageHandle } from '~/utils/page-title'
import { canDoOrganizationAction, membershipRole } from '~/utils/permissions'
import { notFound, requireOrganizationAccess } from '~/utils/permissions.server'

export const handle: PageHandle = {
  pageTitle: (t, data) =>
    (data as { organization?: { legalName: string } } | undefined)?.organization?.legalName ??
    t('organizations:overview.title'),
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireOrganizationAccess(request, params.orgId, 'view')
  const organization = (await getOrganization(params.orgId!)) ?? notFound()
  return {
    organization,
    role: membershipRole(user, organization.id),
    canManageMembers: canDoOrganizationAction(user, organization.id, 'manageMembers'),
  }
}

export default function OrganizationOverview() {
  const { t } = useTranslation('organizations')
  const { organization, role, canManageMembers } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{organization.legalName}</h1>
      <section aria-labelledby="status-heading" className="card">
        <h2 id="status-heading">
          {t('overview.statusHeading')} <OrganizationStatusBadge status={organization.status} />
        </h2>
        <p>{t(`overview.statusText.${organization.status}`)}</p>
        {organization.status === 'REJECTED' && organization.decisionReason ? (
          <>
            <h3>{t('overview.reasonHeading')}</h3>
            <Paragraphs text={organization.decisionReason} />
          </>
        ) : null}
      </section>
      {role ? <p>{t('overview.yourRole', { role: t(`roles.${role}`) })}</p> : null}
      <h2>{t('overview.detailsHeading')}</h2>
      <OrganizationDetails organization={organization} />
      <h2>{t('overview.membersHeading')}</h2>
      <p>{t('overview.memberCount', { count: organization._count.memberships })}</p>
      <p>
        <Link to={`/organizations/${organization.id}/members`} className="button">
          {canManageMembers ? t('overview.manageMembers') : t('overview.viewMembers')}
        </Link>
      </p>
      <h2>{t('candidates:overview.heading')}</h2>
      <p>
        <Link to={`/organizations/${organization.id}/candidates`} className="button">
          {t('candidates:overview.link')}
        </Link>
      </p>
      <h2>{t('cases:overview.heading')}</h2>
      <p>
        <Link to={`/organizations/${organization.id}/cases`} className="button">
          {t('cases:overview.link')}
        </Link>{' '}
        <Link to={`/organizations/${organization.id}/cases/new`} className="button">
          {t('cases:list.start')}
        </Link>
      </p>
    </>
  )
}
