import { Secret, TOTP } from 'otpauth'

import type { RouteResult } from '../../support/requests'

/** `name=value` of a cookie the response sets, ready for a Cookie header; null when it sets none. */
export function cookieSetBy(result: RouteResult, name: string) {
  const cookie = result.headers.getSetCookie().find((header) => header.startsWith(`${name}=`))
  return cookie ? cookie.split(';')[0]! : null
}

/** The code an authenticator app would show now (or `steps` periods later). */
/** The code of one RFC 6238 time step (e.g. a step already spent). */
export function totpCodeOfStep(secret: string, step: number) {
  return totpCode(secret, step - Math.floor(Date.now() / 30_000))
}

export function totpCode(secret: string, steps = 0) {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) })
  return totp.generate({ timestamp: Date.now() + steps * 30_000 })
}
