/** Configuration read from the environment; see .env.example. */

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
