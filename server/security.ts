import { randomBytes } from 'node:crypto'

import type { NextFunction, Request, Response } from 'express'

const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** A document preview is shown in a frame of the portal's own review page; nothing else may be framed. */
const FRAMEABLE_PREVIEW = /^\/authority\/cases\/[^/]+\/documents\/[^/]+\/file$/

function mayBeFramedBySelf(request: Request) {
  return FRAMEABLE_PREVIEW.test(request.path) && request.query.inline === '1'
}

/** Strict security headers with a per-response nonce for the scripts Remix inlines (DESIGN §7). */
export function securityHeaders({ isDevelopment }: { isDevelopment: boolean }) {
  return (request: Request, response: Response, next: NextFunction) => {
    const isFrameable = mayBeFramedBySelf(request)
    const nonce = randomBytes(16).toString('base64')
    response.locals.cspNonce = nonce
    const connectSources = isDevelopment ? "'self' ws://localhost:* ws://127.0.0.1:*" : "'self'"
    response.setHeader(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        `connect-src ${connectSources}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        `frame-ancestors ${isFrameable ? "'self'" : "'none'"}`,
      ].join('; '),
    )
    response.setHeader('X-Content-Type-Options', 'nosniff')
    response.setHeader('X-Frame-Options', isFrameable ? 'SAMEORIGIN' : 'DENY')
    response.setHeader('Referrer-Policy', 'same-origin')
    response.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    if (process.env.APP_URL?.startsWith('https://')) {
      response.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
    }
    next()
  }
}

/**
 * Refuses state-changing requests sent by another site: browsers send Origin (or Sec-Fetch-Site) with
 * every form submission and fetch, so a mismatch means cross-site request forgery.
 */
export function sameOriginForMutations(request: Request, response: Response, next: NextFunction) {
  if (!MUTATING_METHODS.has(request.method)) return next()
  const origin = request.get('Origin')
  const fetchSite = request.get('Sec-Fetch-Site')
  const expected = process.env.APP_URL
    ? new URL(process.env.APP_URL).origin
    : `${request.protocol}://${request.get('Host')}`
  const isCrossSite = (origin && origin !== 'null' && origin !== expected) || fetchSite === 'cross-site'
  if (isCrossSite) {
    response.status(403).type('text/plain').send('Cross-site request refused')
    return
  }
  next()
}
