/**
 * Time rules that act by themselves (DESIGN.md §6), run by every server process on an interval. Each rule
 * claims a case through its version before acting, so several servers may run them at once. The email
 * outbox has its own, shorter interval: a failed email is retried within seconds of its backoff ending.
 */
import { deemDueBaApprovals } from '~/models/case.server'
import { referencedStorageKeys } from '~/models/document-files.server'
import { nudgeOutbox } from '~/models/outbox.server'
import { sweepOrphanedFiles } from '~/utils/document-store.server'

const DEFAULT_INTERVAL_MS = 5 * 60_000
const DEFAULT_OUTBOX_INTERVAL_MS = 10_000
/** An upload untouched this long is dead (crashed server, dropped connection); its file can go. */
const DEFAULT_UPLOAD_STALE_AFTER_MS = 15 * 60_000

export async function runScheduledJobs() {
  const deemed = await deemDueBaApprovals()
  if (deemed > 0) console.info(`jobs: ${deemed} BA approval(s) deemed granted (§ 36 Abs. 2 BeschV)`)
  const { removed } = await sweepOrphanedFiles({
    graceMs: uploadStaleAfterMs(),
    isReferenced: referencedStorageKeys,
  })
  if (removed > 0) console.info(`jobs: ${removed} orphaned document file(s) removed`)
}

function uploadStaleAfterMs() {
  const value = Number(process.env.UPLOAD_STALE_AFTER_MS || DEFAULT_UPLOAD_STALE_AFTER_MS)
  // a typo must not turn into "everything is stale"
  if (!Number.isFinite(value) || value < 0) throw new Error('UPLOAD_STALE_AFTER_MS must be a number of ms')
  return value
}

/**
 * Runs the jobs now and then every JOB_INTERVAL_MS, and the outbox every OUTBOX_INTERVAL_MS; returns the
 * function that stops both.
 */
export function startScheduledJobs(
  intervalMs = Number(process.env.JOB_INTERVAL_MS) || DEFAULT_INTERVAL_MS,
  outboxIntervalMs = Number(process.env.OUTBOX_INTERVAL_MS) || DEFAULT_OUTBOX_INTERVAL_MS,
) {
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
  // nudgeOutbox guards against overlapping runs and logs its own failures
  void nudgeOutbox()
  const outboxTimer = setInterval(nudgeOutbox, outboxIntervalMs)
  outboxTimer.unref()
  return () => {
    clearInterval(timer)
    clearInterval(outboxTimer)
  }
}
