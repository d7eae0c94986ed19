import { createSession } from './session.server'
import { formMessage } from './form-replies.server'
import { minutesToWait } from './rate-limit'
import { message } from './validation'

/** 429 with "try again in N minutes" in the user's language (the key is translated where it is shown). */
export function rateLimitedReply(retryAfterMs: number, values?: Record<string, string>) {
  return formMessage(message('auth:login.rateLimited', { count: minutesToWait(retryAfterMs) }), values, {
    status: 429,
    headers: { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) },
  })
}

/** The Set-Cookie headers that sign the user in, plus any others (e.g. clearing the 2FA challenge). */
export async function signedInHeaders(userId: string, request: Request, ...extraCookies: string[]) {
  const headers = new Headers()
  headers.append('Set-Cookie', await createSession(userId, request))
  for (const cookie of extraCookies) headers.append('Set-Cookie', cookie)
  return headers
}
