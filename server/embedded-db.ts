import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'

/**
 * The zero-setup database: PGlite (PostgreSQL in WASM) behind a PostgreSQL wire-protocol socket on
 * 127.0.0.1, so the app connects to it exactly as to a real server. See docs/decisions/002.
 */
export type EmbeddedDatabase = {
  url: string
  isNew: boolean
  close: () => Promise<void>
}

export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = resolve(dataDir)
  mkdirSync(dirname(dir), { recursive: true })
  const releaseLock = acquireLock(`${dir}.lock`)
  try {
    const isNew = !existsSync(join(dir, 'PG_VERSION'))
    // initdb lifts a process to ~800 MB RSS for good; a short-lived child pays that instead of the server.
    if (isNew) initialiseInChildProcess(dir)

    const { PGlite } = await import('@electric-sql/pglite')
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')
    const db = await PGlite.create(dir)
    const port = await findFreePort()
    // All socket connections share one PGlite session: the app pool must hold one connection (DESIGN §3).
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 8 })
    await server.start()

    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      isNew,
      async close() {
        await server.stop()
        await db.close()
        releaseLock()
      },
    }
  } catch (error) {
    releaseLock()
    throw error
  }
}

function initialiseInChildProcess(dir: string) {
  const script = `const { PGlite } = await import('@electric-sql/pglite'); const db = await PGlite.create(process.argv[1]); await db.close()`
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], { stdio: 'inherit' })
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`Could not initialise the embedded database in ${dir}`)
  }
}

/** A pid lock file: a second process on the same data directory would silently lose writes. */
function acquireLock(lockPath: string) {
  if (existsSync(lockPath)) {
    const holder = Number(readFileSync(lockPath, 'utf8'))
    if (holder && holder !== process.pid && isRunning(holder)) {
      throw new Error(`The embedded database is in use by process ${holder} (${lockPath}). Stop it first.`)
    }
  }
  writeFileSync(lockPath, String(process.pid))
  return () => rmSync(lockPath, { force: true })
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.unref()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()))
    })
  })
}
