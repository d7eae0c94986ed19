import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export type RecordedEmail = {
  from: string
  to: string | string[]
  subject: string
  html: string
  text: string
  headers: IncomingHttpHeaders
}

/**
 * A stand-in for the Resend API on 127.0.0.1: the real SDK talks real HTTP to it (RESEND_BASE_URL).
 * `failNext(n)` answers the next n sends with 500, to exercise retries.
 */
export async function startFakeResend() {
  const emails: RecordedEmail[] = []
  let failuresLeft = 0
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    request.on('end', () => {
      if (request.method === 'GET' && request.url === '/test/emails') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(emails))
        return
      }
      if (request.method === 'POST' && request.url === '/emails') {
        if (failuresLeft > 0) {
          failuresLeft--
          response
            .writeHead(500, { 'Content-Type': 'application/json' })
            .end(JSON.stringify({ name: 'internal_server_error', message: 'fake failure', statusCode: 500 }))
          return
        }
        emails.push({ ...JSON.parse(body), headers: request.headers })
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
    failNext(count: number) {
      failuresLeft = count
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
