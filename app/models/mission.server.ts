import type { MissionInput } from '~/schemas/missions'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'

import { recordAudit } from './audit.server'

type Actor = Pick<SessionUser, 'id'>

/** Every mission with the number of embassy users working for it, for the administrator's list. */
export async function listMissions() {
  return prisma.mission.findMany({
    orderBy: [{ country: 'asc' }, { city: 'asc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      country: true,
      city: true,
      visaSectionEmail: true,
      _count: { select: { users: { where: { staffRole: 'EMBASSY' } } } },
    },
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
      id: true,
      name: true,
      country: true,
      city: true,
      visaSectionEmail: true,
      users: {
        where: { staffRole: 'EMBASSY' },
        orderBy: { name: 'asc' },
        select: { id: true, name: true, deactivatedAt: true },
      },
    },
  })
}

type Db = Pick<typeof prisma, 'mission'>

export async function missionExists(missionId: string, db: Db = prisma) {
  return (await db.mission.count({ where: { id: missionId } })) === 1
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
