import { readFileSync } from 'node:fs'

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../demo'

import { baseUrl, launchBrowser, saveScreenshot } from './browser'

/** The demo accounts exactly as the README lists them for a newcomer. */
function demoEmailsFromReadme() {
  const readme = readFileSync('README.md', 'utf8')
  const section = readme.slice(readme.indexOf('## The two commands'), readme.indexOf('## Configuration'))
  return [...section.matchAll(/`([^`\s]+@[^`\s]+)`/g)].map((match) => match[1]!)
}

describe('a fresh start', () => {
  it('answers /healthz with 200', async () => {
    const response = await fetch(`${baseUrl}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' })
  })

  it('lets every demo login from the README sign in and reach its dashboard', async () => {
    const emails = demoEmailsFromReadme()
    expect(emails.length).toBeGreaterThanOrEqual(8)
    for (const email of emails) {
      const login = await fetch(`${baseUrl}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Origin: baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email, password: DEMO_PASSWORD, redirectTo: '/dashboard' }),
      })
      expect({ email, status: login.status }).toEqual({ email, status: 302 })
      const cookie = login.headers
        .getSetCookie()
        .map((header) => header.split(';')[0])
        .join('; ')
      const dashboard = await fetch(`${baseUrl}/dashboard`, {
        headers: { Cookie: cookie },
        redirect: 'manual',
      })
      expect({ email, status: dashboard.status }).toEqual({ email, status: 200 })
    }
  })

  it('refuses a form posted from another site', async () => {
    const response = await fetch(`${baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'lead@abh.example', password: DEMO_PASSWORD }),
    })
    expect(response.status).toBe(403)
  })
})

describe('without JavaScript', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('switches the language, shows translated field errors and signs in with plain HTML forms', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseUrl, locale: 'de' })
    const page = await context.newPage()
    await page.goto('/login')
    expect(await page.locator('html').getAttribute('lang')).toBe('de')

    await page.selectOption('header select[name="lng"]', 'ar')
    await page.click('header form[action="/language"] button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/login')
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')

    await page.fill('main input[name="email"]', 'not-an-email')
    await page.click('main form button[type="submit"]')
    await page.waitForLoadState('load')
    const fieldError = page.locator('main .field-error').first()
    expect(await fieldError.innerText()).toMatch(/[\u0600-\u06FF]/)
    // axe runs inside the page and so needs JavaScript; these pages are scanned in the other journeys
    await saveScreenshot(page, 'ar', '20-login-error-without-javascript')

    await page.fill('main input[name="email"]', 'hr@employer.example')
    await page.fill('main input[name="password"]', DEMO_PASSWORD)
    await page.click('main form button[type="submit"]')
    await page.waitForURL((url) => url.pathname === '/dashboard')
    await saveScreenshot(page, 'ar', '21-dashboard-without-javascript')
    await context.close()
  })
})
