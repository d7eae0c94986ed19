import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { getChecklist } from '~/models/document.server'
import { getAuthorityCase, todayAtAuthority } from '~/models/case.server'
import * as officerFile from '~/routes/authority.cases.$caseId_.documents.$documentId.file'
import * as review from '~/routes/authority.cases.$caseId_.documents.$documentId._index'
import * as officerList from '~/routes/authority.cases.$caseId_.documents._index'
import * as orgFile from '~/routes/organizations.$orgId.cases.$caseId_.documents.$documentId'
import * as orgPage from '~/routes/organizations.$orgId.cases.$caseId_.documents._index'
import { addMonths, fromDateOnly, todayDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import { supportedLanguages } from '~/utils/i18n'
import type { DocumentKey } from '~/workflow/types'

import {
  addMember,
  advanceCase,
  createCandidate,
  createCase,
  createMission,
  createOrganization,
  createUser,
  skilledWorkerPath,
} from '../factories'
import { startFakeResend } from '../support/fake-resend'
import { deliverOutbox } from '../support/outbox'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'

import { translated } from './helpers/form-replies'

const resend = await startFakeResend()
beforeAll(() => resend.use())
afterAll(() => resend.close())

const BASE = 'http://localhost:3000'
const shortExpiry = addMonths(todayDateOnly(), 2)
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')
const jpeg = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
])
const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
])
const exe = new Uint8Array([
  0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff,
])
const html = new TextEncoder().encode('<!DOCTYPE html><html><script>alert(1)</script></html>')

type UploadFile = { name: string; type: string; bytes: Uint8Array }

let orgId: string
let otherOrgId: string
let caseId: string
let otherCaseId: string
let officerId: string
let embassyId: string
let memberEmail: string
const cookies = {} as Record<'member' | 'otherOrg' | 'officer' | 'embassy', string>

beforeAll(async () => {
  const admin = await createUser()
  const organization = await createOrganization({ createdById: admin.id })
  const member = await createUser({ name: 'Lena Vogel', locale: 'en' })
  await addMember(organization.id, member.id)
  const otherAdmin = await createUser()
  const otherOrg = await createOrganization({ createdById: otherAdmin.id })
  const officer = await createUser({ staffRole: 'OFFICER' })
  const mission = await createMission()
  const embassy = await createUser({ staffRole: 'EMBASSY', missionId: mission.id })
  embassyId = embassy.id
  const candidate = await createCandidate({ organizationId: organization.id, createdById: admin.id })
  const otherCandidate = await createCandidate({ organizationId: otherOrg.id, createdById: otherAdmin.id })
  // at the documents step: advice and agreement done
  const kase = await createCase(
    { organizationId: organization.id, candidateId: candidate.id, createdById: admin.id },
    officer.id,
    skilledWorkerPath(todayAtAuthority()).toDocuments,
  )
  const otherCase = await createCase({
    organizationId: otherOrg.id,
    candidateId: otherCandidate.id,
    createdById: otherAdmin.id,
  })
  orgId = organization.id
  otherOrgId = otherOrg.id
  caseId = kase.id
  otherCaseId = otherCase.id
  officerId = officer.id
  memberEmail = member.email
  cookies.member = await sessionCookieFor(member.id)
  cookies.otherOrg = await sessionCookieFor(otherAdmin.id)
  cookies.officer = await sessionCookieFor(officer.id)
  cookies.embassy = await sessionCookieFor(embassy.id)
})

afterEach(() => {
  delete process.env.UPLOAD_MAX_MB
})

const documentsPath = (organizationId = orgId, id = caseId) =>
  `/organizations/${organizationId}/cases/${id}/documents`

function uploadRequest(files: UploadFile[], { requirement = 'passportCopy', cookie = cookies.member } = {}) {
  const body = new FormData()
  body.append('requirement', requirement)
  for (const file of files)
    body.append('file', new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }))
  return new Request(new URL(`${documentsPath()}?index`, BASE), {
    method: 'POST',
    body,
    headers: { Cookie: cookie },
  })
}

function upload(files: UploadFile[], options: { requirement?: DocumentKey; cookie?: string } = {}) {
  return callRoute(orgPage.action, uploadRequest(files, options), { orgId, caseId })
}

/** Every file under the documents directory, temporary ones included. */
function storedFiles() {
  const directory = join(process.env.DATA_DIR!, 'documents')
  try {
    return readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
  } catch {
    return []
  }
}

async function documentsOf(requirement: DocumentKey) {
  return prisma.document.findMany({ where: { caseId, requirement }, orderBy: { version: 'asc' } })
}

async function expectRefused(files: UploadFile[], status: number, messageKey: string) {
  const rowsBefore = await prisma.document.count()
  const filesBefore = storedFiles()
  const result = await upload(files)
  expect(result.status).toBe(status)
  const { problem } = result.data as { problem: { message: string } }
  expect(problem.message.split('|')[0]).toBe(messageKey)
  for (const language of supportedLanguages) await translated(problem.message, language)
  expect(await prisma.document.count()).toBe(rowsBefore)
  expect(storedFiles()).toEqual(filesBefore)
}

describe('uploading documents', () => {
  it('stores a PDF, a JPEG and a PNG sent at once as three versions, encrypted, with their SHA-256', async () => {
    const filesBefore = storedFiles().length
    const result = await upload(
      [
        { name: 'pass.pdf', type: 'application/pdf', bytes: pdf },
        { name: 'pass.jpg', type: 'image/jpeg', bytes: jpeg },
        { name: 'pass.png', type: 'image/png', bytes: png },
      ],
      { requirement: 'cvGerman' },
    )
    expect(result.status).toBe(302)
    const rows = await documentsOf('cvGerman')
    expect(rows.map((row) => [row.version, row.mimeType, row.originalName, row.size])).toEqual([
      [1, 'application/pdf', 'pass.pdf', pdf.length],
      [2, 'image/jpeg', 'pass.jpg', jpeg.length],
      [3, 'image/png', 'pass.png', png.length],
    ])
    expect(rows[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(storedFiles().length).toBe(filesBefore + 3)
    const audit = await prisma.auditEvent.findMany({
      where: { action: 'document.uploaded', subjectId: rows[0]!.id },
    })
    expect(audit).toHaveLength(1)
  })

  it('refuses an .exe renamed .pdf and stores nothing', async () => {
    await expectRefused(
      [{ name: 'pass.pdf', type: 'application/pdf', bytes: exe }],
      400,
      'documents:errors.unsupportedType',
    )
  })

  it('refuses a PNG with a PDF name and stores nothing', async () => {
    await expectRefused(
      [{ name: 'pass.pdf', type: 'application/pdf', bytes: png }],
      400,
      'documents:errors.typeMismatch',
    )
  })

  it('refuses a PNG the browser declares as PDF even under a neutral name', async () => {
    await expectRefused(
      [{ name: 'scan', type: 'application/pdf', bytes: png }],
      400,
      'documents:errors.typeMismatch',
    )
  })

  it('refuses an HTML file and stores nothing', async () => {
    await expectRefused(
      [{ name: 'pass.html', type: 'text/html', bytes: html }],
      400,
      'documents:errors.unsupportedType',
    )
  })

  it('refuses an empty file and stores nothing', async () => {
    await expectRefused(
      [{ name: 'pass.pdf', type: 'application/pdf', bytes: new Uint8Array() }],
      400,
      'documents:errors.empty',
    )
  })

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    process.env.UPLOAD_MAX_MB = '0.01'
    const large = new Uint8Array(20_000)
    large.set(pdf)
    await expectRefused(
      [{ name: 'pass.pdf', type: 'application/pdf', bytes: large }],
      413,
      'documents:errors.tooLarge',
    )
  })

  it('refuses a body announced larger than the limit before reading it', async () => {
    process.env.UPLOAD_MAX_MB = '0.01'
    const request = uploadRequest([{ name: 'pass.pdf', type: 'application/pdf', bytes: pdf }])
    const announced = new Request(request, {
      headers: { ...Object.fromEntries(request.headers), 'Content-Length': '99999999' },
    })
    const result = await callRoute(orgPage.action, announced, { orgId, caseId })
    expect(result.status).toBe(413)
  })

  it('keeps a name with ../ and control characters only as a sanitised display name', async () => {
    const result = await upload(
      [{ name: '../../etc/pass\u0007word\u202e.pdf', type: 'application/pdf', bytes: pdf }],
      { requirement: 'employmentContract' },
    )
    expect(result.status).toBe(302)
    const [row] = await documentsOf('employmentContract')
    expect(row!.originalName).not.toMatch(/[/\\]|\.\.|[\p{Cc}\u202e]/u)
    expect(row!.originalName).toBe('password.pdf')
    expect(row!.storageKey).not.toContain('password')
  })

  it('refuses a requirement that is not on the checklist', async () => {
    const result = await upload([{ name: 'x.pdf', type: 'application/pdf', bytes: pdf }], {
      requirement: 'blockedAccountConfirmation',
    })
    expect(result.status).toBe(400)
  })

  it('answers 404 to another organization', async () => {
    const result = await upload([{ name: 'x.pdf', type: 'application/pdf', bytes: pdf }], {
      cookie: cookies.otherOrg,
    })
    expect(result.status).toBe(404)
  })
})

describe('downloading documents', () => {
  it('streams the decrypted file as an attachment, uncached and unsniffed, and audits it', async () => {
    const [document] = await documentsOf('cvGerman')
    const response = await orgFile.loader({
      request: buildRequest(`${documentsPath()}/${document!.id}`, { cookie: cookies.member }),
      params: { orgId, caseId, documentId: document!.id },
      context: {},
    })
    expect(response.status).toBe(200)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf)
    expect(response.headers.get('Content-Type')).toBe('application/pdf')
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; .*filename\*=UTF-8''pass\.pdf$/)
    const audit = await prisma.auditEvent.findFirst({
      where: { action: 'document.downloaded', subjectId: document!.id },
      orderBy: { at: 'desc' },
    })
    expect(audit).toMatchObject({ subjectType: 'Document' })
    expect(audit!.actorId).not.toBeNull()
    expect(audit!.data).toMatchObject({ caseId })
  })

  it('does not serve a file altered on disk, and says so in the reader’s language', async () => {
    const [document] = await documentsOf('cvGerman')
    const path = join(process.env.DATA_DIR!, 'documents', document!.storageKey)
    const original = readFileSync(path)
    const altered = Buffer.from(original)
    altered[altered.length - 20]! ^= 0xff
    writeFileSync(path, altered)
    try {
      const response = await orgFile.loader({
        request: buildRequest(`${documentsPath()}/${document!.id}`, {
          cookie: cookies.member,
          headers: { 'Accept-Language': 'en' },
        }),
        params: { orgId, caseId, documentId: document!.id },
        context: {},
      })
      expect(response.status).toBe(500)
      expect(await response.text()).toContain('could not be read intact')
    } finally {
      writeFileSync(path, original)
    }
  })

  it('answers 404 for another organization’s document, through either case', async () => {
    const [document] = await documentsOf('cvGerman')
    const other = await callRoute(
      orgFile.loader,
      buildRequest(`${documentsPath(otherOrgId, otherCaseId)}/${document!.id}`, { cookie: cookies.otherOrg }),
      { orgId: otherOrgId, caseId: otherCaseId, documentId: document!.id },
    )
    expect(other.status).toBe(404)
    const foreign = await callRoute(
      orgFile.loader,
      buildRequest(`${documentsPath()}/${document!.id}`, { cookie: cookies.otherOrg }),
      { orgId, caseId, documentId: document!.id },
    )
    expect(foreign.status).toBe(404)
  })

  it('gives the officer an inline preview under a sandboxing policy, audited', async () => {
    const [document] = await documentsOf('cvGerman')
    const response = await officerFile.loader({
      request: buildRequest(`/authority/cases/${caseId}/documents/${document!.id}/file?inline=1`, {
        cookie: cookies.officer,
      }),
      params: { caseId, documentId: document!.id },
      context: {},
    })
    expect(response.headers.get('Content-Disposition')).toMatch(/^inline;/)
    expect(response.headers.get('Content-Security-Policy')).toContain('sandbox')
    await response.arrayBuffer()
    const audit = await prisma.auditEvent.findFirst({
      where: { action: 'document.downloaded', subjectId: document!.id, actorId: officerId },
    })
    expect(audit!.data).toMatchObject({ purpose: 'preview' })
  })

  it('keeps embassy users out of the authority document routes', async () => {
    const [document] = await documentsOf('cvGerman')
    const params = { caseId, documentId: document!.id }
    for (const route of [officerFile.loader, review.loader]) {
      const result = await callRoute(
        route,
        buildRequest(`/authority/cases/${caseId}/documents`, { cookie: cookies.embassy }),
        params,
      )
      expect(result.status).toBe(404)
    }
    const list = await callRoute(officerList.loader, buildRequest('/x', { cookie: cookies.embassy }), {
      caseId,
    })
    expect(list.status).toBe(404)
    const audits = await prisma.auditEvent.count({
      where: { action: 'document.downloaded', actorId: embassyId },
    })
    expect(audits).toBe(0)
  })
})

function reviewRequest(documentId: string, form: Record<string, string>) {
  return callRoute(
    review.action,
    buildRequest(`/authority/cases/${caseId}/documents/${documentId}`, { cookie: cookies.officer, form }),
    { caseId, documentId },
  )
}

describe('reviewing documents', () => {
  it('rejects with a reason, emails the organization, and takes a new version afterwards', async () => {
    await upload([{ name: 'passport.pdf', type: 'application/pdf', bytes: pdf }])
    const [first] = await documentsOf('passportCopy')
    const sentBefore = resend.emails.length
    const result = await reviewRequest(first!.id, {
      intent: 'reject',
      reason: 'Data page cut off at the bottom.',
    })
    expect(result.status).toBe(302)
    const rejected = await prisma.document.findUniqueOrThrow({ where: { id: first!.id } })
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      reviewNote: 'Data page cut off at the bottom.',
      reviewedById: officerId,
    })
    await deliverOutbox()
    const email = resend.emails.slice(sentBefore).find((sent) => sent.to === memberEmail)
    expect(email?.subject).toContain('ABH-')
    expect(email?.text).toContain('Data page cut off at the bottom.')
    expect(email?.text).toContain('Copy of the passport')
    expect(email?.text).not.toContain('Haddad')

    expect((await upload([{ name: 'passport-2.pdf', type: 'application/pdf', bytes: pdf }])).status).toBe(302)
    expect((await documentsOf('passportCopy')).map((row) => [row.version, row.status])).toEqual([
      [1, 'REJECTED'],
      [2, 'UPLOADED'],
    ])
    const kase = (await getAuthorityCase(caseId))!
    const item = (await getChecklist(kase)).items.find((entry) => entry.key === 'passportCopy')!
    expect(item.state).toBe('UPLOADED')
    expect(item.versions.map((version) => version.version)).toEqual([2, 1])
  })

  it('does not review a version twice', async () => {
    const [first] = await documentsOf('passportCopy')
    const result = await reviewRequest(first!.id, { intent: 'accept' })
    expect(result.status).toBe(400)
  })

  it('asks for the passport expiry when accepting a passport copy', async () => {
    const [, second] = await documentsOf('passportCopy')
    const result = await reviewRequest(second!.id, { intent: 'accept' })
    expect(result.status).toBe(400)
    expect(
      (result.data as { fieldErrors: Record<string, string[]> }).fieldErrors.passportExpiry,
    ).toBeDefined()
  })

  it('accepts: the engine records the document, and once all are accepted the documents step can be completed', async () => {
    const checklistKeys: DocumentKey[] = [
      'qualificationCertificates',
      'noPriorRecognitionDeclaration',
      'baEmploymentDeclaration',
    ]
    for (const requirement of checklistKeys) {
      await upload([{ name: `${requirement}.pdf`, type: 'application/pdf', bytes: pdf }], { requirement })
    }
    const [, passport] = await documentsOf('passportCopy')
    const accepted = await reviewRequest(passport!.id, { intent: 'accept', passportExpiry: shortExpiry })
    expect(accepted.status).toBe(302)
    let kase = (await getAuthorityCase(caseId))!
    expect(kase.state.facts.acceptedDocuments).toContain('passportCopy')
    expect((await getChecklist(kase)).items.find((item) => item.key === 'passportCopy')!.state).toBe(
      'ACCEPTED',
    )

    const pending: DocumentKey[] = [...checklistKeys, 'cvGerman', 'employmentContract']
    for (const requirement of pending) {
      const rows = await documentsOf(requirement)
      const newest = rows.at(-1)!
      expect((await reviewRequest(newest.id, { intent: 'accept' })).status).toBe(302)
    }
    kase = (await getAuthorityCase(caseId))!
    expect(kase.allowedActions.some((action) => action.type === 'recordDocumentsComplete')).toBe(true)
    await advanceCase(caseId, officerId, [{ type: 'recordDocumentsComplete' }])
    kase = (await getAuthorityCase(caseId))!
    expect(kase.state.steps.documents?.status).toBe('DONE')
  })

  it('warns when the passport ends less than 6 months after the planned entry, and shows it expired after', async () => {
    const kase = (await getAuthorityCase(caseId))!
    const checklistItem = async () =>
      (await getChecklist(kase)).items.find((entry) => entry.key === 'passportCopy')!
    expect((await checklistItem()).passportWarning).toEqual({
      expiresOn: shortExpiry,
      entryOn: todayDateOnly(),
    })
    const [, passport] = await documentsOf('passportCopy')
    await prisma.document.update({
      where: { id: passport!.id },
      data: { passportExpiry: fromDateOnly('2020-01-31') },
    })
    expect((await checklistItem()).state).toBe('EXPIRED')
  })

  it('answers 404 for a document of another case', async () => {
    const [document] = await documentsOf('cvGerman')
    const result = await callRoute(
      review.loader,
      buildRequest(`/authority/cases/${otherCaseId}/documents/${document!.id}`, { cookie: cookies.officer }),
      { caseId: otherCaseId, documentId: document!.id },
    )
    expect(result.status).toBe(404)
  })
})
