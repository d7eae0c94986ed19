import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { deliverDueEmails, enqueueEmail, maskAddress, retryDelayMs } from '~/models/outbox.server'
import * as outboxPage from '~/routes/admin.outbox'
import { prisma } from '~/utils/db.server'
import { getTranslator } from '~/utils/i18n.server'

import { createUser } from '../factories'
import { startFakeResend } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

const resend = await startFakeResend()
beforeAll(() => resend.use())
afterAll(() => resend.close())

let logged: ReturnType<typeof vi.spyOn>
beforeEach(async () => {
  resend.failNext(0)
  await prisma.outboxEmail.deleteMany()
  logged = vi.spyOn(console, 'error').mockImplementation(() => {})
})
afterEach(() => {
  // a failed delivery is logged without the recipient or the email's values
  for (const call of logged.mock.calls) expect(String(call)).not.toMatch(/@example\.test|token=/)
  logged.mockRestore()
})

let sequence = 0

async function queueVerification(db: Parameters<typeof enqueueEmail>[0] = prisma) {
  const to = `person${++sequence}@example.test`
  const { id } = await enqueueEmail(db, {
    kind: 'verifyEmail',
    to,
    locale: 'ar',
    props: {
      firstName: 'Amira',
      url: `http://localhost:3000/verify-email?token=secret-${sequence}`,
      validHours: 48,
    },
  })
  return { id, to }
}

const rowOf = (id: string) => prisma.outboxEmail.findUniqueOrThrow({ where: { id } })
const after = (instant: Date, ms: number) => new Date(instant.getTime() + ms)

describe('delivering queued emails', () => {
  it('retries after 500, 500 with growing pauses and delivers exactly once, always with the same idempotency key', async () => {
    const { id, to } = await queueVerification()
    const attemptsBefore = resend.attempts.length
    resend.failNext(2)

    let now = new Date()
    expect(await deliverDueEmails({ now })).toEqual({ sent: 0, retrying: 1, dead: 0 })
    let row = await rowOf(id)
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lockedUntil: null, sentAt: null })
    expect(row.nextAttemptAt).toEqual(after(now, 30_000))
    expect(row.lastError).toBe('Email could not be sent: internal_server_error')

    // nothing is sent again before the pause is over
    expect(await deliverDueEmails({ now: after(now, 29_000) })).toEqual({ sent: 0, retrying: 0, dead: 0 })

    now = row.nextAttemptAt
    expect(await deliverDueEmails({ now })).toEqual({ sent: 0, retrying: 1, dead: 0 })
    row = await rowOf(id)
    expect(row.attempts).toBe(2)
    expect(row.nextAttemptAt).toEqual(after(now, 60_000))

    now = row.nextAttemptAt
    expect(await deliverDueEmails({ now })).toEqual({ sent: 1, retrying: 0, dead: 0 })
    row = await rowOf(id)
    expect(row).toMatchObject({ status: 'SENT', attempts: 2, lockedUntil: null })
    expect(row.sentAt).toBeInstanceOf(Date)
    // the sign-in link is not kept once the email is out
    expect(row.payload).toEqual({})

    const attempts = resend.attempts.slice(attemptsBefore)
    expect(attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200])
    expect(attempts.map((attempt) => attempt.idempotencyKey)).toEqual(Array(3).fill(row.idempotencyKey))
    const delivered = resend.emails.filter((email) => email.to === to)
    expect(delivered).toHaveLength(1)
    expect(delivered[0]!.idempotencyKey).toBe(row.idempotencyKey)
    expect(delivered[0]!.subject).toBe((await getTranslator('ar'))('auth:emails.verify.subject'))
    expect(delivered[0]!.html).toContain('dir="rtl"')
    expect(await deliverDueEmails({ now: after(now, 3_600_000) })).toEqual({ sent: 0, retrying: 0, dead: 0 })
  })

  it('doubles the pause after each failure, up to an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map(retryDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 1_920_000, 3_600_000, 3_600_000,
    ])
  })

  it('gives up after OUTBOX_MAX_ATTEMPTS; the admin sees it, masked, and a retry delivers it', async () => {
    const { id, to } = await queueVerification()
    const admin = await createUser({ staffRole: 'ADMIN' })
    const cookie = await sessionCookieFor(admin.id)
    vi.stubEnv('OUTBOX_MAX_ATTEMPTS', '3')
    resend.failNext(3, 503)
    let now = new Date()
    const reports = []
    for (let attempt = 1; attempt <= 3; attempt++) {
      reports.push(await deliverDueEmails({ now }))
      now = (await rowOf(id)).nextAttemptAt
    }
    vi.unstubAllEnvs()
    expect(reports.map((report) => report.dead)).toEqual([0, 0, 1])
    const dead = await rowOf(id)
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 3, sentAt: null })
    expect(await deliverDueEmails({ now: after(now, 86_400_000) })).toEqual({ sent: 0, retrying: 0, dead: 0 })
    expect(resend.emails.filter((email) => email.to === to)).toHaveLength(0)

    const page = await callRoute(outboxPage.loader, buildRequest('/admin/outbox', { cookie }))
    expect(page.status).toBe(200)
    const data = page.data as Awaited<ReturnType<typeof outboxPage.loader>>
    expect(data.counts.DEAD).toBe(1)
    expect(data.emails).toEqual([
      expect.objectContaining({
        id,
        kind: 'verifyEmail',
        status: 'DEAD',
        attempts: 3,
        recipient: maskAddress(to),
        lastError: 'Email could not be sent: internal_server_error',
      }),
    ])
    expect(maskAddress(to)).toMatch(/^p\*\*\*@example\.test$/)
    expect(JSON.stringify(page.data)).not.toContain(to)
    expect(JSON.stringify(page.data)).not.toContain('token=')

    const retried = await callRoute(
      outboxPage.action,
      buildRequest('/admin/outbox', { cookie, form: { intent: 'retry', id } }),
    )
    expect(retried.status).toBe(302)
    expect(retried.location).toBe('/admin/outbox')
    expect(
      await prisma.auditEvent.count({
        where: { action: 'outbox.retried', subjectId: id, actorId: admin.id },
      }),
    ).toBe(1)
    await deliverOutbox()
    expect(await rowOf(id)).toMatchObject({ status: 'SENT' })
    const delivered = resend.emails.filter((email) => email.to === to)
    expect(delivered).toHaveLength(1)
    expect(delivered[0]!.idempotencyKey).toBe(dead.idempotencyKey)

    // retrying what is not dead changes nothing
    const again = await callRoute(
      outboxPage.action,
      buildRequest('/admin/outbox', { cookie, form: { intent: 'retry', id } }),
    )
    expect(again.status).toBe(302)
    expect(await rowOf(id)).toMatchObject({ status: 'SENT' })
    expect(await prisma.auditEvent.count({ where: { action: 'outbox.retried', subjectId: id } })).toBe(1)
    const refused = await callRoute(
      outboxPage.action,
      buildRequest('/admin/outbox', { cookie, form: { intent: 'send', id } }),
    )
    expect(refused.status).toBe(400)
  })

  it('lists emails still being retried, not those sent at the first attempt', async () => {
    const admin = await createUser({ staffRole: 'ADMIN' })
    const cookie = await sessionCookieFor(admin.id)
    const retrying = await queueVerification()
    await queueVerification()
    resend.failNext(1)
    // one at a time, so the scripted failure hits the first
    await deliverDueEmails({ batchSize: 1 })
    const page = await callRoute(outboxPage.loader, buildRequest('/admin/outbox', { cookie }))
    const data = page.data as Awaited<ReturnType<typeof outboxPage.loader>>
    expect(data.counts).toEqual({ PENDING: 1, SENT: 1, DEAD: 0 })
    expect(data.emails.map((email) => [email.id, email.status, email.attempts])).toEqual([
      [retrying.id, 'PENDING', 1],
    ])
  })

  it('sends each of 20 emails exactly once with two workers running at the same time', async () => {
    const queued = []
    for (let index = 0; index < 20; index++) queued.push(await queueVerification())
    const attemptsBefore = resend.attempts.length
    const now = new Date()
    const reports = await Promise.all([
      deliverDueEmails({ now, batchSize: 3 }),
      deliverDueEmails({ now, batchSize: 3 }),
    ])
    expect(reports[0]!.sent + reports[1]!.sent).toBe(20)
    const rows = await prisma.outboxEmail.findMany({ where: { id: { in: queued.map((email) => email.id) } } })
    expect(rows.every((row) => row.status === 'SENT')).toBe(true)
    const keys = resend.attempts.slice(attemptsBefore).map((attempt) => attempt.idempotencyKey)
    expect(keys).toHaveLength(20)
    expect(new Set(keys)).toEqual(new Set(rows.map((row) => row.idempotencyKey)))
    for (const { to } of queued) expect(resend.emails.filter((email) => email.to === to)).toHaveLength(1)
  })

  it('leaves a row claimed by another worker alone until its lease runs out', async () => {
    const { id, to } = await queueVerification()
    const now = new Date()
    // another server claimed it and then crashed before sending
    await prisma.outboxEmail.update({ where: { id }, data: { lockedUntil: after(now, 120_000) } })
    expect(await deliverDueEmails({ now })).toEqual({ sent: 0, retrying: 0, dead: 0 })
    expect(await deliverDueEmails({ now: after(now, 121_000) })).toEqual({ sent: 1, retrying: 0, dead: 0 })
    expect(resend.emails.filter((email) => email.to === to)).toHaveLength(1)
  })

  it('records an email of an unknown kind as a failure without stopping the others', async () => {
    const unknown = await prisma.outboxEmail.create({
      data: {
        kind: 'noSuchEmail',
        recipient: 'x@example.test',
        locale: 'de',
        payload: {},
        idempotencyKey: 'k-1',
      },
    })
    const { id } = await queueVerification()
    expect(await deliverDueEmails()).toEqual({ sent: 1, retrying: 1, dead: 0 })
    expect(await rowOf(unknown.id)).toMatchObject({
      attempts: 1,
      lastError: 'Unknown email kind noSuchEmail',
    })
    expect(await rowOf(id)).toMatchObject({ status: 'SENT' })
  })
})

describe('queueing in a transaction', () => {
  it('leaves no email behind when the change that caused it rolls back', async () => {
    let queuedId = ''
    await expect(
      prisma.$transaction(async (tx) => {
        queuedId = (await queueVerification(tx)).id
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect(queuedId).not.toBe('')
    expect(await prisma.outboxEmail.count()).toBe(0)
    const attemptsBefore = resend.attempts.length
    await deliverOutbox()
    expect(resend.attempts.length).toBe(attemptsBefore)
  })
})
