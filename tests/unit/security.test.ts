import type { NextFunction, Request, Response } from 'express'
import { describe, expect, it, vi } from 'vitest'

import { sameOriginForMutations, securityHeaders } from '../../server/security'

function fakeRequest(
  method: string,
  headers: Record<string, string>,
  { path = '/', query = {} }: { path?: string; query?: Record<string, string> } = {},
) {
  const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]))
  return {
    method,
    protocol: 'http',
    path,
    query,
    get: (name: string) => lower[name.toLowerCase()],
  } as unknown as Request
}

function fakeResponse() {
  const response = {
    statusCode: 200,
    headers: {} as Record<string, string>,
    locals: {} as Record<string, unknown>,
    setHeader(name: string, value: string) {
      response.headers[name] = value
    },
    status(code: number) {
      response.statusCode = code
      return response
    },
    type: () => response,
    send: vi.fn(),
  }
  return response
}

function run(method: string, headers: Record<string, string>) {
  const response = fakeResponse()
  const next = vi.fn() as unknown as NextFunction
  sameOriginForMutations(
    fakeRequest(method, { Host: 'portal.test', ...headers }),
    response as unknown as Response,
    next,
  )
  return {
    passed: (next as unknown as ReturnType<typeof vi.fn>).mock.calls.length === 1,
    status: response.statusCode,
  }
}

describe('cross-site request refusal', () => {
  it('refuses a form post from another origin with 403', () => {
    expect(run('POST', { Origin: 'https://evil.example' })).toEqual({ passed: false, status: 403 })
  })

  it('refuses a post the browser marks as cross-site', () => {
    expect(run('POST', { 'Sec-Fetch-Site': 'cross-site' })).toEqual({ passed: false, status: 403 })
  })

  it('lets same-origin posts and any GET through', () => {
    expect(run('POST', { Origin: 'http://portal.test', 'Sec-Fetch-Site': 'same-origin' }).passed).toBe(true)
    expect(run('GET', { Origin: 'https://evil.example' }).passed).toBe(true)
  })
})

describe('security headers', () => {
  it('sets a nonce-based CSP that forbids framing and inline scripts without the nonce', () => {
    const response = fakeResponse()
    securityHeaders({ isDevelopment: false })(
      fakeRequest('GET', {}),
      response as unknown as Response,
      vi.fn() as unknown as NextFunction,
    )
    const csp = response.headers['Content-Security-Policy']!
    expect(csp).toContain(`script-src 'self' 'nonce-${response.locals.cspNonce as string}'`)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(response.headers['X-Content-Type-Options']).toBe('nosniff')
    expect(response.headers['X-Frame-Options']).toBe('DENY')
  })

  it('lets only a document preview be framed, and only by the portal itself', () => {
    const headersFor = (path: string, query: Record<string, string>) => {
      const response = fakeResponse()
      securityHeaders({ isDevelopment: false })(
        fakeRequest('GET', {}, { path, query }),
        response as unknown as Response,
        vi.fn() as unknown as NextFunction,
      )
      return response.headers
    }
    const preview = headersFor('/authority/cases/c1/documents/d1/file', { inline: '1' })
    expect(preview['Content-Security-Policy']).toContain("frame-ancestors 'self'")
    expect(preview['X-Frame-Options']).toBe('SAMEORIGIN')
    const download = headersFor('/authority/cases/c1/documents/d1/file', {})
    expect(download['X-Frame-Options']).toBe('DENY')
    const page = headersFor('/authority/cases/c1/documents/d1', { inline: '1' })
    expect(page['Content-Security-Policy']).toContain("frame-ancestors 'none'")
  })
})
