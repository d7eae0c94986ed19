import { createRemixStub } from '@remix-run/testing'
import { createInstance } from 'i18next'
import type { ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import * as detail from '~/routes/organizations.$orgId.candidates.$candidateId'
import * as list from '~/routes/organizations.$orgId.candidates._index'
import * as registration from '~/routes/organizations.$orgId.candidates.new'
import { addMonths, fromDateOnly, todayDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import { i18nOptions, supportedLanguages } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'

import { createCandidate, createOrganization, createUser } from '../factories'
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

type RouteModule = { default: ComponentType; loader: Parameters<typeof callRoute>[0] }

async function renderPage(
  module: RouteModule,
  {
    path,
    pattern,
    language,
    cookie,
    params,
    actionData,
  }: {
    path: string
    pattern: string
    language: string
    cookie: string
    params: Record<string, string>
    actionData?: unknown
  },
) {
  const loaded = await callRoute(module.loader, buildRequest(path, { cookie }), params)
  expect(loaded.status, path).toBe(200)
  const i18n = createInstance()
  await i18n.use(initReactI18next).init({ ...i18nOptions, lng: language, resources: getResources() })
  const Stub = createRemixStub([{ id: 'page', path: pattern, Component: module.default }])
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
  expect(html).not.toMatch(/\b(candidates|common):[a-z]/)
  expect(html).not.toMatch(/>[a-z]+(\.[a-zA-Z_]+){1,}</)
  if (language === 'ar') expect(html).toMatch(/[\u0600-\u06FF]/)
  return html
}

describe('the candidate pages render in every language', async () => {
  const admin = await createUser()
  const cookie = await sessionCookieFor(admin.id)
  const organization = await createOrganization({ createdById: admin.id })
  const orgId = organization.id
  const candidate = await createCandidate({ organizationId: orgId, createdById: admin.id, surname: 'Müller' })
  const soon = await createCandidate({ organizationId: orgId, createdById: admin.id, surname: 'Bald' })
  await prisma.candidate.update({
    where: { id: soon.id },
    data: { passportExpiry: fromDateOnly(addMonths(todayDateOnly(), 2)) },
  })
  const warned = await callRoute(
    registration.action,
    buildRequest(`/organizations/${orgId}/candidates/new`, {
      cookie,
      form: candidateForm({ passportExpiry: addMonths(todayDateOnly(), 4) }),
    }),
    { orgId },
  )
  expect(warned.status).toBe(400)

  for (const language of supportedLanguages) {
    it(`list (${language}) marks a passport that expires soon`, async () => {
      const html = await renderPage(list as RouteModule, {
        path: `/organizations/${orgId}/candidates`,
        pattern: '/organizations/:orgId/candidates',
        language,
        cookie,
        params: { orgId },
      })
      expect(html).toContain('Müller')
      expect(html.match(/class="badge badge-pending"/g)).toHaveLength(1)
      expect(html).toContain(`href="/organizations/${orgId}/candidates/new"`)
    })

    it(`new (${language}) shows the passport warning with its checkbox`, async () => {
      const html = await renderPage(registration as RouteModule, {
        path: `/organizations/${orgId}/candidates/new`,
        pattern: '/organizations/:orgId/candidates/new',
        language,
        cookie,
        params: { orgId },
        actionData: warned.data,
      })
      expect(html).toContain('name="confirmPassportExpiry"')
      expect(html.match(/<fieldset/g)).toHaveLength(5)
    })

    it(`detail (${language}) shows the data and the edit form`, async () => {
      const html = await renderPage(detail as RouteModule, {
        path: `/organizations/${orgId}/candidates/${candidate.id}`,
        pattern: '/organizations/:orgId/candidates/:candidateId',
        language,
        cookie,
        params: { orgId, candidateId: candidate.id },
      })
      expect(html).toContain('<dl class="details">')
      expect(html).toContain(`value="${candidate.passportNumber}"`)
    })
  }
})
