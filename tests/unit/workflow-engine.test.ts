import { describe, expect, it } from 'vitest'

import type { LocalDate } from '~/workflow/calendar'
import { applyAction, currentStep, isAtRisk, isOverdue, nextActions, startCase } from '~/workflow/engine'
import { research18d, skilledWorker81a as skilled, study16b, training16a } from '~/workflow/procedures'
import {
  agreementContents,
  type Action,
  type AgreementChecklist,
  type CaseState,
  type DocumentKey,
  type ProcedureDefinition,
  type ResidenceTitle,
} from '~/workflow/types'

const land = 'NW'
const allContents = Object.fromEntries(agreementContents.map((item) => [item, true])) as AgreementChecklist

/** Freezes the state deeply, so any mutation by the engine throws. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(frozen)
    Object.freeze(value)
  }
  return value
}

function perform(definition: ProcedureDefinition, state: CaseState, action: Action, today: LocalDate) {
  const result = applyAction(definition, frozen(state), action, { today, land })
  if (!result.ok) throw new Error(`${action.type} on ${today} refused: ${result.error}`)
  return result
}

function act(definition: ProcedureDefinition, state: CaseState, action: Action, today: LocalDate) {
  return perform(definition, state, action, today).state
}

function refusal(definition: ProcedureDefinition, state: CaseState, action: Action, today: LocalDate) {
  const result = applyAction(definition, frozen(state), action, { today, land })
  return result.ok ? 'accepted' : result.error
}

function statuses(state: CaseState) {
  return Object.fromEntries(Object.entries(state.steps).map(([id, step]) => [id, step?.status]))
}

const basicDocuments: DocumentKey[] = [
  'passportCopy',
  'qualificationCertificates',
  'cvGerman',
  'employmentContract',
  'noPriorRecognitionDeclaration',
]

/** A § 18b case up to the point where the recognition has been handed to the recognition body. */
function caseAtRecognition(title: ResidenceTitle = '§18b') {
  let state = startCase(skilled, { title, land, today: '2026-01-05' })
  state = act(skilled, state, { type: 'completeStep', step: 'advice' }, '2026-01-07')
  state = act(skilled, state, { type: 'acceptDocuments', documents: ['powerOfAttorney'] }, '2026-01-09')
  state = act(
    skilled,
    state,
    { type: 'recordAgreement', contents: allContents, feePaid: false },
    '2026-01-12',
  )
  state = act(skilled, state, { type: 'acceptDocuments', documents: basicDocuments }, '2026-01-15')
  state = act(skilled, state, { type: 'recordDocumentsComplete' }, '2026-01-15')
  return act(skilled, state, { type: 'startStep', step: 'recognition' }, '2026-01-16')
}

function recordRecognition(
  state: CaseState,
  outcome: 'EQUIVALENT' | 'PARTIALLY_EQUIVALENT' | 'NOT_EQUIVALENT',
) {
  const action: Action = { type: 'recordRecognition', outcome, noticeDate: '2026-03-10', body: 'IHK FOSA' }
  return act(skilled, state, action, '2026-03-12')
}

/** A § 18b case whose BA approval was requested on Friday 27 March 2026, before Easter. */
function caseWithBaRequest() {
  let state = recordRecognition(caseAtRecognition(), 'EQUIVALENT')
  state = act(
    skilled,
    state,
    { type: 'acceptDocuments', documents: ['baEmploymentDeclaration'] },
    '2026-03-20',
  )
  return act(skilled, state, { type: 'startStep', step: 'baApproval' }, '2026-03-27')
}

describe('a § 18b case from advice to residence permit', () => {
  it('runs the whole accelerated procedure with the right dates (land NW)', () => {
    let state = startCase(skilled, { title: '§18b', land, today: '2026-01-05' })
    expect(state.steps.advice).toEqual({ status: 'OPEN', openedOn: '2026-01-05' })
    expect(state.steps.degreeComparability?.status).toBe('SKIPPED')
    expect(currentStep(skilled, state)?.actor).toBe('OFFICER')

    state = act(skilled, state, { type: 'completeStep', step: 'advice' }, '2026-01-07')
    state = act(skilled, state, { type: 'acceptDocuments', documents: ['powerOfAttorney'] }, '2026-01-09')
    const agreement = perform(
      skilled,
      state,
      { type: 'recordAgreement', contents: allContents, feePaid: false },
      '2026-01-12',
    )
    state = agreement.state
    expect(state.facts.isFeePaid).toBe(false)
    expect(agreement.events.map((event) => event.type)).toEqual([
      'agreementRecorded',
      'stepCompleted',
      'stepOpened',
    ])
    state = act(skilled, state, { type: 'recordFeePaid' }, '2026-01-14')
    expect(state.facts.isFeePaid).toBe(true)

    state = act(skilled, state, { type: 'acceptDocuments', documents: basicDocuments }, '2026-01-15')
    state = act(skilled, state, { type: 'recordDocumentsComplete' }, '2026-01-15')
    // § 14a BQFG: two months from complete documents; 15 March 2026 is a Sunday, so Monday 16 March.
    expect(state.steps.recognition).toEqual({ status: 'OPEN', openedOn: '2026-01-15', dueOn: '2026-03-16' })
    expect(currentStep(skilled, state)?.actor).toBe('OFFICER')

    state = act(skilled, state, { type: 'startStep', step: 'recognition' }, '2026-01-16')
    expect(state.steps.recognition?.status).toBe('WAITING')
    expect(state.steps.recognition?.dueOn).toBe('2026-03-16')
    expect(currentStep(skilled, state)?.actor).toBe('EXTERNAL')

    state = recordRecognition(state, 'EQUIVALENT')
    expect(state.steps.recognition).toMatchObject({
      status: 'DONE',
      outcome: 'EQUIVALENT',
      details: { noticeDate: '2026-03-10', body: 'IHK FOSA' },
    })
    expect(state.steps.baApproval).toEqual({ status: 'OPEN', openedOn: '2026-03-12' })

    state = act(
      skilled,
      state,
      { type: 'acceptDocuments', documents: ['baEmploymentDeclaration'] },
      '2026-03-20',
    )
    state = act(skilled, state, { type: 'startStep', step: 'baApproval' }, '2026-03-27')
    // § 36 Abs. 2 BeschV, domain-reference.md §8: Good Friday and Easter Monday push the end to Tuesday 7 April.
    expect(state.steps.baApproval).toMatchObject({
      status: 'WAITING',
      startedOn: '2026-03-27',
      dueOn: '2026-04-07',
    })
    expect(refusal(skilled, state, { type: 'deemBaApprovalGranted' }, '2026-04-07')).toBe(
      'workflow:errors.deadlineNotPassed',
    )
    state = act(skilled, state, { type: 'deemBaApprovalGranted' }, '2026-04-08')
    expect(state.steps.baApproval).toMatchObject({
      status: 'DONE',
      outcome: 'DEEMED_GRANTED',
      completedOn: '2026-04-08',
    })

    const preApproval = perform(skilled, state, { type: 'issuePreApproval' }, '2026-04-09')
    state = preApproval.state
    expect(state.facts.preApprovalValidUntil).toBe('2026-07-09')
    expect(preApproval.events).toContainEqual({
      type: 'preApprovalIssued',
      on: '2026-04-09',
      validUntil: '2026-07-09',
    })
    expect(currentStep(skilled, state)?.actor).toBe('EMBASSY')

    // § 31a Abs. 1 AufenthV: an appointment within three weeks of the pre-approval being presented.
    state = act(skilled, state, { type: 'startStep', step: 'appointment' }, '2026-04-20')
    expect(state.steps.appointment?.dueOn).toBe('2026-05-11')
    state = act(skilled, state, { type: 'recordAppointment', appointmentOn: '2026-05-06' }, '2026-04-22')
    expect(state.steps.appointment?.details).toEqual({ appointmentOn: '2026-05-06' })

    // § 31a Abs. 2 AufenthV: a decision within three weeks of the complete application.
    state = act(skilled, state, { type: 'startStep', step: 'visaDecision' }, '2026-05-06')
    expect(state.steps.visaDecision?.dueOn).toBe('2026-05-27')
    state = act(skilled, state, { type: 'recordVisaDecision', decision: 'GRANTED' }, '2026-05-20')
    expect(currentStep(skilled, state)?.actor).toBe('CANDIDATE')

    state = act(skilled, state, { type: 'recordEntry', enteredOn: '2026-06-01' }, '2026-06-02')
    expect(refusal(skilled, state, { type: 'close' }, '2026-06-02')).toBe('workflow:errors.cannotCloseYet')
    state = act(skilled, state, { type: 'acceptDocuments', documents: ['addressRegistration'] }, '2026-06-10')
    state = act(skilled, state, { type: 'completeStep', step: 'residencePermit' }, '2026-06-15')
    expect(currentStep(skilled, state)).toBeUndefined()
    expect(Object.values(statuses(state)).every((status) => status === 'DONE' || status === 'SKIPPED')).toBe(
      true,
    )

    state = act(skilled, state, { type: 'close' }, '2026-06-15')
    expect(state.status).toBe('CLOSED')
    expect(state.updatedOn).toBe('2026-06-15')
  })

  it('offers the deemed approval to the scheduled job from Wednesday 8 April 2026', () => {
    const offered = nextActions(skilled, caseWithBaRequest())
    expect(offered).toContainEqual({
      type: 'deemBaApprovalGranted',
      step: 'baApproval',
      performers: ['SYSTEM', 'OFFICER'],
      outcomes: ['DEEMED_GRANTED'],
      notBefore: '2026-04-08',
    })
    expect(offered.map((action) => action.type)).toEqual(
      expect.arrayContaining(['recordBaApproval', 'recordBaInformationRequest', 'hold', 'reject']),
    )
  })
})

describe('the BA approval (§ 36 Abs. 2 BeschV)', () => {
  it('is not deemed granted once the BA asked for information within the week', () => {
    let state = caseWithBaRequest()
    state = act(
      skilled,
      state,
      { type: 'recordBaInformationRequest', requestedOn: '2026-04-02' },
      '2026-04-02',
    )
    expect(state.facts.hasBaRequestedInformation).toBe(true)
    expect(refusal(skilled, state, { type: 'deemBaApprovalGranted' }, '2026-04-20')).toBe(
      'workflow:errors.baInformationRequested',
    )
    expect(nextActions(skilled, state).map((action) => action.type)).not.toContain('deemBaApprovalGranted')
    state = act(skilled, state, { type: 'recordBaApproval', decision: 'GRANTED' }, '2026-04-21')
    expect(state.steps.baApproval?.outcome).toBe('GRANTED')
    expect(state.steps.preApproval?.status).toBe('OPEN')
  })

  it('ignores a request for information made after the week: the approval was deemed granted by then', () => {
    const state = caseWithBaRequest()
    const late: Action = { type: 'recordBaInformationRequest', requestedOn: '2026-04-08' }
    expect(refusal(skilled, state, late, '2026-04-09')).toBe('workflow:errors.deadlinePassed')
  })

  it('ends the way on when the BA refuses', () => {
    let state = caseWithBaRequest()
    state = act(skilled, state, { type: 'recordBaApproval', decision: 'REFUSED' }, '2026-04-01')
    expect(state.steps.preApproval?.status).toBe('LOCKED')
    expect(refusal(skilled, state, { type: 'issuePreApproval' }, '2026-04-02')).toBe(
      'workflow:errors.guardFailed',
    )
    expect(act(skilled, state, { type: 'close' }, '2026-04-02').status).toBe('CLOSED')
  })

  it('may be skipped for a Blue Card at the standard salary, but not for § 18b', () => {
    expect(
      refusal(skilled, caseWithBaRequest(), { type: 'skipStep', step: 'baApproval' }, '2026-03-28'),
    ).toBe('workflow:errors.stepNotSkippable')
    let state = startCase(skilled, { title: '§18g', land, today: '2026-01-05' })
    expect(statuses(state)).toMatchObject({ recognition: 'SKIPPED', degreeComparability: 'LOCKED' })
    state = act(skilled, state, { type: 'completeStep', step: 'advice' }, '2026-01-05')
    state = act(skilled, state, { type: 'acceptDocuments', documents: ['powerOfAttorney'] }, '2026-01-05')
    state = act(
      skilled,
      state,
      { type: 'recordAgreement', contents: allContents, feePaid: true },
      '2026-01-05',
    )
    const documents: DocumentKey[] = [
      'passportCopy',
      'qualificationCertificates',
      'cvGerman',
      'employmentContract',
    ]
    state = act(skilled, state, { type: 'acceptDocuments', documents }, '2026-01-06')
    state = act(skilled, state, { type: 'recordDocumentsComplete' }, '2026-01-06')
    state = act(skilled, state, { type: 'startStep', step: 'degreeComparability' }, '2026-01-07')
    expect(refusal(skilled, state, { type: 'completeStep', step: 'degreeComparability' }, '2026-02-02')).toBe(
      'workflow:errors.outcomeInvalid',
    )
    state = act(
      skilled,
      state,
      { type: 'completeStep', step: 'degreeComparability', outcome: 'COMPARABLE' },
      '2026-02-02',
    )
    expect(nextActions(skilled, state)).toContainEqual({
      type: 'skipStep',
      step: 'baApproval',
      performers: ['OFFICER'],
    })
    const skipped = perform(skilled, state, { type: 'skipStep', step: 'baApproval' }, '2026-02-03')
    expect(skipped.events).toContainEqual({
      type: 'stepSkipped',
      step: 'baApproval',
      on: '2026-02-03',
      because: 'blueCardStandardSalary',
    })
    expect(skipped.state.steps.preApproval?.status).toBe('OPEN')
  })
})

describe('the recognition outcome', () => {
  it('switches a partially equivalent § 18b case to the § 16d route (§ 81a Abs. 3 Satz 2 AufenthG)', () => {
    const result = perform(
      skilled,
      caseAtRecognition(),
      {
        type: 'recordRecognition',
        outcome: 'PARTIALLY_EQUIVALENT',
        noticeDate: '2026-03-10',
        body: 'Bezirksregierung',
      },
      '2026-03-12',
    )
    let state = result.state
    expect(state.title).toBe('§16d')
    expect(result.events).toContainEqual({ type: 'titleChanged', on: '2026-03-12', from: '§18b', to: '§16d' })
    expect(state.steps.baApproval?.status).toBe('OPEN')
    // § 16d: the BA approves on the qualification plan, and only a mainly in-company measure.
    state = act(
      skilled,
      state,
      { type: 'acceptDocuments', documents: ['baEmploymentDeclaration'] },
      '2026-03-13',
    )
    expect(refusal(skilled, state, { type: 'startStep', step: 'baApproval' }, '2026-03-13')).toBe(
      'workflow:errors.documentsMissing',
    )
    expect(nextActions(skilled, state)).toContainEqual({
      type: 'acceptDocuments',
      performers: ['OFFICER'],
      documents: ['qualificationPlan', 'addressRegistration'],
    })
    state = act(skilled, state, { type: 'acceptDocuments', documents: ['qualificationPlan'] }, '2026-03-13')
    state = act(skilled, state, { type: 'startStep', step: 'baApproval' }, '2026-03-13')
    state = act(skilled, state, { type: 'recordBaApproval', decision: 'GRANTED' }, '2026-03-18')
    state = act(skilled, state, { type: 'issuePreApproval' }, '2026-03-19')
    expect(state.steps.preApproval?.status).toBe('DONE')
    expect(state.title).toBe('§16d')
  })

  it('leaves a case that is not equivalent to be rejected or closed', () => {
    const state = recordRecognition(caseAtRecognition(), 'NOT_EQUIVALENT')
    expect(state.steps.baApproval?.status).toBe('LOCKED')
    expect(refusal(skilled, state, { type: 'startStep', step: 'baApproval' }, '2026-03-13')).toBe(
      'workflow:errors.guardFailed',
    )
    const offered = nextActions(skilled, state).map((action) => action.type)
    expect(offered).toEqual(expect.arrayContaining(['reject', 'close', 'withdraw']))
    expect(offered).not.toContain('startStep')
    const rejected = act(skilled, state, { type: 'reject', reason: ' not equivalent ' }, '2026-03-13')
    expect(rejected).toMatchObject({ status: 'REJECTED', statusReason: 'not equivalent' })
  })
})

describe('illegal actions', () => {
  const fresh = () => startCase(skilled, { title: '§18b', land, today: '2026-01-05' })

  it.each<[string, () => CaseState, Action, string]>([
    [
      'documents before the agreement',
      fresh,
      { type: 'recordDocumentsComplete' },
      'workflow:errors.guardFailed',
    ],
    ['a pre-approval at the start', fresh, { type: 'issuePreApproval' }, 'workflow:errors.guardFailed'],
    [
      'a deemed approval without a request',
      fresh,
      { type: 'deemBaApprovalGranted' },
      'workflow:errors.guardFailed',
    ],
    [
      'a recognition by the generic action',
      caseAtRecognition,
      { type: 'completeStep', step: 'recognition', outcome: 'EQUIVALENT' },
      'workflow:errors.wrongAction',
    ],
    [
      'an outcome on a step without outcomes',
      fresh,
      { type: 'completeStep', step: 'advice', outcome: 'GRANTED' },
      'workflow:errors.outcomeInvalid',
    ],
    [
      'a skip of a step the law requires',
      fresh,
      { type: 'skipStep', step: 'advice' },
      'workflow:errors.stepNotSkippable',
    ],
    [
      'a start of a step nobody hands over',
      fresh,
      { type: 'startStep', step: 'advice' },
      'workflow:errors.stepNotStartable',
    ],
    [
      'a second start',
      caseAtRecognition,
      { type: 'startStep', step: 'recognition' },
      'workflow:errors.stepAlreadyStarted',
    ],
    [
      'a second advice',
      caseAtRecognition,
      { type: 'completeStep', step: 'advice' },
      'workflow:errors.stepAlreadyDone',
    ],
    [
      'a ZAB result on a § 18b case',
      caseAtRecognition,
      { type: 'completeStep', step: 'degreeComparability', outcome: 'COMPARABLE' },
      'workflow:errors.stepSkipped',
    ],
    ['a fee paid before any agreement', fresh, { type: 'recordFeePaid' }, 'workflow:errors.guardFailed'],
    [
      'a document no step needs',
      fresh,
      { type: 'acceptDocuments', documents: ['hostingAgreement'] },
      'workflow:errors.documentNotRequired',
    ],
    [
      'no documents at all',
      fresh,
      { type: 'acceptDocuments', documents: [] },
      'workflow:errors.documentNotRequired',
    ],
    ['closing a running case', fresh, { type: 'close' }, 'workflow:errors.cannotCloseYet'],
    ['a rejection without reason', fresh, { type: 'reject', reason: '  ' }, 'workflow:errors.reasonRequired'],
    [
      'a request for information without reason',
      fresh,
      { type: 'requestInformation', reason: '' },
      'workflow:errors.reasonRequired',
    ],
    ['resuming an active case', fresh, { type: 'resume' }, 'workflow:errors.caseNotOnHold'],
    ['an answer nobody waited for', fresh, { type: 'resumeFromOrg' }, 'workflow:errors.caseNotWaitingForOrg'],
  ])('refuses %s', (_name, makeState, action, error) => {
    expect(refusal(skilled, makeState(), action, '2026-03-01')).toBe(error)
  })

  it('refuses an agreement that lacks one of the eight contents of § 81a Abs. 2 AufenthG', () => {
    let state = act(
      skilled,
      startCase(skilled, { title: '§18b', land, today: '2026-01-05' }),
      { type: 'completeStep', step: 'advice' },
      '2026-01-05',
    )
    const incomplete = { ...allContents, consequencesOfBreach: false }
    expect(
      refusal(skilled, state, { type: 'recordAgreement', contents: incomplete, feePaid: true }, '2026-01-06'),
    ).toBe('workflow:errors.documentsMissing')
    state = act(skilled, state, { type: 'acceptDocuments', documents: ['powerOfAttorney'] }, '2026-01-06')
    expect(
      refusal(skilled, state, { type: 'recordAgreement', contents: incomplete, feePaid: true }, '2026-01-06'),
    ).toBe('workflow:errors.agreementIncomplete')
  })

  it('refuses documents marked complete before they are accepted', () => {
    let state = startCase(skilled, { title: '§19c(2)', land, today: '2026-01-05' })
    state = act(skilled, state, { type: 'completeStep', step: 'advice' }, '2026-01-05')
    state = act(skilled, state, { type: 'acceptDocuments', documents: ['powerOfAttorney'] }, '2026-01-05')
    state = act(
      skilled,
      state,
      { type: 'recordAgreement', contents: allContents, feePaid: true },
      '2026-01-05',
    )
    state = act(
      skilled,
      state,
      { type: 'acceptDocuments', documents: basicDocuments.slice(0, 4) },
      '2026-01-06',
    )
    expect(refusal(skilled, state, { type: 'recordDocumentsComplete' }, '2026-01-06')).toBe(
      'workflow:errors.documentsMissing',
    )
    state = act(skilled, state, { type: 'acceptDocuments', documents: ['zabStatement'] }, '2026-01-07')
    state = act(skilled, state, { type: 'recordDocumentsComplete' }, '2026-01-07')
    // § 19c Abs. 2 rests on the ZAB's statement: no recognition, straight to the BA.
    expect(statuses(state)).toMatchObject({
      recognition: 'SKIPPED',
      degreeComparability: 'SKIPPED',
      baApproval: 'OPEN',
    })
  })

  it('refuses a recognition result before the request went out, or dated in the future', () => {
    let state = caseAtRecognition()
    const early = {
      ...state,
      steps: { ...state.steps, recognition: { status: 'OPEN' as const, openedOn: '2026-01-15' } },
    }
    const result: Action = {
      type: 'recordRecognition',
      outcome: 'EQUIVALENT',
      noticeDate: '2026-03-10',
      body: 'IHK',
    }
    expect(refusal(skilled, early, result, '2026-03-12')).toBe('workflow:errors.stepNotStarted')
    expect(refusal(skilled, state, { ...result, noticeDate: '2026-03-13' }, '2026-03-12')).toBe(
      'workflow:errors.dateInFuture',
    )
    expect(refusal(skilled, state, { ...result, noticeDate: '10.03.2026' }, '2026-03-12')).toBe(
      'workflow:errors.dateInvalid',
    )
    expect(refusal(skilled, state, { ...result, body: ' ' }, '2026-03-12')).toBe(
      'workflow:errors.recognitionBodyRequired',
    )
    state = act(skilled, state, result, '2026-03-12')
    expect(state.steps.recognition?.status).toBe('DONE')
  })

  it('refuses an action dated before the last change, or with no date', () => {
    const state = caseAtRecognition()
    expect(refusal(skilled, state, { type: 'hold' }, '2026-01-15')).toBe(
      'workflow:errors.dateBeforeLastChange',
    )
    expect(refusal(skilled, state, { type: 'hold' }, 'soon')).toBe('workflow:errors.dateInvalid')
  })

  it('refuses steps of other procedures and states of other procedures', () => {
    const state = startCase(research18d, { title: '§18d', land, today: '2026-01-05' })
    expect(refusal(research18d, state, { type: 'startStep', step: 'baApproval' }, '2026-01-06')).toBe(
      'workflow:errors.stepNotInProcedure',
    )
    expect(refusal(research18d, state, { type: 'recordFeePaid' }, '2026-01-06')).toBe(
      'workflow:errors.stepNotInProcedure',
    )
    expect(refusal(skilled, state, { type: 'hold' }, '2026-01-06')).toBe('workflow:errors.procedureMismatch')
    expect(refusal({ ...research18d, version: 2 }, state, { type: 'hold' }, '2026-01-06')).toBe(
      'workflow:errors.procedureMismatch',
    )
  })

  it('refuses to start a case on a title the procedure does not lead to', () => {
    expect(() => startCase(skilled, { title: '§16b', land, today: '2026-01-05' })).toThrow(RangeError)
  })
})

describe('hold, information requests and the end of a case', () => {
  it("holds the authority's own steps but still records what the BA does by law", () => {
    let state = caseWithBaRequest()
    state = act(skilled, state, { type: 'hold', reason: 'internal review' }, '2026-03-30')
    expect(state).toMatchObject({ status: 'ON_HOLD', statusReason: 'internal review' })
    expect(refusal(skilled, state, { type: 'requestInformation', reason: 'x' }, '2026-03-30')).toBe(
      'workflow:errors.caseNotActive',
    )
    expect(refusal(skilled, state, { type: 'hold' }, '2026-03-30')).toBe('workflow:errors.caseNotActive')
    state = act(skilled, state, { type: 'deemBaApprovalGranted' }, '2026-04-08')
    expect(state.steps.preApproval?.status).toBe('OPEN')
    expect(refusal(skilled, state, { type: 'issuePreApproval' }, '2026-04-08')).toBe(
      'workflow:errors.caseNotActive',
    )
    const resumed = perform(skilled, state, { type: 'resume' }, '2026-04-09')
    expect(resumed.state.status).toBe('ACTIVE')
    expect(resumed.state.statusReason).toBeUndefined()
    expect(resumed.events).toEqual([
      { type: 'caseStatusChanged', on: '2026-04-09', from: 'ON_HOLD', to: 'ACTIVE' },
    ])
    expect(
      act(skilled, resumed.state, { type: 'issuePreApproval' }, '2026-04-09').steps.preApproval?.status,
    ).toBe('DONE')
  })

  it('waits for the organization with a reason and takes its documents meanwhile', () => {
    let state = startCase(skilled, { title: '§18b', land, today: '2026-01-05' })
    state = act(skilled, state, { type: 'completeStep', step: 'advice' }, '2026-01-05')
    state = act(
      skilled,
      state,
      { type: 'requestInformation', reason: 'power of attorney unsigned' },
      '2026-01-06',
    )
    expect(state).toMatchObject({ status: 'WAITING_FOR_ORG', statusReason: 'power of attorney unsigned' })
    expect(nextActions(skilled, state).map((action) => action.type)).toEqual(
      expect.arrayContaining(['acceptDocuments', 'resumeFromOrg', 'withdraw', 'reject']),
    )
    state = act(skilled, state, { type: 'acceptDocuments', documents: ['powerOfAttorney'] }, '2026-01-08')
    const agreement: Action = { type: 'recordAgreement', contents: allContents, feePaid: true }
    expect(refusal(skilled, state, agreement, '2026-01-08')).toBe('workflow:errors.caseNotActive')
    state = act(skilled, state, { type: 'resumeFromOrg' }, '2026-01-08')
    expect(act(skilled, state, agreement, '2026-01-08').steps.agreement?.status).toBe('DONE')
  })

  it('makes a withdrawal final', () => {
    const state = act(skilled, caseWithBaRequest(), { type: 'withdraw' }, '2026-03-30')
    expect(state.status).toBe('WITHDRAWN')
    expect(nextActions(skilled, state)).toEqual([])
    const attempts: Action[] = [
      { type: 'resume' },
      { type: 'deemBaApprovalGranted' },
      { type: 'recordBaApproval', decision: 'GRANTED' },
      { type: 'close' },
      { type: 'reject', reason: 'late' },
      { type: 'withdraw' },
    ]
    for (const action of attempts) {
      expect(refusal(skilled, state, action, '2026-04-20')).toBe('workflow:errors.caseFinished')
    }
  })
})

describe('deadline flags', () => {
  const recognition = () => caseAtRecognition().steps.recognition!

  it('marks a step overdue only after its last day', () => {
    expect(isOverdue(recognition(), '2026-03-16')).toBe(false)
    expect(isOverdue(recognition(), '2026-03-17')).toBe(true)
  })

  it('marks a step at risk within the given number of days before its last day', () => {
    expect(isAtRisk(recognition(), '2026-03-09', 7)).toBe(true)
    expect(isAtRisk(recognition(), '2026-03-08', 7)).toBe(false)
    expect(isAtRisk(recognition(), '2026-03-17', 7)).toBe(false)
  })

  it('never flags a step that is done or has no deadline', () => {
    const state = recordRecognition(caseAtRecognition(), 'EQUIVALENT')
    expect(isOverdue(state.steps.recognition!, '2026-12-31')).toBe(false)
    expect(isAtRisk(state.steps.baApproval!, '2026-12-31', 1000)).toBe(false)
  })
})

describe('the other procedures', () => {
  it('lets a student skip the optional pre-approval (§ 31 Abs. 3 AufenthV)', () => {
    let state = startCase(study16b, { title: '§16b', land, today: '2026-05-04' })
    state = act(study16b, state, { type: 'acceptDocuments', documents: ['admissionLetter'] }, '2026-05-04')
    state = act(study16b, state, { type: 'completeStep', step: 'admission' }, '2026-05-04')
    const funds: DocumentKey[] = ['passportCopy', 'blockedAccountConfirmation', 'healthInsurance']
    state = act(study16b, state, { type: 'acceptDocuments', documents: funds }, '2026-05-05')
    state = act(study16b, state, { type: 'recordDocumentsComplete' }, '2026-05-05')
    expect(nextActions(study16b, state)).toEqual(
      expect.arrayContaining([
        { type: 'skipStep', step: 'preApproval', performers: ['ORG', 'OFFICER'] },
        { type: 'issuePreApproval', step: 'preApproval', performers: ['OFFICER'] },
      ]),
    )
    const withPreApproval = act(study16b, state, { type: 'issuePreApproval' }, '2026-05-06')
    expect(withPreApproval.facts.preApprovalValidUntil).toBeUndefined()
    state = act(study16b, state, { type: 'skipStep', step: 'preApproval' }, '2026-05-06')
    expect(state.steps.visaDecision).toEqual({ status: 'OPEN', openedOn: '2026-05-06' })
    state = act(study16b, state, { type: 'recordVisaDecision', decision: 'GRANTED' }, '2026-06-01')
    state = act(study16b, state, { type: 'recordEntry', enteredOn: '2026-09-20' }, '2026-09-22')
    state = act(
      study16b,
      state,
      { type: 'acceptDocuments', documents: ['addressRegistration'] },
      '2026-09-30',
    )
    expect(refusal(study16b, state, { type: 'completeStep', step: 'residencePermit' }, '2026-09-30')).toBe(
      'workflow:errors.documentsMissing',
    )
    state = act(
      study16b,
      state,
      { type: 'acceptDocuments', documents: ['enrolmentCertificate'] },
      '2026-10-01',
    )
    expect(
      act(study16b, state, { type: 'completeStep', step: 'residencePermit' }, '2026-10-01').steps
        .residencePermit?.status,
    ).toBe('DONE')
  })

  it('takes a researcher from the hosting agreement to the visa without the authority', () => {
    let state = startCase(research18d, { title: '§18d', land, today: '2026-02-02' })
    const documents: DocumentKey[] = ['passportCopy', 'hostingAgreement', 'costCoverageCommitment']
    state = act(research18d, state, { type: 'acceptDocuments', documents }, '2026-02-02')
    state = act(research18d, state, { type: 'completeStep', step: 'hostingAgreement' }, '2026-02-03')
    expect(currentStep(research18d, state)).toMatchObject({ step: { id: 'visaDecision' }, actor: 'EMBASSY' })
    state = act(research18d, state, { type: 'recordVisaDecision', decision: 'REFUSED' }, '2026-02-20')
    expect(state.steps.entry?.status).toBe('LOCKED')
    expect(act(research18d, state, { type: 'close' }, '2026-02-20').status).toBe('CLOSED')
  })

  it('counts two weeks for the BA in ordinary training cases and lets the mission record the answer', () => {
    let state = startCase(training16a, { title: '§16a', land, today: '2026-04-01' })
    state = act(
      training16a,
      state,
      { type: 'acceptDocuments', documents: ['trainingContract'] },
      '2026-04-01',
    )
    state = act(training16a, state, { type: 'completeStep', step: 'trainingPlace' }, '2026-04-01')
    const documents: DocumentKey[] = [
      'passportCopy',
      'qualificationCertificates',
      'cvGerman',
      'languageCertificate',
      'baEmploymentDeclaration',
    ]
    state = act(training16a, state, { type: 'acceptDocuments', documents }, '2026-04-02')
    state = act(training16a, state, { type: 'recordDocumentsComplete' }, '2026-04-02')
    expect(nextActions(training16a, state)).toContainEqual({
      type: 'startStep',
      step: 'baApproval',
      performers: ['EMBASSY'],
    })
    state = act(training16a, state, { type: 'startStep', step: 'baApproval' }, '2026-04-02')
    // Thursday 2 April + 2 weeks = Thursday 16 April 2026.
    expect(state.steps.baApproval?.dueOn).toBe('2026-04-16')
    expect(refusal(training16a, state, { type: 'deemBaApprovalGranted' }, '2026-04-16')).toBe(
      'workflow:errors.deadlineNotPassed',
    )
    state = act(training16a, state, { type: 'deemBaApprovalGranted' }, '2026-04-17')
    expect(state.steps.visaDecision?.status).toBe('OPEN')
  })

  it('reinstates the steps only a new title has when an outcome switches the title', () => {
    const base = skilled.steps.find((step) => step.id === 'advice')!
    const definition: ProcedureDefinition = {
      ...skilled,
      steps: [
        { ...base, outcomes: [{ id: 'GRANTED', leadsTo: 'nextStep', switchesTitleTo: '§16d' }] },
        { ...base, id: 'residencePermit', appliesTo: ['§16d'], guards: [{ step: 'advice' }] },
      ],
    }
    const state = startCase(definition, { title: '§18b', land, today: '2026-01-05' })
    expect(state.steps.residencePermit?.status).toBe('SKIPPED')
    const result = perform(
      definition,
      state,
      { type: 'completeStep', step: 'advice', outcome: 'GRANTED' },
      '2026-01-06',
    )
    expect(result.state.steps.residencePermit).toEqual({ status: 'OPEN', openedOn: '2026-01-06' })
    expect(result.events.map((event) => event.type)).toEqual([
      'stepCompleted',
      'titleChanged',
      'stepReinstated',
      'stepOpened',
    ])
  })
})
