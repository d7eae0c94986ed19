import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { supportedLanguages } from '~/utils/i18n'
import { completionActions } from '~/workflow/definition'
import { engineErrors } from '~/workflow/errors'
import { procedures } from '~/workflow/procedures'
import {
  agreementContents,
  documentKeys,
  procedureIds,
  residenceTitles,
  stepIds,
  type ActionType,
  type Actor,
  type CaseStatus,
  type EngineEvent,
  type OutcomeId,
  type Performer,
  type SkipCondition,
  type StepStatus,
} from '~/workflow/types'

/**
 * The unions below have no runtime list; `satisfies Record<Union, true>` makes the type check fail when a
 * member is added to the union and not here.
 */
function keysOf<T extends string>(record: Record<T, true>): T[] {
  return Object.keys(record) as T[]
}

const actionTypes = keysOf({
  completeStep: true,
  startStep: true,
  skipStep: true,
  recordAgreement: true,
  recordFeePaid: true,
  acceptDocuments: true,
  recordDocumentsComplete: true,
  recordRecognition: true,
  recordBaApproval: true,
  recordBaInformationRequest: true,
  deemBaApprovalGranted: true,
  issuePreApproval: true,
  recordAppointment: true,
  recordVisaDecision: true,
  recordEntry: true,
  requestInformation: true,
  resumeFromOrg: true,
  hold: true,
  resume: true,
  withdraw: true,
  reject: true,
  close: true,
} satisfies Record<ActionType, true>)

const actors = keysOf({
  ORG: true,
  OFFICER: true,
  EXTERNAL: true,
  EMBASSY: true,
  CANDIDATE: true,
} satisfies Record<Actor, true>)
const performers = keysOf({ ORG: true, OFFICER: true, EMBASSY: true, SYSTEM: true } satisfies Record<
  Performer,
  true
>)
const stepStatuses = keysOf({
  LOCKED: true,
  OPEN: true,
  WAITING: true,
  DONE: true,
  SKIPPED: true,
} satisfies Record<StepStatus, true>)
const caseStatuses = keysOf({
  ACTIVE: true,
  ON_HOLD: true,
  WAITING_FOR_ORG: true,
  WITHDRAWN: true,
  REJECTED: true,
  CLOSED: true,
} satisfies Record<CaseStatus, true>)
const outcomeIds = keysOf({
  EQUIVALENT: true,
  PARTIALLY_EQUIVALENT: true,
  NOT_EQUIVALENT: true,
  GRANTED: true,
  REFUSED: true,
  DEEMED_GRANTED: true,
  COMPARABLE: true,
  NOT_COMPARABLE: true,
} satisfies Record<OutcomeId, true>)
const skipReasons = keysOf({
  notApplicable: true,
  optional: true,
  blueCardStandardSalary: true,
  measureNotMainlyInCompany: true,
} satisfies Record<Extract<EngineEvent, { type: 'stepSkipped' }>['because'], true>)
const skipConditions = keysOf({
  blueCardStandardSalary: true,
  measureNotMainlyInCompany: true,
} satisfies Record<SkipCondition, true>)

/** History lines: every engine event, plus the case's own events and the variants the UI picks between. */
const eventKeys = [
  ...keysOf({
    stepOpened: true,
    stepStarted: true,
    stepCompleted: true,
    stepSkipped: true,
    stepReinstated: true,
    titleChanged: true,
    agreementRecorded: true,
    feePaid: true,
    documentsAccepted: true,
    baInformationRequested: true,
    preApprovalIssued: true,
    caseStatusChanged: true,
  } satisfies Record<EngineEvent['type'], true>),
  'caseStarted',
  'caseAssigned',
  'caseUnassigned',
  'stepCompletedWithOutcome',
  'agreementRecordedFeeOpen',
  'caseStatusChangedWithReason',
  'dueDate',
]

const definitions = Object.values(procedures)
const allSteps = definitions.flatMap((definition) => definition.steps)
const outcomesInDefinitions = [
  ...new Set(allSteps.flatMap((step) => (step.outcomes ?? []).map((outcome) => outcome.id))),
]
const handedOverSteps = [...new Set(allSteps.filter((step) => step.startedBy).map((step) => step.id))]
const genericallyCompletedSteps = stepIds.filter((step) => completionActions(step).includes('completeStep'))

/** Every key the UI and the engine look up in the `workflow` namespace. */
const requiredKeys: string[] = [
  ...procedureIds.map((id) => `procedures.${id}`),
  ...residenceTitles.map((title) => `titles.${title}`),
  ...stepIds.flatMap((step) => [
    `steps.${step}.name`,
    `steps.${step}.summary`,
    `guidance.${step}.open.org`,
    `guidance.${step}.open.officer`,
    `guidance.${step}.waiting.org`,
    `guidance.${step}.waiting.officer`,
  ]),
  'guidance.dueBy',
  ...actors.flatMap((actor) => [`waitingFor.${actor}`, `actors.${actor}`]),
  ...performers.map((performer) => `performers.${performer}`),
  ...stepStatuses.map((status) => `stepStatus.${status}`),
  ...caseStatuses.map((status) => `caseStatus.${status}`),
  ...outcomeIds.map((outcome) => `outcomes.${outcome}`),
  ...documentKeys.flatMap((key) => [`documents.${key}.name`, `documents.${key}.hint`]),
  ...agreementContents.map((item) => `agreementContents.${item}`),
  ...skipReasons.map((reason) => `skipReasons.${reason}`),
  'deadlineKinds.statutory',
  'deadlineKinds.service',
  ...actionTypes.map((type) => `actions.${type}`),
  ...handedOverSteps.map((step) => `startStep.${step}`),
  ...genericallyCompletedSteps.map((step) => `completeStep.${step}`),
  ...eventKeys.map((type) => `events.${type}`),
  ...engineErrors.map((code) => code.replace(/^workflow:/, '')),
  'errors.conflict',
  'errors.notAllowed',
]

function load(language: string): unknown {
  return JSON.parse(readFileSync(join('locales', language, 'workflow.json'), 'utf8')) as unknown
}

/** The text at a dotted key path; segments are split on dots only, so keys such as `§16d(3)` stay whole. */
function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, segment) => {
    if (typeof node !== 'object' || node === null) return undefined
    return (node as Record<string, unknown>)[segment]
  }, tree)
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort()
}

describe('workflow locales', () => {
  it('cover every outcome and skip condition the procedure definitions use', () => {
    expect(outcomeIds).toEqual(expect.arrayContaining(outcomesInDefinitions))
    expect(skipReasons).toEqual(expect.arrayContaining(skipConditions))
    expect(handedOverSteps.length).toBeGreaterThan(0)
    expect(genericallyCompletedSteps.length).toBeGreaterThan(0)
  })

  for (const language of supportedLanguages) {
    it(`have a non-empty text for every engine key: ${language}`, () => {
      const texts = load(language)
      const missing = requiredKeys.filter((key) => {
        const text = lookup(texts, key)
        return typeof text !== 'string' || text.trim() === ''
      })
      expect(missing).toEqual([])
    })

    it(`use the same placeholders as German: ${language}`, () => {
      const reference = load('de')
      const texts = load(language)
      const mismatched = requiredKeys.filter((key) => {
        const german = lookup(reference, key)
        const text = lookup(texts, key)
        return (
          typeof german === 'string' &&
          typeof text === 'string' &&
          placeholders(german).join() !== placeholders(text).join()
        )
      })
      expect(mismatched).toEqual([])
    })

    it(`leave the due date out of the guidance texts: ${language}`, () => {
      const texts = load(language)
      const withDueDate = stepIds
        .flatMap((step) =>
          ['open.org', 'open.officer', 'waiting.org', 'waiting.officer'].map((k) => `${step}.${k}`),
        )
        .filter((key) => String(lookup(texts, `guidance.${key}`)).includes('{{dueDate}}'))
      expect(withDueDate).toEqual([])
    })
  }
})
