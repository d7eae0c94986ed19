/**
 * The vocabulary of the procedure engine (DESIGN.md §6): procedure definitions are data, a case's progress
 * is a `CaseState`, and every change is an `Action` checked by the pure engine in engine.ts.
 */
import type { CalendarDuration, Duration, LocalDate } from './calendar'
import type { EngineError } from './errors'

/** Residence titles the procedures lead to, as the case stores them (domain-reference.md §2). */
export const residenceTitles = [
  '§16a',
  '§16b',
  '§16d',
  '§16d(3)',
  '§18a',
  '§18b',
  '§18d',
  '§18g',
  '§19c(2)',
] as const
export type ResidenceTitle = (typeof residenceTitles)[number]

export const procedureIds = ['skilled-worker-81a', 'study-16b', 'research-18d', 'training-16a'] as const
export type ProcedureId = (typeof procedureIds)[number]

/**
 * Who must act for a step to move on. EXTERNAL is a body outside the portal: a recognition body, the ZAB
 * or the Federal Employment Agency (BA); CANDIDATE is the foreign national.
 */
export type Actor = 'ORG' | 'OFFICER' | 'EXTERNAL' | 'EMBASSY' | 'CANDIDATE'

/** Who records an action in the portal; SYSTEM is the scheduled job (DESIGN.md §6 "time rules"). */
export type Performer = 'ORG' | 'OFFICER' | 'EMBASSY' | 'SYSTEM'

/** Requirement keys of the documents a step needs (domain-reference.md §1 "What the employer submits", §3). */
export const documentKeys = [
  'powerOfAttorney',
  'passportCopy',
  'employmentContract',
  'trainingContract',
  'baEmploymentDeclaration',
  'qualificationPlan',
  'qualificationCertificates',
  'cvGerman',
  'noPriorRecognitionDeclaration',
  'deficitNotice',
  'zabStatement',
  'recognitionPartnershipAgreement',
  'languageCertificate',
  'admissionLetter',
  'blockedAccountConfirmation',
  'healthInsurance',
  'hostingAgreement',
  'costCoverageCommitment',
  'addressRegistration',
  'enrolmentCertificate',
] as const
export type DocumentKey = (typeof documentKeys)[number]

export const stepIds = [
  'advice',
  'agreement',
  'admission',
  'hostingAgreement',
  'trainingPlace',
  'documents',
  'recognition',
  'degreeComparability',
  'baApproval',
  'preApproval',
  'appointment',
  'visaDecision',
  'entry',
  'residencePermit',
] as const
export type StepId = (typeof stepIds)[number]

export type RecognitionOutcome = 'EQUIVALENT' | 'PARTIALLY_EQUIVALENT' | 'NOT_EQUIVALENT'
export type Decision = 'GRANTED' | 'REFUSED'
export type OutcomeId = RecognitionOutcome | Decision | 'DEEMED_GRANTED' | 'COMPARABLE' | 'NOT_COMPARABLE'

/**
 * The eight mandatory contents of the agreement, in the order of § 81a Abs. 2 Nr. 1–8 AufenthG.
 */
export const agreementContents = [
  'contactData', // Nr. 1: contact data of worker, employer and authority
  'powerOfAttorney', // Nr. 2: the worker's power of attorney to the employer
  'recognitionMandate', // Nr. 3: the authority may start and pursue the recognition
  'cooperationDuty', // Nr. 4: the employer makes the worker cooperate (§ 82 Abs. 1 AufenthG)
  'evidence', // Nr. 5: the evidence to be submitted
  'processAndDeadlines', // Nr. 6: the process with its participants and deadlines
  'employmentEndNotice', // Nr. 7: the employer's duty of § 4a Abs. 5 Satz 3 Nr. 3 AufenthG
  'consequencesOfBreach', // Nr. 8: what follows if the agreement is not kept
] as const
export type AgreementContent = (typeof agreementContents)[number]
export type AgreementChecklist = Readonly<Record<AgreementContent, boolean>>

/** When a deadline starts: when the step itself is started (a request sent), or when another step is done. */
export type DeadlineStart = { event: 'stepStarted' } | { event: 'stepCompleted'; step: StepId }

export type DeadlineRule = {
  duration: Duration
  startsOn: DeadlineStart
  /** statutory: set by law; service: a target another body commits to, shown as such (e.g. § 31a AufenthV). */
  kind: 'statutory' | 'service'
  legalSource: string
  /** What the law makes of silence until the deadline's end (§ 36 Abs. 2 BeschV: approval deemed granted). */
  onExpiry?: 'deemedGranted'
}

/** How long what a step produces stays valid, counted from its completion without a weekend shift. */
export type ValidityRule = { duration: CalendarDuration; legalSource: string }

/** A step may be entered only when `step` is done (with one of `outcomes`, if given) or does not apply. */
export type StepGuard = { step: StepId; outcomes?: readonly OutcomeId[] }

export type OutcomeDefinition = {
  id: OutcomeId
  /** nextStep: the following steps open; caseEnd: nothing follows, the case can only be rejected or closed. */
  leadsTo: 'nextStep' | 'caseEnd'
  switchesTitleTo?: ResidenceTitle
  legalSource?: string
}

/** The fact an officer confirms when skipping a step the law does not require for this case. */
export type SkipCondition = 'blueCardStandardSalary' | 'measureNotMainlyInCompany'

export type SkipRule = { titles: readonly ResidenceTitle[]; condition: SkipCondition; legalSource: string }

export type StepDefinition = {
  id: StepId
  actor: Actor
  legalSource: string
  /** Documents every title needs before the step is started (if it is) or completed. */
  requiredDocuments: readonly DocumentKey[]
  /** Further documents for single titles. */
  titleDocuments?: Partial<Record<ResidenceTitle, readonly DocumentKey[]>>
  /** The titles the step exists for; without it, every title of the procedure. */
  appliesTo?: readonly ResidenceTitle[]
  guards: readonly StepGuard[]
  /** Who hands the step over to its actor (sends the request, presents the pre-approval); the step then waits. */
  startedBy?: Exclude<Performer, 'SYSTEM'>
  /** Who records the step's completion in the portal. */
  recordedBy: readonly Performer[]
  deadline?: DeadlineRule
  validity?: ValidityRule
  fee?: { euros: number; legalSource: string }
  outcomes?: readonly OutcomeDefinition[]
  /** May be skipped for any title (e.g. the discretionary § 31 Abs. 3 AufenthV pre-approval for students). */
  optional: boolean
  /** May be skipped for these titles when the officer confirms the condition. */
  skippableWhen?: readonly SkipRule[]
}

export type ProcedureDefinition = {
  id: ProcedureId
  /** Raised when the steps change; a case keeps the version it was started with. */
  version: number
  legalSource: string
  titles: readonly ResidenceTitle[]
  steps: readonly StepDefinition[]
}

/**
 * LOCKED: its guards do not hold yet; OPEN: ready to be started or completed; WAITING: handed over, waiting
 * for its actor; DONE: completed; SKIPPED: does not apply to the title, or skipped where the law allows.
 */
export type StepStatus = 'LOCKED' | 'OPEN' | 'WAITING' | 'DONE' | 'SKIPPED'

export type StepDetails = Readonly<Record<string, string>>

export type StepState = {
  status: StepStatus
  openedOn?: LocalDate
  startedOn?: LocalDate
  dueOn?: LocalDate
  completedOn?: LocalDate
  outcome?: OutcomeId
  details?: StepDetails
}

export type CaseStatus = 'ACTIVE' | 'ON_HOLD' | 'WAITING_FOR_ORG' | 'WITHDRAWN' | 'REJECTED' | 'CLOSED'

export type CaseFacts = {
  agreementChecklist?: AgreementChecklist
  isFeePaid: boolean
  acceptedDocuments: readonly DocumentKey[]
  hasBaRequestedInformation: boolean
  preApprovalValidUntil?: LocalDate
}

export type CaseState = {
  procedureId: ProcedureId
  procedureVersion: number
  title: ResidenceTitle
  status: CaseStatus
  /** Why the case waits for the organization, is on hold or was rejected. */
  statusReason?: string
  steps: Readonly<Partial<Record<StepId, StepState>>>
  facts: CaseFacts
  openedOn: LocalDate
  /** The day of the last change; no action may be dated before it. */
  updatedOn: LocalDate
}

export type Action =
  | { type: 'completeStep'; step: StepId; outcome?: OutcomeId; payload?: StepDetails }
  | { type: 'startStep'; step: StepId }
  | { type: 'skipStep'; step: StepId }
  | { type: 'recordAgreement'; contents: AgreementChecklist; feePaid: boolean }
  | { type: 'recordFeePaid' }
  | { type: 'acceptDocuments'; documents: readonly DocumentKey[] }
  | { type: 'recordDocumentsComplete' }
  | { type: 'recordRecognition'; outcome: RecognitionOutcome; noticeDate: LocalDate; body: string }
  | { type: 'recordBaApproval'; decision: Decision }
  | { type: 'recordBaInformationRequest'; requestedOn: LocalDate }
  | { type: 'deemBaApprovalGranted' }
  | { type: 'issuePreApproval' }
  | { type: 'recordAppointment'; appointmentOn: LocalDate }
  | { type: 'recordVisaDecision'; decision: Decision }
  | { type: 'recordEntry'; enteredOn: LocalDate }
  | { type: 'requestInformation'; reason: string }
  | { type: 'resumeFromOrg' }
  | { type: 'hold'; reason?: string }
  | { type: 'resume' }
  | { type: 'withdraw' }
  | { type: 'reject'; reason: string }
  | { type: 'close' }

export type ActionType = Action['type']

/** Actions on the case as a whole; every other action works on one step. */
export const caseActionTypes = [
  'acceptDocuments',
  'recordFeePaid',
  'requestInformation',
  'resumeFromOrg',
  'hold',
  'resume',
  'withdraw',
  'reject',
  'close',
] as const satisfies readonly ActionType[]
export type CaseActionType = (typeof caseActionTypes)[number]
export type CaseAction = Extract<Action, { type: CaseActionType }>
export type StepAction = Exclude<Action, CaseAction>
export type StepActionType = StepAction['type']

export type EngineEvent =
  | { type: 'stepOpened'; step: StepId; on: LocalDate; dueOn?: LocalDate }
  | { type: 'stepStarted'; step: StepId; on: LocalDate; dueOn?: LocalDate }
  | { type: 'stepCompleted'; step: StepId; on: LocalDate; outcome?: OutcomeId; details?: StepDetails }
  | {
      type: 'stepSkipped'
      step: StepId
      on: LocalDate
      because: 'notApplicable' | SkipCondition | 'optional'
    }
  | { type: 'stepReinstated'; step: StepId; on: LocalDate }
  | { type: 'titleChanged'; on: LocalDate; from: ResidenceTitle; to: ResidenceTitle }
  | { type: 'agreementRecorded'; on: LocalDate; isFeePaid: boolean }
  | { type: 'feePaid'; on: LocalDate }
  | { type: 'documentsAccepted'; on: LocalDate; documents: readonly DocumentKey[] }
  | { type: 'baInformationRequested'; on: LocalDate; requestedOn: LocalDate }
  | { type: 'preApprovalIssued'; on: LocalDate; validUntil?: LocalDate }
  | { type: 'caseStatusChanged'; on: LocalDate; from: CaseStatus; to: CaseStatus; reason?: string }

export type EngineResult =
  { ok: true; state: CaseState; events: EngineEvent[] } | { ok: false; error: EngineError }

/** An action the case allows now, and who may record it; payload choices are listed where the UI needs them. */
export type AllowedAction = {
  type: ActionType
  step?: StepId
  performers: readonly Performer[]
  outcomes?: readonly OutcomeId[]
  documents?: readonly DocumentKey[]
  /** Time-bound actions (the deemed BA approval) are accepted from this day on. */
  notBefore?: LocalDate
}
