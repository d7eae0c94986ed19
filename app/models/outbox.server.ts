/**
 * The transactional outbox: an email is a row written in the same transaction as the change that causes it,
 * so a rolled-back change sends nothing and a committed one is never without its email. A worker sends the
 * rows later with retries; several servers may run it at once, as each row is claimed atomically.
 */
import { randomUUID } from 'node:crypto'

import { composeEmail, type EmailTemplate } from '~/emails/compose.server'
import { emailTemplates, isEmailKind, type EmailKind, type EmailProps } from '~/emails/registry.server'
import type { OutboxStatus, Prisma } from '~/generated/prisma/client'
import { prisma } from '~/utils/db.server'
import { sendEmail } from '~/utils/email.server'

import { recordAudit } from './audit.server'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

type Db = Pick<typeof prisma, 'outboxEmail'>

/** A claimed row stays with its worker this long; a crashed worker's rows are taken over afterwards. */
const LEASE_MS = 2 * 60_000
/** Shorter than the lease, so a batch (sent in parallel) finishes before another worker may take it over. */
const SEND_TIMEOUT_MS = 30_000
const FIRST_RETRY_MS = 30_000
const MAX_RETRY_MS = 60 * 60_000
const DEFAULT_BATCH_SIZE = 10
const DEFAULT_MAX_ATTEMPTS = 8

/**
 * Queues an email in the caller's transaction. The values are stored as JSON and rendered by the worker in
 * `locale`; they are what the email shows, nothing more.
 */
export async function enqueueEmail<K extends EmailKind>(
  db: Db,
  email: { kind: K; to: string; locale: string; props: EmailProps<K> & JsonObject },
) {
  return db.outboxEmail.create({
    data: {
      kind: email.kind,
      recipient: email.to,
      locale: email.locale,
      payload: email.props,
      idempotencyKey: randomUUID(),
    },
    select: { id: true },
  })
}

/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(attempts: number) {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_MS)
}

export function maxAttempts() {
  const value = Number(process.env.OUTBOX_MAX_ATTEMPTS || DEFAULT_MAX_ATTEMPTS)
  if (!Number.isInteger(value) || value < 1) throw new Error('OUTBOX_MAX_ATTEMPTS must be a positive integer')
  return value
}

type ClaimedEmail = {
  id: string
  kind: string
  recipient: string
  locale: string
  payload: Prisma.JsonValue
  idempotencyKey: string
  attempts: number
}

/**
 * Claims up to `batchSize` due rows in one statement: SKIP LOCKED passes over rows another worker is
 * claiming at this moment, and the lease keeps them from being claimed again while they are being sent.
 */
function claimDueEmails(now: Date, batchSize: number) {
  const leaseUntil = new Date(now.getTime() + LEASE_MS)
  return prisma.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail" SET "lockedUntil" = ${leaseUntil}
    WHERE id IN (
      SELECT id FROM "OutboxEmail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now}
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "nextAttemptAt"
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, recipient, locale, payload, "idempotencyKey", attempts`
}

type DeliveryOptions = { now?: Date; batchSize?: number; maxAttempts?: number }
export type DeliveryReport = { sent: number; retrying: number; dead: number }

/** Sends every due email, batch by batch, until none is left that this run may take. */
export async function deliverDueEmails(options: DeliveryOptions = {}): Promise<DeliveryReport> {
  const now = options.now ?? new Date()
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE
  const limit = options.maxAttempts ?? maxAttempts()
  const report: DeliveryReport = { sent: 0, retrying: 0, dead: 0 }
  for (;;) {
    const batch = await claimDueEmails(now, batchSize)
    const outcomes = await Promise.all(batch.map((email) => deliver(email, now, limit)))
    for (const outcome of outcomes) report[outcome]++
    if (batch.length < batchSize) return report
  }
}

async function deliver(email: ClaimedEmail, now: Date, limit: number): Promise<keyof DeliveryReport> {
  try {
    if (!isEmailKind(email.kind)) throw new Error(`Unknown email kind ${email.kind}`)
    const template = emailTemplates[email.kind] as EmailTemplate<unknown>
    const composed = await composeEmail(template, email.locale, email.payload)
    await sendEmail({
      to: email.recipient,
      ...composed,
      idempotencyKey: email.idempotencyKey,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    })
  } catch (error) {
    const attempts = email.attempts + 1
    const isDead = attempts >= limit
    // The provider's reason only: never the recipient or the email's values.
    const lastError = (error instanceof Error ? error.message : 'unknown error').slice(0, 500)
    await prisma.outboxEmail.update({
      where: { id: email.id },
      data: {
        attempts,
        lastError,
        lockedUntil: null,
        ...(isDead
          ? { status: 'DEAD' }
          : { nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }),
      },
    })
    console.error(
      `outbox: ${email.kind} email ${email.id} failed (attempt ${attempts} of ${limit})${isDead ? ', given up' : ''}: ${lastError}`,
    )
    return isDead ? 'dead' : 'retrying'
  }
  // The values may hold a sign-in link: once the email is out, the row keeps no copy of it.
  await prisma.outboxEmail.update({
    where: { id: email.id },
    data: { status: 'SENT', sentAt: new Date(), lockedUntil: null, payload: {} },
  })
  return 'sent'
}

let delivery: Promise<void> | undefined
let isRequestedAgain = false

/**
 * Delivers what is due now, without waiting: called after a transaction that queued emails commits, so
 * they go out within a second, and by the worker's interval. A call during a run asks for one more run,
 * which picks up rows committed after the running one claimed its batch. The promise settles when the
 * outbox is drained (it never rejects).
 */
export function nudgeOutbox(): Promise<void> {
  if (delivery) {
    isRequestedAgain = true
    return delivery
  }
  delivery = (async () => {
    try {
      do {
        isRequestedAgain = false
        await deliverDueEmails()
      } while (isRequestedAgain)
    } catch (error) {
      console.error('outbox: delivery run failed:', error instanceof Error ? error.message : error)
    } finally {
      delivery = undefined
    }
  })()
  return delivery
}

/** Puts an email that was given up on back in line, to be sent now. False when it is not dead. */
export async function retryDeadEmail(actor: { id: string }, id: string) {
  const retried = await prisma.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id, status: 'DEAD' },
      data: { status: 'PENDING', attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
    })
    if (count === 0) return false
    await recordAudit(
      { actorId: actor.id, action: 'outbox.retried', subjectType: 'OutboxEmail', subjectId: id },
      tx,
    )
    return true
  })
  if (retried) void nudgeOutbox()
  return retried
}

/** `anna@example.test` → `a***@example.test`: enough to tell emails apart, not to read the address. */
export function maskAddress(address: string) {
  const at = address.lastIndexOf('@')
  if (at < 1) return '***'
  return `${address[0]}***${address.slice(at)}`
}

const statuses: OutboxStatus[] = ['PENDING', 'SENT', 'DEAD']

/** What the administrators see: how many emails are in each state, and those that failed at least once. */
export async function outboxOverview() {
  const [groups, troubled] = await Promise.all([
    prisma.outboxEmail.groupBy({ by: ['status'], _count: { _all: true } }),
    prisma.outboxEmail.findMany({
      where: { OR: [{ status: 'DEAD' }, { status: 'PENDING', attempts: { gt: 0 } }] },
      // DEAD before PENDING (the enum's order), newest first
      orderBy: [{ status: 'desc' }, { createdAt: 'desc' }],
      take: 200,
      select: {
        id: true,
        kind: true,
        recipient: true,
        status: true,
        attempts: true,
        lastError: true,
        nextAttemptAt: true,
        createdAt: true,
      },
    }),
  ])
  const counts = Object.fromEntries(
    statuses.map((status) => [status, groups.find((group) => group.status === status)?._count._all ?? 0]),
  ) as Record<OutboxStatus, number>
  return {
    counts,
    emails: troubled.map(({ recipient, ...email }) => ({ ...email, recipient: maskAddress(recipient) })),
  }
}
