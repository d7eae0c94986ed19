/**
 * Document files at rest: checked while they stream in, encrypted with AES-256-GCM, verified on the way out.
 *
 * Stored format (version 1), one file per upload:
 *   "LPD1" (4 bytes) | salt (16) | IV (12) | ciphertext (as long as the content) | GCM tag (16)
 * The file key is HKDF-SHA256(DOCUMENT_ENCRYPTION_KEY, salt, "liaison-portal document v1"), so no two files
 * share a key even if an IV were ever repeated, and the master key itself never encrypts data.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  randomUUID,
  type DecipherGCM,
} from 'node:crypto'
import { Readable } from 'node:stream'

import { documentEncryptionKey } from '~/utils/env.server'
import { detectFileType, FILE_TYPE_SNIFF_BYTES, type AllowedMimeType } from '~/utils/file-type'
import { documentStorage } from '~/utils/storage.server'

export type StoredFile = { storageKey: string; size: number; sha256: string; mimeType: AllowedMimeType }
export type UploadProblem = 'empty' | 'tooLarge' | 'unsupportedType'

export class UploadRejected extends Error {
  constructor(readonly problem: UploadProblem) {
    super(`Upload rejected: ${problem}`)
    this.name = 'UploadRejected'
  }
}

export class DocumentCorrupted extends Error {
  constructor(storageKey: string) {
    super(`Document ${storageKey} failed its integrity check`)
    this.name = 'DocumentCorrupted'
  }
}

const MAGIC = Buffer.from('LPD1', 'ascii')
const SALT_BYTES = 16
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = MAGIC.length + SALT_BYTES + IV_BYTES
const KEY_INFO = 'liaison-portal document v1'
const CIPHER = 'aes-256-gcm'

/** Only these are documents; the sweep leaves any other object in a shared bucket alone. */
const KEY_PREFIX = 'documents/'

function fileKey(salt: Buffer) {
  return Buffer.from(hkdfSync('sha256', documentEncryptionKey(), salt, KEY_INFO, 32))
}

/**
 * Streams plain `content` into storage encrypted with AES-256-GCM (per-file random salt+IV, key derived from
 * documentEncryptionKey() with HKDF), checking the type by magic bytes on the first bytes and the size as bytes
 * arrive (stops reading as soon as maxBytes is exceeded). SHA-256 of the plain content. On any failure (rejection,
 * aborted request, storage error) nothing remains stored and the error is rethrown (UploadRejected for the checks).
 * Never holds the whole file in memory.
 */
export async function storeDocument(
  content: AsyncIterable<Uint8Array>,
  options: { maxBytes: number },
): Promise<StoredFile> {
  const storageKey = `${KEY_PREFIX}${randomUUID()}`
  const salt = randomBytes(SALT_BYTES)
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv(CIPHER, fileKey(salt), iv)
  const hash = createHash('sha256')
  let stored: StoredFile | undefined
  let rejection: UploadRejected | undefined

  function reject(problem: UploadProblem) {
    rejection = new UploadRejected(problem)
    return rejection
  }

  // Pulled by the storage driver, so a slow disk or bucket slows the reading of the request (backpressure).
  async function* encrypt() {
    yield Buffer.concat([MAGIC, salt, iv])
    let size = 0
    let mimeType: AllowedMimeType | null = null
    let head = Buffer.alloc(0)
    // leaving the loop by throwing ends the source iterator: the rest of the request is not read
    for await (const chunk of content) {
      size += chunk.byteLength
      if (size > options.maxBytes) throw reject('tooLarge')
      hash.update(chunk)
      if (mimeType !== null) {
        yield cipher.update(chunk)
        continue
      }
      head = Buffer.concat([head, chunk])
      if (head.length < FILE_TYPE_SNIFF_BYTES) continue
      mimeType = detectFileType(head)
      if (mimeType === null) throw reject('unsupportedType')
      yield cipher.update(head)
    }
    if (size === 0) throw reject('empty')
    if (mimeType === null) throw reject('unsupportedType')
    yield Buffer.concat([cipher.final(), cipher.getAuthTag()])
    stored = { storageKey, size, sha256: hash.digest('hex'), mimeType }
  }

  const storage = documentStorage()
  try {
    await storage.write(storageKey, Readable.from(encrypt(), { objectMode: false }))
  } catch (error) {
    await storage.remove(storageKey).catch(() => undefined)
    throw rejection ?? error
  }
  if (!stored) throw new Error(`Storage finished ${storageKey} before the whole content was read`)
  return stored
}

/**
 * The plain content, after verifying integrity (GCM tag) — throws DocumentCorrupted if the file was altered.
 * Two passes over the stored file: the first decrypts and discards to check the tag, the second streams. Memory
 * stays flat whatever the size; the second pass checks the tag again and errors the stream if the file changed
 * in between.
 */
export async function readDocument(storageKey: string): Promise<Readable> {
  const storage = documentStorage()
  for await (const _plain of decrypt(storageKey, await storage.read(storageKey))) {
    // only the final tag check matters here
  }
  return Readable.from(decrypt(storageKey, await storage.read(storageKey)), { objectMode: false })
}

async function* decrypt(storageKey: string, stored: Readable): AsyncGenerator<Buffer> {
  let header = Buffer.alloc(0)
  let decipher: DecipherGCM | undefined
  // the last TAG_BYTES seen so far: they are the tag if the file ends here
  let tail = Buffer.alloc(0)
  try {
    for await (const chunk of stored as AsyncIterable<Buffer>) {
      let data = chunk
      if (!decipher) {
        header = Buffer.concat([header, data])
        if (header.length < HEADER_BYTES) continue
        if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new DocumentCorrupted(storageKey)
        const salt = header.subarray(MAGIC.length, MAGIC.length + SALT_BYTES)
        const iv = header.subarray(MAGIC.length + SALT_BYTES, HEADER_BYTES)
        decipher = createDecipheriv(CIPHER, fileKey(salt), iv)
        data = header.subarray(HEADER_BYTES)
      }
      const pending = Buffer.concat([tail, data])
      const plainLength = pending.length - TAG_BYTES
      if (plainLength > 0) yield decipher.update(pending.subarray(0, plainLength))
      tail = pending.subarray(Math.max(0, plainLength))
    }
  } finally {
    stored.destroy()
  }
  if (!decipher || tail.length < TAG_BYTES) throw new DocumentCorrupted(storageKey)
  decipher.setAuthTag(tail)
  let last: Buffer
  try {
    last = decipher.final()
  } catch {
    throw new DocumentCorrupted(storageKey)
  }
  yield last
}

export async function deleteDocument(storageKey: string): Promise<void> {
  await documentStorage().remove(storageKey)
}

/** isReferenced is asked about this many keys at a time. */
const SWEEP_BATCH = 500

/**
 * Removes unfinished temporary files and complete objects that no Document row references, when their last
 * modification is older than `graceMs` (in-flight uploads on other servers keep theirs fresh).
 */
export async function sweepOrphanedFiles(options: {
  graceMs: number
  isReferenced: (keys: string[]) => Promise<Set<string>>
}): Promise<{ removed: number }> {
  const storage = documentStorage()
  const staleBefore = Date.now() - options.graceMs
  let removed = 0
  let candidates: string[] = []

  async function removeUnreferenced() {
    const referenced = await options.isReferenced(candidates)
    for (const key of candidates) {
      if (referenced.has(key)) continue
      await storage.remove(key)
      removed += 1
    }
    candidates = []
  }

  for await (const object of storage.list()) {
    if (object.modifiedAt.getTime() >= staleBefore) continue
    if (object.isTemporary) {
      await storage.remove(object.key)
      removed += 1
    } else if (object.key.startsWith(KEY_PREFIX)) {
      candidates.push(object.key)
      if (candidates.length >= SWEEP_BATCH) await removeUnreferenced()
    }
  }
  if (candidates.length > 0) await removeUnreferenced()
  return { removed }
}
