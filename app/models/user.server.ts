import { prisma } from '~/utils/db.server'
import type { Language } from '~/utils/i18n'

export async function setPreferredLanguage(userId: string, language: Language) {
  await prisma.user.update({ where: { id: userId }, data: { locale: language } })
}
