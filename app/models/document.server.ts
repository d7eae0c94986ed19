/**
 * Documents of a case: the checklist the procedure asks for, uploaded versions, and the officer's review.
 * Files live encrypted in storage (app/utils/document-store.server.ts); a row exists only for a complete file,
 * and a file without its row is removed again here or by the sweep.
 */
import type { Readable } from 'node:stream'

import { firstName } from '~/emails/first-name'
import { Prisma } from '~/generated/prisma/client'
import { performCaseAction, todayAtAuthority, type CaseDetail, type CaseError } from '~/models/case.server'
import { addMonths, fromDateOnly, toDateOnly } from '~/utils/date-only'
import { prisma } from '~/utils/db.server'
import {
  deleteDocument,
  readDocument,
  storeDocument,
  UploadRejected,
  type UploadProblem,
} from '~/utils/document-store.server'
import { appUrl, uploadMaxBytes } from '~/utils/env.server'
import {
  detectFileType,
  FILE_TYPE_SNIFF_BYTES,
  sanitizeFileName,
  type AllowedMimeType,
} from '~/utils/file-type'
import { isTerminal } from '~/workflow/case-queries'
import { appliesTo, requiredDocumentsFor } from '~/workflow/definition'
import { procedures } from '~/workflow/procedures'
import type { DocumentKey, ProcedureDefinition, ProcedureId, ResidenceTitle } from '~/workflow/types'

import { recordAudit } from './audit.server'
import { enqueueEmail, nudgeOutbox } from './outbox.server'

export type DocumentState = 'MISSING' | 'UPLOADED' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED'
export type DocumentProvider = 'ORG' | 'CANDIDATE'

/** The case as the document functions need it: CaseDetail satisfies it. */
export type DocumentCase = Pick<
  CaseDetail,
  'id' | 'fileNumber' | 'organizationId' | 'procedureId' | 'version'
> & {
  state: Pick<CaseDetail['state'], 'title' | 'status' | 'facts'>
  candidate: { id: string }
}

/** A passport must be valid for at least 6 months after the planned entry (domain-reference.md §1). */
const PASSPORT_VALIDITY_MONTHS = 6

function definitionOf(kase: DocumentCase): ProcedureDefinition {
  const definition = procedures[kase.procedureId as ProcedureId]
  if (!definition) throw new Error(`Unknown procedure ${kase.procedureId}`)
  return definition
}

/**
 * Every document the case's procedure asks for its current title, in the order of the steps, each once,
 * with who provides it: the candidate for the steps the candidate takes, the organization otherwise.
 */
export function requirementsOf(
  definition: ProcedureDefinition,
  title: ResidenceTitle,
): { key: DocumentKey; providedBy: DocumentProvider }[] {
  const requirements = new Map<DocumentKey, DocumentProvider>()
  for (const step of definition.steps) {
    if (!appliesTo(step, title)) continue
    for (const key of requiredDocumentsFor(step, title)) {
      if (!requirements.has(key)) requirements.set(key, step.actor === 'CANDIDATE' ? 'CANDIDATE' : 'ORG')
    }
  }
  return [...requirements].map(([key, providedBy]) => ({ key, providedBy }))
}

function isOnChecklist(kase: DocumentCase, requirement: string): requirement is DocumentKey {
  return requirementsOf(definitionOf(kase), kase.state.title).some((item) => item.key === requirement)
}

const versionSelect = {
  id: true,
  requirement: true,
  version: true,
  originalName: true,
  mimeType: true,
  size: true,
  status: true,
  reviewNote: true,
  createdAt: true,
  reviewedAt: true,
  passportExpiry: true,
  uploadedBy: { select: { name: true } },
  reviewedBy: { select: { name: true } },
} satisfies Prisma.DocumentSelect

type VersionRow = Prisma.DocumentGetPayload<{ select: typeof versionSelect }>

function toVersion(row: VersionRow) {
  return {
    id: row.id,
    version: row.version,
    originalName: row.originalName,
    mimeType: row.mimeType,
    size: row.size,
    status: row.status,
    reviewNote: row.reviewNote,
    createdAt: row.createdAt,
    uploadedBy: row.uploadedBy.name,
    reviewedBy: row.reviewedBy?.name ?? null,
    reviewedAt: row.reviewedAt,
    passportExpiry: row.passportExpiry ? toDateOnly(row.passportExpiry) : null,
  }
}

export type DocumentVersion = ReturnType<typeof toVersion>

export type ChecklistItem = {
  key: DocumentKey
  isRequired: boolean
  providedBy: DocumentProvider
  state: DocumentState
  /** Newest first. */
  versions: DocumentVersion[]
  /** For an accepted passport that ends less than 6 months after the planned entry (or today). */
  passportWarning: { expiresOn: string; entryOn: string } | null
}

function itemState(kase: DocumentCase, key: DocumentKey, newest: DocumentVersion | undefined, today: string) {
  if (!newest) return kase.state.facts.acceptedDocuments.includes(key) ? 'ACCEPTED' : 'MISSING'
  if (newest.status === 'ACCEPTED' && newest.passportExpiry && newest.passportExpiry < today) return 'EXPIRED'
  return newest.status
}

/** The case's checklist with the state and history of every item, and how many of them are accepted. */
export async function getChecklist(kase: DocumentCase) {
  const [rows, candidate] = await Promise.all([
    prisma.document.findMany({
      where: { caseId: kase.id },
      orderBy: [{ requirement: 'asc' }, { version: 'desc' }],
      select: versionSelect,
    }),
    prisma.candidate.findUnique({ where: { id: kase.candidate.id }, select: { intendedEntryDate: true } }),
  ])
  const today = todayAtAuthority()
  const entryOn = candidate?.intendedEntryDate ? toDateOnly(candidate.intendedEntryDate) : today
  const items = requirementsOf(definitionOf(kase), kase.state.title).map(
    ({ key, providedBy }): ChecklistItem => {
      const versions = rows.filter((row) => row.requirement === key).map(toVersion)
      const state = itemState(kase, key, versions[0], today)
      const expiresOn = state === 'ACCEPTED' ? versions[0]?.passportExpiry : null
      const isShort = expiresOn && expiresOn < addMonths(entryOn, PASSPORT_VALIDITY_MONTHS)
      return {
        key,
        isRequired: true,
        providedBy,
        state,
        versions,
        passportWarning: isShort ? { expiresOn, entryOn } : null,
      }
    },
  )
  return {
    items,
    acceptedCount: items.filter((item) => item.state === 'ACCEPTED').length,
    totalCount: items.length,
  }
}

/** One version of the case's documents, for the officer's review page; null when it is not this case's. */
export async function getDocument(kase: DocumentCase, documentId: string) {
  const row = await prisma.document.findFirst({
    where: { id: documentId, caseId: kase.id },
    select: versionSelect,
  })
  return row ? { ...toVersion(row), requirement: row.requirement as DocumentKey } : null
}

export type UploadFailure = UploadProblem | 'typeMismatch' | 'notOnChecklist' | 'caseFinished'
export type UploadResult =
  { ok: true; documentId: string; version: number } | { ok: false; problem: UploadFailure }

/** The name's ending or the browser's type said one thing, the content another (a PNG named .pdf). */
class TypeMismatch extends Error {}

const typesByExtension: Record<string, AllowedMimeType> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
}

const typeAliases: Record<string, AllowedMimeType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
}

/** What the name and the browser claim; a claim of no type (no extension, octet-stream) claims nothing. */
function declaredTypes(name: string, contentType: string | undefined) {
  const claims: string[] = []
  const extension = /\.([a-z0-9]{1,10})$/i.exec(name)?.[1]?.toLowerCase()
  if (extension) claims.push(typesByExtension[extension] ?? `.${extension}`)
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  if (type && type !== 'application/octet-stream') claims.push(typeAliases[type] ?? type)
  return claims
}

/**
 * Passes the content through, refusing it as soon as its first bytes show a type other than declared. The
 * store then stops reading and keeps nothing; content of no allowed type is left to its own check.
 */
async function* matchingDeclaredType(content: AsyncIterable<Uint8Array>, claims: string[]) {
  let head = new Uint8Array(0)
  for await (const chunk of content) {
    if (head.length < FILE_TYPE_SNIFF_BYTES) {
      const joined = new Uint8Array(head.length + chunk.length)
      joined.set(head)
      joined.set(chunk, head.length)
      head = joined.subarray(0, FILE_TYPE_SNIFF_BYTES)
      const detected = head.length >= FILE_TYPE_SNIFF_BYTES ? detectFileType(head) : null
      if (detected && claims.some((claim) => claim !== detected)) throw new TypeMismatch()
    }
    yield chunk
  }
}

const MAX_VERSION_ATTEMPTS = 3

/**
 * Stores one file as the next version of `requirement`: streamed into encrypted storage first, then the row
 * in one transaction with its audit event. Two uploads racing for the same version number: the loser retries.
 * If the row cannot be written, the stored file is removed again.
 */
export async function uploadDocument(
  user: { id: string },
  kase: DocumentCase,
  requirement: string,
  file: { name: string; contentType?: string; content: AsyncIterable<Uint8Array> },
): Promise<UploadResult> {
  if (isTerminal(kase.state.status)) return { ok: false, problem: 'caseFinished' }
  if (!isOnChecklist(kase, requirement)) return { ok: false, problem: 'notOnChecklist' }
  const originalName = sanitizeFileName(file.name)
  let stored
  try {
    const content = matchingDeclaredType(file.content, declaredTypes(originalName, file.contentType))
    stored = await storeDocument(content, { maxBytes: uploadMaxBytes() })
  } catch (error) {
    if (error instanceof UploadRejected) return { ok: false, problem: error.problem }
    if (error instanceof TypeMismatch) return { ok: false, problem: 'typeMismatch' }
    throw error
  }
  try {
    const created = await createVersion(user, kase, requirement, { ...stored, originalName })
    return { ok: true, documentId: created.id, version: created.version }
  } catch (error) {
    await deleteDocument(stored.storageKey)
    throw error
  }
}

async function createVersion(
  user: { id: string },
  kase: DocumentCase,
  requirement: DocumentKey,
  file: { storageKey: string; size: number; sha256: string; mimeType: string; originalName: string },
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const latest = await tx.document.aggregate({
          where: { caseId: kase.id, requirement },
          _max: { version: true },
        })
        const created = await tx.document.create({
          data: {
            caseId: kase.id,
            requirement,
            version: (latest._max.version ?? 0) + 1,
            uploadedById: user.id,
            ...file,
          },
          select: { id: true, version: true },
        })
        await recordAudit(
          {
            actorId: user.id,
            action: 'document.uploaded',
            subjectType: 'Document',
            subjectId: created.id,
            data: { caseId: kase.id, requirement, version: created.version },
          },
          tx,
        )
        return created
      })
    } catch (error) {
      const isVersionTaken = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
      if (!isVersionTaken || attempt >= MAX_VERSION_ATTEMPTS) throw error
    }
  }
}

export type ReviewDecision = { accept: true; passportExpiry?: string } | { accept: false; reason: string }
export type ReviewError = CaseError | 'documents:errors.notReviewable' | 'documents:errors.caseFinished'
export type ReviewResult = { ok: true } | { ok: false; error: ReviewError }

/**
 * The officer's decision on an uploaded version. Accepting records the document in the engine first (its
 * step guards then open): a concurrent change to the case (409) thus leaves the document as it was. A
 * rejection reopens the item and tells the organization's members why.
 */
export async function reviewDocument(
  officer: { id: string },
  kase: DocumentCase,
  documentId: string,
  decision: ReviewDecision,
): Promise<ReviewResult | null> {
  const document = await prisma.document.findFirst({
    where: { id: documentId, caseId: kase.id },
    select: { id: true, requirement: true, status: true },
  })
  if (!document) return null
  if (isTerminal(kase.state.status)) return { ok: false, error: 'documents:errors.caseFinished' }
  if (document.status !== 'UPLOADED') return { ok: false, error: 'documents:errors.notReviewable' }
  const requirement = document.requirement as DocumentKey
  if (decision.accept && !kase.state.facts.acceptedDocuments.includes(requirement)) {
    const result = await performCaseAction(
      kase.id,
      kase.version,
      { type: 'acceptDocuments', documents: [requirement] },
      { userId: officer.id, performer: 'OFFICER' },
    )
    // a document no open step needs any more is still accepted as a document; the engine has nothing to record
    if (!result.ok && result.error !== 'workflow:errors.notAllowed') return result
  }
  const reviewed = await prisma.$transaction(async (tx) => {
    const { count } = await tx.document.updateMany({
      where: { id: document.id, status: 'UPLOADED' },
      data: decision.accept
        ? {
            status: 'ACCEPTED',
            passportExpiry: decision.passportExpiry ? fromDateOnly(decision.passportExpiry) : null,
            reviewedById: officer.id,
            reviewedAt: new Date(),
          }
        : {
            status: 'REJECTED',
            reviewNote: decision.reason.trim(),
            reviewedById: officer.id,
            reviewedAt: new Date(),
          },
    })
    if (count !== 1) return false
    await recordAudit(
      {
        actorId: officer.id,
        action: decision.accept ? 'document.accepted' : 'document.rejected',
        subjectType: 'Document',
        subjectId: document.id,
        data: { caseId: kase.id, requirement },
      },
      tx,
    )
    if (!decision.accept) await notifyRejection(tx, kase, requirement, decision.reason.trim())
    return true
  })
  if (!reviewed) return { ok: false, error: 'documents:errors.notReviewable' }
  if (!decision.accept) void nudgeOutbox()
  return { ok: true }
}

async function notifyRejection(
  tx: Prisma.TransactionClient,
  kase: DocumentCase,
  requirement: DocumentKey,
  reason: string,
) {
  const members = await tx.membership.findMany({
    where: { organizationId: kase.organizationId, user: { deactivatedAt: null } },
    select: { user: { select: { email: true, name: true, locale: true } } },
  })
  const url = `${appUrl()}/organizations/${kase.organizationId}/cases/${kase.id}/documents`
  for (const { user } of members) {
    await enqueueEmail(tx, {
      kind: 'documentRejected',
      to: user.email,
      locale: user.locale,
      props: { firstName: firstName(user.name), fileNumber: kase.fileNumber, requirement, reason, url },
    })
  }
}

export type DocumentFile = { stream: Readable; mimeType: string; size: number; originalName: string }

/** The decrypted file of one version of this case; every download and preview is audited. */
export async function openDocumentFile(
  user: { id: string },
  kase: DocumentCase,
  documentId: string,
  purpose: 'download' | 'preview',
): Promise<DocumentFile | null> {
  const document = await prisma.document.findFirst({
    where: { id: documentId, caseId: kase.id },
    select: { id: true, requirement: true, storageKey: true, mimeType: true, size: true, originalName: true },
  })
  if (!document) return null
  const stream = await readDocument(document.storageKey)
  await recordAudit({
    actorId: user.id,
    action: 'document.downloaded',
    subjectType: 'Document',
    subjectId: document.id,
    data: { caseId: kase.id, purpose },
  })
  return {
    stream,
    mimeType: document.mimeType,
    size: document.size,
    originalName: document.originalName,
  }
}
