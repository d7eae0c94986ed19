import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { AppShell } from './components/app-shell'
import { countUnread, messageReaderFor } from './models/message.server'
import stylesheet from './styles/app.css'
import { directionOf } from './utils/i18n'
import { getLocale } from './utils/i18n.server'
import { useNonce } from './utils/nonce'
import { errorKind, usePageTitle } from './utils/page-title'
import { getOptionalUser } from './utils/session.server'
import { takeToast } from './utils/toast.server'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, user, { toast, headers }] = await Promise.all([
    getLocale(request),
    getOptionalUser(request),
    takeToast(request),
  ])
  const reader = user && messageReaderFor(user)
  return data(
    {
      locale,
      toast,
      user: user && {
        name: user.name,
        staffRole: user.staffRole,
        organizations: user.memberships.map((membership) => ({
          id: membership.organizationId,
          legalName: membership.organization.legalName,
        })),
        unreadMessages: reader ? await countUnread(reader) : null,
      },
    },
    { headers },
  )
}

export type RootData = typeof loader

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRouteLoaderData<RootData>('root')
  const { i18n } = useTranslation()
  const locale = rootData?.locale ?? i18n.language
  const nonce = useNonce()
  const title = usePageTitle()
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return (
    <AppShell>
      <Outlet />
    </AppShell>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const { t } = useTranslation()
  const kind = errorKind(error)
  if (!isRouteErrorResponse(error)) console.error(error)
  return (
    <AppShell>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.text`)}</p>
      <p>
        <a href="/">{t('errors.home')}</a>
      </p>
    </AppShell>
  )
}
