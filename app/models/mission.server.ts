import type { Prisma } from '~/generated/prisma/client'
import type { MissionInput } from '~/schemas/missions'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'

import { recordAudit } from './audit.server'

type Actor = Pick<SessionUser, 'id'>

/** A mission as the administrator's pages show it. */
const missionSelect = {
  id: true,
  name: true,
  country: true,
  city: true,
  visaSectionEmail: true,
} satisfies Prisma.MissionSelect

const embassyStaff = { staffRole: 'EMBASSY' } satisfies Prisma.UserWhereInput

/** Every mission with the number of embassy users working for it, for the administrator's list. */
export async function listMissions() {
  return prisma.mission.findMany({
    orderBy: [{ country: 'asc' }, { city: 'asc' }, { name: 'asc' }],
    select: { ...missionSelect, _count: { select: { users: { where: embassyStaff } } } },
  })
}

/** Missions to choose from when an embassy user is created or moved. */
export async function listMissionChoices() {
  return prisma.mission.findMany({
    orderBy: [{ name: 'asc' }, { city: 'asc' }],
    select: { id: true, name: true, city: true },
  })
}

/** The mission with its embassy users, for its edit page. */
export async function getMission(missionId: string) {
  return prisma.mission.findUnique({
    where: { id: missionId },
    select: {
      ...missionSelect,
      users: {
        where: embassyStaff,
        orderBy: { name: 'asc' },
        select: { id: true, name: true, deactivatedAt: true },
      },
    },
  })
}

export async function missionExists(missionId: string) {
  return (await prisma.mission.count({ where: { id: missionId } })) === 1
}

export async function createMission(actor: Actor, input: MissionInput) {
  return prisma.$transaction(async (tx) => {
    const mission = await tx.mission.create({ data: input, select: { id: true } })
    await recordAudit(
      { actorId: actor.id, action: 'mission.created', subjectType: 'Mission', subjectId: mission.id },
      tx,
    )
    return mission
  })
}

/** Updates the mission and records which fields changed (mission data is not personal data). */
export async function updateMission(actor: Actor, missionId: string, input: MissionInput) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.mission.findUniqueOrThrow({ where: { id: missionId } })
    const changedFields = (Object.keys(input) as (keyof MissionInput)[]).filter(
      (field) => before[field] !== input[field],
    )
    if (changedFields.length === 0) return
    await tx.mission.update({ where: { id: missionId }, data: input })
    await recordAudit(
      {
        actorId: actor.id,
        action: 'mission.updated',
        subjectType: 'Mission',
        subjectId: missionId,
        data: { changedFields },
      },
      tx,
    )
  })
}
