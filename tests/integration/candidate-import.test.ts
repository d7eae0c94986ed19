import { beforeAll, describe, expect, it } from 'vitest'

import {
  importHeadings,
  type CandidateImportPreview,
  type FileProblem,
} from '~/models/candidate-import.server'
import * as importPage from '~/routes/organizations.$orgId.candidates.import'
import * as template from '~/routes/organizations.$orgId.candidates.import.template'
import { importFields, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportField } from '~/schemas/candidate-import'
import { parseCsv, UTF8_BOM, writeCsv, type CsvDelimiter } from '~/utils/csv'
import { addMonths, todayDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import { supportedLanguages } from '~/utils/i18n'
import { getTranslator } from '~/utils/i18n.server'

import { addMember, createCandidate, createOrganization, createUser } from '../factories'
import { buildRequest, callRoute, sessionCookieFor } from '../support/requests'
import { rowCounts } from '../support/row-counts'

import { candidateForm } from './helpers/candidates'
import { translated } from './helpers/form-replies'

let orgId: string
let memberId: string
let cookie: string
let outsiderId: string
let outsiderOrgId: string
let outsiderCookie: string

beforeAll(async () => {
  const admin = await createUser()
  const organization = await createOrganization({ createdById: admin.id, kind: 'UNIVERSITY' })
  const member = await createUser()
  await addMember(organization.id, member.id)
  const outsider = await createUser({ locale: 'ar' })
  const outsiderOrganization = await createOrganization({ createdById: outsider.id, kind: 'UNIVERSITY' })
  orgId = organization.id
  memberId = member.id
  cookie = await sessionCookieFor(member.id)
  outsiderId = outsider.id
  outsiderOrgId = outsiderOrganization.id
  outsiderCookie = await sessionCookieFor(outsider.id)
})

const importPath = (organizationId: string) => `/organizations/${organizationId}/candidates/import`

let passportSequence = 0

/** One candidate as a file row, in the columns' order; every row gets its own passport. */
function candidateRow(overrides: Partial<Record<ImportField, string>> = {}) {
  passportSequence += 1
  const form = candidateForm({ passportNumber: `IMP${String(passportSequence).padStart(6, '0')}` })
  return importFields.map((field) => overrides[field] ?? form[field]!)
}

function csvFile(
  rows: string[][],
  { header = [...importFields], delimiter = ',' }: { header?: string[]; delimiter?: CsvDelimiter } = {},
) {
  return writeCsv([header, ...rows], { delimiter, withBom: true })
}

/** A multipart form post, as the browser sends the upload form. */
function uploadRequest(
  organizationId: string,
  as: string,
  content: string | Uint8Array<ArrayBuffer>,
  fileName = 'students.csv',
) {
  const body = new FormData()
  body.append('file', new File([content], fileName, { type: 'text/csv' }))
  return new Request(new URL(importPath(organizationId), 'http://localhost:3000'), {
    method: 'POST',
    body,
    headers: { Cookie: as },
  })
}

function upload(content: string | Uint8Array<ArrayBuffer>, { as = cookie, organizationId = orgId } = {}) {
  return callRoute(importPage.action, uploadRequest(organizationId, as, content), { orgId: organizationId })
}

function importIdOf(result: Awaited<ReturnType<typeof upload>>) {
  expect(result.status, JSON.stringify(result.data)).toBe(302)
  const location = new URL(result.location!, 'http://localhost:3000')
  expect(location.pathname).toBe(importPath(orgId))
  return location.searchParams.get('import')!
}

async function preview(importId: string, { as = cookie, organizationId = orgId } = {}) {
  const result = await callRoute(
    importPage.loader,
    buildRequest(`${importPath(organizationId)}?import=${importId}`, { cookie: as }),
    { orgId: organizationId },
  )
  return { status: result.status, preview: (result.data as { preview: CandidateImportPreview }).preview }
}

function confirm(importId: string, { as = cookie, organizationId = orgId } = {}) {
  return callRoute(
    importPage.action,
    buildRequest(importPath(organizationId), { cookie: as, form: { intent: 'import', importId } }),
    { orgId: organizationId },
  )
}

async function uploadAndPreview(content: string | Uint8Array<ArrayBuffer>) {
  const importId = importIdOf(await upload(content))
  const { status, preview: shown } = await preview(importId)
  expect(status).toBe(200)
  return shown
}

const organizationCandidates = (organizationId = orgId) =>
  prisma.candidate.count({ where: { organizationId } })

/** The refusal of a whole file, checked to be translated in every language. */
async function expectRefusedFile(result: Awaited<ReturnType<typeof upload>>, key: string) {
  expect(result.status).toBe(400)
  const { problem } = result.data as { problem: FileProblem }
  expect(problem.message.split('|')[0]).toBe(key)
  for (const language of supportedLanguages) await translated(problem.message, language)
  return problem
}

describe('a university imports a 50-row CSV with 3 bad rows', () => {
  it('sees exactly those 3 rows reported, then imports the other 47 in one go', async () => {
    const today = todayDateOnly()
    const rows = Array.from({ length: 50 }, (_, index) =>
      candidateRow(index === 0 ? { surname: 'Müller', givenNames: 'Zoë' } : {}),
    )
    // row numbers as in the file: the header is row 1
    rows[6] = candidateRow({ dateOfBirth: '30.02.1999' })
    rows[21] = candidateRow({ passportExpiry: addMonths(today, -1) })
    rows[39] = candidateRow({ nationality: 'XX' })
    const before = await organizationCandidates()

    const shown = await uploadAndPreview(csvFile(rows))

    expect(shown.errors.map(({ row, field }) => [row, field])).toEqual([
      [8, 'dateOfBirth'],
      [23, 'passportExpiry'],
      [41, 'nationality'],
    ])
    expect(shown.errors.map((error) => error.column)).toEqual([2, 6, 4])
    for (const error of shown.errors) {
      for (const language of supportedLanguages) await translated(error.message, language)
    }
    expect(shown.errorRowCount).toBe(3)
    expect(shown.rows).toHaveLength(47)
    expect(shown.rows.map((row) => row.row)).not.toContain(8)
    expect(shown.rows[0]).toMatchObject({ row: 2, surname: 'Müller', givenNames: 'Zoë', nationality: 'EG' })
    // the preview does not send the contact data to the browser
    expect(JSON.stringify(shown)).not.toContain('example.test')
    expect(await organizationCandidates()).toBe(before)

    const auditsBefore = await prisma.auditEvent.count({
      where: { action: 'candidate.created', actorId: memberId },
    })
    const result = await confirm(shown.id)
    expect(result.status).toBe(302)
    expect(result.location).toBe(`/organizations/${orgId}/candidates`)
    expect(result.headers.get('Set-Cookie')).toContain('toast=')
    expect(await organizationCandidates()).toBe(before + 47)
    expect(await prisma.auditEvent.count({ where: { action: 'candidate.created', actorId: memberId } })).toBe(
      auditsBefore + 47,
    )
    const zoe = await prisma.candidate.findFirstOrThrow({
      where: { organizationId: orgId, givenNames: 'Zoë' },
    })
    expect(zoe).toMatchObject({ surname: 'Müller', createdById: memberId, qualificationYear: 2018 })
    expect(zoe.dateOfBirth.toISOString()).toBe('1995-04-12T00:00:00.000Z')
    expect(await prisma.candidateImport.count({ where: { id: shown.id } })).toBe(0)

    // a second click finds nothing left to import
    expect((await confirm(shown.id)).status).toBe(404)
    expect(await organizationCandidates()).toBe(before + 47)
  })
})

describe('confirming an import', () => {
  it('imports once when the button is clicked twice at the same moment', async () => {
    const shown = await uploadAndPreview(csvFile([candidateRow(), candidateRow(), candidateRow()]))
    const before = await organizationCandidates()
    const results = await Promise.all([confirm(shown.id), confirm(shown.id)])
    expect(results.map((result) => result.status).sort()).toEqual([302, 404])
    expect(await organizationCandidates()).toBe(before + 3)
  })
})

describe('checking rows', () => {
  it('reads German Excel files: semicolons, translated headings in any order, German dates and names', async () => {
    const t = await getTranslator('de')
    const header = importFields.map((field) => t(`candidates:fields.${field}`)).reverse()
    const row = candidateRow({
      surname: 'Öztürk',
      dateOfBirth: '3.7.1998',
      nationality: 'Türkei',
      qualificationKind: 'Berufsausbildung',
      preferredLanguage: 'Deutsch',
      intendedEntryDate: '',
    }).reverse()
    const shown = await uploadAndPreview(csvFile([row], { header: [...header, 'Bemerkung'], delimiter: ';' }))
    expect(shown.errors).toEqual([])
    expect(shown.ignoredColumns).toEqual(['Bemerkung'])
    expect(shown.rows[0]).toMatchObject({ surname: 'Öztürk', dateOfBirth: '1998-07-03', nationality: 'TR' })
  })

  it('accepts Arabic and Chinese names and headings of another language than the user’s', async () => {
    const t = await getTranslator('ar')
    const header = importFields.map((field) => t(`candidates:fields.${field}`))
    const shown = await uploadAndPreview(
      csvFile(
        [
          candidateRow({ surname: 'الحداد', givenNames: 'ليلى', qualificationKind: 'شهادة جامعية' }),
          candidateRow({ surname: '王', givenNames: '小明', nationality: 'cn' }),
        ],
        { header },
      ),
    )
    expect(shown.errors).toEqual([])
    expect(shown.rows.map((row) => [row.surname, row.givenNames, row.nationality])).toEqual([
      ['الحداد', 'ليلى', 'EG'],
      ['王', '小明', 'CN'],
    ])
  })

  it('imports a passport expiring soon and an already registered passport, with warnings', async () => {
    const today = todayDateOnly()
    const otherOrganization = await createOrganization({ createdById: outsiderId })
    await createCandidate({
      organizationId: otherOrganization.id,
      createdById: outsiderId,
      passportNumber: 'KNOWN12345',
      nationality: 'IN',
    })
    const shown = await uploadAndPreview(
      csvFile([
        candidateRow({ intendedEntryDate: addMonths(today, 2), passportExpiry: addMonths(today, 5) }),
        candidateRow({ passportNumber: 'known 12345', nationality: 'IN' }),
        candidateRow(),
      ]),
    )
    expect(shown.errors).toEqual([])
    expect(shown.rows.map((row) => row.warnings.map((warning) => warning.split('|')[0]))).toEqual([
      ['candidates:warnings.passportExpiryBeforeEntry'],
      ['candidates:warnings.duplicate'],
      [],
    ])
    for (const warning of shown.rows.flatMap((row) => row.warnings)) {
      for (const language of supportedLanguages) await translated(warning, language)
    }
    // only a count: nothing about the other organization's candidate
    expect(JSON.stringify(shown)).not.toContain('Haddad')
    expect(JSON.stringify(shown)).not.toContain(otherOrganization.id)
    const before = await organizationCandidates()
    expect((await confirm(shown.id)).status).toBe(302)
    expect(await organizationCandidates()).toBe(before + 3)
  })

  it('refuses the later rows of a passport that appears twice in the file, and skips empty lines', async () => {
    const first = candidateRow()
    const again = candidateRow({ passportNumber: first[5]!.toLowerCase(), nationality: first[4]! })
    const content = csvFile([first, Array(importFields.length).fill(''), candidateRow(), again])
    const shown = await uploadAndPreview(`${content}\r\n\r\n`)
    expect(shown.errors).toEqual([
      {
        row: 5,
        field: 'passportNumber',
        column: 5,
        message: 'candidateImport:errors.duplicateInFile|{"row":2}',
      },
    ])
    expect(shown.rows.map((row) => row.row)).toEqual([2, 4])
  })

  it('names every heading of every language for exactly one field', async () => {
    const headings = await importHeadings()
    for (const language of supportedLanguages) {
      const t = await getTranslator(language)
      for (const field of importFields) {
        const heading = t(`candidates:fields.${field}`)
        expect(
          headings.get(
            heading
              .toLowerCase()
              .replace(/\s*\(.*\)/, '')
              .trim(),
          ),
          heading,
        ).toBe(field)
      }
    }
  })
})

describe('the template', () => {
  async function download(language: 'de' | 'ar') {
    const user = await createUser({ locale: language })
    await addMember(orgId, user.id)
    const response = (await template.loader({
      request: buildRequest(`${importPath(orgId)}/template`, { cookie: await sessionCookieFor(user.id) }),
      params: { orgId },
      context: {},
    })) as Response
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="candidate-import-template\.csv"; filename\*=UTF-8''\S+\.csv$/,
    )
    const bytes = new Uint8Array(await response.arrayBuffer())
    // the byte order mark that makes Excel read the file as UTF-8
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.startsWith(UTF8_BOM)).toBe(true)
    const parsed = parseCsv(text)
    if (!parsed.ok) throw new Error('the template does not parse')
    return {
      text,
      delimiter: parsed.delimiter,
      header: parsed.records[0]!,
      examples: parsed.records.slice(1),
    }
  }

  it('comes in the user’s language with example rows that only fail for being examples', async () => {
    const german = await download('de')
    expect(german.delimiter).toBe(';')
    expect(german.header[0]).toBe('Nachname (wie im Pass)')
    expect(german.text).toContain('Müller;Zoë Marie')
    expect(german.text).toContain('الحداد')
    const arabic = await download('ar')
    expect(arabic.header[0]).toBe('اسم العائلة (كما في جواز السفر)')
    expect(arabic.examples).toHaveLength(2)

    for (const file of [german, arabic]) {
      const shown = await uploadAndPreview(file.text)
      expect(shown.rows).toEqual([])
      expect(shown.errors.map(({ row, message }) => [row, message])).toEqual([
        [2, 'candidateImport:errors.exampleRow'],
        [3, 'candidateImport:errors.exampleRow'],
      ])
    }
  })

  it('imports rows filled into a German and an Arabic template, whatever the user’s language', async () => {
    for (const language of ['de', 'ar'] as const) {
      const { header, delimiter } = await download(language)
      const rows = [
        candidateRow({ surname: 'Weiß', givenNames: 'Jürgen', dateOfBirth: '01.12.2000' }),
        candidateRow({ surname: 'الزهراني', givenNames: 'نورة', nationality: 'SA', preferredLanguage: 'ar' }),
      ]
      // the member who uploads reads the portal in German
      const shown = await uploadAndPreview(writeCsv([header, ...rows], { delimiter, withBom: true }))
      expect(shown.errors, language).toEqual([])
      const before = await organizationCandidates()
      expect((await confirm(shown.id)).status).toBe(302)
      expect(await organizationCandidates()).toBe(before + 2)
    }
    expect(await prisma.candidate.count({ where: { organizationId: orgId, surname: 'الزهراني' } })).toBe(2)
  })
})

describe('refused files', () => {
  async function expectNothingStored(result: Promise<Awaited<ReturnType<typeof upload>>>, key: string) {
    const before = await rowCounts()
    const imports = await prisma.candidateImport.count()
    const problem = await expectRefusedFile(await result, key)
    expect(await rowCounts()).toEqual(before)
    expect(await prisma.candidateImport.count()).toBe(imports)
    return problem
  }

  it('refuses a file that is not UTF-8, saying how to save it', async () => {
    const latin1 = Uint8Array.from(
      Buffer.from(csvFile([candidateRow({ surname: 'Müller' })]).slice(1), 'latin1'),
    )
    await expectNothingStored(upload(latin1), 'candidateImport:errors.notUtf8')
  })

  it('refuses a binary file such as a spreadsheet workbook', async () => {
    const workbook = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
    await expectNothingStored(upload(workbook), 'candidateImport:errors.notCsv')
  })

  it('refuses a file over 2 MB', async () => {
    const header = writeCsv([[...importFields]])
    const oversize = header + 'x'.repeat(MAX_IMPORT_BYTES + 1 - header.length)
    await expectNothingStored(upload(oversize), 'candidateImport:errors.tooLarge')
  })

  it('refuses more than 2,000 rows', async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => candidateRow())
    await expectNothingStored(upload(csvFile(rows)), 'candidateImport:errors.tooManyRows')
  })

  it('names the missing columns', async () => {
    const header = importFields.filter((field) => field !== 'passportNumber' && field !== 'intendedEntryDate')
    const problem = await expectNothingStored(
      upload(writeCsv([header, header.map(() => 'x')])),
      'candidateImport:errors.missingColumns',
    )
    expect(problem.fields).toEqual(['passportNumber'])
  })

  it('refuses an empty file, one without rows, and an unclosed quote', async () => {
    await expectNothingStored(upload(''), 'candidateImport:errors.empty')
    await expectNothingStored(upload(csvFile([])), 'candidateImport:errors.empty')
    await expectNothingStored(
      upload(`${csvFile([candidateRow()])}"Müller,Anna\r\n`),
      'candidateImport:errors.unclosedQuote',
    )
  })

  it('asks for a file when none was chosen', async () => {
    const body = new FormData()
    body.append('file', new File([], '', { type: 'application/octet-stream' }))
    const request = new Request(new URL(importPath(orgId), 'http://localhost:3000'), {
      method: 'POST',
      body,
      headers: { Cookie: cookie },
    })
    await expectNothingStored(
      callRoute(importPage.action, request, { orgId }),
      'candidateImport:errors.noFile',
    )
  })
})

describe("another organization's member", () => {
  it('gets 404 for the preview and the import, and nothing is created', async () => {
    const shown = await uploadAndPreview(csvFile([candidateRow(), candidateRow()]))
    const before = await rowCounts()
    // under the outsider's own organization: the import is not theirs
    expect((await preview(shown.id, { as: outsiderCookie, organizationId: outsiderOrgId })).status).toBe(404)
    expect((await confirm(shown.id, { as: outsiderCookie, organizationId: outsiderOrgId })).status).toBe(404)
    // under the import's organization: not a member
    expect((await preview(shown.id, { as: outsiderCookie })).status).toBe(404)
    expect((await confirm(shown.id, { as: outsiderCookie })).status).toBe(404)
    expect((await upload(csvFile([candidateRow()]), { as: outsiderCookie })).status).toBe(404)
    expect(await rowCounts()).toEqual(before)
    expect(await prisma.candidateImport.count({ where: { id: shown.id } })).toBe(1)
    expect(await organizationCandidates(outsiderOrgId)).toBe(0)
  })

  it('gets 404 for an expired preview', async () => {
    const shown = await uploadAndPreview(csvFile([candidateRow()]))
    await prisma.candidateImport.update({
      where: { id: shown.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    })
    expect((await preview(shown.id)).status).toBe(404)
    expect((await confirm(shown.id)).status).toBe(404)
  })
})

describe('performance (DESIGN §9: 500 students ≤ 5 s)', () => {
  it('checks and imports 500 rows, the import within 5 seconds', async () => {
    const rows = Array.from({ length: 500 }, (_, index) =>
      candidateRow({
        surname: index % 2 ? 'Müller' : 'الحداد',
        givenNames: `Zoë ${'abcdefghij'[index % 10]}`,
      }),
    )
    const content = csvFile(rows, { delimiter: ';' })
    const before = await organizationCandidates()

    const previewStart = performance.now()
    const shown = await uploadAndPreview(content)
    const previewMs = performance.now() - previewStart
    expect(shown.rows).toHaveLength(500)

    const importStart = performance.now()
    const result = await confirm(shown.id)
    const importMs = performance.now() - importStart
    expect(result.status).toBe(302)
    expect(await organizationCandidates()).toBe(before + 500)

    console.info(
      `CSV import of 500 rows: upload + check + preview ${Math.round(previewMs)} ms, import ${Math.round(importMs)} ms`,
    )
    expect(importMs).toBeLessThanOrEqual(5_000)
    expect(previewMs).toBeLessThanOrEqual(5_000)
  })
})
