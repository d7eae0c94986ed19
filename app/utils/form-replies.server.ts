import { data } from '@remix-run/node'

import type { FormReply } from './forms'

/**
 * A refusal the schema could not know about (address taken, wrong current password, wrong code):
 * one message (an i18n key) on one field, with the values to show again.
 */
export function fieldError(field: string, key: string, values?: Record<string, string>, status = 400) {
  return data<FormReply>({ fieldErrors: { [field]: [key] }, values }, { status })
}

/** A form-level message that keeps the entered (non-secret) values, e.g. after a refused login. */
export function formMessage(key: string, values?: Record<string, string>, init: ResponseInit = {}) {
  return data<FormReply>({ fieldErrors: {}, formError: key, values }, { status: 400, ...init })
}
