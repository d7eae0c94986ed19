import { Link, useRouteLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import type { RootData } from '~/root'

export function useIsSignedIn() {
  return Boolean(useRouteLoaderData<RootData>('root')?.user)
}

/** Register and sign in, or for a signed-in user the way to the dashboard. */
export function StartLinks() {
  const { t } = useTranslation('public')
  const isSignedIn = useIsSignedIn()
  return (
    <p className="action-links">
      {isSignedIn ? (
        <Link className="button button-primary" to="/dashboard">
          {t('actions.dashboard')}
        </Link>
      ) : (
        <>
          <Link className="button button-primary" to="/signup">
            {t('actions.signup')}
          </Link>
          <Link className="button" to="/login">
            {t('actions.login')}
          </Link>
        </>
      )}
    </p>
  )
}
