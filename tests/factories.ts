/**
 * Builders for test and demo data, shared by prisma/seed.ts and the tests (STYLE.md).
 * They write through Prisma directly: what they build is the starting state, not a user action.
 */
import type { OrganizationKind, OrgRole, StaffRole } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { hashPassword } from '~/utils/password.server'

import { DEMO_PASSWORD } from './demo'

export { DEMO_PASSWORD }

let sequence = 0
const next = () => ++sequence

type UserInput = {
  email?: string
  name?: string
  password?: string
  locale?: string
  staffRole?: StaffRole
  missionId?: string
  isVerified?: boolean
}

export async function createUser(input: UserInput = {}) {
  const n = next()
  return prisma.user.create({
    data: {
      email: (input.email ?? `user${n}-${Date.now()}@example.test`).toLowerCase(),
      name: input.name ?? `Test User ${n}`,
      locale: input.locale ?? 'de',
      staffRole: input.staffRole ?? null,
      missionId: input.missionId ?? null,
      emailVerifiedAt: input.isVerified === false ? null : new Date(),
      password: { create: { hash: await hashPassword(input.password ?? DEMO_PASSWORD) } },
    },
  })
}

type OrganizationInput = {
  createdById: string
  kind?: OrganizationKind
  legalName?: string
  status?: 'PENDING' | 'VERIFIED' | 'REJECTED'
  city?: string
}

export async function createOrganization(input: OrganizationInput) {
  const n = next()
  const status = input.status ?? 'VERIFIED'
  return prisma.organization.create({
    data: {
      kind: input.kind ?? 'EMPLOYER',
      legalName: input.legalName ?? `Test Organisation ${n} GmbH`,
      street: 'Hafenweg 12',
      postalCode: '48155',
      city: input.city ?? 'Münster',
      registerNumber: `HRB ${10_000 + n}`,
      contactName: 'Petra Schulte',
      contactEmail: `kontakt${n}@example.test`,
      contactPhone: '+49 251 123456',
      deputyName: 'Jonas Becker',
      deputyEmail: `vertretung${n}@example.test`,
      deputyPhone: '+49 251 123457',
      status,
      decidedAt: status === 'PENDING' ? null : new Date(),
      createdById: input.createdById,
      memberships: { create: { userId: input.createdById, role: 'ORG_ADMIN' } },
    },
  })
}

export async function addMember(organizationId: string, userId: string, role: OrgRole = 'ORG_MEMBER') {
  return prisma.membership.create({ data: { organizationId, userId, role } })
}

export async function createMission(input: { name?: string; country?: string; city?: string } = {}) {
  return prisma.mission.create({
    data: {
      name: input.name ?? 'Deutsche Botschaft Neu-Delhi',
      country: input.country ?? 'IN',
      city: input.city ?? 'New Delhi',
      visaSectionEmail: `visa${next()}@mission.example.test`,
    },
  })
}
