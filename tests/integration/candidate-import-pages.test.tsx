import { createRemixStub } from '@remix-run/testing'
import { createInstance } from 'i18next'
import type { ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import * as importPage from '~/routes/organizations.$orgId.candidates.import'
import { importFields } from '~/schemas/candidate-import'
import { writeCsv } from '~/utils/csv'
import { addMonths, todayDateOnly } from '~/utils/date-only'
import { i18nOptions, supportedLanguages } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'

import { createOrganization, createUser } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

import { candidateForm } from './helpers/candidates'

// The router's layout effects cannot run in a server render; React says so once per page. Nothing else is muted.
beforeAll(() => {
  const original = console.error
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (String(args[0]).includes('useLayoutEffect does nothing on the server')) return
    original(...args)
  })
})

async function renderImportPage(
  path: string,
  cookie: string,
  orgId: string,
  language: string,
  actionData?: unknown,
) {
  const loaded = await callRoute(importPage.loader, buildRequest(path, { cookie }), { orgId })
  expect(loaded.status, path).toBe(200)
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({ ...i18nOptions, lng: language, resources: getResources() })
  const Stub = createRemixStub([
    {
      id: 'page',
      path: '/organizations/:orgId/candidates/import',
      Component: importPage.default as ComponentType,
    },
  ])
  const html = renderToString(
    <I18nextProvider i18n={i18n}>
      <Stub
        initialEntries={[path]}
        hydrationData={{
          loaderData: { page: loaded.data },
          actionData: actionData ? { page: actionData } : undefined,
        }}
      />
    </I18nextProvider>,
  )
  expect(html.match(/<h1[\s>]/g), 'exactly one h1').toHaveLength(1)
  expect(html).not.toMatch(/\b(candidates|candidateImport|common):[a-z]/)
  expect(html).not.toMatch(/>[a-z]+(\.[a-zA-Z_]+){1,}</)
  if (language === 'ar') expect(html).toMatch(/[\u0600-\u06FF]/)
  return html
}

describe('the import pages render in every language', async () => {
  const admin = await createUser()
  const cookie = await sessionCookieFor(admin.id)
  const { id: orgId } = await createOrganization({ createdById: admin.id, kind: 'UNIVERSITY' })
  const path = `/organizations/${orgId}/candidates/import`
  const row = (overrides: Record<string, string>) => {
    const form = candidateForm(overrides)
    return importFields.map((field) => form[field]!)
  }
  const content = writeCsv([
    [...importFields, 'Notiz'],
    row({ surname: 'الحداد', passportExpiry: addMonths(todayDateOnly(), 4), intendedEntryDate: '' }),
    row({ dateOfBirth: '1999-13-01' }),
  ])
  const body = new FormData()
  body.append('file', new File([content], 'students.csv', { type: 'text/csv' }))
  const uploaded = await callRoute(
    importPage.action,
    new Request(new URL(path, 'http://localhost:3000'), {
      method: 'POST',
      body,
      headers: { Cookie: cookie },
    }),
    { orgId },
  )
  expect(uploaded.status).toBe(302)
  const previewPath = uploaded.location!

  for (const language of supportedLanguages) {
    it(`upload (${language}) offers the template and a labelled file field`, async () => {
      const html = await renderImportPage(path, cookie, orgId, language)
      expect(html).toContain(`href="${path}/template"`)
      expect(html).toMatch(/<input id="[^"]+" type="file" name="file" accept=".csv,text\/csv" required=""/)
      expect(html).toMatch(/<form method="post" action="[^"]*" encType="multipart\/form-data"/)
      expect(html).toContain('role="status"')
    })

    it(`upload (${language}) names the missing columns of a refused file`, async () => {
      const html = await renderImportPage(path, cookie, orgId, language, {
        problem: { message: 'candidateImport:errors.missingColumns', fields: ['passportNumber'] },
      })
      expect(html).toContain('role="alert"')
      expect(html).toMatch(/aria-invalid="true"/)
    })

    it(`preview (${language}) reports the bad row and lists the valid one with its warning`, async () => {
      const html = await renderImportPage(previewPath, cookie, orgId, language)
      expect(html.match(/<caption>/g)).toHaveLength(2)
      expect(html).toContain('<th scope="row">3</th>')
      expect(html).toContain('<th scope="row">2</th>')
      expect(html).toContain('الحداد')
      expect(html).toContain('Notiz')
      expect(html).toContain('name="importId"')
    })
  }
})
