import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'

import { createSession } from '~/utils/session.server'

const BASE = 'http://localhost:3000'

/** A Cookie header for a fresh session of this user, as if they had signed in. */
export async function sessionCookieFor(userId: string) {
  const setCookie = await createSession(userId, new Request(BASE))
  return setCookie.split(';')[0]!
}

type RequestOptions = {
  cookie?: string
  form?: Record<string, string | string[]>
  headers?: Record<string, string>
}

export function buildRequest(path: string, { cookie, form, headers = {} }: RequestOptions = {}) {
  const init: RequestInit = { headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) } }
  if (form) {
    const body = new URLSearchParams()
    for (const [key, value] of Object.entries(form)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item)
    }
    init.method = 'POST'
    init.body = body
  }
  return new Request(new URL(path, BASE), init)
}

export type RouteResult = { status: number; data: unknown; headers: Headers; location: string | null }

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown

/**
 * Calls a loader or action the way Remix does and normalises what comes back: a Response (returned or
 * thrown), `data(value, init)`, or a plain value.
 */
export async function callRoute(
  fn: RouteFunction | undefined,
  request: Request,
  params: Record<string, string> = {},
): Promise<RouteResult> {
  if (!fn) throw new Error('The route has no such function')
  let result: unknown
  try {
    result = await fn({ request, params, context: {} })
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response) {
    const text = await result.text()
    let data: unknown = text
    try {
      data = JSON.parse(text)
    } catch {
      // plain text body
    }
    return { status: result.status, data, headers: result.headers, location: result.headers.get('Location') }
  }
  if (isDataWithInit(result)) {
    const headers = new Headers(result.init?.headers)
    return {
      status: result.init?.status ?? 200,
      data: result.data,
      headers,
      location: headers.get('Location'),
    }
  }
  if (result instanceof Error) throw result
  return { status: 200, data: result, headers: new Headers(), location: null }
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: string }).type === 'DataWithResponseInit'
  )
}
