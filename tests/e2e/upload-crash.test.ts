import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { startEmbeddedDatabase } from '../../server/embedded-db'
import { DEMO_PASSWORD } from '../demo'

/**
 * Issue 4: the server process is killed (SIGKILL) while a 50 MB upload streams in. After a restart there
 * is no document row without its file and no stored or temporary file without its row.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'lp-crash-'))
const UPLOAD_BYTES = 50 * 1024 * 1024
let server: ChildProcess | undefined
let baseUrl = ''

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    await once(server, 'exit')
  }
  rmSync(dataDir, { recursive: true, force: true })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
    })
  })
}

async function startServer(port: number) {
  const child = spawn(process.execPath, ['build/server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      RESEND_API_KEY: '',
      UPLOAD_MAX_MB: '60',
      // the sweep at start removes what a dead upload left behind at once
      UPLOAD_STALE_AFTER_MS: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return child
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('server did not become healthy')
}

async function signIn(email: string) {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: 'manual',
  })
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
  expect(response.status).toBe(302)
  return cookies.join('; ')
}

async function firstLink(path: string, cookie: string, pattern: RegExp) {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { Cookie: cookie } })).text()
  const match = html.match(pattern)
  if (!match) throw new Error(`no link like ${pattern} on ${path}`)
  return match[0]
}

/** A multipart body whose file part streams slowly, so the server is surely mid-upload when it dies. */
function slowUpload(boundary: string, onHalfway: () => void) {
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="requirement"\r\n\r\npassportCopy\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="reisepass.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.7\n',
  )
  const chunk = randomBytes(256 * 1024)
  let sent = 0
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head)
    },
    async pull(controller) {
      if (sent >= UPLOAD_BYTES) {
        controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`))
        controller.close()
        return
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
      controller.enqueue(chunk)
      sent += chunk.length
      if (sent >= UPLOAD_BYTES / 2 && sent - chunk.length < UPLOAD_BYTES / 2) onHalfway()
    },
  })
}

function filesUnder(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('killing the server during a 50 MB upload', () => {
  it('leaves no orphan row and no orphan file after the restart', async () => {
    const port = await freePort()
    baseUrl = `http://127.0.0.1:${port}`
    server = await startServer(port)
    const cookie = await signIn('hr@employer.example')
    const organization = await firstLink('/dashboard', cookie, /\/organizations\/[a-z0-9]{20,}/)
    const casePath = await firstLink(
      `${organization}/cases`,
      cookie,
      /\/organizations\/[a-z0-9]+\/cases\/[a-z0-9]{20,}/,
    )

    const boundary = `----crash${randomBytes(8).toString('hex')}`
    const dying = server
    const upload = fetch(`${baseUrl}${casePath}/documents?index`, {
      method: 'POST',
      headers: {
        Cookie: cookie,
        Origin: baseUrl,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
      },
      body: slowUpload(boundary, () => dying.kill('SIGKILL')),
      duplex: 'half',
    } as RequestInit)
    await expect(upload).rejects.toThrow()
    if (dying.exitCode === null && dying.signalCode === null) await once(dying, 'exit')
    expect(dying.signalCode).toBe('SIGKILL')
    const documentsDir = join(dataDir, 'documents')
    // the dead upload left its partial, encrypted temporary file behind
    expect(filesUnder(documentsDir).length).toBeGreaterThan(0)

    server = await startServer(port)
    // the start-up sweep runs with the scheduled jobs; give it a moment
    const deadline = Date.now() + 10_000
    while (filesUnder(documentsDir).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    expect(filesUnder(documentsDir)).toEqual([])
    server.kill('SIGTERM')
    await once(server, 'exit')

    const database = await startEmbeddedDatabase(join(dataDir, 'db'))
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM "Document"')
    await client.end()
    await database.close()
    expect(Number(rows[0]!.count)).toBe(0)
  })
})
