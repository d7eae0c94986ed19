import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import pg from 'pg'

import { startEmbeddedDatabase } from '../../server/embedded-db'
import { migrate } from '../../server/migrate'

import type { TestProject } from 'vitest/node'

/**
 * Builds one migrated database that every integration test file copies: a PGlite data directory for
 * the embedded default, or a template database on PostgreSQL when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const templateName = `lp_template_${process.pid}`
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${templateName}`)
    await adminQuery(serverUrl, `CREATE DATABASE ${templateName}`)
    await migrate(withDatabase(serverUrl, templateName))
    project.provide('databaseTemplate', { kind: 'postgres', serverUrl, templateName })
    return async () => {
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${templateName} WITH (FORCE)`)
    }
  }
  const root = mkdtempSync(join(tmpdir(), 'lp-template-'))
  const dataDir = join(root, 'db')
  const database = await startEmbeddedDatabase(dataDir)
  await migrate(database.url)
  await database.close()
  project.provide('databaseTemplate', { kind: 'embedded', dataDir })
  return () => rmSync(root, { recursive: true, force: true })
}

export type DatabaseTemplate =
  { kind: 'postgres'; serverUrl: string; templateName: string } | { kind: 'embedded'; dataDir: string }

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: DatabaseTemplate
  }
}

export function withDatabase(serverUrl: string, database: string) {
  const url = new URL(serverUrl)
  url.pathname = `/${database}`
  return url.toString()
}

export async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}
