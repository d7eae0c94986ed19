import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { watch } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { createRequestHandler } from '@remix-run/express'
import { broadcastDevReady, installGlobals, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'

import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-db'
import { loadEnvFile } from './env'
import { ensureLocalSecret } from './local-secrets'
import { migrate } from './migrate'
import { sameOriginForMutations, securityHeaders } from './security'

loadEnvFile()
installGlobals({ nativeFetch: true })

const isProduction = process.env.NODE_ENV === 'production'
const isDevelopment = process.env.NODE_ENV === 'development'
const DATA_DIR = process.env.DATA_DIR ?? 'data'
const BUILD_PATH = path.resolve('build/index.js')

async function prepareDatabase(): Promise<EmbeddedDatabase | null> {
  if (process.env.DATABASE_URL) {
    await migrate(process.env.DATABASE_URL, console.info)
    return null
  }
  if (isProduction) throw new Error('DATABASE_URL is required when NODE_ENV=production')
  const embedded = await startEmbeddedDatabase(path.join(DATA_DIR, 'db'))
  process.env.DATABASE_URL = embedded.url
  process.env.DATABASE_POOL_SIZE = '1'
  await migrate(embedded.url, console.info)
  if (embedded.isNew && process.env.SEED_DEMO_DATA !== 'false') await seedDemoData()
  return embedded
}

/**
 * Demo data on the first start of the embedded database (never in production). Asynchronous: the
 * embedded database answers the seed's queries from this process's event loop.
 */
async function seedDemoData() {
  console.info('seeding demo data (see README for the demo logins)')
  const seed = spawn(process.execPath, ['--import', 'tsx', 'prisma/seed.ts'], { stdio: 'inherit' })
  const [exitCode] = await once(seed, 'exit')
  if (exitCode !== 0) throw new Error('Seeding the demo data failed')
}

async function loadBuild(): Promise<ServerBuild> {
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`)
}

type EntryWithJobs = { startScheduledJobs?: () => () => void }

function startJobs(build: ServerBuild) {
  const { startScheduledJobs } = build.entry.module as EntryWithJobs
  if (!startScheduledJobs) throw new Error('The build does not export startScheduledJobs from entry.server')
  return startScheduledJobs()
}

async function main() {
  if (!isProduction) {
    ensureLocalSecret('SESSION_SECRET', path.join(DATA_DIR, 'session-secret'))
    ensureLocalSecret('DOCUMENT_ENCRYPTION_KEY', path.join(DATA_DIR, 'document-key'))
  }
  const database = await prepareDatabase()
  // The demo start leaves NODE_ENV unset; the build itself is always a production build.
  process.env.NODE_ENV ??= 'production'

  let build = await loadBuild()
  if (isDevelopment) {
    watch(path.dirname(BUILD_PATH), { persistent: false }, async () => {
      build = await loadBuild()
      await broadcastDevReady(build)
    })
    await broadcastDevReady(build)
  }

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', process.env.TRUST_PROXY === 'true')
  app.use(compression())
  app.use(securityHeaders({ isDevelopment }))
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
  app.use(express.static('public', { maxAge: '1h' }))
  app.use(sameOriginForMutations)
  app.all(
    '*',
    createRequestHandler({
      build: isDevelopment ? async () => build : build,
      getLoadContext: (request, response) => ({
        cspNonce: response.locals.cspNonce as string,
        // With TRUST_PROXY=true Express takes it from X-Forwarded-For, else from the socket.
        clientIp: request.ip ?? 'unknown',
      }),
    }),
  )

  const port = Number(process.env.PORT ?? 3000)
  const host = process.env.HOST ?? '0.0.0.0'
  const server = app.listen(port, host, () => {
    console.info(`Liaison Portal listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
  })
  const stopJobs = startJobs(build)

  // remix-serve would close only the HTTP server; the embedded database must be closed cleanly too.
  let isShuttingDown = false
  async function shutdown(signal: string) {
    if (isShuttingDown) return
    isShuttingDown = true
    console.info(`${signal}: shutting down`)
    stopJobs()
    server.close()
    server.closeAllConnections()
    await database?.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
