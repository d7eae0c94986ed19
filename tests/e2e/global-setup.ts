import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { TestProject } from 'vitest/node'

import { startFakeResend } from '../support/fake-resend'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    resendUrl: string
    clockOffsetFile: string
  }
}

/**
 * Starts the built portal (`remix build` ran before) on the embedded default with demo data, with its
 * email going to a fake Resend server, exactly as a newcomer's `npm start` would run it.
 */
export default async function setup(project: TestProject) {
  const resend = await startFakeResend()
  const dataDir = mkdtempSync(join(tmpdir(), 'lp-e2e-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const clockOffsetFile = join(dataDir, 'clock-offset-days')
  const server = spawn(process.execPath, ['build/server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: baseUrl,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      RESEND_API_KEY: 're_e2e_key',
      RESEND_BASE_URL: resend.url,
      TEST_CLOCK_OFFSET_FILE: clockOffsetFile,
      JOB_INTERVAL_MS: '500',
      OUTBOX_INTERVAL_MS: '500',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  delete process.env.DATABASE_URL
  await waitForHealthy(`${baseUrl}/healthz`, server)
  project.provide('baseUrl', baseUrl)
  project.provide('resendUrl', resend.url)
  project.provide('clockOffsetFile', clockOffsetFile)
  return async () => {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    await resend.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function waitForHealthy(url: string, server: ChildProcess) {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The portal exited with code ${server.exitCode}`)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('The portal did not become healthy within 90 s')
}

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
