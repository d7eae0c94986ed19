import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD } from '../demo'
import { linkIn } from '../support/fake-resend'

import { checkPage, latestEmailTo, launchBrowser, newPage, signIn } from './browser'

/**
 * The first journey of every organization, in German, English and Arabic: sign up, verify the email
 * from the (fake) Resend server, register the organization, have it verified by the lead officer,
 * invite a colleague, who accepts and signs in. Every page visited is scanned by axe (WCAG 2.1 AA).
 */
const LEAD_OFFICER = 'lead@abh.example'
const PASSWORD = 'Sicheres-Passwort-2026'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/**
 * Submits a form (client-side, as a user with JavaScript would) and waits until the page it leads to
 * has rendered: for a redirect, the new path; for the same page, the confirmation notice.
 */
async function submit(page: Page, formSelector: string, leadsTo: RegExp | 'notice') {
  await page.locator(`${formSelector} button[type="submit"]`).first().click()
  if (leadsTo === 'notice') await page.locator('.toast[role="status"]').waitFor()
  else await page.waitForURL((url) => leadsTo.test(url.pathname))
  await page.waitForLoadState('networkidle')
}

async function expectLanguage(page: Page, language: string) {
  expect(await page.locator('html').getAttribute('lang')).toBe(language)
  expect(await page.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr')
}

describe.each(['de', 'en', 'ar'])('onboarding journey in %s', (language) => {
  const applicant = `applicant-${language}@hafen.example`
  const colleague = `colleague-${language}@hafen.example`
  const organizationName = `Hafenblick Logistik ${language.toUpperCase()} GmbH`
  let organizationPath = ''

  it('signs up and verifies the email address', async () => {
    const page = await newPage(browser, language)
    await page.goto('/')
    await expectLanguage(page, language)
    await checkPage(page, language, '01-landing')

    await page.goto('/signup')
    await checkPage(page, language, '02-signup')
    await page.fill('input[name="name"]', 'Petra Schulte')
    await page.fill('input[name="email"]', applicant)
    await page.fill('input[name="password"]', PASSWORD)
    await page.fill('input[name="confirmPassword"]', PASSWORD)
    await submit(page, 'main form', /^\/verify-email$/)
    await checkPage(page, language, '03-verify-email')

    const email = await latestEmailTo(applicant)
    expect(email.html).toContain(`lang="${language}"`)
    await page.goto(linkIn(email, '/verify-email?token='))
    await page.waitForLoadState('networkidle')
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await checkPage(page, language, '04-dashboard-verified')

    await page.goto('/organizations/new')
    await checkPage(page, language, '05-register-organization')
    await page.selectOption('select[name="kind"]', 'EMPLOYER')
    const fields: Record<string, string> = {
      legalName: organizationName,
      registerNumber: 'HRB 4711, Amtsgericht Münster',
      baCompanyNumber: '12345678',
      street: 'Am Stadthafen 3',
      postalCode: '48155',
      city: 'Münster',
      contactName: 'Petra Schulte',
      contactEmail: applicant,
      contactPhone: '+49 251 123456',
      deputyName: 'Jonas Becker',
      deputyEmail: 'jonas.becker@hafen.example',
      deputyPhone: '+49 251 123457',
    }
    for (const [name, value] of Object.entries(fields)) await page.fill(`[name="${name}"]`, value)
    await submit(page, 'main form', /^\/organizations\/(?!new)[^/]+$/)
    organizationPath = new URL(page.url()).pathname
    await checkPage(page, language, '06-organization-pending')
    await page.context().close()
  })

  it('is verified by the lead officer', async () => {
    const page = await newPage(browser, language)
    await signIn(page, LEAD_OFFICER, DEMO_PASSWORD)
    await page.goto('/authority/organizations')
    await checkPage(page, language, '07-authority-pending-organizations')
    await page.click(`a:has-text("${organizationName}")`)
    await page.waitForLoadState('networkidle')
    await checkPage(page, language, '08-authority-organization')
    await submit(page, 'main form:has(input[name="intent"][value="verify"])', 'notice')
    await checkPage(page, language, '09-authority-organization-verified')
    await page.context().close()

    const notice = await latestEmailTo(applicant)
    expect(notice.html).toContain(`lang="${language}"`)
    expect(notice.text).toContain(organizationPath)
  })

  it('invites a colleague, who accepts and signs in', async () => {
    const admin = await newPage(browser, language)
    await signIn(admin, applicant, PASSWORD)
    await admin.goto(`${organizationPath}/members`)
    await checkPage(admin, language, '10-members')
    await admin.fill('form:has(input[name="intent"][value="invite"]) input[name="email"]', colleague)
    await admin.selectOption(
      'form:has(input[name="intent"][value="invite"]) select[name="role"]',
      'ORG_MEMBER',
    )
    await admin.selectOption('form:has(input[name="intent"][value="invite"]) select[name="locale"]', language)
    await submit(admin, 'main form:has(input[name="intent"][value="invite"])', 'notice')
    await checkPage(admin, language, '11-members-invited')
    await admin.context().close()

    const invitation = await latestEmailTo(colleague)
    expect(invitation.html).toContain(`lang="${language}"`)
    const member = await newPage(browser, language)
    await member.goto(linkIn(invitation, '/invitation?token='))
    await checkPage(member, language, '12-invitation')
    await member.fill('input[name="name"]', 'Jonas Becker')
    await member.fill('input[name="password"]', PASSWORD)
    await member.fill('input[name="confirmPassword"]', PASSWORD)
    await submit(member, 'main form', new RegExp(`^${organizationPath}$`))
    await checkPage(member, language, '13-member-joined')

    await member.click('header form[action="/logout"] button')
    await member.waitForURL((url) => url.pathname === '/')
    await signIn(member, colleague, PASSWORD)
    expect(new URL(member.url()).pathname).toBe('/dashboard')
    await expectLanguage(member, language)
    await checkPage(member, language, '14-member-dashboard')
    await member.context().close()
  })
})
