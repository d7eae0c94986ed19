/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database. */
import path from 'node:path'

import { startEmbeddedDatabase } from '../server/embedded-db'
import { loadEnvFile } from '../server/env'
import { migrate } from '../server/migrate'

loadEnvFile()
const url = process.env.DATABASE_URL
const embedded = url ? null : await startEmbeddedDatabase(path.join(process.env.DATA_DIR ?? 'data', 'db'))
try {
  const applied = await migrate(url ?? embedded!.url, console.info)
  console.info(applied.length ? `${applied.length} migration(s) applied` : 'database is up to date')
} finally {
  await embedded?.close()
}
