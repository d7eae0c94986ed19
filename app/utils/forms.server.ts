import { data } from '@remix-run/node'
import type { z } from 'zod'

import type { FormReply } from './forms'

export type Parsed<T> = { ok: true; value: T } | { ok: false; reply: FormReply }

/** Fields never echoed back to the browser after a failed submission. */
const SECRET_FIELDS = /password|code|token/i

/** Parses a form submission with the same zod schema the browser used; the server is the authority. */
export async function parseForm<S extends z.ZodType>(
  request: Request | FormData,
  schema: S,
): Promise<Parsed<z.output<S>>> {
  const formData = request instanceof FormData ? request : await request.formData()
  const entries = formDataToObject(formData)
  const result = await schema.safeParseAsync(entries)
  if (result.success) return { ok: true, value: result.data }
  const fieldErrors: Record<string, string[]> = {}
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || 'form'
    ;(fieldErrors[field] ??= []).push(issue.message)
  }
  return { ok: false, reply: { fieldErrors, values: echoValues(entries) } }
}

/** 400 with the reply the form renders: translated field messages, previous values (no secrets). */
export function badRequest(reply: FormReply) {
  return data(reply, { status: 400 })
}

/** A 400 with one form-level message (an i18n key), for failures not tied to one field. */
export function formError(key: string, status = 400) {
  return data<FormReply>({ fieldErrors: {}, formError: key }, { status })
}

function formDataToObject(formData: FormData) {
  const object: Record<string, string | string[]> = {}
  for (const [key, value] of formData.entries()) {
    if (typeof value !== 'string') continue
    const existing = object[key]
    if (existing === undefined) object[key] = value
    else object[key] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return object
}

function echoValues(entries: Record<string, unknown>) {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(entries)) {
    if (typeof value === 'string' && !SECRET_FIELDS.test(key)) values[key] = value
  }
  return values
}
