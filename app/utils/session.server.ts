import { createCookie, redirect } from '@remix-run/node'

import { prisma } from './db.server'
import { generateToken, hashToken } from './crypto.server'
import { isSecureDeployment, sessionSecret } from './env.server'
import { enforceStaffTwoFactor } from './two-factor.server'

export const SESSION_LIFETIME_MS = 1000 * 60 * 60 * 24 * 14
const LAST_SEEN_RESOLUTION_MS = 1000 * 60 * 5

/** The cookie holds only the session token; everything else lives in the database. */
export const sessionCookie = createCookie('__session', {
  path: '/',
  httpOnly: true,
  sameSite: 'lax',
  secure: isSecureDeployment(),
  secrets: [sessionSecret()],
})

const userSelect = {
  id: true,
  email: true,
  name: true,
  locale: true,
  staffRole: true,
  missionId: true,
  emailVerifiedAt: true,
  totpEnabledAt: true,
  memberships: {
    select: { organizationId: true, role: true, organization: { select: { legalName: true, status: true } } },
    orderBy: { createdAt: 'asc' },
  },
} as const

export type SessionUser = {
  id: string
  email: string
  name: string
  locale: string
  staffRole: 'ADMIN' | 'LEAD_OFFICER' | 'OFFICER' | 'EMBASSY' | null
  missionId: string | null
  emailVerifiedAt: Date | null
  totpEnabledAt: Date | null
  memberships: {
    organizationId: string
    role: 'ORG_ADMIN' | 'ORG_MEMBER'
    organization: { legalName: string; status: 'PENDING' | 'VERIFIED' | 'REJECTED' }
  }[]
  sessionId: string
}

const userByRequest = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user, looked up once per request (the language detector and loaders share it). */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let pending = userByRequest.get(request)
  if (!pending) {
    pending = loadUser(request)
    userByRequest.set(request, pending)
  }
  return pending
}

async function loadUser(request: Request): Promise<SessionUser | null> {
  const token: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
  if (typeof token !== 'string' || !token) return null
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { ...userSelect, deactivatedAt: true } },
    },
  })
  if (!session || session.expiresAt < new Date() || session.user.deactivatedAt) return null
  if (Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } })
  }
  const { deactivatedAt: _deactivated, ...user } = session.user
  return { ...user, sessionId: session.id }
}

/**
 * Sends anonymous visitors to the login page and brings them back afterwards, and staff without
 * two-factor login to its set-up while the authority requires it.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request)
  if (!user) {
    const url = new URL(request.url)
    const redirectTo = `${url.pathname}${url.search}`
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`)
  }
  await enforceStaffTwoFactor(user, request)
  return user
}

export async function requireAnonymous(request: Request) {
  if (await getOptionalUser(request)) throw redirect('/dashboard')
}

/** Starts a session and returns the Set-Cookie header value. */
export async function createSession(userId: string, request: Request) {
  const token = generateToken()
  await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
      userAgent: request.headers.get('User-Agent')?.slice(0, 200) ?? null,
    },
  })
  return sessionCookie.serialize(token, { maxAge: SESSION_LIFETIME_MS / 1000 })
}

/** Ends the current session and returns the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request) {
  const token: unknown = await sessionCookie.parse(request.headers.get('Cookie'))
  if (typeof token === 'string' && token) {
    await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } })
  }
  return sessionCookie.serialize('', { maxAge: 0 })
}

/** Only allows same-site relative paths, so a redirect parameter cannot send users elsewhere. */
export function safeRedirectPath(
  to: FormDataEntryValue | string | null | undefined,
  fallback = '/dashboard',
) {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\'))
    return fallback
  return to
}
