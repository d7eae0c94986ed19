import { Outlet } from '@remix-run/react'
import { createRemixStub } from '@remix-run/testing'
import { createInstance } from 'i18next'
import { createElement, type ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { procedureSlugs } from '~/content/procedures'
import * as accessibility from '~/routes/accessibility'
import * as imprint from '~/routes/imprint'
import * as landing from '~/routes/_index'
import * as privacy from '~/routes/privacy'
import * as procedure from '~/routes/procedures.$slug'
import { i18nOptions, supportedLanguages, type Language } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'
import type { PageHandle } from '~/utils/page-title'

import { createUser } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

type PageModule = {
  default: ComponentType
  loader: Parameters<typeof callRoute>[0]
  handle: PageHandle
}

type Page = { url: string; module: PageModule; path?: string; params?: Record<string, string> }

const pages: Page[] = [
  { url: '/', module: landing },
  { url: '/accessibility', module: accessibility, path: 'accessibility' },
  { url: '/privacy', module: privacy, path: 'privacy' },
  { url: '/imprint', module: imprint, path: 'imprint' },
  ...procedureSlugs.map((slug) => ({
    url: `/procedures/${slug}`,
    module: procedure,
    path: 'procedures/:slug',
    params: { slug },
  })),
]

// A translation key that reached the page instead of its text, e.g. "procedure.labels.actors".
const UNTRANSLATED_KEY =
  /\b(?:actions|contact|landing|procedure|procedures|accessibility|privacy|imprint)\.[a-zA-Z]/

async function translator(language: Language) {
  const instance = createInstance()
  await instance.use(initReactI18next).init({ ...i18nOptions, lng: language, resources: getResources() })
  return instance
}

function requestIn(language: Language, url: string, cookie?: string) {
  return buildRequest(url, { cookie, headers: { 'Accept-Language': language } })
}

/** Server-renders a page the way Remix does, with its loader data and the shell's root data. */
async function render(page: Page, language: Language, data: unknown, user: { name: string } | null = null) {
  const Stub = createRemixStub([
    {
      id: 'root',
      path: '/',
      Component: Outlet,
      children: [
        {
          id: 'page',
          ...(page.path ? { path: page.path } : { index: true }),
          Component: page.module.default,
        },
      ],
    },
  ])
  const i18n = await translator(language)
  const stub = createElement(Stub, {
    initialEntries: [page.url],
    hydrationData: { loaderData: { root: { locale: language, toast: null, user }, page: data } },
  })
  return renderToString(createElement(I18nextProvider, { i18n }, stub))
}

function headingLevels(html: string) {
  return [...html.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]))
}

describe('public pages', () => {
  // createRemixStub renders through RouterProvider, whose layout effect React reports on every server render.
  beforeAll(() => {
    const report = console.error
    vi.spyOn(console, 'error').mockImplementation((message: unknown, ...rest: unknown[]) => {
      if (
        typeof message === 'string' &&
        message.startsWith('Warning: useLayoutEffect does nothing on the server')
      )
        return
      report(message, ...rest)
    })
  })
  afterAll(() => vi.restoreAllMocks())

  for (const page of pages) {
    describe(`GET ${page.url}`, () => {
      it('answers 200 to an anonymous visitor', async () => {
        const result = await callRoute(page.module.loader, requestIn('de', page.url), page.params)
        expect(result.status).toBe(200)
      })

      for (const language of supportedLanguages) {
        it(`renders fully translated with one h1 and no skipped heading level (${language})`, async () => {
          const { data } = await callRoute(page.module.loader, requestIn(language, page.url), page.params)
          const html = await render(page, language, data)
          const levels = headingLevels(html)
          expect(levels.filter((level) => level === 1)).toHaveLength(1)
          expect(levels[0]).toBe(1)
          levels.forEach((level, index) => {
            if (index > 0)
              expect(level, `heading ${index} of ${page.url}`).toBeLessThanOrEqual(levels[index - 1]! + 1)
          })
          expect(html).not.toMatch(UNTRANSLATED_KEY)
          expect(html).not.toContain('{{')
          const title = page.module.handle.pageTitle((await translator(language)).t, data)
          expect(title).not.toBe('')
          expect(title).not.toMatch(UNTRANSLATED_KEY)
        })
      }
    })
  }

  it('answers 404 for an unknown procedure', async () => {
    const result = await callRoute(procedure.loader, requestIn('de', '/procedures/tourism'), {
      slug: 'tourism',
    })
    expect(result.status).toBe(404)
  })

  it('formats amounts and dates for the visitor’s language (German uses a no-break space)', async () => {
    const url = '/procedures/skilled-workers'
    const params = { slug: 'skilled-workers' }
    const german = await callRoute(procedure.loader, requestIn('de', url), params)
    const english = await callRoute(procedure.loader, requestIn('en', url), params)
    expect(german.data).toMatchObject({
      amounts: { fee: '411\u00a0€', blueCardReducedSalary: '45.934,20\u00a0€' },
    })
    expect(english.data).toMatchObject({ amounts: { fee: '€411' }, legalStatus: 'January 2026' })
    const statement = await callRoute(accessibility.loader, requestIn('de', '/accessibility'))
    expect(statement.data).toMatchObject({ preparedOn: '24. November 2026' })
  })

  it('shows a signed-in user the way to the dashboard instead of registration', async () => {
    const user = await createUser({ locale: 'en' })
    const request = requestIn('de', '/', await sessionCookieFor(user.id))
    const { status, data } = await callRoute(landing.loader, request)
    expect(status).toBe(200)
    const html = await render(pages[0]!, 'en', data, { name: user.name })
    expect(html).toContain('href="/dashboard"')
    expect(html).not.toContain('href="/signup"')
  })
})
