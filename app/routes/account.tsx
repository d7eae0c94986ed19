import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { requireUser } from '~/utils/session.server'

/** The account area: a heading and sub-navigation around profile, password, sessions and 2FA. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { isStaff: user.staffRole !== null }
}

export default function AccountLayout() {
  const { t } = useTranslation('auth')
  const { isStaff } = useLoaderData<typeof loader>()
  const sections = [
    { to: '/account', label: t('account.nav.profile') },
    { to: '/account/password', label: t('account.nav.password') },
    { to: '/account/sessions', label: t('account.nav.sessions') },
    ...(isStaff ? [{ to: '/account/two-factor', label: t('account.nav.twoFactor') }] : []),
  ]
  return (
    <>
      <h1>{t('account.title')}</h1>
      <nav aria-label={t('account.nav.label')}>
        <ul className="nav-list">
          {sections.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end>
                {/* The current section is marked by more than colour: aria-current and bold text. */}
                {({ isActive }) => (isActive ? <strong>{section.label}</strong> : section.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  )
}
