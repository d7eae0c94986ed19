import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { buffer } from 'node:stream/consumers'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  assertValidKey,
  createLocalStorage,
  createS3Storage,
  type ObjectStorage,
  StorageNotFound,
  storageConfigFromEnv,
  type StoredObject,
} from '~/utils/storage.server'

import { startFakeS3 } from '../support/fake-s3'

const MB = 1024 * 1024

async function listAll(storage: ObjectStorage) {
  const objects: StoredObject[] = []
  for await (const object of storage.list()) objects.push(object)
  return objects.sort((a, b) => a.key.localeCompare(b.key))
}

async function* failingAfter(bytes: number, failure: Error) {
  yield randomBytes(bytes)
  throw failure
}

const bucket = 'liaison-documents'
let fakeS3: Awaited<ReturnType<typeof startFakeS3>>
let localDir: string

beforeAll(async () => {
  fakeS3 = await startFakeS3(bucket)
})

afterAll(async () => {
  await fakeS3.close()
})

beforeEach(() => {
  localDir = mkdtempSync(join(tmpdir(), 'lp-storage-'))
  fakeS3.objects.clear()
  return () => rmSync(localDir, { recursive: true, force: true })
})

const drivers: [string, () => ObjectStorage][] = [
  ['local', () => createLocalStorage(localDir)],
  [
    's3',
    () =>
      createS3Storage({
        bucket,
        region: 'eu-central-1',
        endpoint: fakeS3.endpoint,
        forcePathStyle: true,
        credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
      }),
  ],
]

describe.each(drivers)('the %s driver', (_name, createStorage) => {
  it('reads back what it wrote and lists it as a complete object', async () => {
    const storage = createStorage()
    const content = randomBytes(300_000)
    await storage.write('documents/0b7f4a36-1f0e-4f35-9d8a-6c0c0d6f5a11', Readable.from([content]))

    const read = await buffer(await storage.read('documents/0b7f4a36-1f0e-4f35-9d8a-6c0c0d6f5a11'))
    expect(read.equals(content)).toBe(true)
    const listed = await listAll(storage)
    expect(listed).toEqual([
      {
        key: 'documents/0b7f4a36-1f0e-4f35-9d8a-6c0c0d6f5a11',
        modifiedAt: expect.any(Date),
        isTemporary: false,
      },
    ])
    expect(Math.abs((listed[0]?.modifiedAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000)
  })

  it('writes a large stream in parts and lists every object across pages', async () => {
    const storage = createStorage()
    const content = randomBytes(17 * MB)
    await storage.write('documents/large', Readable.from(chunked(content)))
    for (const key of ['documents/a', 'documents/b', 'documents/c']) {
      await storage.write(key, Readable.from([Buffer.from(key)]))
    }

    expect((await buffer(await storage.read('documents/large'))).equals(content)).toBe(true)
    expect((await listAll(storage)).map((object) => object.key)).toEqual([
      'documents/a',
      'documents/b',
      'documents/c',
      'documents/large',
    ])
  })

  it('shows no object while the write is unfinished', async () => {
    const storage = createStorage()
    const body = new PassThrough()
    const writing = storage.write('documents/pending', body)
    body.write(randomBytes(1000))
    await new Promise((resolve) => setTimeout(resolve, 50))

    await expect(storage.read('documents/pending')).rejects.toBeInstanceOf(StorageNotFound)
    expect((await listAll(storage)).filter((object) => !object.isTemporary)).toEqual([])
    body.end(randomBytes(1000))
    await writing
    expect(await buffer(await storage.read('documents/pending'))).toHaveLength(2000)
  })

  it('leaves nothing behind when the stream fails, and rethrows its error', async () => {
    const storage = createStorage()
    const failure = new Error('client went away')
    await expect(
      storage.write('documents/broken', Readable.from(failingAfter(100_000, failure))),
    ).rejects.toBe(failure)
    expect(await listAll(storage)).toEqual([])
    await expect(storage.read('documents/broken')).rejects.toBeInstanceOf(StorageNotFound)
  })

  it('removes an object, and a missing one without error', async () => {
    const storage = createStorage()
    await storage.write('documents/gone', Readable.from([Buffer.from('x')]))
    await storage.remove('documents/gone')
    await storage.remove('documents/gone')
    await expect(storage.read('documents/gone')).rejects.toBeInstanceOf(StorageNotFound)
  })

  it('refuses keys that could leave its directory or bucket prefix', async () => {
    const storage = createStorage()
    for (const key of ['../escape', 'documents/../../etc/passwd', '/etc/passwd', 'a\\..\\b', '', 'a//b']) {
      await expect(storage.write(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(
        /Invalid storage key/,
      )
      await expect(storage.read(key)).rejects.toThrow(/Invalid storage key/)
      await expect(storage.remove(key)).rejects.toThrow(/Invalid storage key/)
    }
  })
})

function* chunked(bytes: Buffer) {
  for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
    yield bytes.subarray(offset, offset + 64 * 1024)
}

describe('the local driver', () => {
  it('writes into tmp/ first and lists the unfinished file as temporary', async () => {
    const storage = createLocalStorage(localDir)
    const body = new PassThrough()
    const writing = storage.write('documents/pending', body)
    body.write(randomBytes(1000))
    await new Promise((resolve) => setTimeout(resolve, 50))

    const [temporary, ...others] = await listAll(storage)
    expect(others).toEqual([])
    expect(temporary?.key).toMatch(/^tmp\/[0-9a-f-]{36}$/)
    expect(temporary?.isTemporary).toBe(true)
    body.end()
    await writing
    expect(readdirSync(join(localDir, 'tmp'))).toEqual([])
    expect(await listAll(storage)).toEqual([
      { key: 'documents/pending', modifiedAt: expect.any(Date), isTemporary: false },
    ])
  })

  it('leaves no file behind when the body fails before the file is even open', async () => {
    const storage = createLocalStorage(localDir)
    const failure = new Error('refused at the first bytes')
    // the race shows only now and then: a failure while the temporary file is still being opened
    for (let attempt = 0; attempt < 25; attempt++) {
      await expect(
        storage.write(`documents/refused-${attempt}`, Readable.from(failingAfter(0, failure))),
      ).rejects.toBe(failure)
    }
    expect(readdirSync(join(localDir, 'tmp'))).toEqual([])
  })

  it('lets the sweep remove a temporary file but never writes into tmp/', async () => {
    const storage = createLocalStorage(localDir)
    await expect(storage.write('tmp/x', Readable.from([Buffer.from('x')]))).rejects.toThrow(
      /Invalid storage key/,
    )
    await storage.remove('tmp/0b7f4a36-1f0e-4f35-9d8a-6c0c0d6f5a11')
  })

  it('lists nothing before the first upload created its directory', async () => {
    expect(await listAll(createLocalStorage(join(localDir, 'not-yet')))).toEqual([])
  })
})

describe('the s3 driver', () => {
  it('aborts the multipart upload of a failed large write', async () => {
    const storage = drivers[1]?.[1]()
    if (!storage) throw new Error('no s3 driver')
    const failure = new Error('client went away')
    await expect(
      storage.write('documents/broken', Readable.from(failingAfter(20 * MB, failure))),
    ).rejects.toBe(failure)
    expect(fakeS3.multipartUploadsStarted()).toBeGreaterThan(0)
    expect(fakeS3.openUploads()).toBe(0)
    expect(fakeS3.objects.size).toBe(0)
  })
})

describe('assertValidKey', () => {
  it('accepts the keys the server generates', () => {
    expect(() => assertValidKey('documents/0b7f4a36-1f0e-4f35-9d8a-6c0c0d6f5a11')).not.toThrow()
  })

  it.each(['..', 'documents/..', './documents/x', 'documents/.x', 'C:\\x', 'documents/x y', 'a'.repeat(513)])(
    'refuses %j',
    (key) => {
      expect(() => assertValidKey(key)).toThrow(/Invalid storage key/)
    },
  )
})

describe('storageConfigFromEnv', () => {
  it('stores locally under DATA_DIR by default, or in DOCUMENTS_DIR', () => {
    expect(storageConfigFromEnv({})).toEqual({ driver: 'local', directory: join('data', 'documents') })
    expect(storageConfigFromEnv({ DATA_DIR: '/srv/portal' })).toEqual({
      driver: 'local',
      directory: join('/srv/portal', 'documents'),
    })
    expect(storageConfigFromEnv({ DATA_DIR: '/srv/portal', DOCUMENTS_DIR: '/mnt/files' })).toEqual({
      driver: 'local',
      directory: '/mnt/files',
    })
  })

  it('reads the S3 settings, with explicit keys and path-style addressing for MinIO', () => {
    expect(
      storageConfigFromEnv({
        DOCUMENT_STORAGE: 's3',
        S3_BUCKET: 'docs',
        S3_REGION: 'eu-central-1',
        S3_ENDPOINT: 'http://minio:9000',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    ).toEqual({
      driver: 's3',
      bucket: 'docs',
      region: 'eu-central-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    })
  })

  it('leaves credentials to the AWS default chain when no keys are set', () => {
    expect(
      storageConfigFromEnv({ DOCUMENT_STORAGE: 's3', S3_BUCKET: 'docs', S3_REGION: 'eu-central-1' }),
    ).toEqual({
      driver: 's3',
      bucket: 'docs',
      region: 'eu-central-1',
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    })
  })

  it('refuses an unknown driver and an incomplete S3 setup', () => {
    expect(() => storageConfigFromEnv({ DOCUMENT_STORAGE: 'ftp' })).toThrow(/local or s3/)
    expect(() => storageConfigFromEnv({ DOCUMENT_STORAGE: 's3', S3_REGION: 'eu-central-1' })).toThrow(
      /S3_BUCKET/,
    )
    expect(() =>
      storageConfigFromEnv({
        DOCUMENT_STORAGE: 's3',
        S3_BUCKET: 'docs',
        S3_REGION: 'x',
        S3_ACCESS_KEY_ID: 'id',
      }),
    ).toThrow(/S3_SECRET_ACCESS_KEY/)
  })
})
