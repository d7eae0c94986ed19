import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { Resend } from 'resend'

export type OutgoingEmail = {
  to: string
  subject: string
  html: string
  text: string
  idempotencyKey?: string
  /** Ends a request that hangs, so a delivery run cannot stall. */
  signal?: AbortSignal
}

let client: Resend | undefined

/**
 * Sends through Resend when RESEND_API_KEY is set (RESEND_BASE_URL may point the SDK elsewhere, as the
 * tests do). Without a key, as in development, each email is written to ./data/outbox instead. The
 * portal's emails go through the outbox (app/models/outbox.server.ts), which calls this.
 */
export async function sendEmail(email: OutgoingEmail) {
  const apiKey = process.env.RESEND_API_KEY
  if (!apiKey) return writeToOutbox(email)
  client ??= new Resend(apiKey)
  const { error } = await client.emails.send(
    {
      from: process.env.MAIL_FROM ?? 'Liaison Portal <portal@localhost>',
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
    },
    {
      ...(email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : {}),
      ...(email.signal ? { signal: email.signal } : {}),
    },
  )
  if (error) throw new Error(`Email could not be sent: ${error.name}`)
}

async function writeToOutbox(email: OutgoingEmail) {
  const outbox = join(process.env.DATA_DIR ?? 'data', 'outbox')
  await mkdir(outbox, { recursive: true })
  const file = join(
    outbox,
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.json`,
  )
  const { signal: _signal, ...written } = email
  await writeFile(file, JSON.stringify(written, null, 2))
  // The subject carries no personal data (templates keep it to the kind of message).
  console.info(`email "${email.subject}" written to ${file}`)
}
