import { firstName } from '~/emails/first-name'
import type { Prisma } from '~/generated/prisma/client'
import type {
  OrganizationDecision,
  OrganizationListQuery,
  RegisterOrganizationInput,
} from '~/schemas/organization'
import { prisma } from '~/utils/db.server'
import { appUrl } from '~/utils/env.server'

import { recordAudit } from './audit.server'
import { enqueueEmail, nudgeOutbox } from './outbox.server'

type Actor = { id: string }

export type Result<E extends string, T = object> = ({ ok: true } & T) | { ok: false; error: E }

const detailsSelect = {
  id: true,
  kind: true,
  legalName: true,
  street: true,
  postalCode: true,
  city: true,
  country: true,
  registerNumber: true,
  baCompanyNumber: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  deputyName: true,
  deputyEmail: true,
  deputyPhone: true,
  status: true,
  decisionReason: true,
  decidedAt: true,
  createdAt: true,
} satisfies Prisma.OrganizationSelect

const memberSelect = {
  id: true,
  role: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.MembershipSelect

/**
 * Serialises changes to one organization's memberships and invitations (the last-admin rule and the
 * duplicate-invitation rule read, then write).
 */
export async function lockOrganization(tx: Prisma.TransactionClient, organizationId: string) {
  await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`
}

/** A new organization starts pending; its creator becomes its first admin. */
export async function registerOrganization(actor: Actor, input: RegisterOrganizationInput) {
  return prisma.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: {
        ...input,
        baCompanyNumber: input.baCompanyNumber ?? null,
        createdById: actor.id,
        memberships: { create: { userId: actor.id, role: 'ORG_ADMIN' } },
      },
      select: { id: true },
    })
    await recordAudit(
      {
        actorId: actor.id,
        action: 'organization.registered',
        subjectType: 'Organization',
        subjectId: organization.id,
        data: { kind: input.kind },
      },
      tx,
    )
    return organization
  })
}

/** The organization as its members see it. */
export async function getOrganization(organizationId: string) {
  return prisma.organization.findUnique({
    where: { id: organizationId },
    select: { ...detailsSelect, _count: { select: { memberships: true } } },
  })
}

/** Members and open invitations, for the members page. */
export async function getMembersPage(organizationId: string, now = new Date()) {
  const [organization, members, invitations] = await Promise.all([
    prisma.organization.findUnique({
      where: { id: organizationId },
      select: { id: true, legalName: true, status: true },
    }),
    prisma.membership.findMany({
      where: { organizationId },
      select: memberSelect,
      orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
    }),
    prisma.invitation.findMany({
      where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, locale: true, expiresAt: true },
      orderBy: { createdAt: 'desc' },
    }),
  ])
  return organization && { organization, members, invitations }
}

/** Removes a member; an organization always keeps at least one admin. */
export async function removeMember(
  actor: Actor,
  organizationId: string,
  membershipId: string,
): Promise<Result<'notFound' | 'lastAdmin', { isSelf: boolean }>> {
  return prisma.$transaction(async (tx) => {
    await lockOrganization(tx, organizationId)
    const membership = await tx.membership.findFirst({
      where: { id: membershipId, organizationId },
      select: { id: true, userId: true, role: true },
    })
    if (!membership) return { ok: false, error: 'notFound' }
    if (membership.role === 'ORG_ADMIN') {
      const admins = await tx.membership.count({ where: { organizationId, role: 'ORG_ADMIN' } })
      if (admins <= 1) return { ok: false, error: 'lastAdmin' }
    }
    await tx.membership.delete({ where: { id: membership.id } })
    await recordAudit(
      {
        actorId: actor.id,
        action: 'membership.removed',
        subjectType: 'Organization',
        subjectId: organizationId,
        data: { userId: membership.userId, role: membership.role },
      },
      tx,
    )
    return { ok: true, isSelf: membership.userId === actor.id }
  })
}

export const ORGANIZATIONS_PER_PAGE = 50

/** The authority's list: pending ones oldest first (a queue), otherwise newest first. */
export async function listOrganizationsForAuthority({ status, page }: OrganizationListQuery) {
  const where: Prisma.OrganizationWhereInput = status === 'ALL' ? {} : { status }
  const orderBy: Prisma.OrganizationOrderByWithRelationInput[] =
    status === 'PENDING'
      ? [{ createdAt: 'asc' }]
      : status === 'ALL'
        ? [{ status: 'asc' }, { createdAt: 'desc' }]
        : [{ createdAt: 'desc' }]
  const [total, organizations] = await Promise.all([
    prisma.organization.count({ where }),
    prisma.organization.findMany({
      where,
      orderBy: [...orderBy, { id: 'asc' }],
      skip: (page - 1) * ORGANIZATIONS_PER_PAGE,
      take: ORGANIZATIONS_PER_PAGE,
      select: {
        id: true,
        legalName: true,
        kind: true,
        city: true,
        status: true,
        createdAt: true,
        _count: { select: { memberships: true } },
      },
    }),
  ])
  return { total, organizations, pageCount: Math.max(1, Math.ceil(total / ORGANIZATIONS_PER_PAGE)) }
}

/** Everything a lead officer needs to decide: details, members, and an earlier decision. */
export async function getOrganizationForAuthority(organizationId: string) {
  return prisma.organization.findUnique({
    where: { id: organizationId },
    select: {
      ...detailsSelect,
      decidedBy: { select: { name: true } },
      memberships: { select: memberSelect, orderBy: [{ role: 'asc' }, { createdAt: 'asc' }] },
    },
  })
}

export async function organizationExists(organizationId: string) {
  return (await prisma.organization.count({ where: { id: organizationId } })) > 0
}

export async function countPendingOrganizations() {
  return prisma.organization.count({ where: { status: 'PENDING' } })
}

/**
 * A lead officer verifies or rejects a pending organization. Only a pending one can be decided, so two
 * officers deciding at once cannot both succeed. The organization's admins are told by email.
 */
export async function decideOrganization(
  actor: Actor,
  organizationId: string,
  decision: OrganizationDecision,
): Promise<Result<'notFound' | 'alreadyDecided'>> {
  const isVerified = decision.intent === 'verify'
  const outcome = await prisma.$transaction(async (tx) => {
    const { count } = await tx.organization.updateMany({
      where: { id: organizationId, status: 'PENDING' },
      data: {
        status: isVerified ? 'VERIFIED' : 'REJECTED',
        decisionReason: decision.intent === 'reject' ? decision.reason : null,
        decidedAt: new Date(),
        decidedById: actor.id,
      },
    })
    if (count === 0) {
      const exists = await tx.organization.count({ where: { id: organizationId } })
      return exists ? 'alreadyDecided' : 'notFound'
    }
    await recordAudit(
      {
        actorId: actor.id,
        action: isVerified ? 'organization.verified' : 'organization.rejected',
        subjectType: 'Organization',
        subjectId: organizationId,
      },
      tx,
    )
    await notifyAdminsOfDecision(tx, organizationId, isVerified)
    return 'decided'
  })
  if (outcome !== 'decided') return { ok: false, error: outcome }
  void nudgeOutbox()
  return { ok: true }
}

async function notifyAdminsOfDecision(
  tx: Prisma.TransactionClient,
  organizationId: string,
  isVerified: boolean,
) {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      legalName: true,
      memberships: {
        where: { role: 'ORG_ADMIN', user: { deactivatedAt: null } },
        select: { user: { select: { email: true, name: true, locale: true } } },
      },
    },
  })
  const url = `${appUrl()}/organizations/${organizationId}`
  for (const { user } of organization.memberships) {
    await enqueueEmail(tx, {
      kind: isVerified ? 'organizationVerified' : 'organizationRejected',
      to: user.email,
      locale: user.locale,
      props: { firstName: firstName(user.name), organizationName: organization.legalName, url },
    })
  }
}
