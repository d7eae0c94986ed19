import type { Params } from '@remix-run/react'

import { getAuthorityCase, getOrganizationCase } from '~/models/case.server'

import { canDoAuthorityAction } from './permissions'
import { notFound, requireOrganizationAccess } from './permissions.server'
import { requireUser } from './session.server'

/**
 * A case of the organization in the address, for one of its members. A case of another organization
 * answers 404 like a case that does not exist (DESIGN §7: no existence leak).
 */
export async function requireOrganizationCase(request: Request, params: Params) {
  const user = await requireOrganizationAccess(request, params.orgId, 'view')
  const kase = (await getOrganizationCase(params.orgId!, params.caseId ?? '')) ?? notFound()
  return { user, kase }
}

/**
 * A case of the authority, for an officer or lead officer. Anyone else gets 404, as for a case that does
 * not exist: an embassy or admin account learns nothing about case ids (issue 4).
 */
export async function requireAuthorityCase(request: Request, params: Params) {
  const user = await requireUser(request)
  if (!canDoAuthorityAction(user, 'workCases')) notFound()
  const kase = (await getAuthorityCase(params.caseId ?? '')) ?? notFound()
  return { user, kase }
}
