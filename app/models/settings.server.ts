import type { SettingsInput } from '~/schemas/settings'
import { prisma } from '~/utils/db.server'
import type { SessionUser } from '~/utils/session.server'

import { recordAudit } from './audit.server'

/** The installation's settings live in one row with this id. */
const SETTINGS_ID = 1

const defaults = { requireStaffTwoFactor: false }

/** The current settings; before an administrator first saves them, the defaults apply. */
export async function getSettings() {
  const settings = await prisma.settings.findUnique({
    where: { id: SETTINGS_ID },
    select: { requireStaffTwoFactor: true },
  })
  return settings ?? defaults
}

/** Whether authority and embassy staff must sign in with a second factor (an administrator's choice). */
export async function isStaffTwoFactorRequired() {
  return (await getSettings()).requireStaffTwoFactor
}

export async function updateSettings(actor: Pick<SessionUser, 'id'>, input: SettingsInput) {
  await prisma.$transaction(async (tx) => {
    const before = await tx.settings.findUnique({ where: { id: SETTINGS_ID } })
    const previous = before?.requireStaffTwoFactor ?? defaults.requireStaffTwoFactor
    await tx.settings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...input },
      update: input,
    })
    if (previous === input.requireStaffTwoFactor) return
    await recordAudit(
      {
        actorId: actor.id,
        action: 'settings.changed',
        subjectType: 'Settings',
        data: { requireStaffTwoFactor: { from: previous, to: input.requireStaffTwoFactor } },
      },
      tx,
    )
  })
}
