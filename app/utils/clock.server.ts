import { readFileSync } from 'node:fs'

const DAY_MS = 86_400_000

/**
 * The instant the time rules count from (deadlines, the deemed BA approval). Only under NODE_ENV=test,
 * a whole number of days written to the file named by TEST_CLOCK_OFFSET_FILE moves it forward, so the
 * end-to-end tests can let a statutory week pass for the running server.
 */
export function currentInstant(): Date {
  const file = runtimeEnv('NODE_ENV') === 'test' ? process.env.TEST_CLOCK_OFFSET_FILE : undefined
  if (!file) return new Date()
  return new Date(Date.now() + readOffsetDays(file) * DAY_MS)
}

/** Read when called: the production build replaces `process.env.NODE_ENV` by its build-time value. */
function runtimeEnv(name: string) {
  return process.env[name]
}

function readOffsetDays(file: string) {
  try {
    const days = Number(readFileSync(file, 'utf8').trim())
    return Number.isInteger(days) && days >= 0 ? days : 0
  } catch {
    return 0
  }
}
