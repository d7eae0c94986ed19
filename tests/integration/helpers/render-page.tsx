import { createRemixStub } from '@remix-run/testing'
import { createInstance } from 'i18next'
import type { ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { expect } from 'vitest'

import { i18nOptions, type Language } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'

import { buildRequest, callRoute } from '../../support/requests'

export type RouteModule = { default: ComponentType; loader: Parameters<typeof callRoute>[0] }

/** A translator for one language only: a missing text shows up as its key instead of the German fallback. */
export async function translator(language: Language) {
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    ...i18nOptions,
    lng: language,
    fallbackLng: false,
    resources: { [language]: getResources()[language]! },
  })
  return i18n
}

/**
 * Runs the route's loader as the signed-in user and renders its page in `language`. The page must have one
 * h1, no text matching `untranslated` (i18n keys of its namespaces), no unfilled `{{…}}`, and Arabic script
 * in Arabic.
 */
export async function renderPage(
  module: RouteModule,
  options: {
    path: string
    pattern: string
    language: Language
    cookie: string
    params: Record<string, string>
    untranslated: RegExp
    actionData?: unknown
  },
) {
  const loaded = await callRoute(
    module.loader,
    buildRequest(options.path, { cookie: options.cookie }),
    options.params,
  )
  expect(loaded.status, options.path).toBe(200)
  const Stub = createRemixStub([{ id: 'page', path: options.pattern, Component: module.default }])
  const html = renderToString(
    <I18nextProvider i18n={await translator(options.language)}>
      <Stub
        initialEntries={[options.path]}
        hydrationData={{
          loaderData: { page: loaded.data },
          actionData: options.actionData ? { page: options.actionData } : undefined,
        }}
      />
    </I18nextProvider>,
  ).replaceAll('<!-- -->', '')
  const text = html.replace(/<[^>]+>/g, ' ')
  expect(html.match(/<h1[\s>]/g), 'exactly one h1').toHaveLength(1)
  expect(text, options.path).not.toMatch(options.untranslated)
  expect(html).not.toContain('{{')
  if (options.language === 'ar') expect(text).toMatch(/[\u0600-\u06FF]/)
  return html
}
