import { describe, expect, it } from 'vitest'

import { appliesTo, completionActions, documentsForTitle, outcomeOf } from '~/workflow/definition'
import { procedures, research18d, skilledWorker81a, study16b, training16a } from '~/workflow/procedures'
import {
  documentKeys,
  procedureIds,
  residenceTitles,
  type DeadlineRule,
  type ProcedureDefinition,
  type StepAction,
  type StepDefinition,
  type StepId,
} from '~/workflow/types'

const definitions = Object.values(procedures)
const citation = /^§{1,2} \d+[a-z]?( Abs\. \d+)?( Satz \d+)?( Nr\. \d+)? (AufenthG|AufenthV|BeschV|BQFG)$/

function citations(source: string) {
  return source.split('; ')
}

function stepIds(definition: ProcedureDefinition) {
  return definition.steps.map((step) => step.id)
}

function deadlineTable(definition: ProcedureDefinition) {
  return Object.fromEntries(
    definition.steps.filter((step) => step.deadline).map((step) => [step.id, step.deadline]),
  ) as Partial<Record<StepId, DeadlineRule>>
}

/** The actions that complete `step` and carry an outcome: a step with outcomes needs one of them. */
function completingActionsCarrying(step: StepDefinition) {
  const samples: StepAction[] = [
    { type: 'completeStep', step: step.id, outcome: 'GRANTED' },
    { type: 'recordRecognition', outcome: 'EQUIVALENT', noticeDate: '2026-01-01', body: 'x' },
    { type: 'recordBaApproval', decision: 'GRANTED' },
    { type: 'recordVisaDecision', decision: 'GRANTED' },
  ]
  return samples.filter((action) => outcomeOf(action) && completionActions(step.id).includes(action.type))
}

describe('the procedure registry', () => {
  it('holds every procedure under its own id', () => {
    expect(Object.keys(procedures).sort()).toEqual([...procedureIds].sort())
    for (const [id, definition] of Object.entries(procedures)) expect(definition.id).toBe(id)
  })
})

describe.each(definitions)('procedure $id', (definition) => {
  const steps = definition.steps

  it('has unique steps, each with an actor, a recorder and a legal source in German citation style', () => {
    expect(new Set(stepIds(definition)).size).toBe(steps.length)
    expect(definition.version).toBeGreaterThanOrEqual(1)
    for (const step of steps) {
      expect(step.recordedBy.length, step.id).toBeGreaterThan(0)
      for (const source of citations(step.legalSource)) expect(source, step.id).toMatch(citation)
    }
  })

  it('cites the law for every deadline, skip rule and title switch, and starts deadlines on known events', () => {
    for (const step of steps) {
      if (step.deadline) {
        expect(step.deadline.legalSource, step.id).toMatch(citation)
        expect(step.deadline.duration.amount, step.id).toBeGreaterThan(0)
        const start = step.deadline.startsOn
        // A deadline counted from another step must know that step's completion when the step opens.
        if (start.event === 'stepCompleted')
          expect(step.guards.map((guard) => guard.step)).toContain(start.step)
        else expect(step.startedBy, `${step.id} has no hand-over to start its deadline`).toBeDefined()
      }
      for (const rule of step.skippableWhen ?? []) expect(rule.legalSource).toMatch(citation)
      for (const outcome of step.outcomes ?? []) {
        if (!outcome.switchesTitleTo) continue
        expect(outcome.legalSource, `${step.id} ${outcome.id}`).toMatch(citation)
        // A switch leads away from every title the step exists for.
        expect(appliesTo(step, outcome.switchesTitleTo), `${step.id} ${outcome.id}`).toBe(false)
      }
    }
  })

  it('guards every step only by earlier steps and their real outcomes', () => {
    steps.forEach((step, index) => {
      for (const guard of step.guards) {
        const target = steps.findIndex((candidate) => candidate.id === guard.step)
        expect(target, `${step.id} → ${guard.step}`).toBeGreaterThanOrEqual(0)
        expect(target, `${step.id} → ${guard.step}`).toBeLessThan(index)
        const outcomes = (steps[target]!.outcomes ?? []).map((outcome) => outcome.id)
        for (const outcome of guard.outcomes ?? []) expect(outcomes).toContain(outcome)
      }
    })
    expect(steps[0]!.guards).toEqual([])
  })

  it('names only its own titles in applicability, documents, skip rules and title switches', () => {
    expect(definition.titles.length).toBeGreaterThan(0)
    for (const title of definition.titles) expect(residenceTitles).toContain(title)
    const named = steps.flatMap((step) => [
      ...(step.appliesTo ?? []),
      ...Object.keys(step.titleDocuments ?? {}),
      ...(step.skippableWhen ?? []).flatMap((rule) => rule.titles),
      ...(step.outcomes ?? []).flatMap((outcome) => outcome.switchesTitleTo ?? []),
    ])
    for (const title of named) expect(definition.titles).toContain(title)
  })

  it.each(definition.titles)('requires known, non-empty and unique document keys for %s', (title) => {
    const documents = documentsForTitle(definition, title)
    expect(documents.length).toBeGreaterThan(0)
    expect(new Set(documents).size, documents.join()).toBe(documents.length)
    for (const key of documents) expect(documentKeys).toContain(key)
  })

  it('gives every outcome a way on: a later step it opens, or the end of the case', () => {
    steps.forEach((step, index) => {
      if (step.outcomes) expect(completingActionsCarrying(step).length, step.id).toBeGreaterThan(0)
      for (const outcome of step.outcomes ?? []) {
        const openedBy = steps
          .slice(index + 1)
          .filter((later) =>
            later.guards.some(
              (guard) => guard.step === step.id && (guard.outcomes?.includes(outcome.id) ?? true),
            ),
          )
        const titles = outcome.switchesTitleTo
          ? [outcome.switchesTitleTo]
          : (step.appliesTo ?? definition.titles)
        for (const title of titles) {
          const applicable = openedBy.filter((later) => appliesTo(later, title))
          if (outcome.leadsTo === 'nextStep')
            expect(applicable.length, `${step.id} ${outcome.id}`).toBeGreaterThan(0)
          else expect(applicable, `${step.id} ${outcome.id}`).toEqual([])
        }
      }
    })
  })

  it('ends with entry and the residence permit', () => {
    expect(stepIds(definition).slice(-3)).toEqual(['visaDecision', 'entry', 'residencePermit'])
  })
})

describe('the accelerated skilled-worker procedure (§ 81a AufenthG)', () => {
  const steps = skilledWorker81a.steps
  const step = (id: StepId) => steps.find((candidate) => candidate.id === id)!

  it('covers the titles of § 81a Abs. 1 and 5 AufenthG', () => {
    expect(skilledWorker81a.titles).toEqual(['§18a', '§18b', '§18g', '§16a', '§16d', '§16d(3)', '§19c(2)'])
  })

  it('runs its steps in the order of § 81a Abs. 3 AufenthG with the right actors', () => {
    expect(steps.map((candidate) => [candidate.id, candidate.actor])).toEqual([
      ['advice', 'OFFICER'],
      ['agreement', 'ORG'],
      ['documents', 'ORG'],
      ['recognition', 'EXTERNAL'],
      ['degreeComparability', 'EXTERNAL'],
      ['baApproval', 'EXTERNAL'],
      ['preApproval', 'OFFICER'],
      ['appointment', 'EMBASSY'],
      ['visaDecision', 'EMBASSY'],
      ['entry', 'CANDIDATE'],
      ['residencePermit', 'OFFICER'],
    ])
    expect(step('advice').legalSource).toBe('§ 81a Abs. 3 Nr. 1 AufenthG')
    expect(step('advice').deadline).toBeUndefined()
  })

  it('has five deadlines, each with its legal source', () => {
    const afterDocuments = { event: 'stepCompleted', step: 'documents' }
    expect(deadlineTable(skilledWorker81a)).toEqual({
      recognition: {
        duration: { amount: 2, unit: 'months' },
        startsOn: afterDocuments,
        kind: 'statutory',
        legalSource: '§ 14a BQFG',
      },
      degreeComparability: {
        duration: { amount: 2, unit: 'months' },
        startsOn: afterDocuments,
        kind: 'service',
        legalSource: '§ 81a Abs. 3 Nr. 2 AufenthG',
      },
      baApproval: {
        duration: { amount: 1, unit: 'weeks' },
        startsOn: { event: 'stepStarted' },
        kind: 'statutory',
        legalSource: '§ 36 Abs. 2 BeschV',
        onExpiry: 'deemedGranted',
      },
      appointment: {
        duration: { amount: 3, unit: 'weeks' },
        startsOn: { event: 'stepStarted' },
        kind: 'service',
        legalSource: '§ 31a Abs. 1 AufenthV',
      },
      visaDecision: {
        duration: { amount: 3, unit: 'weeks' },
        startsOn: { event: 'stepStarted' },
        kind: 'service',
        legalSource: '§ 31a Abs. 2 AufenthV',
      },
    })
  })

  it('charges the fee of € 411 with the agreement and keeps the pre-approval three months', () => {
    expect(step('agreement').fee).toEqual({ euros: 411, legalSource: '§ 47 Abs. 1 Nr. 15 AufenthV' })
    expect(step('preApproval').validity?.duration).toEqual({ amount: 3, unit: 'months' })
  })

  it.each([
    ['§18a', ['recognition']],
    ['§18b', ['recognition']],
    ['§18g', ['degreeComparability']],
    ['§16a', []],
    ['§16d', []],
    ['§16d(3)', []],
    ['§19c(2)', []],
  ] as const)('checks the qualification of %s in %j before the BA', (title, checks) => {
    const qualification = steps.filter(
      (candidate) =>
        ['recognition', 'degreeComparability'].includes(candidate.id) && appliesTo(candidate, title),
    )
    expect(qualification.map((candidate) => candidate.id)).toEqual(checks)
  })

  it('asks for the ZAB statement where the title rests on it (§ 19c Abs. 2, § 16d Abs. 3 AufenthG)', () => {
    expect(documentsForTitle(skilledWorker81a, '§19c(2)')).toContain('zabStatement')
    expect(documentsForTitle(skilledWorker81a, '§16d(3)')).toContain('zabStatement')
    expect(documentsForTitle(skilledWorker81a, '§18b')).not.toContain('zabStatement')
    expect(documentsForTitle(skilledWorker81a, '§16a')).toContain('trainingContract')
  })

  it('lets a partially equivalent qualification continue as § 16d, and ends an unequal one', () => {
    expect(step('recognition').outcomes).toEqual([
      { id: 'EQUIVALENT', leadsTo: 'nextStep' },
      {
        id: 'PARTIALLY_EQUIVALENT',
        leadsTo: 'nextStep',
        switchesTitleTo: '§16d',
        legalSource: '§ 81a Abs. 3 Satz 2 AufenthG',
      },
      { id: 'NOT_EQUIVALENT', leadsTo: 'caseEnd' },
    ])
  })

  it('requires recognition or comparability and the BA approval before the pre-approval', () => {
    expect(step('preApproval').guards).toEqual([
      { step: 'recognition', outcomes: ['EQUIVALENT', 'PARTIALLY_EQUIVALENT'] },
      { step: 'degreeComparability', outcomes: ['COMPARABLE'] },
      { step: 'baApproval', outcomes: ['GRANTED', 'DEEMED_GRANTED'] },
    ])
  })

  it('skips the BA only where the law does without it', () => {
    expect(step('baApproval').skippableWhen?.map((rule) => [rule.titles, rule.legalSource])).toEqual([
      [['§18g'], '§ 18g Abs. 1 Satz 1 AufenthG'],
      [['§16d'], '§ 16d Abs. 1 AufenthG'],
    ])
    expect(steps.filter((candidate) => candidate.optional)).toEqual([])
  })
})

describe('the student procedure (§ 16b AufenthG)', () => {
  it('has an optional pre-approval (§ 31 Abs. 3 AufenthV) and no deadlines', () => {
    expect(study16b.steps.map((step) => [step.id, step.actor, step.optional])).toEqual([
      ['admission', 'ORG', false],
      ['documents', 'CANDIDATE', false],
      ['preApproval', 'OFFICER', true],
      ['visaDecision', 'EMBASSY', false],
      ['entry', 'CANDIDATE', false],
      ['residencePermit', 'OFFICER', false],
    ])
    expect(study16b.steps.find((step) => step.id === 'preApproval')?.legalSource).toBe('§ 31 Abs. 3 AufenthV')
    expect(deadlineTable(study16b)).toEqual({})
    expect(documentsForTitle(study16b, '§16b')).toEqual([
      'admissionLetter',
      'passportCopy',
      'blockedAccountConfirmation',
      'healthInsurance',
      'addressRegistration',
      'enrolmentCertificate',
    ])
  })
})

describe('the researcher procedure (§ 18d AufenthG)', () => {
  it("rests on the hosting agreement, without BA approval or the authority's consent", () => {
    expect(research18d.steps.map((step) => step.id)).toEqual([
      'hostingAgreement',
      'visaDecision',
      'entry',
      'residencePermit',
    ])
    expect(research18d.steps[0]!.requiredDocuments).toEqual([
      'passportCopy',
      'hostingAgreement',
      'costCoverageCommitment',
    ])
    expect(research18d.steps[1]!.legalSource).toContain('§ 34 Nr. 4 AufenthV')
    expect(deadlineTable(research18d)).toEqual({})
  })
})

describe('the vocational training procedure (§ 16a AufenthG)', () => {
  it('asks the BA, whose silence counts as approval after two weeks (§ 36 Abs. 2 BeschV)', () => {
    expect(training16a.steps.map((step) => [step.id, step.actor])).toEqual([
      ['trainingPlace', 'ORG'],
      ['documents', 'ORG'],
      ['baApproval', 'EXTERNAL'],
      ['visaDecision', 'EMBASSY'],
      ['entry', 'CANDIDATE'],
      ['residencePermit', 'OFFICER'],
    ])
    expect(deadlineTable(training16a)).toEqual({
      baApproval: {
        duration: { amount: 2, unit: 'weeks' },
        startsOn: { event: 'stepStarted' },
        kind: 'statutory',
        legalSource: '§ 36 Abs. 2 BeschV',
        onExpiry: 'deemedGranted',
      },
    })
    expect(documentsForTitle(training16a, '§16a')).toEqual(
      expect.arrayContaining(['trainingContract', 'languageCertificate', 'baEmploymentDeclaration']),
    )
  })
})
