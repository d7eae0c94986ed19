/**
 * Time rules that act by themselves (DESIGN.md §6), run by every server process on an interval. Each rule
 * claims a case through its version before acting, so several servers may run them at once.
 */
import { deemDueBaApprovals } from '~/models/case.server'

const DEFAULT_INTERVAL_MS = 5 * 60_000

export async function runScheduledJobs() {
  const deemed = await deemDueBaApprovals()
  if (deemed > 0) console.info(`jobs: ${deemed} BA approval(s) deemed granted (§ 36 Abs. 2 BeschV)`)
}

/** Runs the jobs now and then every JOB_INTERVAL_MS; returns the function that stops them. */
export function startScheduledJobs(intervalMs = Number(process.env.JOB_INTERVAL_MS) || DEFAULT_INTERVAL_MS) {
  let isRunning = false
  async function tick() {
    if (isRunning) return
    isRunning = true
    try {
      await runScheduledJobs()
    } catch (error) {
      console.error('jobs: run failed:', error instanceof Error ? error.message : error)
    } finally {
      isRunning = false
    }
  }
  void tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
