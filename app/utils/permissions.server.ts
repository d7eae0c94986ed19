import { requireUser, type SessionUser } from './session.server'
import {
  canDoAuthorityAction,
  canDoOrganizationAction,
  membershipRole,
  type AuthorityAction,
  type OrganizationAction,
} from './permissions'

export function notFound(): never {
  throw new Response('Not Found', { status: 404 })
}

export function forbidden(): never {
  throw new Response('Forbidden', { status: 403 })
}

/**
 * The signed-in user, allowed to act on this organization. An organization the user does not belong
 * to answers 404 (no existence leak, DESIGN §7); a member without the right role gets 403.
 */
export async function requireOrganizationAccess(
  request: Request,
  organizationId: string | undefined,
  action: OrganizationAction,
): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!organizationId || !membershipRole(user, organizationId)) notFound()
  if (!canDoOrganizationAction(user, organizationId, action)) forbidden()
  return user
}

/** The signed-in user, holding a staff role that allows the action (403 otherwise). */
export async function requireAuthority(request: Request, action: AuthorityAction): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!canDoAuthorityAction(user, action)) forbidden()
  return user
}
