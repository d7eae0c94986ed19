import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export type RecordedEmail = {
  from: string
  to: string | string[]
  subject: string
  html: string
  text: string
  headers: IncomingHttpHeaders
  /** The Idempotency-Key header of the request that delivered it. */
  idempotencyKey: string | null
}

/** Every request to send an email, answered or failed. */
export type SendAttempt = { idempotencyKey: string | null; status: number }

/**
 * A stand-in for the Resend API on 127.0.0.1: the real SDK talks real HTTP to it (RESEND_BASE_URL).
 * `failNext(n, status)` (or POST /test/fail with {count, status}, for a server in another process)
 * answers the next n sends with that status, to exercise retries.
 */
export async function startFakeResend() {
  const emails: RecordedEmail[] = []
  const attempts: SendAttempt[] = []
  let failures = { left: 0, status: 500 }
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    request.on('end', () => {
      if (request.method === 'GET' && request.url === '/test/emails') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(emails))
        return
      }
      if (request.method === 'GET' && request.url === '/test/attempts') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(attempts))
        return
      }
      if (request.method === 'POST' && request.url === '/test/fail') {
        const { count, status = 500 } = JSON.parse(body || '{}') as { count?: number; status?: number }
        failures = { left: count ?? 0, status }
        response.writeHead(204).end()
        return
      }
      if (request.method === 'POST' && request.url === '/emails') {
        const header = request.headers['idempotency-key']
        const idempotencyKey = typeof header === 'string' ? header : null
        if (failures.left > 0) {
          failures.left--
          attempts.push({ idempotencyKey, status: failures.status })
          response.writeHead(failures.status, { 'Content-Type': 'application/json' }).end(
            JSON.stringify({
              name: 'internal_server_error',
              message: 'fake failure',
              statusCode: failures.status,
            }),
          )
          return
        }
        attempts.push({ idempotencyKey, status: 200 })
        emails.push({ ...JSON.parse(body), headers: request.headers, idempotencyKey })
        response
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ id: `fake-${emails.length}` }))
        return
      }
      response.writeHead(404).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    emails,
    attempts,
    failNext(count: number, status = 500) {
      failures = { left: count, status }
    },
    /** Points the app's email module at this server. */
    use() {
      process.env.RESEND_API_KEY = 're_test_key'
      process.env.RESEND_BASE_URL = url
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Finds the first link in an email's text that starts with the given path. */
export function linkIn(email: RecordedEmail, path: string) {
  const match = email.text.match(new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, '\\$&')}[^\\s]*`))
  if (!match) throw new Error(`No link to ${path} in "${email.subject}"`)
  return match[0]
}
