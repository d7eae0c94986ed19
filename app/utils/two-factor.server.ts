import { redirect } from '@remix-run/node'

import { isStaffTwoFactorRequired } from '~/models/settings.server'

import type { SessionUser } from './session.server'
import { mustSetUpTwoFactor } from './two-factor'

/**
 * Sends staff without two-factor login to its set-up page while the authority requires it (DESIGN §7).
 * Meant to run inside requireUser, after the user is known.
 */
export async function enforceStaffTwoFactor(
  user: Pick<SessionUser, 'staffRole' | 'totpEnabledAt'>,
  request: Request,
) {
  const { pathname } = new URL(request.url)
  // The cheap checks first: most users are not staff, or have TOTP already.
  if (!mustSetUpTwoFactor(user, true, pathname)) return
  if (await isStaffTwoFactorRequired()) throw redirect('/account/two-factor')
}
