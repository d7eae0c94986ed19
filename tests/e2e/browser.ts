import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'

import type { RecordedEmail } from '../support/fake-resend'

export const baseUrl = inject('baseUrl')
const resendUrl = inject('resendUrl')

const SCREENSHOT_DIR = 'tests/e2e/screenshots'

/** Debian's Chromium (never a downloaded browser), with the flags this offline machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A fresh browser context whose Accept-Language asks for the given language. */
export async function newPage(browser: Browser, language: string) {
  const context = await browser.newContext({ locale: language, baseURL: baseUrl })
  return context.newPage()
}

/** WCAG 2.1 AA scan of the page as it is now: any violation fails the test, with its rule ids. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }))
  expect(violations, `axe violations on ${page.url()}`).toEqual([])
}

/** Scans the page and saves a screenshot under tests/e2e/screenshots/<language>/. */
export async function checkPage(page: Page, language: string, name: string) {
  await expectAccessible(page)
  await saveScreenshot(page, language, name)
}

export async function saveScreenshot(page: Page, language: string, name: string) {
  const dir = join(SCREENSHOT_DIR, language)
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

/** The newest email sent to this address, waiting briefly for it to arrive. */
export async function latestEmailTo(address: string, subjectIncludes?: string): Promise<RecordedEmail> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const emails = (await (await fetch(`${resendUrl}/test/emails`)).json()) as RecordedEmail[]
    const match = emails
      .filter((email) => [email.to].flat().includes(address))
      .filter((email) => !subjectIncludes || email.subject.includes(subjectIncludes))
      .at(-1)
    if (match) return match
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`No email to ${address} arrived`)
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/login')),
    page.locator('main form button[type="submit"]').first().click(),
  ])
}

/** Chooses the language with the switcher on every page; for a signed-in user it is kept in the profile. */
export async function switchLanguage(page: Page, language: string) {
  await page.locator('form.language-switcher select[name="lng"]').selectOption(language)
  await Promise.all([
    page.waitForURL(() => true),
    page.locator('form.language-switcher button[type="submit"]').click(),
  ])
  await page.waitForLoadState('networkidle')
  expect(await page.locator('html').getAttribute('lang')).toBe(language)
}
