/** Pages a staff member without two-factor login may still open when the authority requires it. */
const SETUP_PATHS = ['/account/two-factor', '/logout']

type TwoFactorSubject = { staffRole: string | null; totpEnabledAt: Date | null }

/**
 * Whether this request must be sent to the two-factor set-up page: the setting is on, the user is
 * authority or embassy staff, has no TOTP yet, and is not already on the way there.
 */
export function mustSetUpTwoFactor(user: TwoFactorSubject, isRequired: boolean, pathname: string) {
  if (!isRequired || user.staffRole === null || user.totpEnabledAt) return false
  // Single fetch asks for `<path>.data`; the trailing slash is optional.
  const path = pathname.replace(/\.data$/, '').replace(/(.)\/$/, '$1')
  return !SETUP_PATHS.includes(path)
}
