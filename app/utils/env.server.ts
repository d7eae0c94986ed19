/** Configuration read from the environment; see .env.example. */
import { isLand, type Land } from '~/workflow/holidays'

export function sessionSecret() {
  const secret = process.env.SESSION_SECRET
  if (!secret) throw new Error('SESSION_SECRET is not set (the server generates one for local starts)')
  return secret
}

/** The public address of the portal, used in email links. */
export function appUrl() {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '')
}

/** Cookies are Secure whenever the portal is served over HTTPS. */
export function isSecureDeployment() {
  return appUrl().startsWith('https://')
}

/** The Land of the authority's seat: its public holidays end deadlines (§ 193 BGB). Default: North Rhine-Westphalia. */
export function authorityLand(): Land {
  const land = process.env.AUTHORITY_LAND ?? 'NW'
  if (!isLand(land)) throw new Error(`AUTHORITY_LAND must be a Land code such as NW or BY, not ${land}`)
  return land
}

/**
 * The AES-256 key documents are encrypted with at rest: 32 bytes, written as base64url, base64 or hex.
 * Generated into ./data for local starts; production must set it (and keep it: files cannot be read without).
 */
export function documentEncryptionKey(): Buffer {
  const value = process.env.DOCUMENT_ENCRYPTION_KEY
  if (!value)
    throw new Error('DOCUMENT_ENCRYPTION_KEY is not set (the server generates one for local starts)')
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64url')
  if (key.length !== 32)
    throw new Error('DOCUMENT_ENCRYPTION_KEY must be 32 bytes (base64url, base64 or hex)')
  return key
}

const DEFAULT_UPLOAD_MAX_MB = 20

/** The largest file accepted for upload, in bytes (UPLOAD_MAX_MB, default 20). */
export function uploadMaxBytes(): number {
  const megabytes = Number(process.env.UPLOAD_MAX_MB ?? DEFAULT_UPLOAD_MAX_MB)
  if (!Number.isFinite(megabytes) || megabytes <= 0)
    throw new Error('UPLOAD_MAX_MB must be a positive number')
  return Math.floor(megabytes * 1024 * 1024)
}
