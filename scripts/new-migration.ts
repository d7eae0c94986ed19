/**
 * `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
 * from the schema of the newest migration (its schema.prisma snapshot) to prisma/schema.prisma, then
 * applies all migrations to a scratch embedded database to prove they run. Prisma's CLI cannot diff
 * against a live database while prisma.config.ts defines an adapter; see docs/decisions/002.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { startEmbeddedDatabase } from '../server/embedded-db'
import { migrate } from '../server/migrate'

const MIGRATIONS = path.join('prisma', 'migrations')
const SCHEMA = path.join('prisma', 'schema.prisma')
const SNAPSHOT = 'schema.prisma'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:diff -- <name_in_snake_case>')
  process.exit(1)
}

const newest = readdirSync(MIGRATIONS).sort().at(-1)
const from = newest ? ['--from-schema-datamodel', path.join(MIGRATIONS, newest, SNAPSHOT)] : ['--from-empty']
const sql = execFileSync(
  'npx',
  ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', SCHEMA, '--script'],
  {
    encoding: 'utf8',
  },
)
if (!/^(CREATE|ALTER|DROP)/m.test(sql)) {
  console.info('The schema matches the newest migration: nothing to write.')
  process.exit(0)
}

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14)
const dir = path.join(MIGRATIONS, `${stamp}_${name}`)
mkdirSync(dir)
writeFileSync(path.join(dir, 'migration.sql'), sql)
copyFileSync(SCHEMA, path.join(dir, SNAPSHOT))

const scratch = mkdtempSync(path.join(tmpdir(), 'lp-migration-check-'))
const database = await startEmbeddedDatabase(path.join(scratch, 'db'))
try {
  await migrate(database.url)
  console.info(`wrote ${dir}/migration.sql (applies cleanly)`)
} finally {
  await database.close()
  rmSync(scratch, { recursive: true, force: true })
}
