import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { namespaces, supportedLanguages } from '~/utils/i18n'

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/** Every key path, with plural forms folded into their base key (languages have different plural rules). */
function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(PLURAL_SUFFIX, '')]
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key))
}

function load(language: string, namespace: string) {
  return JSON.parse(readFileSync(join('locales', language, `${namespace}.json`), 'utf8')) as unknown
}

describe('locales', () => {
  it('ship exactly the declared namespaces in every language', () => {
    for (const language of supportedLanguages) {
      const files = readdirSync(join('locales', language)).map((file) => file.replace(/\.json$/, ''))
      expect(files.sort(), language).toEqual([...namespaces].sort())
    }
  })

  for (const namespace of namespaces) {
    it(`have the same keys in every language: ${namespace}`, () => {
      const reference = new Set(keysOf(load('de', namespace)))
      for (const language of supportedLanguages) {
        const keys = new Set(keysOf(load(language, namespace)))
        const missing = [...reference].filter((key) => !keys.has(key))
        const extra = [...keys].filter((key) => !reference.has(key))
        expect({ language, missing, extra }).toEqual({ language, missing: [], extra: [] })
      }
    })
  }

  it('have no empty translations', () => {
    for (const language of supportedLanguages) {
      for (const namespace of namespaces) {
        const text = JSON.stringify(load(language, namespace))
        expect(text, `${language}/${namespace}`).not.toMatch(/:""/)
      }
    }
  })
})
