import { expect } from 'vitest'

import type { RouteResult } from '../../support/requests'

import type { FormReply } from '~/utils/forms'
import { supportedLanguages } from '~/utils/i18n'
import { getTranslator } from '~/utils/i18n.server'
import { parseMessage } from '~/utils/validation'

/** Translates an encoded message (key plus values) and fails when the language has no text for it. */
export async function translated(encoded: string, language: string) {
  const { key, values } = parseMessage(encoded)
  const t = await getTranslator(language)
  const text = t(key, values)
  expect(text, `${language}: ${key}`).not.toBe(key.replace(/^\w+:/, ''))
  expect(text, `${language}: ${key}`).not.toBe(key)
  return text
}

/** The field messages of a 400 reply, each checked to exist in every language. */
export async function fieldMessages(result: RouteResult) {
  expect(result.status).toBe(400)
  const { fieldErrors } = result.data as FormReply
  for (const messages of Object.values(fieldErrors)) {
    for (const encoded of messages) {
      for (const language of supportedLanguages) await translated(encoded, language)
    }
  }
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages[0]]))
}

/** Every message of a refused form resolves to real text in every language (not to its own key). */
export async function expectTranslated(reply: unknown) {
  const { fieldErrors, formError } = reply as FormReply
  const encoded = [...Object.values(fieldErrors).flat(), ...(formError ? [formError] : [])]
  expect(encoded.length).toBeGreaterThan(0)
  for (const language of supportedLanguages) {
    for (const message of encoded) await translated(message, language)
  }
}

/** The field names that carry an error in a 400 reply. */
export function erroneousFields(reply: unknown) {
  return Object.keys((reply as FormReply).fieldErrors).sort()
}
