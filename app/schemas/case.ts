import { isDateOnly } from '~/utils/date-only'
import { message, optionalText, requiredText, z } from '~/utils/validation'
import { procedures } from '~/workflow/procedures'
import {
  agreementContents,
  documentKeys,
  stepIds,
  type Action,
  type AgreementChecklist,
  type OutcomeId,
  type ProcedureId,
  type ResidenceTitle,
} from '~/workflow/types'

export const CASES_PER_PAGE = 50

/** Every procedure with the titles it leads to, as `procedureId:title` choices of the start form. */
export const routeChoices = Object.values(procedures).flatMap((procedure) =>
  procedure.titles.map((title) => ({ procedureId: procedure.id, title, value: `${procedure.id}:${title}` })),
)

export function parseRoute(value: string): { procedureId: ProcedureId; title: ResidenceTitle } | undefined {
  const choice = routeChoices.find((route) => route.value === value)
  return choice && { procedureId: choice.procedureId, title: choice.title }
}

const dateField = z
  .string()
  .trim()
  .min(1)
  .refine(isDateOnly, { error: message('candidates:validation.date') })

const MAX_ANNUAL_SALARY = 10_000_000

export const StartCaseSchema = z.object({
  candidateId: requiredText(40),
  route: z
    .string()
    .refine((value) => parseRoute(value) !== undefined, { error: message('validation.choose') }),
  position: requiredText(200),
  annualSalary: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || (/^\d{1,8}$/.test(value) && Number(value) <= MAX_ANNUAL_SALARY), {
      error: message('cases:validation.salary'),
    })
    .transform((value) => (value ? Number(value) : undefined)),
  plannedStartOn: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(dateField.optional()),
})
export type StartCaseInput = z.output<typeof StartCaseSchema>

/** Every case form names the version of the case it was rendered from (optimistic locking). */
const version = z.coerce.number().int().positive()
const step = z.enum(stepIds)
const outcomeIds = [
  'EQUIVALENT',
  'PARTIALLY_EQUIVALENT',
  'NOT_EQUIVALENT',
  'GRANTED',
  'REFUSED',
  'DEEMED_GRANTED',
  'COMPARABLE',
  'NOT_COMPARABLE',
] as const satisfies readonly OutcomeId[]
const reason = requiredText(1000)
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item))

export const CaseActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('assignToMe'), version }),
  z.object({ intent: z.literal('startStep'), version, step }),
  z.object({ intent: z.literal('skipStep'), version, step }),
  z.object({ intent: z.literal('completeStep'), version, step, outcome: z.enum(outcomeIds).optional() }),
  z.object({
    intent: z.literal('recordAgreement'),
    version,
    contents: list(z.enum(agreementContents)),
    feePaid: z.literal('on').optional(),
  }),
  z.object({ intent: z.literal('recordFeePaid'), version }),
  z.object({
    intent: z.literal('acceptDocuments'),
    version,
    documents: list(z.enum(documentKeys)).refine((keys) => keys.length > 0, {
      error: message('cases:validation.documents'),
    }),
  }),
  z.object({ intent: z.literal('recordDocumentsComplete'), version }),
  z.object({
    intent: z.literal('recordRecognition'),
    version,
    outcome: z.enum(['EQUIVALENT', 'PARTIALLY_EQUIVALENT', 'NOT_EQUIVALENT']),
    noticeDate: dateField,
    body: requiredText(200),
  }),
  z.object({ intent: z.literal('recordBaApproval'), version, decision: z.enum(['GRANTED', 'REFUSED']) }),
  z.object({ intent: z.literal('recordBaInformationRequest'), version, requestedOn: dateField }),
  z.object({ intent: z.literal('deemBaApprovalGranted'), version }),
  z.object({ intent: z.literal('issuePreApproval'), version }),
  z.object({ intent: z.literal('recordAppointment'), version, appointmentOn: dateField }),
  z.object({ intent: z.literal('recordVisaDecision'), version, decision: z.enum(['GRANTED', 'REFUSED']) }),
  z.object({ intent: z.literal('recordEntry'), version, enteredOn: dateField }),
  z.object({ intent: z.literal('requestInformation'), version, reason }),
  z.object({ intent: z.literal('resumeFromOrg'), version }),
  z.object({ intent: z.literal('hold'), version, reason: optionalText(1000) }),
  z.object({ intent: z.literal('resume'), version }),
  z.object({ intent: z.literal('withdraw'), version }),
  z.object({ intent: z.literal('reject'), version, reason }),
  z.object({ intent: z.literal('close'), version }),
])
export type CaseActionInput = z.output<typeof CaseActionSchema>

/** The engine action a parsed form stands for; taking a case over is not an engine action. */
export function toEngineAction(input: Exclude<CaseActionInput, { intent: 'assignToMe' }>): Action {
  switch (input.intent) {
    case 'startStep':
    case 'skipStep':
      return { type: input.intent, step: input.step }
    case 'completeStep':
      return {
        type: 'completeStep',
        step: input.step,
        ...(input.outcome && { outcome: input.outcome }),
      }
    case 'recordAgreement':
      return {
        type: 'recordAgreement',
        contents: Object.fromEntries(
          agreementContents.map((key) => [key, input.contents.includes(key)]),
        ) as AgreementChecklist,
        feePaid: input.feePaid === 'on',
      }
    case 'acceptDocuments':
      return { type: 'acceptDocuments', documents: input.documents }
    case 'recordRecognition':
      return {
        type: 'recordRecognition',
        outcome: input.outcome,
        noticeDate: input.noticeDate,
        body: input.body,
      }
    case 'recordBaApproval':
    case 'recordVisaDecision':
      return { type: input.intent, decision: input.decision }
    case 'recordBaInformationRequest':
      return { type: 'recordBaInformationRequest', requestedOn: input.requestedOn }
    case 'recordAppointment':
      return { type: 'recordAppointment', appointmentOn: input.appointmentOn }
    case 'recordEntry':
      return { type: 'recordEntry', enteredOn: input.enteredOn }
    case 'requestInformation':
    case 'reject':
      return { type: input.intent, reason: input.reason }
    case 'hold':
      return { type: 'hold', ...(input.reason && { reason: input.reason }) }
    default:
      return { type: input.intent }
  }
}

export const CaseListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(''),
  status: z.enum(['open', 'finished', 'all']).catch('open'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
export type CaseListQuery = z.output<typeof CaseListQuerySchema>

/** Whose cases an officer's queue shows: every case, the officer's own, or those nobody has taken over. */
export const caseScopes = ['all', 'mine', 'unassigned'] as const
export type CaseScope = (typeof caseScopes)[number]

export const AuthorityCaseListQuerySchema = CaseListQuerySchema.extend({
  scope: z.enum(caseScopes).catch('all'),
})
