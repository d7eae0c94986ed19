import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buffer } from 'node:stream/consumers'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import { beforeEach, describe, expect, it } from 'vitest'

import { referencedStorageKeys } from '~/models/document-files.server'
import { prisma } from '~/utils/db.server'
import {
  DocumentCorrupted,
  readDocument,
  storeDocument,
  sweepOrphanedFiles,
  UploadRejected,
} from '~/utils/document-store.server'
import { StorageNotFound } from '~/utils/storage.server'

import { createCandidate, createCase, createOrganization, createUser } from '../factories'

const documentsDir = join(process.env.DATA_DIR ?? '', 'documents')
const MB = 1024 * 1024
const CHUNK = 64 * 1024
const PDF_HEAD = Buffer.from('%PDF-1.7\n')

/** Every file under the documents directory, complete or temporary. */
function filesOnDisk(): string[] {
  try {
    return readdirSync(documentsDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
  } catch {
    return []
  }
}

function pathOf(storageKey: string) {
  return join(documentsDir, ...storageKey.split('/'))
}

function pdfBytes(size: number) {
  const bytes = randomBytes(size)
  PDF_HEAD.copy(bytes)
  return bytes
}

async function* chunksOf(bytes: Buffer, chunkSize = CHUNK) {
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    yield bytes.subarray(offset, offset + chunkSize)
  }
}

function sha256(bytes: Buffer) {
  return createHash('sha256').update(bytes).digest('hex')
}

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof UploadRejected)) throw new Error(`expected UploadRejected, got ${String(error)}`)
  return error.problem
}

beforeEach(async () => {
  await sweepOrphanedFiles({ graceMs: -60_000, isReferenced: async () => new Set() })
})

describe('storeDocument and readDocument', () => {
  it('gives back exactly the bytes stored, with their SHA-256, size and type', async () => {
    const content = pdfBytes(5 * MB)
    const stored = await storeDocument(chunksOf(content, 100_003), { maxBytes: 20 * MB })

    expect(stored).toMatchObject({
      size: content.length,
      sha256: sha256(content),
      mimeType: 'application/pdf',
    })
    expect(stored.storageKey).toMatch(/^documents\/[0-9a-f-]{36}$/)
    const read = await buffer(await readDocument(stored.storageKey))
    expect(read.equals(content)).toBe(true)
  })

  it('recognises a PNG whose signature arrives split over several chunks', async () => {
    const content = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      randomBytes(1000),
    ])
    const stored = await storeDocument(chunksOf(content, 3), { maxBytes: MB })
    expect(stored.mimeType).toBe('image/png')
    expect((await buffer(await readDocument(stored.storageKey))).equals(content)).toBe(true)
  })

  it('keeps the file encrypted on disk: neither the content nor its signature is readable there', async () => {
    const content = Buffer.concat([PDF_HEAD, Buffer.from('Reisepass Omar Haddad P00000001 '.repeat(1000))])
    const stored = await storeDocument(chunksOf(content), { maxBytes: MB })

    const onDisk = readFileSync(pathOf(stored.storageKey))
    expect(onDisk.subarray(0, 4).toString('ascii')).toBe('LPD1')
    expect(onDisk.length).toBe(4 + 16 + 12 + content.length + 16)
    expect(onDisk.includes(PDF_HEAD)).toBe(false)
    expect(onDisk.includes(Buffer.from('Reisepass'))).toBe(false)
  })

  it('encrypts the same content differently each time', async () => {
    const content = pdfBytes(4096)
    const first = await storeDocument(chunksOf(content), { maxBytes: MB })
    const second = await storeDocument(chunksOf(content), { maxBytes: MB })
    const ciphertext = (key: string) => readFileSync(pathOf(key)).subarray(32)
    expect(ciphertext(first.storageKey).equals(ciphertext(second.storageKey))).toBe(false)
  })

  it.each([
    ['the content', 1000],
    ['the authentication tag', -1],
    ['the salt', 10],
  ])('detects a byte flipped on disk in %s', async (_part, position) => {
    const stored = await storeDocument(chunksOf(pdfBytes(200_000)), { maxBytes: MB })
    const path = pathOf(stored.storageKey)
    const onDisk = readFileSync(path)
    const index = position < 0 ? onDisk.length + position : 32 + position
    onDisk[index] = (onDisk[index] ?? 0) ^ 0x01
    writeFileSync(path, onDisk)

    await expect(readDocument(stored.storageKey)).rejects.toBeInstanceOf(DocumentCorrupted)
  })

  it('detects a truncated file and one that is not in the document format', async () => {
    const stored = await storeDocument(chunksOf(pdfBytes(10_000)), { maxBytes: MB })
    const path = pathOf(stored.storageKey)
    writeFileSync(path, readFileSync(path).subarray(0, 5000))
    await expect(readDocument(stored.storageKey)).rejects.toBeInstanceOf(DocumentCorrupted)

    writeFileSync(path, pdfBytes(10_000))
    await expect(readDocument(stored.storageKey)).rejects.toBeInstanceOf(DocumentCorrupted)
  })

  it('reports a missing file as StorageNotFound', async () => {
    await expect(readDocument(`documents/${randomUUID()}`)).rejects.toBeInstanceOf(StorageNotFound)
  })
})

describe('rejected uploads leave nothing stored', () => {
  it('refuses a Windows executable named like a PDF', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(300_000)])
    expect(await rejection(storeDocument(chunksOf(exe), { maxBytes: MB }))).toBe('unsupportedType')
    expect(filesOnDisk()).toEqual([])
  })

  it('refuses HTML', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>')
    expect(await rejection(storeDocument(chunksOf(html), { maxBytes: MB }))).toBe('unsupportedType')
    expect(filesOnDisk()).toEqual([])
  })

  it('refuses an empty file and one shorter than any signature', async () => {
    expect(await rejection(storeDocument(chunksOf(Buffer.alloc(0)), { maxBytes: MB }))).toBe('empty')
    expect(await rejection(storeDocument(chunksOf(Buffer.from('%PDF-')), { maxBytes: MB }))).toBe(
      'unsupportedType',
    )
    expect(filesOnDisk()).toEqual([])
  })

  it('refuses a file over the limit and stops reading it', async () => {
    let chunksRead = 0
    let isSourceClosed = false
    async function* largePdf() {
      try {
        yield Buffer.from(PDF_HEAD)
        for (let i = 0; i < (10 * MB) / CHUNK; i++) {
          chunksRead += 1
          yield randomBytes(CHUNK)
        }
      } finally {
        isSourceClosed = true
      }
    }
    expect(await rejection(storeDocument(largePdf(), { maxBytes: MB }))).toBe('tooLarge')
    expect(chunksRead).toBeLessThanOrEqual(MB / CHUNK + 1)
    expect(isSourceClosed).toBe(true)
    expect(filesOnDisk()).toEqual([])
  })

  it('accepts a file of exactly the limit', async () => {
    const stored = await storeDocument(chunksOf(pdfBytes(MB)), { maxBytes: MB })
    expect(stored.size).toBe(MB)
  })

  it('removes the partial file when the upload breaks off and rethrows the cause', async () => {
    const aborted = new Error('client went away')
    async function* brokenUpload() {
      yield Buffer.from(PDF_HEAD)
      for (let i = 0; i < 32; i++) yield randomBytes(CHUNK)
      throw aborted
    }
    await expect(storeDocument(brokenUpload(), { maxBytes: 20 * MB })).rejects.toBe(aborted)
    expect(filesOnDisk()).toEqual([])
  })
})

/** The V8 collector, so the memory samples count live data only. */
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

describe('memory', () => {
  it('streams a 50 MB upload without holding it in memory', async () => {
    const gc = collectGarbage()
    const live = () => {
      gc()
      const { heapUsed, arrayBuffers } = process.memoryUsage()
      return heapUsed + arrayBuffers
    }
    const baseline = live()
    let peak = baseline
    async function* fiftyMegabytes() {
      const block = randomBytes(CHUNK)
      for (let i = 0; i < (50 * MB) / CHUNK; i++) {
        if (i % 80 === 0) peak = Math.max(peak, live())
        const chunk = Buffer.from(block)
        if (i === 0) PDF_HEAD.copy(chunk)
        yield chunk
      }
    }
    const stored = await storeDocument(fiftyMegabytes(), { maxBytes: 60 * MB })

    expect(stored.size).toBe(50 * MB)
    expect(peak - baseline).toBeLessThan(20 * MB)
  })
})

describe('sweepOrphanedFiles', () => {
  const hourAgo = new Date(Date.now() - 60 * 60_000)

  function temporaryFile(modifiedAt: Date) {
    mkdirSync(join(documentsDir, 'tmp'), { recursive: true })
    const path = join(documentsDir, 'tmp', randomUUID())
    writeFileSync(path, 'partial upload')
    utimesSync(path, modifiedAt, modifiedAt)
    return path
  }

  async function storedObject(modifiedAt: Date) {
    const { storageKey } = await storeDocument(chunksOf(pdfBytes(1000)), { maxBytes: MB })
    utimesSync(pathOf(storageKey), modifiedAt, modifiedAt)
    return storageKey
  }

  it('removes stale temporary files and unreferenced objects, keeps fresh and referenced ones', async () => {
    const staleTemporary = temporaryFile(hourAgo)
    const freshTemporary = temporaryFile(new Date())
    const referenced = await storedObject(hourAgo)
    const orphan = await storedObject(hourAgo)
    const freshOrphan = await storedObject(new Date())
    const asked: string[][] = []

    const result = await sweepOrphanedFiles({
      graceMs: 15 * 60_000,
      isReferenced: async (keys) => {
        asked.push(keys)
        return new Set(keys.filter((key) => key === referenced))
      },
    })

    expect(result).toEqual({ removed: 2 })
    expect(filesOnDisk().sort()).toEqual([freshTemporary, pathOf(referenced), pathOf(freshOrphan)].sort())
    expect(filesOnDisk()).not.toContain(staleTemporary)
    expect(filesOnDisk()).not.toContain(pathOf(orphan))
    expect(asked.flat().sort()).toEqual([referenced, orphan].sort())
  })

  it('keeps the files of document rows when asked through referencedStorageKeys', async () => {
    const user = await createUser()
    const organization = await createOrganization({ createdById: user.id })
    const candidate = await createCandidate({ organizationId: organization.id, createdById: user.id })
    const kase = await createCase({
      organizationId: organization.id,
      candidateId: candidate.id,
      createdById: user.id,
    })
    const kept = await storedObject(hourAgo)
    const orphan = await storedObject(hourAgo)
    await prisma.document.create({
      data: {
        caseId: kase.id,
        requirement: 'passport',
        version: 1,
        storageKey: kept,
        originalName: 'Reisepass.pdf',
        mimeType: 'application/pdf',
        size: 1000,
        sha256: '0'.repeat(64),
        uploadedById: user.id,
      },
    })

    expect(await referencedStorageKeys([kept, orphan])).toEqual(new Set([kept]))
    expect(await sweepOrphanedFiles({ graceMs: 15 * 60_000, isReferenced: referencedStorageKeys })).toEqual({
      removed: 1,
    })
    expect(filesOnDisk()).toEqual([pathOf(kept)])
  })
})
