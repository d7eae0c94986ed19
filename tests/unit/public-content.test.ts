import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  actors,
  amounts,
  deadlineKinds,
  durationUnits,
  procedures,
  procedureSlugs,
  type Procedure,
} from '~/content/procedures'
import { supportedLanguages } from '~/utils/i18n'

function load(language: string): unknown {
  return JSON.parse(readFileSync(join('locales', language, 'public.json'), 'utf8'))
}

function lookUp(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined,
      tree,
    )
}

/** Every translation key a procedure refers to, its steps included. */
function keysOf(procedure: Procedure) {
  return [
    procedure.titleKey,
    procedure.summaryKey,
    procedure.durationKey,
    procedure.factsKey,
    procedure.overviewKey,
    ...procedure.sectionKeys,
    ...procedure.steps.flatMap((step) => [step.titleKey, step.paragraphsKey]),
  ]
}

const isStringList = (value: unknown) =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')

describe('procedure content', () => {
  it('defines each slug exactly once, each with steps', () => {
    expect(procedures.map((procedure) => procedure.slug).sort()).toEqual([...procedureSlugs].sort())
    for (const procedure of procedures) expect(procedure.steps.length, procedure.slug).toBeGreaterThan(0)
  })

  it('cites a legal basis for every step', () => {
    for (const procedure of procedures) {
      for (const step of procedure.steps) expect(step.legalBasis.length, step.titleKey).toBeGreaterThan(0)
    }
  })

  for (const language of supportedLanguages) {
    describe(`in locales/${language}/public.json`, () => {
      const texts = load(language)

      it('has every key the procedure data refers to, with the expected shape', () => {
        for (const procedure of procedures) {
          const missing = keysOf(procedure).filter((key) => lookUp(texts, key) === undefined)
          expect(missing, procedure.slug).toEqual([])
          expect(typeof lookUp(texts, procedure.titleKey)).toBe('string')
          expect(lookUp(texts, `${procedure.overviewKey}.heading`)).toEqual(expect.any(String))
          for (const key of procedure.sectionKeys)
            expect(lookUp(texts, `${key}.heading`), key).toEqual(expect.any(String))
          for (const step of procedure.steps)
            expect(isStringList(lookUp(texts, step.paragraphsKey)), step.id).toBe(true)
          expect(lookUp(texts, procedure.factsKey)).toEqual(
            expect.arrayContaining([{ term: expect.any(String), description: expect.any(String) }]),
          )
        }
      })

      it('labels every actor, deadline kind and duration unit', () => {
        for (const actor of actors)
          expect(lookUp(texts, `procedure.actors.${actor}`), actor).toEqual(expect.any(String))
        for (const kind of deadlineKinds) {
          expect(lookUp(texts, `procedure.deadlineKinds.${kind}`), kind).toEqual(expect.any(String))
        }
        for (const unit of durationUnits) {
          expect(lookUp(texts, `procedure.durations.${unit}_other`), unit).toEqual(expect.any(String))
        }
      })

      it('only interpolates amounts the pages provide', () => {
        const placeholders = JSON.stringify(lookUp(texts, 'procedures')).match(/{{\s*\w+\s*}}/g) ?? []
        const names = new Set(placeholders.map((placeholder) => placeholder.replace(/[{}\s]/g, '')))
        expect([...names].filter((name) => !(name in amounts))).toEqual([])
      })
    })
  }
})
