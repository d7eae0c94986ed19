import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'

import { startEmbeddedDatabase } from '../../server/embedded-db'
import { migrate } from '../../server/migrate'

const root = mkdtempSync(join(tmpdir(), 'lp-embedded-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** A data directory to open: a copy of the test template where there is one (initdb takes ~5 s). */
function dataDirectory(name: string) {
  const dataDir = join(root, name)
  const template = inject('databaseTemplate')
  if (template.kind === 'embedded') cpSync(template.dataDir, dataDir, { recursive: true })
  return dataDir
}

/** Tries to open the data directory from another process, as a second server would. */
async function openFromAnotherProcess(dataDir: string) {
  const script = `const { startEmbeddedDatabase } = await import('./server/embedded-db.ts'); const db = await startEmbeddedDatabase(process.argv[1]); await db.close()`
  try {
    await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
      dataDir,
    ])
    return { ok: true, stderr: '' }
  } catch (error) {
    return { ok: false, stderr: String((error as { stderr?: string }).stderr) }
  }
}

describe('embedded database', () => {
  it('refuses a second process on the same data directory, and lets it in once the first has closed', async () => {
    const dataDir = dataDirectory('locked')
    const database = await startEmbeddedDatabase(dataDir)
    const whileOpen = await openFromAnotherProcess(dataDir)
    await database.close()
    expect(whileOpen.ok).toBe(false)
    expect(whileOpen.stderr).toContain(`in use by process ${process.pid}`)
    expect((await openFromAnotherProcess(dataDir)).ok).toBe(true)
  })

  it('takes over a lock left behind by a process that died', async () => {
    const dataDir = dataDirectory('stale')
    writeFileSync(`${dataDir}.lock`, '2147483646')
    const database = await startEmbeddedDatabase(dataDir)
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid))
    await database.close()
  })

  it('records applied migrations as Prisma does, and applies each only once', async () => {
    const database = await startEmbeddedDatabase(join(root, 'migrations'))
    try {
      const first = await migrate(database.url)
      expect(await migrate(database.url)).toEqual([])
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      const { rows } = await client.query(
        'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
      )
      await client.end()
      expect(rows.map((row) => row.migration_name)).toEqual(first)
      for (const row of rows) {
        const sql = readFileSync(join('prisma/migrations', row.migration_name, 'migration.sql'))
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'))
        expect(row.finished_at).not.toBeNull()
        expect(row.applied_steps_count).toBe(1)
      }
    } finally {
      await database.close()
    }
  })
})
