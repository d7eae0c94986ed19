import { readFileSync, writeFileSync } from 'node:fs'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { addMonths, todayDateOnly } from '~/utils/date-only'
import { agreementContents } from '~/workflow/types'

import { DEMO_PASSWORD } from '../demo'

import { checkPage, launchBrowser, newPage, signIn, switchLanguage } from './browser'

/**
 * The heart of the product, in German, English and Arabic: an employer registers a candidate, asks the
 * eligibility helper, starts a § 18b case; an officer takes it over and records advice, agreement and
 * fee, documents, recognition and the request to the Federal Employment Agency. The statutory week then
 * passes (the server's test clock moves on) and the scheduled job deems the approval granted; the officer
 * issues the pre-approval. The employer sees each change in the tracker.
 */
const EMPLOYER = 'hr@employer.example'
const OFFICER = 'officer1@abh.example'
const clockOffsetFile = inject('clockOffsetFile')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Opens a page and waits until it is hydrated, so typing is not undone by React taking over. */
async function open(page: Page, path: string) {
  await page.goto(path)
  await page.waitForLoadState('networkidle')
}

function advanceClock(days: number) {
  let offset = 0
  try {
    offset = Number(readFileSync(clockOffsetFile, 'utf8'))
  } catch {
    // no offset yet
  }
  writeFileSync(clockOffsetFile, String(offset + days))
}

/** Submits the case form for `intent` (and step), after `fill`, and waits for the page with the new state. */
async function act(
  page: Page,
  intent: string,
  options: { step?: string; fill?: (form: ReturnType<Page['locator']>) => Promise<void> } = {},
) {
  const stepFilter = options.step ? `:has(input[name="step"][value="${options.step}"])` : ''
  const form = page.locator(`main form:has(input[name="intent"][value="${intent}"])${stepFilter}`)
  const version = await form.locator('input[name="version"]').inputValue()
  await options.fill?.(form)
  await form.locator('button[type="submit"]').click()
  await page.waitForFunction((previous) => {
    const field = document.querySelector<HTMLInputElement>('main form input[name="version"]')
    return field !== null && field.value !== previous
  }, version)
  await page.waitForLoadState('networkidle')
}

const UPLOADED_DOCUMENTS = [
  'passportCopy',
  'qualificationCertificates',
  'cvGerman',
  'employmentContract',
  'noPriorRecognitionDeclaration',
  'baEmploymentDeclaration',
]
const PDF = {
  name: 'nachweis.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
}
const PNG = {
  name: 'reisepass.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  ),
}

function documentItem(page: Page, key: string) {
  return page.locator(`li.document-item:has(h2#document-${key})`)
}

/** Uploads through the item's own form and waits for the new version in its history. */
async function upload(page: Page, key: string, file: typeof PDF, version = 1) {
  const item = documentItem(page, key)
  await item.locator('input[type="file"][name="file"]').setInputFiles(file)
  await item.locator('button[type="submit"]').click()
  await item.locator(`tbody tr:has(th:text-is("${version}"))`).waitFor()
}

/** Opens the newest version's review page, decides, and waits to be back on the checklist. */
async function review(page: Page, key: string, decision: 'accept' | { reject: string }) {
  const listPath = new URL(page.url()).pathname
  await documentItem(page, key).locator('tbody tr').first().locator('a:not([download])').click()
  await page.waitForURL((url) => url.pathname !== listPath)
  await page.waitForLoadState('networkidle')
  if (decision === 'accept') {
    const form = page.locator('main form:has(input[name="intent"][value="accept"])')
    if (key === 'passportCopy')
      await form.locator('input[name="passportExpiry"]').fill(addMonths(todayDateOnly(), 40))
    await form.locator('button[type="submit"]').click()
  } else {
    const form = page.locator('main form:has(input[name="intent"][value="reject"])')
    await form.locator('[name="reason"]').fill(decision.reject)
    await form.locator('button[type="submit"]').click()
  }
  await page.waitForURL((url) => url.pathname === listPath)
  await page.waitForLoadState('networkidle')
}

function workflowTerms(language: string) {
  return JSON.parse(readFileSync(`locales/${language}/workflow.json`, 'utf8')) as {
    outcomes: Record<string, string>
    performers: Record<string, string>
  }
}

function stepOf(page: Page, step: string) {
  return page.locator(`ol.case-stepper li[data-step="${step}"]`)
}

async function expectStepStatus(page: Page, step: string, status: string) {
  await page.reload()
  expect(await stepOf(page, step).getAttribute('class')).toContain(`case-step-${status}`)
}

describe.each(['de', 'en', 'ar'])('§ 18b case from start to pre-approval in %s', (language) => {
  const surname = { de: 'Müller-Lüdenscheidt', en: 'Østergård-Núñez', ar: 'الحسيني' }[language]!
  const passportNumber = `J${language.toUpperCase()}${Date.now() % 1_000_000}`
  let employer: Page
  let officer: Page
  let casePath = ''
  let fileNumber = ''

  it('the employer registers a candidate, asks the eligibility helper and starts a § 18b case', async () => {
    employer = await newPage(browser, language)
    await signIn(employer, EMPLOYER, DEMO_PASSWORD)
    await switchLanguage(employer, language)
    const organizationPath = await employer
      .locator('nav a[href^="/organizations/"]')
      .first()
      .getAttribute('href')

    await open(employer, `${organizationPath}/candidates/new`)
    const fields: Record<string, string> = {
      surname,
      givenNames: language === 'ar' ? 'ليلى' : 'Zoë',
      dateOfBirth: '1993-03-08',
      placeOfBirth: 'Alexandria',
      passportNumber,
      passportExpiry: addMonths(todayDateOnly(), 40),
      email: `candidate.${language}@example.test`,
      phone: '+20 3 4876543',
      qualificationTitle: 'Bachelor of Nursing',
      qualificationYear: '2015',
      intendedEntryDate: addMonths(todayDateOnly(), 4),
    }
    for (const [name, value] of Object.entries(fields)) await employer.fill(`main [name="${name}"]`, value)
    for (const name of ['nationality', 'qualificationCountry', 'countryOfResidence']) {
      await employer.selectOption(`main select[name="${name}"]`, 'EG')
    }
    await employer.selectOption('main select[name="preferredLanguage"]', language)
    await employer.selectOption('main select[name="qualificationKind"]', 'ACADEMIC')
    await checkPage(employer, language, '30-candidate-new')
    await Promise.all([
      employer.waitForURL(
        (url) => /\/candidates\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'),
      ),
      employer.locator('main form button[type="submit"]').last().click(),
    ])

    await open(employer, '/eligibility')
    const answers: Record<string, string> = {
      purpose: 'employment',
      hasJobOffer: 'yes',
      qualificationKind: 'academic',
      isRecognised: 'yes',
      isShortageOccupation: 'no',
      isItSpecialist: 'no',
      isRecentGraduate: 'no',
      age45OrOlder: 'no',
    }
    for (const [name, value] of Object.entries(answers)) {
      await employer.check(`main input[name="${name}"][value="${value}"]`)
    }
    await employer.fill('main input[name="yearsOfExperience"]', '4')
    await employer.fill('main input[name="annualSalary"]', '44000')
    await Promise.all([
      employer.waitForURL((url) => url.searchParams.has('purpose')),
      employer.locator('main form button[type="submit"]').click(),
    ])
    await checkPage(employer, language, '31-eligibility-result')
    await Promise.all([
      employer.waitForURL((url) => url.pathname.endsWith('/cases/new')),
      employer.locator('main a[href*="/cases/new?title=%C2%A718b"]').first().click(),
    ])

    const candidateOption = employer.locator('main select[name="candidateId"] option', { hasText: surname })
    await employer.selectOption(
      'main select[name="candidateId"]',
      (await candidateOption.getAttribute('value'))!,
    )
    expect(await employer.locator('main select[name="route"]').inputValue()).toBe('skilled-worker-81a:§18b')
    await employer.fill('main input[name="position"]', 'Pflegefachkraft')
    await employer.fill('main input[name="annualSalary"]', '44000')
    await checkPage(employer, language, '32-case-new')
    await Promise.all([
      employer.waitForURL((url) => /\/cases\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new')),
      employer.locator('main form button[type="submit"]').last().click(),
    ])
    await employer.locator('ol.case-stepper').waitFor()
    await employer.waitForLoadState('networkidle')
    casePath = new URL(employer.url()).pathname
    fileNumber = (await employer.locator('h1').textContent())!.match(/ABH-\d{4}-\d{6}/)![0]
    expect(await stepOf(employer, 'advice').getAttribute('aria-current')).toBe('step')
    await checkPage(employer, language, '33-case-started')
  })

  it('the officer takes the case over and records advice, agreement and fee', async () => {
    officer = await newPage(browser, language)
    await signIn(officer, OFFICER, DEMO_PASSWORD)
    await switchLanguage(officer, language)
    await open(officer, `/authority/cases?q=${fileNumber}`)
    await checkPage(officer, language, '34-authority-cases')
    await Promise.all([
      officer.waitForURL((url) => url.pathname.startsWith('/authority/cases/')),
      officer.locator(`main a:has-text("${fileNumber}")`).click(),
    ])
    await officer.waitForLoadState('networkidle')
    await checkPage(officer, language, '35-authority-case')

    await act(officer, 'assignToMe')
    await act(officer, 'completeStep', { step: 'advice' })
    await act(officer, 'acceptDocuments', {
      fill: (form) => form.locator('input[name="documents"][value="powerOfAttorney"]').check(),
    })
    await act(officer, 'recordAgreement', {
      fill: async (form) => {
        for (const content of agreementContents) {
          await form.locator(`input[name="contents"][value="${content}"]`).check()
        }
        await form.locator('input[name="feePaid"]').check()
      },
    })
    await expectStepStatus(employer, 'agreement', 'done')

    await checkPage(officer, language, '36-authority-agreement')
  })

  it('the employer uploads the checklist; the officer rejects one file, accepts its new version and the rest', async () => {
    const documentsPath = `${casePath}/documents`
    await open(employer, documentsPath)
    for (const key of UPLOADED_DOCUMENTS) await upload(employer, key, key === 'passportCopy' ? PNG : PDF)
    await checkPage(employer, language, '41-documents-uploaded')

    const officerCasePath = new URL(officer.url()).pathname
    await open(officer, `${officerCasePath}/documents`)
    await checkPage(officer, language, '42-authority-documents')
    for (const key of UPLOADED_DOCUMENTS) {
      await review(
        officer,
        key,
        key === 'cvGerman' ? { reject: 'Bitte den Lebenslauf auf Deutsch.' } : 'accept',
      )
    }

    const completeDocuments = officer.locator(
      'main form:has(input[name="intent"][value="recordDocumentsComplete"])',
    )
    await open(officer, officerCasePath)
    expect(await completeDocuments.count()).toBe(0)

    await open(employer, documentsPath)
    const cv = documentItem(employer, 'cvGerman')
    expect(await cv.textContent()).toContain('Bitte den Lebenslauf auf Deutsch.')
    await upload(employer, 'cvGerman', PDF, 2)
    expect(await cv.locator('tbody tr').count()).toBe(2)
    await checkPage(employer, language, '43-documents-version-history')

    await open(officer, `${officerCasePath}/documents`)
    await review(officer, 'cvGerman', 'accept')
    await open(officer, officerCasePath)
    // the documents step's guard opens only now that every document is accepted
    expect(await completeDocuments.count()).toBe(1)
  })

  it('with every document accepted the officer completes the documents and sends the case on', async () => {
    await open(employer, casePath)
    await act(officer, 'recordDocumentsComplete')
    await act(officer, 'startStep', { step: 'recognition' })
    await checkPage(officer, language, '36-authority-recognition')
    await act(officer, 'recordRecognition', {
      fill: async (form) => {
        await form.locator('input[name="outcome"][value="EQUIVALENT"]').check()
        await form
          .locator('input[name="noticeDate"]')
          .fill((await form.locator('input[name="noticeDate"]').getAttribute('max')) ?? todayDateOnly())
        await form.locator('input[name="body"]').fill('Bezirksregierung Münster')
      },
    })
    await act(officer, 'startStep', { step: 'baApproval' })
    await expectStepStatus(employer, 'recognition', 'done')
    expect(await stepOf(employer, 'baApproval').getAttribute('class')).toContain('case-step-waiting')
    await checkPage(employer, language, '37-case-waiting-for-ba')
  })

  it('after a week of silence the job deems the approval granted and the officer issues the pre-approval', async () => {
    advanceClock(8)
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline) {
      await employer.reload()
      if ((await stepOf(employer, 'baApproval').getAttribute('class'))?.includes('case-step-done')) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(await stepOf(employer, 'baApproval').getAttribute('class')).toContain('case-step-done')
    const terms = workflowTerms(language)
    expect(await stepOf(employer, 'baApproval').textContent()).toContain(terms.outcomes.DEEMED_GRANTED)
    expect(await employer.locator('main').textContent()).toContain(terms.performers.SYSTEM)
    await checkPage(employer, language, '38-case-deemed-approval')

    await officer.reload()
    await act(officer, 'issuePreApproval')
    await checkPage(officer, language, '39-authority-pre-approval')

    await expectStepStatus(employer, 'preApproval', 'done')
    expect(await stepOf(employer, 'appointment').getAttribute('aria-current')).toBe('step')
    const history = await employer.locator('main').textContent()
    expect(history).toContain(fileNumber)
    await checkPage(employer, language, '40-case-pre-approval')
    expect(employer.url()).toContain(casePath)
  })
})
