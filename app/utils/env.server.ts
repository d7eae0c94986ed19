/** Configuration read from the environment; see .env.example. */
import { isLand, type Land } from '~/workflow/holidays'

export function sessionSecret() {
  const secret = process.env.SESSION_SECRET
  if (!secret) throw new Error('SESSION_SECRET is not set (the server generates one for local starts)')
  return secret
}

/** The public address of the portal, used in email links. */
export function appUrl() {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '')
}

/** Cookies are Secure whenever the portal is served over HTTPS. */
export function isSecureDeployment() {
  return appUrl().startsWith('https://')
}

/** The Land of the authority's seat: its public holidays end deadlines (§ 193 BGB). Default: North Rhine-Westphalia. */
export function authorityLand(): Land {
  const land = process.env.AUTHORITY_LAND ?? 'NW'
  if (!isLand(land)) throw new Error(`AUTHORITY_LAND must be a Land code such as NW or BY, not ${land}`)
  return land
}
