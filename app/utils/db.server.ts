import { PrismaPg } from '@prisma/adapter-pg'

import { Prisma, PrismaClient } from '~/generated/prisma/client'

function createClient() {
  const connectionString = process.env.DATABASE_URL
  if (!connectionString)
    throw new Error('DATABASE_URL is not set (the server sets it for the embedded database)')
  // The embedded database serves every connection from one session, so its pool must be 1 (DESIGN §3).
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10)
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) })
}

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient }

/** One client per process, also across development rebuilds. */
export const prisma = (globalForPrisma.prisma ??= createClient())

/** The write broke a unique index (P2002): another request took the same address between check and insert. */
export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

export async function isDatabaseUp() {
  try {
    await prisma.$queryRaw`SELECT 1`
    return true
  } catch {
    return false
  }
}
