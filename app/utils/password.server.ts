import { hash, verify } from '@node-rs/argon2'

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes); the library's default algorithm is argon2id.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string) {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Spends the same time as a real check, so response times do not reveal whether an account exists. */
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string) {
  dummyHash ??= hashPassword('timing-equaliser-not-a-real-password')
  await verifyPassword(await dummyHash, password)
  return false
}
