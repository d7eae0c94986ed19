import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * For a local start only: a secret generated once and kept in ./data, so sessions survive restarts.
 * Production must set the variable itself.
 */
export function ensureLocalSecret(name: string, file: string) {
  if (process.env[name]) return
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 })
  }
  process.env[name] = readFileSync(file, 'utf8').trim()
}
