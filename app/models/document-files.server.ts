/** Which stored files the documents table still points to: the orphan sweep keeps those. */
import { prisma } from '~/utils/db.server'

export async function referencedStorageKeys(keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set()
  const documents = await prisma.document.findMany({
    where: { storageKey: { in: keys } },
    select: { storageKey: true },
  })
  return new Set(documents.map((document) => document.storageKey))
}
