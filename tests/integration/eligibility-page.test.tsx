import { Outlet } from '@remix-run/react'
import { createRemixStub } from '@remix-run/testing'
import { createInstance } from 'i18next'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import * as eligibility from '~/routes/eligibility'
import { i18nOptions, supportedLanguages, type Language } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'
import { thresholdYearFor } from '~/workflow/eligibility'

import { buildRequest, callRoute } from '../support/requests'

// The router's layout effects are meant for the browser; React's warning about them is noise here.
const consoleError = console.error
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) consoleError(...args)
  })
})
afterAll(() => vi.restoreAllMocks())

const employment = new URLSearchParams({
  purpose: 'employment',
  hasJobOffer: 'yes',
  qualificationKind: 'academic',
  isRecognised: 'yes',
  yearsOfExperience: '3',
  annualSalary: '50700',
  isItSpecialist: 'yes',
  age45OrOlder: 'no',
})
const queries = {
  empty: '/eligibility',
  employment: `/eligibility?${employment}`,
  study: '/eligibility?purpose=study',
  noMatch:
    '/eligibility?purpose=employment&hasJobOffer=no&qualificationKind=none&isRecognised=no&yearsOfExperience=0&annualSalary=30000&age45OrOlder=no',
  invalid: '/eligibility?purpose=employment&annualSalary=50.700%2C00&yearsOfExperience=abc',
}

const load = (url: string, language: Language = 'en') =>
  callRoute(eligibility.loader, buildRequest(url, { headers: { 'Accept-Language': language } }))

/** Renders the page with only this language loaded: a missing text shows up as its key. */
async function render(url: string, language: Language) {
  const { data } = await load(url, language)
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({
    ...i18nOptions,
    lng: language,
    fallbackLng: false,
    resources: { [language]: getResources()[language]! },
  })
  const Stub = createRemixStub([
    {
      id: 'root',
      path: '/',
      Component: Outlet,
      children: [{ id: 'page', path: 'eligibility', Component: eligibility.default }],
    },
  ])
  // without React's text separators, so the tests read the text as the browser shows it
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <Stub
        initialEntries={[url]}
        hydrationData={{ loaderData: { root: { locale: language, toast: null, user: null }, page: data } }}
      />
    </I18nextProvider>,
  )
  return html.replaceAll('<!-- -->', '')
}

const UNTRANSLATED =
  /\b(?:eligibility:|common:|(?:questions|answers|form|results|thresholds|titles|reasons|blockers|errors|validation)\.[a-zA-Z])/

const year = thresholdYearFor(new Date())

describe('eligibility loader', () => {
  it('shows the empty questionnaire with the thresholds of the current year', async () => {
    const german = await load(queries.empty, 'de')
    expect(german.status).toBe(200)
    expect(german.data).toMatchObject({ year, reply: null, suggestions: null })
    expect((await load(queries.empty, 'en')).data).toMatchObject({
      thresholds: { blueCardStandard: year === 2026 ? '€50,700' : '€48,300' },
    })
  })

  it('suggests titles with reasons and formatted amounts for valid answers', async () => {
    const { status, data } = await load(queries.employment, 'de')
    expect(status).toBe(200)
    const reduced = year === 2026 ? '45.934,20\u00a0€' : '43.759,80\u00a0€'
    expect(data).toMatchObject({
      reply: { fieldErrors: {}, values: { purpose: 'employment', annualSalary: '50700' } },
      suggestions: [
        {
          title: '§18g',
          procedure: 'skilled-workers',
          threshold: { kind: 'blueCardReduced', amount: reduced },
          reasons: expect.arrayContaining([
            { key: 'reasons.salaryMeetsThreshold', values: { salary: '50.700\u00a0€', threshold: reduced } },
          ]),
          blockers: [],
        },
        { title: '§18b', procedure: 'skilled-workers', threshold: null },
        {
          title: '§19c(2)',
          reasons: expect.arrayContaining([{ key: 'reasons.experience', values: { count: 3 } }]),
        },
      ],
    })
  })

  it('answers 400 with field messages for invalid answers', async () => {
    const { status, data } = await load(queries.invalid)
    expect(status).toBe(400)
    expect(data).toMatchObject({
      suggestions: null,
      reply: {
        fieldErrors: {
          annualSalary: ['eligibility:errors.salary|{"maximum":10000000}'],
          yearsOfExperience: ['eligibility:errors.years|{"maximum":60}'],
        },
        values: { annualSalary: '50.700,00' },
      },
    })
    expect((await load('/eligibility?purpose=tourism')).status).toBe(400)
  })
})

describe('eligibility page', () => {
  for (const language of supportedLanguages) {
    it(`renders fully translated with one h1 (${language})`, async () => {
      for (const url of Object.values(queries)) {
        const html = await render(url, language)
        const text = html.replace(/<[^>]+>/g, ' ')
        expect(html.match(/<h1[ >]/g) ?? [], url).toHaveLength(1)
        expect(text, url).not.toMatch(UNTRANSLATED)
        expect(html, url).not.toContain('{{')
        expect(html, url).toContain('method="get"')
        expect(text, url).toContain(String(year))
      }
    })
  }

  it('names each title in the page language with its German legal name and links to the procedure', async () => {
    const english = await render(queries.employment, 'en')
    expect(english).toContain(
      'EU Blue Card (<span lang="de" dir="ltr">Blaue Karte EU, § 18g AufenthG</span>)',
    )
    expect(english).toContain('href="/procedures/skilled-workers"')
    expect(english).toContain('not a legal decision')
    const german = await render(queries.employment, 'de')
    expect(german).toContain('Blaue Karte EU (<span lang="de" dir="ltr">§ 18g AufenthG</span>)')
    expect(await render(queries.study, 'ar')).toContain('href="/procedures/study"')
  })

  it('keeps the answers and shows the field messages after invalid input', async () => {
    const html = await render(queries.invalid, 'en')
    expect(html).toContain('role="alert"')
    expect(html).toContain('Please enter the amount in euros as digits')
    expect(html).toContain('value="50.700,00"')
    expect(html).toMatch(/name="purpose" checked="" value="employment"/)
  })
})
