import type { Prisma } from '~/generated/prisma/client'
import {
  CandidateSchema,
  passportExpiresSoon,
  PASSPORT_VALIDITY_MONTHS,
  qualificationKinds,
  type CandidateInput,
} from '~/schemas/candidate'
import {
  importFields,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_MEGABYTES,
  MAX_IMPORT_ROWS,
  optionalImportFields,
  type ImportField,
} from '~/schemas/candidate-import'
import { countryCodes } from '~/utils/countries'
import { parseCsv, writeCsv, type CsvDelimiter } from '~/utils/csv'
import { addMonths, fromDateOnly, todayDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import { supportedLanguages, type Language } from '~/utils/i18n'
import { getTranslator } from '~/utils/i18n.server'
import type { SessionUser } from '~/utils/session.server'
import { message } from '~/utils/validation'

import type { AuditAction } from './audit.server'

type Actor = Pick<SessionUser, 'id'>

/** Long enough to check a list with colleagues; the personal data does not linger beyond that. */
const IMPORT_LIFETIME_MS = 24 * 60 * 60 * 1000

/** A candidate as stored in a checked import: the form's values without its one-off confirmations. */
export type ImportedCandidate = Omit<CandidateInput, 'confirmDuplicate' | 'confirmPassportExpiry'>

/** A row that can be imported; `row` is its number in the file, the header being row 1. */
export type ImportRow = { row: number; candidate: ImportedCandidate; warnings: string[] }

/** Why a row cannot be imported: the field, its column (from 0) and a message (an i18n key). */
export type RowError = { row: number; field: ImportField; column: number; message: string }

/** Why the whole file was refused: a message (an i18n key), with the columns it concerns. */
export type FileProblem = { message: string; fields?: ImportField[] }

export type CheckedFile = { rows: ImportRow[]; errors: RowError[]; ignoredColumns: string[] }

type Checked = { ok: true; value: CheckedFile } | { ok: false; problem: FileProblem }

/** Passport numbers of the template's example rows, so a forgotten example is not imported as a person. */
const EXAMPLE_PASSPORT_NUMBERS = ['EXAMPLE00001', 'EXAMPLE00002']

/** Excel opens a CSV with its region's list separator: `;` where the comma is the decimal sign (German). */
const TEMPLATE_DELIMITERS: Record<Language, CsvDelimiter> = { de: ';', en: ',', ar: ',' }

const ASCII_TEMPLATE_FILE_NAME = 'candidate-import-template.csv'

const DATE_FIELDS: readonly ImportField[] = ['dateOfBirth', 'passportExpiry', 'intendedEntryDate']
const COUNTRY_FIELDS: readonly ImportField[] = ['nationality', 'qualificationCountry', 'countryOfResidence']
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/
// control characters other than tab and line breaks: a binary file (or a spreadsheet's own format)
const CONTROL_CHARACTERS = /[^\P{Cc}\t\r\n]/u

/** Headings and names compared the way a person reads them: case, spacing, `*` and "(…)" do not matter. */
function comparable(text: string) {
  return text
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .replaceAll('*', '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/**
 * What a file may say, in any of the portal's languages, so a template filled in by a colleague who
 * uses another language still imports: column headings, country and language names, qualification kinds.
 */
async function loadVocabulary() {
  const fieldByHeading = new Map<string, ImportField>()
  const countryByName = new Map<string, string>()
  const kindByName = new Map<string, string>()
  const languageByName = new Map<string, string>()
  for (const field of importFields) fieldByHeading.set(comparable(field), field)
  for (const kind of qualificationKinds) kindByName.set(comparable(kind), kind)
  for (const code of supportedLanguages) {
    languageByName.set(code, code)
    languageByName.set(comparable(new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code), code)
  }
  for (const language of supportedLanguages) {
    const t = await getTranslator(language)
    for (const field of importFields) fieldByHeading.set(comparable(t(`candidates:fields.${field}`)), field)
    fieldByHeading.set(comparable(t('candidates:fields.intendedEntryDateOptional')), 'intendedEntryDate')
    for (const kind of qualificationKinds) {
      kindByName.set(comparable(t(`candidates:qualificationKinds.${kind}`)), kind)
    }
    const countries = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' })
    for (const code of countryCodes) countryByName.set(comparable(countries.of(code) ?? code), code)
    const languageNames = new Intl.DisplayNames([language], { type: 'language' })
    for (const code of supportedLanguages) {
      languageByName.set(comparable(languageNames.of(code) ?? code), code)
    }
  }
  return { fieldByHeading, countryByName, kindByName, languageByName }
}

type Vocabulary = Awaited<ReturnType<typeof loadVocabulary>>

/** The heading → field table, exported for the test that no heading names two fields. */
export async function importHeadings() {
  return (await loadVocabulary()).fieldByHeading
}

/** A cell as the form would have sent it: ISO dates, country and language codes, qualification kinds. */
function formValue(field: ImportField, cell: string, vocabulary: Vocabulary) {
  const value = cell.trim()
  if (DATE_FIELDS.includes(field)) {
    const german = GERMAN_DATE.exec(value)
    return german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : value
  }
  if (COUNTRY_FIELDS.includes(field)) {
    return /^[a-z]{2}$/i.test(value)
      ? value.toUpperCase()
      : (vocabulary.countryByName.get(comparable(value)) ?? value)
  }
  if (field === 'qualificationKind') return vocabulary.kindByName.get(comparable(value)) ?? value
  if (field === 'preferredLanguage') return vocabulary.languageByName.get(comparable(value)) ?? value
  return value
}

function decodeUtf8(bytes: Uint8Array) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Which column holds which field; a file without a required field's column cannot be checked row by row. */
function mapColumns(
  header: string[],
  vocabulary: Vocabulary,
): { ok: true; columns: Map<ImportField, number>; ignored: string[] } | { ok: false; problem: FileProblem } {
  const columns = new Map<ImportField, number>()
  const duplicates = new Set<ImportField>()
  const ignored: string[] = []
  header.forEach((heading, index) => {
    const field = vocabulary.fieldByHeading.get(comparable(heading))
    if (!field) {
      if (heading.trim()) ignored.push(heading.trim())
    } else if (columns.has(field)) duplicates.add(field)
    else columns.set(field, index)
  })
  if (duplicates.size > 0) {
    return {
      ok: false,
      problem: {
        message: 'candidateImport:errors.duplicateColumns',
        fields: importFields.filter((field) => duplicates.has(field)),
      },
    }
  }
  const missing = importFields.filter((field) => !columns.has(field) && !optionalImportFields.includes(field))
  if (missing.length > 0) {
    return { ok: false, problem: { message: 'candidateImport:errors.missingColumns', fields: missing } }
  }
  return { ok: true, columns, ignored }
}

/**
 * Checks an uploaded file row by row with the candidate form's own schema. Rows that pass may still
 * carry warnings the form would ask to confirm: the passport expiring within 6 months of entry, or a
 * candidate with the same passport already registered with the authority. A passport twice in the
 * file is an error on its later rows.
 */
export async function checkCandidateFile(bytes: Uint8Array): Promise<Checked> {
  const refuse = (problem: FileProblem): Checked => ({ ok: false, problem })
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return refuse({
      message: message('candidateImport:errors.tooLarge', { megabytes: MAX_IMPORT_MEGABYTES }),
    })
  }
  const text = decodeUtf8(bytes)
  if (text === null) return refuse({ message: 'candidateImport:errors.notUtf8' })
  if (CONTROL_CHARACTERS.test(text)) return refuse({ message: 'candidateImport:errors.notCsv' })
  const parsed = parseCsv(text)
  if (!parsed.ok) {
    return refuse({ message: message('candidateImport:errors.unclosedQuote', { row: parsed.row }) })
  }
  const [header, ...records] = parsed.records
  const vocabulary = await loadVocabulary()
  const mapped = mapColumns(header ?? [], vocabulary)
  if (!mapped.ok) return refuse(header ? mapped.problem : { message: 'candidateImport:errors.empty' })

  const lines = records
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''))
  if (lines.length === 0) return refuse({ message: 'candidateImport:errors.empty' })
  if (lines.length > MAX_IMPORT_ROWS) {
    return refuse({ message: message('candidateImport:errors.tooManyRows', { maximum: MAX_IMPORT_ROWS }) })
  }

  const rows: ImportRow[] = []
  const errors: RowError[] = []
  const firstRowOfPassport = new Map<string, number>()
  const reject = (row: number, field: ImportField, error: string) =>
    errors.push({ row, field, column: mapped.columns.get(field)!, message: error })
  for (const { row, cells } of lines) {
    const checked = checkRow(cells, mapped.columns, vocabulary)
    if (!checked.ok) {
      for (const [field, error] of checked.errors) reject(row, field, error)
      continue
    }
    const { candidate } = checked
    const passport = `${candidate.passportNumber} ${candidate.nationality}`
    const firstRow = firstRowOfPassport.get(passport)
    if (EXAMPLE_PASSPORT_NUMBERS.includes(candidate.passportNumber)) {
      reject(row, 'passportNumber', 'candidateImport:errors.exampleRow')
    } else if (firstRow) {
      reject(row, 'passportNumber', message('candidateImport:errors.duplicateInFile', { row: firstRow }))
    } else {
      firstRowOfPassport.set(passport, row)
      rows.push({ row, candidate, warnings: passportWarnings(candidate) })
    }
  }
  await warnAboutRegisteredPassports(rows)
  return { ok: true, value: { rows, errors, ignoredColumns: mapped.ignored } }
}

/**
 * One row through the form's schema, with the form's confirmations given: in a bulk import the
 * warnings are shown in the preview instead. The first message of each field, in the template's order.
 */
function checkRow(
  cells: string[],
  columns: Map<ImportField, number>,
  vocabulary: Vocabulary,
): { ok: true; candidate: ImportedCandidate } | { ok: false; errors: [ImportField, string][] } {
  const values: Record<string, unknown> = { confirmDuplicate: true, confirmPassportExpiry: true }
  for (const [field, column] of columns) values[field] = formValue(field, cells[column] ?? '', vocabulary)
  const result = CandidateSchema.safeParse(values)
  if (result.success) {
    const { confirmDuplicate: _duplicate, confirmPassportExpiry: _expiry, ...candidate } = result.data
    return { ok: true, candidate }
  }
  const messages = new Map<string, string>()
  for (const issue of result.error.issues) {
    const field = String(issue.path[0])
    if (!messages.has(field)) messages.set(field, issue.message)
  }
  return {
    ok: false,
    errors: importFields.flatMap((field) => {
      const error = messages.get(field)
      return error ? [[field, error] as [ImportField, string]] : []
    }),
  }
}

function passportWarnings({ passportExpiry, intendedEntryDate }: ImportedCandidate) {
  if (!passportExpiresSoon(passportExpiry, intendedEntryDate)) return []
  const key = intendedEntryDate ? 'passportExpiryBeforeEntry' : 'passportExpirySoon'
  return [message(`candidates:warnings.${key}`, { months: PASSPORT_VALIDITY_MONTHS })]
}

/** One query for the whole file; only counts leave it, nothing about another organization's candidates. */
async function warnAboutRegisteredPassports(rows: ImportRow[]) {
  if (rows.length === 0) return
  const registered = await prisma.candidate.groupBy({
    by: ['passportNumber', 'nationality'],
    where: { passportNumber: { in: [...new Set(rows.map((row) => row.candidate.passportNumber))] } },
    _count: { _all: true },
  })
  const counts = new Map(
    registered.map((group) => [`${group.passportNumber} ${group.nationality}`, group._count._all]),
  )
  for (const row of rows) {
    const count = counts.get(`${row.candidate.passportNumber} ${row.candidate.nationality}`)
    if (count) row.warnings.push(message('candidates:warnings.duplicate', { count }))
  }
}

/**
 * Checks the file and keeps the result for the preview, so the user can look at it (and reload it)
 * without uploading again. Expired previews of any organization are removed on the way.
 */
export async function prepareCandidateImport(
  actor: Actor,
  organizationId: string,
  bytes: Uint8Array,
): Promise<{ ok: true; importId: string } | { ok: false; problem: FileProblem }> {
  const checked = await checkCandidateFile(bytes)
  if (!checked.ok) return checked
  const now = new Date()
  await prisma.candidateImport.deleteMany({ where: { expiresAt: { lte: now } } })
  const { rows, errors, ignoredColumns } = checked.value
  const created = await prisma.candidateImport.create({
    data: {
      organizationId,
      createdById: actor.id,
      rows: rows as unknown as Prisma.InputJsonValue,
      errors: errors as unknown as Prisma.InputJsonValue,
      ignoredColumns,
      expiresAt: new Date(now.getTime() + IMPORT_LIFETIME_MS),
    },
    select: { id: true },
  })
  return { ok: true, importId: created.id }
}

/**
 * The preview of a checked file, if it belongs to this organization and has not expired (otherwise
 * null: 404). Of the valid rows only what identifies the person leaves the server.
 */
export async function getCandidateImport(organizationId: string, importId: string) {
  const pending = await prisma.candidateImport.findFirst({
    where: { id: importId, organizationId, expiresAt: { gt: new Date() } },
    select: { id: true, rows: true, errors: true, ignoredColumns: true },
  })
  if (!pending) return null
  const rows = pending.rows as unknown as ImportRow[]
  const errors = pending.errors as unknown as RowError[]
  return {
    id: pending.id,
    ignoredColumns: pending.ignoredColumns,
    errors,
    errorRowCount: new Set(errors.map((error) => error.row)).size,
    rows: rows.map(({ row, candidate, warnings }) => ({
      row,
      surname: candidate.surname,
      givenNames: candidate.givenNames,
      dateOfBirth: candidate.dateOfBirth,
      nationality: candidate.nationality,
      passportNumber: candidate.passportNumber,
      warnings,
    })),
  }
}

export type CandidateImportPreview = NonNullable<Awaited<ReturnType<typeof getCandidateImport>>>

/**
 * Registers every valid row of the checked file in one transaction, each with its audit event, and
 * removes the preview. Null when the import is not this organization's, has expired, or was carried
 * out already (a second click): claiming the row by deleting it lets only one request import it.
 */
export async function importCandidates(actor: Actor, organizationId: string, importId: string) {
  return prisma.$transaction(
    async (tx) => {
      const pending = await tx.candidateImport.findFirst({
        where: { id: importId, organizationId, expiresAt: { gt: new Date() } },
        select: { rows: true },
      })
      if (!pending) return null
      const claimed = await tx.candidateImport.deleteMany({ where: { id: importId } })
      if (claimed.count === 0) return null
      const rows = pending.rows as unknown as ImportRow[]
      const created = await tx.candidate.createManyAndReturn({
        data: rows.map(({ candidate }) => ({
          ...candidate,
          dateOfBirth: fromDateOnly(candidate.dateOfBirth),
          passportExpiry: fromDateOnly(candidate.passportExpiry),
          intendedEntryDate: candidate.intendedEntryDate ? fromDateOnly(candidate.intendedEntryDate) : null,
          organizationId,
          createdById: actor.id,
        })),
        select: { id: true },
      })
      // the same event as a candidate registered through the form, written in one statement
      const action: AuditAction = 'candidate.created'
      await tx.auditEvent.createMany({
        data: created.map((candidate) => ({
          actorId: actor.id,
          action,
          subjectType: 'Candidate',
          subjectId: candidate.id,
          data: { organizationId, source: 'csvImport' },
        })),
      })
      return created.length
    },
    // 2,000 rows take well under this even on the embedded database; the default 5 s is the budget itself
    { timeout: 30_000 },
  )
}

/**
 * The template in the user's language: translated headings and two example rows (German and Arabic
 * script names) that pass every check except being examples. Dates in the template's rows are relative
 * to today so the examples never show an expired passport.
 */
export async function candidateImportTemplate(language: Language) {
  const t = await getTranslator(language)
  const today = todayDateOnly()
  const kind = (code: (typeof qualificationKinds)[number]) => t(`candidates:qualificationKinds.${code}`)
  const examples: Record<ImportField, string>[] = [
    {
      surname: 'Müller',
      givenNames: 'Zoë Marie',
      dateOfBirth: '2004-03-18',
      placeOfBirth: 'Blumenau',
      nationality: 'BR',
      passportNumber: EXAMPLE_PASSPORT_NUMBERS[0]!,
      passportExpiry: addMonths(today, 48),
      email: 'zoe.mueller@example.com',
      phone: '0055 47 33221100',
      preferredLanguage: 'de',
      qualificationKind: kind('OTHER'),
      qualificationTitle: 'Certificado de Conclusão do Ensino Médio',
      qualificationCountry: 'BR',
      qualificationYear: '2022',
      countryOfResidence: 'BR',
      intendedEntryDate: addMonths(today, 4),
    },
    {
      surname: 'الحداد',
      givenNames: 'ليلى',
      dateOfBirth: '2001-11-02',
      placeOfBirth: 'عمّان',
      nationality: 'JO',
      passportNumber: EXAMPLE_PASSPORT_NUMBERS[1]!,
      passportExpiry: addMonths(today, 60),
      email: 'layla.haddad@example.com',
      phone: '00962 6 5551234',
      preferredLanguage: 'ar',
      qualificationKind: kind('ACADEMIC'),
      qualificationTitle: 'بكالوريوس الهندسة المدنية',
      qualificationCountry: 'JO',
      qualificationYear: '2023',
      countryOfResidence: 'JO',
      intendedEntryDate: '',
    },
  ]
  const header = importFields.map((field) =>
    t(
      field === 'intendedEntryDate'
        ? 'candidates:fields.intendedEntryDateOptional'
        : `candidates:fields.${field}`,
    ),
  )
  const content = writeCsv(
    [header, ...examples.map((example) => importFields.map((field) => example[field]))],
    { delimiter: TEMPLATE_DELIMITERS[language], withBom: true },
  )
  return {
    content,
    fileName: t('candidateImport:template.fileName'),
    asciiFileName: ASCII_TEMPLATE_FILE_NAME,
  }
}
