import { createCookie } from '@remix-run/node'

import { TOKEN_LIFETIME_MS } from '~/models/token.server'

import { isSecureDeployment, sessionSecret } from './env.server'

/**
 * Between the password and the TOTP code of a two-factor login: a signed cookie holding the one-time
 * TWO_FACTOR_LOGIN token (no session exists yet) and where to go afterwards.
 */
const challengeCookie = createCookie('__login_challenge', {
  path: '/login',
  httpOnly: true,
  sameSite: 'lax',
  secure: isSecureDeployment(),
  secrets: [sessionSecret()],
  maxAge: TOKEN_LIFETIME_MS.TWO_FACTOR_LOGIN / 1000,
})

export type LoginChallenge = { token: string; redirectTo: string }

export function startChallenge(challenge: LoginChallenge) {
  return challengeCookie.serialize(challenge)
}

export async function readChallenge(request: Request): Promise<LoginChallenge | null> {
  const value: unknown = await challengeCookie.parse(request.headers.get('Cookie'))
  if (typeof value !== 'object' || value === null) return null
  const { token, redirectTo } = value as Partial<LoginChallenge>
  return typeof token === 'string' && typeof redirectTo === 'string' ? { token, redirectTo } : null
}

export function endChallenge() {
  return challengeCookie.serialize('', { maxAge: 0 })
}
