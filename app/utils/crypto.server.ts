import { createHash, randomBytes } from 'node:crypto'

/** A URL-safe random token with 256 bits of entropy. */
export function generateToken() {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored only as their SHA-256, so a database leak does not hand out sessions or links. */
export function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}
