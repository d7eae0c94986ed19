import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { getOrganizationCase } from '~/models/case.server'
import { uploadDocument } from '~/models/document.server'
import * as review from '~/routes/authority.cases.$caseId_.documents.$documentId._index'
import * as officerList from '~/routes/authority.cases.$caseId_.documents._index'
import * as orgPage from '~/routes/organizations.$orgId.cases.$caseId_.documents._index'
import { supportedLanguages } from '~/utils/i18n'

import { addMember, createCandidate, createCase, createOrganization, createUser } from '../factories'
import { sessionCookieFor } from '../support/requests'
import { renderPage as renderSharedPage, type RouteModule } from './helpers/render-page'

// The router's layout effects are meant for the browser; React's warning about them is noise here.
const consoleError = console.error
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) consoleError(...args)
  })
})
afterAll(() => vi.restoreAllMocks())

let orgId: string
let caseId: string
let documentId: string
let memberCookie: string
let officerCookie: string

beforeAll(async () => {
  const admin = await createUser()
  const organization = await createOrganization({ createdById: admin.id })
  const member = await createUser()
  await addMember(organization.id, member.id)
  const officer = await createUser({ staffRole: 'OFFICER' })
  const candidate = await createCandidate({ organizationId: organization.id, createdById: admin.id })
  const kase = await createCase({
    organizationId: organization.id,
    candidateId: candidate.id,
    createdById: admin.id,
  })
  const uploaded = await uploadDocument(
    member,
    (await getOrganizationCase(organization.id, kase.id))!,
    'passportCopy',
    {
      name: 'pass.pdf',
      content: (async function* () {
        yield new TextEncoder().encode('%PDF-1.4\n%%EOF\n')
      })(),
    },
  )
  if (!uploaded.ok) throw new Error(uploaded.problem)
  orgId = organization.id
  caseId = kase.id
  documentId = uploaded.documentId
  memberCookie = await sessionCookieFor(member.id)
  officerCookie = await sessionCookieFor(officer.id)
})

const UNTRANSLATED =
  /\b(?:documents|workflow|common):|\b(?:page|state|status|item|versions|upload|errors|review|types|size)\.[a-zA-Z]/

function renderPage(
  module: RouteModule,
  options: Omit<Parameters<typeof renderSharedPage>[1], 'untranslated'>,
) {
  return renderSharedPage(module, { ...options, untranslated: UNTRANSLATED })
}

describe('document pages', () => {
  for (const language of supportedLanguages) {
    it(`render the organization's checklist with upload forms that work without JavaScript (${language})`, async () => {
      const html = await renderPage(orgPage as unknown as RouteModule, {
        path: `/organizations/${orgId}/cases/${caseId}/documents`,
        pattern: '/organizations/:orgId/cases/:caseId/documents',
        language,
        cookie: memberCookie,
        params: { orgId, caseId },
        actionData: {
          problem: {
            requirement: 'passportCopy',
            message: 'documents:errors.typeMismatch',
            uploadedCount: 0,
          },
        },
      })
      expect(html).toMatch(/enctype="multipart\/form-data"/i)
      expect(html).toMatch(/<input[^>]*type="file"[^>]*name="file"[^>]*multiple/)
      expect(html).toContain('accept="application/pdf,image/jpeg,image/png"')
      expect(html).toContain('name="requirement" value="passportCopy"')
      expect(html).toContain('data-upload-problem="passportCopy"')
      expect(html).toContain(`/documents/${documentId}`)
      expect(html).toContain('<caption>')
    })

    it(`render the officer's checklist and review page with preview and both forms (${language})`, async () => {
      const list = await renderPage(officerList as unknown as RouteModule, {
        path: `/authority/cases/${caseId}/documents`,
        pattern: '/authority/cases/:caseId/documents',
        language,
        cookie: officerCookie,
        params: { caseId },
      })
      expect(list).toContain(`/authority/cases/${caseId}/documents/${documentId}`)
      const html = await renderPage(review as unknown as RouteModule, {
        path: `/authority/cases/${caseId}/documents/${documentId}`,
        pattern: '/authority/cases/:caseId/documents/:documentId',
        language,
        cookie: officerCookie,
        params: { caseId, documentId },
      })
      expect(html).toMatch(/<iframe[^>]*src="[^"]*\/file\?inline=1"[^>]*title="[^"]+"/)
      expect(html).toContain('name="passportExpiry"')
      expect(html).toContain('name="reason"')
    })
  }
})
