import { randomUUID } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

import { Resend } from 'resend'

import { composeEmail, type EmailTemplate } from '~/emails/compose.server'

export type OutgoingEmail = {
  to: string
  subject: string
  html: string
  text: string
  idempotencyKey?: string
}

let client: Resend | undefined

/**
 * Sends through Resend when RESEND_API_KEY is set (RESEND_BASE_URL may point the SDK elsewhere, as the
 * tests do). Without a key, as in development, each email is written to ./data/outbox instead.
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
    email.idempotencyKey ? { idempotencyKey: email.idempotencyKey } : undefined,
  )
  if (error) throw new Error(`Email could not be sent: ${error.name}`)
}

/** Renders a template in the recipient's language and sends it. */
export async function sendTemplatedEmail<P>(input: {
  to: string
  locale: string
  template: EmailTemplate<P>
  props: P
}) {
  const composed = await composeEmail(input.template, input.locale, input.props)
  await sendEmail({ to: input.to, ...composed })
}

/**
 * For emails that follow a change already committed: a failed delivery must not undo or hide it.
 * Returns whether the email went out.
 */
export async function sendQuietly(kind: string, sending: Promise<void>) {
  try {
    await sending
    return true
  } catch (error) {
    // Only the provider's failure is logged, never the recipient.
    console.error(
      `The ${kind} email could not be sent: ${error instanceof Error ? error.message : 'unknown error'}`,
    )
    return false
  }
}

async function writeToOutbox(email: OutgoingEmail) {
  const outbox = join(process.env.DATA_DIR ?? 'data', 'outbox')
  await mkdir(outbox, { recursive: true })
  const file = join(
    outbox,
    `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.json`,
  )
  await writeFile(file, JSON.stringify(email, null, 2))
  // The subject carries no personal data (templates keep it to the kind of message).
  console.info(`email "${email.subject}" written to ${file}`)
}
