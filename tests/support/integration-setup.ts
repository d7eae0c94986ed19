import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { afterAll, inject } from 'vitest'

import { startEmbeddedDatabase } from '../../server/embedded-db'

import { adminQuery, withDatabase } from './database-template'

/**
 * Each integration test file gets its own database, copied from the migrated template, so files run
 * in parallel. The environment is set before the app's modules (db.server) are imported.
 */
const template = inject('databaseTemplate')
const workDir = mkdtempSync(join(tmpdir(), 'lp-test-'))
process.env.SESSION_SECRET = 'integration-test-secret'
process.env.DOCUMENT_ENCRYPTION_KEY = 'MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY'
process.env.DATA_DIR = workDir
process.env.APP_URL = 'http://localhost:3000'
delete process.env.RESEND_API_KEY

let cleanUp: () => Promise<void>

if (template.kind === 'embedded') {
  const dataDir = join(workDir, 'db')
  cpSync(template.dataDir, dataDir, { recursive: true })
  const database = await startEmbeddedDatabase(dataDir)
  process.env.DATABASE_URL = database.url
  process.env.DATABASE_POOL_SIZE = '1'
  cleanUp = database.close
} else {
  const name = `lp_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  await adminQuery(template.serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template.templateName}`)
  process.env.DATABASE_URL = withDatabase(template.serverUrl, name)
  process.env.DATABASE_POOL_SIZE = '4'
  cleanUp = () => adminQuery(template.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
}

afterAll(async () => {
  const { prisma } = await import('~/utils/db.server')
  await prisma.$disconnect()
  await cleanUp()
  rmSync(workDir, { recursive: true, force: true })
})
