import type { LoaderFunctionArgs } from '@remix-run/node'
import { createRemixStub } from '@remix-run/testing'
import { createInstance } from 'i18next'
import type { ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createUser } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

import { issueToken } from '~/models/token.server'
import { startTwoFactorSetup } from '~/models/two-factor.server'
import * as account from '~/routes/account'
import * as profile from '~/routes/account._index'
import * as changePassword from '~/routes/account.password'
import * as sessions from '~/routes/account.sessions'
import * as twoFactor from '~/routes/account.two-factor'
import * as forgotPassword from '~/routes/forgot-password'
import * as login from '~/routes/login'
import * as twoFactorLogin from '~/routes/login_.two-factor'
import * as resetPassword from '~/routes/reset-password'
import * as signup from '~/routes/signup'
import * as verifyEmail from '~/routes/verify-email'
import { i18nOptions } from '~/utils/i18n'
import { getLocale, getResources, getTranslator } from '~/utils/i18n.server'
import { startChallenge } from '~/utils/login-challenge.server'

// The router's layout effects are meant for the browser; React's warning about them is noise here.
const consoleError = console.error
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) consoleError(...args)
  })
})
afterAll(() => vi.restoreAllMocks())

type Page = {
  id: string
  path: string
  Component: ComponentType
  loader?: (args: LoaderFunctionArgs) => unknown
  children?: Page[]
}

/**
 * Renders a page the way the server does: each route's real loader answers the request, and the
 * components render in the language detected for it.
 */
async function renderPage(
  url: string,
  request: Request,
  pages: Page[],
  actionData?: Record<string, unknown>,
) {
  const loaderData: Record<string, unknown> = {}
  const collect = async (list: Page[]) => {
    for (const page of list) {
      if (page.loader) loaderData[page.id] = (await callRoute(page.loader as never, request)).data
      if (page.children) await collect(page.children)
    }
  }
  await collect(pages)
  const stubRoutes = (list: Page[]): Parameters<typeof createRemixStub>[0] =>
    list.map((page) => ({
      id: page.id,
      path: page.path,
      Component: page.Component,
      loader: () => loaderData[page.id] ?? null,
      children: page.children ? stubRoutes(page.children) : undefined,
    }))
  const language = await getLocale(request)
  const i18n = createInstance()
  // Only this language and no fallback: a missing text shows up as its key instead of as German.
  await i18n.use(initReactI18next).init({
    ...i18nOptions,
    lng: language,
    fallbackLng: false,
    resources: { [language]: getResources()[language]! },
  })
  const Stub = createRemixStub(stubRoutes(pages))
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <Stub initialEntries={[url]} hydrationData={{ loaderData, actionData }} />
    </I18nextProvider>,
  )
}

/** A key shown instead of its text means a translation is missing. */
const UNTRANSLATED =
  /\b(?:auth:|common:|validation\.|(?:fields|signup|login|verifyEmail|twoFactor|twoFactorLogin|forgotPassword|resetPassword|account|emails)\.[a-zA-Z])/

function expectTranslatedPage(html: string, { headings = 1 } = {}) {
  const text = html.replace(/<[^>]+>/g, ' ')
  expect(text).not.toMatch(UNTRANSLATED)
  expect(html.match(/<h1[ >]/g) ?? []).toHaveLength(headings)
}

const LANGUAGES = ['de', 'en', 'ar'] as const
const accept = (language: string) => ({ 'Accept-Language': language })

describe('account pages render translated in German, English and Arabic', () => {
  for (const language of LANGUAGES) {
    it(`public pages (${language})`, async () => {
      const headers = accept(language)
      const routes: [string, Page][] = [
        ['/signup', { id: 'signup', path: '/signup', Component: signup.default, loader: signup.loader }],
        ['/login', { id: 'login', path: '/login', Component: login.default, loader: login.loader }],
        ['/forgot-password', { id: 'forgot', path: '/forgot-password', Component: forgotPassword.default }],
      ]
      for (const [url, page] of routes) {
        expectTranslatedPage(await renderPage(url, buildRequest(url, { headers }), [page]))
      }

      const user = await createUser({ isVerified: false })
      const resetUrl = `/reset-password?token=${await issueToken(user.id, 'PASSWORD_RESET')}`
      const setupUrl = `/reset-password?token=${await issueToken(user.id, 'ACCOUNT_SETUP')}`
      const reset = {
        id: 'reset',
        path: '/reset-password',
        Component: resetPassword.default,
        loader: resetPassword.loader,
      }
      for (const url of [resetUrl, setupUrl, '/reset-password?token=expired']) {
        expectTranslatedPage(await renderPage(url, buildRequest(url, { headers }), [reset]))
      }

      const verify = {
        id: 'verify',
        path: '/verify-email',
        Component: verifyEmail.default,
        loader: verifyEmail.loader,
      }
      const cookie = await sessionCookieFor(user.id)
      for (const [url, withCookie] of [
        ['/verify-email', cookie],
        ['/verify-email?token=used', undefined],
      ] as const) {
        expectTranslatedPage(
          await renderPage(url, buildRequest(url, { headers, cookie: withCookie }), [verify]),
        )
      }

      const challenge = (
        await startChallenge({ token: await issueToken(user.id, 'TWO_FACTOR_LOGIN'), redirectTo: '/' })
      ).split(';')[0]!
      const code = {
        id: 'code',
        path: '/login/two-factor',
        Component: twoFactorLogin.default,
        loader: twoFactorLogin.loader,
      }
      expectTranslatedPage(
        await renderPage(
          '/login/two-factor',
          buildRequest('/login/two-factor', { headers, cookie: challenge }),
          [code],
        ),
      )
    })

    it(`account area (${language})`, async () => {
      // No Accept-Language: the language comes from the user's saved preference.
      const officer = await createUser({ staffRole: 'OFFICER', locale: language })
      const t = await getTranslator(language)
      const cookie = await sessionCookieFor(officer.id)
      const children: Page[] = [
        { id: 'profile', path: '', Component: profile.default, loader: profile.loader },
        {
          id: 'password',
          path: 'password',
          Component: changePassword.default,
          loader: changePassword.loader,
        },
        { id: 'sessions', path: 'sessions', Component: sessions.default, loader: sessions.loader },
        { id: 'twoFactor', path: 'two-factor', Component: twoFactor.default, loader: twoFactor.loader },
      ]
      for (const child of children) {
        const url = `/account${child.path ? `/${child.path}` : ''}`
        const layout = { id: 'account', path: '/account', Component: account.default, loader: account.loader }
        const html = await renderPage(url, buildRequest(url, { cookie }), [{ ...layout, children: [child] }])
        expectTranslatedPage(html)
        expect(html).toContain(`<h1>${t('auth:account.title')}</h1>`)
      }
      await startTwoFactorSetup(officer.id)
      const url = '/account/two-factor'
      const layout = { id: 'account', path: '/account', Component: account.default, loader: account.loader }
      const html = await renderPage(url, buildRequest(url, { cookie }), [
        { ...layout, children: [children[3]!] },
      ])
      expectTranslatedPage(html)
      expect(html).toContain('src="data:image/svg+xml;base64,')
    })
  }
})

describe('login page', () => {
  it('shows the rate-limit message in Arabic to a visitor whose browser asks for Arabic', async () => {
    await createUser({ email: 'rendered@example.test' })
    const headers = { 'Accept-Language': 'ar,en;q=0.5' }
    let result
    for (let attempt = 1; attempt <= 6; attempt++) {
      const request = buildRequest('/login', {
        headers,
        form: { email: 'rendered@example.test', password: 'wrong' },
      })
      result = await callRoute(login.action, request)
    }
    expect(result!.status).toBe(429)
    const page = { id: 'login', path: '/login', Component: login.default, loader: login.loader }
    const html = await renderPage('/login', buildRequest('/login', { headers }), [page], {
      login: result!.data,
    })
    expect(html).toContain('role="alert"')
    expect(html).toContain(
      'محاولات فاشلة كثيرة. حفاظًا على أمانك، يرجى الانتظار 15 دقيقة ثم المحاولة مرة أخرى.',
    )
    expect(html).toContain('value="rendered@example.test"')
  })
})
