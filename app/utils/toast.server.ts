import { createCookie, redirect } from '@remix-run/node'

import { isSecureDeployment, sessionSecret } from './env.server'

/** A one-time notice shown after a redirect; it carries an i18n key, never user data. */
const toastCookie = createCookie('toast', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: isSecureDeployment(),
  secrets: [sessionSecret()],
  maxAge: 60,
})

export async function redirectWithToast(url: string, messageKey: string, init?: ResponseInit) {
  const headers = new Headers(init?.headers)
  headers.append('Set-Cookie', await toastCookie.serialize(messageKey))
  return redirect(url, { ...init, headers })
}

/** Reads the pending notice and the header that clears it. */
export async function takeToast(request: Request) {
  const messageKey: unknown = await toastCookie.parse(request.headers.get('Cookie'))
  if (typeof messageKey !== 'string' || !messageKey) return { toast: null, headers: undefined }
  return { toast: messageKey, headers: { 'Set-Cookie': await toastCookie.serialize('', { maxAge: 0 }) } }
}
