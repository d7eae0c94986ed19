/**
 * What an uploaded document is, judged by its content, and the name it is shown under. Shared by the
 * server (the authority) and the browser (early feedback before a large upload starts).
 */
export const allowedMimeTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const
export type AllowedMimeType = (typeof allowedMimeTypes)[number]

/** The longest signature below (PNG) is 8 bytes. */
export const FILE_TYPE_SNIFF_BYTES = 8

const signatures: { mimeType: AllowedMimeType; magic: readonly number[] }[] = [
  { mimeType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // "%PDF-"
  { mimeType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mimeType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
]

/**
 * By magic bytes only (PDF "%PDF-", JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A); null otherwise. Needs the
 * first 8 bytes: a shorter input is not a usable document of any of these types.
 */
export function detectFileType(head: Uint8Array): AllowedMimeType | null {
  if (head.length < FILE_TYPE_SNIFF_BYTES) return null
  const match = signatures.find(({ magic }) => magic.every((byte, index) => head[index] === byte))
  return match?.mimeType ?? null
}

const MAX_NAME_LENGTH = 120
/** Longer endings are not treated as an extension worth keeping when a name is shortened. */
const MAX_EXTENSION_LENGTH = 10
const FALLBACK_NAME = 'document'

/**
 * Control characters and the invisible bidirectional marks and overrides (U+061C, U+200E/F, U+202A–E,
 * U+2066–9): an override can make "invoice‮fdp.exe" display as "invoiceexe.pdf".
 */
const UNSAFE_CHARACTERS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

/**
 * Display name only: strips directories (../, /, \), control and bidi-override characters, trims, max 120
 * chars keeping the extension; '' becomes 'document'. Never use the result as a path.
 */
export function sanitizeFileName(name: string): string {
  const baseName = name.normalize('NFC').split(/[/\\]/).pop() ?? ''
  const cleaned = baseName.replace(UNSAFE_CHARACTERS, '').trim()
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return FALLBACK_NAME
  return shorten(cleaned)
}

/** Counts code points, so an Arabic or emoji name is never cut inside a surrogate pair. */
function shorten(name: string) {
  const characters = Array.from(name)
  if (characters.length <= MAX_NAME_LENGTH) return name
  const dot = characters.lastIndexOf('.')
  const extensionLength = characters.length - dot
  if (dot <= 0 || extensionLength > MAX_EXTENSION_LENGTH + 1) {
    return characters.slice(0, MAX_NAME_LENGTH).join('').trim()
  }
  const stem = characters
    .slice(0, MAX_NAME_LENGTH - extensionLength)
    .join('')
    .trim()
  return stem + characters.slice(dot).join('')
}
