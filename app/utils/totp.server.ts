import { Secret, TOTP } from 'otpauth'
import QRCode from 'qrcode'

// RFC 6238 defaults, which every authenticator app understands.
const TOTP_PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const
// One step either side tolerates clocks that are up to 30 seconds apart.
const TOTP_WINDOW = 1

/** A new random 160-bit secret (RFC 4226 recommends 160 bits), base32-encoded. */
export function generateTotpSecret() {
  return new Secret({ size: 20 }).base32
}

function totpFor(secret: string, issuer = '', label = '') {
  return new TOTP({ ...TOTP_PARAMETERS, issuer, label, secret: Secret.fromBase32(secret) })
}

/** The time step (RFC 6238 counter) the six-digit code belongs to, or null when it is not valid now. */
export function totpStepOf(secret: string, code: string, timestamp = Date.now()) {
  const delta = totpFor(secret).validate({ token: code, timestamp, window: TOTP_WINDOW })
  return delta === null ? null : Math.floor(timestamp / 1000 / TOTP_PARAMETERS.period) + delta
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, issuer: string, accountName: string) {
  return totpFor(secret, issuer, accountName).toString()
}

/** The QR code as an SVG data URL, shown in an <img> (the page's CSP allows data: images). */
export async function qrCodeDataUrl(text: string) {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupSecret(secret: string) {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret
}
