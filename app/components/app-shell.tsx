import { Form, NavLink, useLocation, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { RootData } from '~/root'
import { languages } from '~/utils/i18n'

import { translateMessage } from './form'
import { UnreadBadge } from './messages/unread-badge'
import { LanguageSwitcher } from './language-switcher'

/** A translated label (labelKey) or a proper name shown as it is (label). */
type NavItem = (
  | { to: string; labelKey: string; values?: Record<string, string>; label?: undefined }
  | { to: string; label: string; labelKey?: undefined }
) & { unread?: number }

type ShellUser = NonNullable<Awaited<ReturnType<RootData>>['data']['user']>

function navigationFor(user: ShellUser | null): NavItem[] {
  if (!user) return [{ to: '/', labelKey: 'nav.home' }]
  const items: NavItem[] = [{ to: '/dashboard', labelKey: 'nav.dashboard' }]
  switch (user.staffRole) {
    case 'ADMIN':
      items.push(
        { to: '/admin/staff', labelKey: 'nav.staff' },
        { to: '/admin/missions', labelKey: 'nav.missions' },
        { to: '/admin/outbox', labelKey: 'staff:outbox.nav' },
        { to: '/admin/settings', labelKey: 'nav.settings' },
      )
      break
    case 'LEAD_OFFICER':
    case 'OFFICER':
      items.push(
        { to: '/authority/cases', labelKey: 'cases:nav.cases' },
        { to: '/authority/organizations', labelKey: 'nav.organizations' },
        messagesItem(user),
      )
      break
    case 'EMBASSY':
      break
    default:
      for (const organization of user.organizations) {
        items.push({ to: `/organizations/${organization.id}`, label: organization.legalName })
        // With several organizations, each "Cases" entry names its organization.
        items.push(
          user.organizations.length === 1
            ? { to: `/organizations/${organization.id}/cases`, labelKey: 'cases:nav.cases' }
            : {
                to: `/organizations/${organization.id}/cases`,
                labelKey: 'cases:nav.casesOf',
                values: { organization: organization.legalName },
              },
        )
      }
      if (user.organizations.length > 0) items.push(messagesItem(user))
  }
  items.push({ to: '/account', labelKey: 'nav.account' })
  return items
}

function messagesItem(user: ShellUser): NavItem {
  return { to: '/inbox', labelKey: 'messages:nav.messages', unread: user.unreadMessages ?? 0 }
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const rootData = useRouteLoaderData<RootData>('root')
  const user = rootData?.user ?? null
  const location = useLocation()
  const here = `${location.pathname}${location.search}`
  return (
    <>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="brand" href={user ? '/dashboard' : '/'}>
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-authority">{t('app.authority')}</span>
          </a>
          <nav aria-label={t('shell.mainNavigation')}>
            <ul className="nav-list">
              {navigationFor(user).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'}>
                    {item.label ?? t(item.labelKey, item.values)}
                    {item.unread ? (
                      <>
                        {' '}
                        <UnreadBadge count={item.unread} />
                      </>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <LanguageSwitcher redirectTo={here} />
            {user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="button button-quiet">
                  {t('shell.signOut')}
                </button>
              </Form>
            ) : (
              <p className="auth-links">
                <a href="/login">{t('shell.signIn')}</a>
                <a className="button button-primary" href="/signup">
                  {t('shell.register')}
                </a>
              </p>
            )}
          </div>
        </div>
      </header>
      {rootData?.toast ? (
        <div className="toast" role="status">
          {translateMessage(t, rootData.toast)}
        </div>
      ) : null}
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label={t('shell.footerNavigation')}>
          <ul className="nav-list">
            <li>
              <a href="/accessibility">{t('footer.accessibility')}</a>
            </li>
            <li>
              <a href="/privacy">{t('footer.privacy')}</a>
            </li>
            <li>
              <a href="/imprint">{t('footer.imprint')}</a>
            </li>
          </ul>
        </nav>
        <p>{t('footer.languagesAvailable', { count: languages.length })}</p>
      </footer>
    </>
  )
}
