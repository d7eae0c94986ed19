import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { importFields, type ImportField } from '~/schemas/candidate-import'
import { writeCsv } from '~/utils/csv'
import { addMonths, todayDateOnly } from '~/utils/date-only'

import { DEMO_PASSWORD } from '../demo'

import { checkPage, launchBrowser, newPage, signIn, switchLanguage } from './browser'

/**
 * The international office registers its students before semester start: a 50-row file in which rows
 * 8, 23 and 41 (counting the header as row 1) are wrong. The preview must name exactly those three.
 */
const UNIVERSITY = 'international@university.example'
const BAD_ROWS = [8, 23, 41]

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

function studentRow(language: string, index: number): Record<ImportField, string> {
  const today = todayDateOnly()
  return {
    surname: index % 2 === 0 ? 'Müller' : 'عبد الله',
    givenNames: index % 3 === 0 ? 'Zoë' : 'Đức Anh',
    dateOfBirth: '2003-09-14',
    placeOfBirth: 'Hà Nội',
    nationality: 'VN',
    passportNumber: `E2E${language.toUpperCase()}${String(index).padStart(5, '0')}`,
    passportExpiry: addMonths(today, 48),
    email: `student${index}.${language}@example.test`,
    phone: '+84 24 3825 1234',
    preferredLanguage: 'en',
    qualificationKind: 'OTHER',
    qualificationTitle: 'Bằng tốt nghiệp trung học phổ thông',
    qualificationCountry: 'VN',
    qualificationYear: '2021',
    countryOfResidence: 'VN',
    intendedEntryDate: addMonths(today, 4),
  }
}

function fiftyRowFile(language: string) {
  const rows = Array.from({ length: 50 }, (_, index) => studentRow(language, index))
  rows[BAD_ROWS[0]! - 2]!.dateOfBirth = '31.02.2003'
  rows[BAD_ROWS[1]! - 2]!.passportExpiry = addMonths(todayDateOnly(), -2)
  rows[BAD_ROWS[2]! - 2]!.nationality = 'Atlantis'
  const cells = rows.map((row) => importFields.map((field) => row[field]))
  return writeCsv([[...importFields], ...cells], { delimiter: ';', withBom: true })
}

describe.each(['de', 'en', 'ar'])('CSV import of 50 students in %s', (language) => {
  it('reports exactly the 3 bad rows and imports the other 47', async () => {
    const page = await newPage(browser, language)
    await signIn(page, UNIVERSITY, DEMO_PASSWORD)
    await switchLanguage(page, language)
    const organizationPath = await page.locator('nav a[href^="/organizations/"]').first().getAttribute('href')
    await page.goto(`${organizationPath}/candidates/import`)
    await checkPage(page, language, '20-import-upload')

    await page.locator('input[type="file"][name="file"]').setInputFiles({
      name: 'erstsemester.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fiftyRowFile(language), 'utf8'),
    })
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('import')),
      page.locator('main form[enctype="multipart/form-data"] button[type="submit"]').click(),
    ])
    await page.waitForLoadState('networkidle')
    await checkPage(page, language, '21-import-preview')

    const errorTable = page.locator('main table').first()
    const reportedRows = await errorTable.locator('tbody th[scope="row"]').allTextContents()
    expect([...new Set(reportedRows.map(Number))]).toEqual(BAD_ROWS)
    const readyRows = page.locator('main table').nth(1).locator('tbody tr')
    expect(await readyRows.count()).toBe(47)
    expect(await page.locator('main').textContent()).toContain('Đức Anh')

    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith('/candidates')),
      page.locator('main form input[name="intent"][value="import"] ~ button[type="submit"]').click(),
    ])
    const toast = page.locator('.toast[role="status"]')
    await toast.waitFor()
    expect(await toast.textContent()).toContain('47')
    await checkPage(page, language, '22-import-done')
  })
})
