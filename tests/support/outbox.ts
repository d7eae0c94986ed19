import { nudgeOutbox } from '~/models/outbox.server'

/**
 * Sends what the outbox holds now, as the server does within a second of the change that queued it, and
 * waits for it (and for a delivery run already under way).
 */
export function deliverOutbox() {
  return nudgeOutbox()
}
