import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

type Crumb = { to: string; label: string }

/** Where a page sits in the administration area: the way back to its list, then the current page. */
export function AdminBreadcrumbs({ trail, current }: { trail: Crumb[]; current: string }) {
  const { t } = useTranslation('staff')
  return (
    <nav aria-label={t('breadcrumbs')}>
      <ol className="nav-list">
        {trail.map((crumb) => (
          <li key={crumb.to}>
            <Link to={crumb.to}>{crumb.label}</Link>
            <span aria-hidden="true"> /</span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  )
}
