import { createHash, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'

const MIGRATIONS_DIR = 'prisma/migrations'
// Any constant: serialises migrations when several servers start at once.
const MIGRATION_LOCK_ID = 814_810_081

/**
 * Applies prisma/migrations in order, each in its own transaction, and records them in
 * `_prisma_migrations` exactly as Prisma does (checksum = SHA-256 of migration.sql), so that
 * `prisma migrate status` agrees. `prisma migrate deploy` cannot run through adapter-pg (prisma/orm#27403).
 */
export async function migrate(databaseUrl: string, log: (line: string) => void = () => {}) {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID])
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`)
    const applied = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    )
    const done = new Set(applied.rows.map((row) => row.migration_name))
    const pending = listMigrations().filter((name) => !done.has(name))
    for (const name of pending) {
      const sql = readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'))
      await client.query('BEGIN')
      try {
        const id = randomUUID()
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
          [id, createHash('sha256').update(sql).digest('hex'), name],
        )
        await client.query(sql.toString('utf8'))
        await client.query(
          'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
          [id],
        )
        await client.query('COMMIT')
        log(`applied migration ${name}`)
      } catch (error) {
        await client.query('ROLLBACK')
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`)
      }
    }
    return pending
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {})
    await client.end()
  }
}

function listMigrations() {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
}
