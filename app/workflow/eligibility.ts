/**
 * The eligibility helper: which residence title(s) fit a person's answers, and why. Pure, no I/O.
 * Legal facts from domain-reference.md §2; this is guidance for choosing a procedure, not a decision.
 */
import type { ProcedureSlug } from '~/content/procedures'

import type { ResidenceTitle } from './types'

export const qualificationKinds = ['academic', 'vocational', 'none'] as const
export const recognitionStates = ['yes', 'partially', 'no', 'unknown'] as const
export const purposes = ['employment', 'study', 'research', 'training'] as const

export type EligibilityAnswers = {
  hasJobOffer: boolean
  qualificationKind: (typeof qualificationKinds)[number]
  /** Recognition (or, for degrees, comparability) of the foreign qualification in Germany. */
  isRecognised: (typeof recognitionStates)[number]
  yearsOfExperience: number
  /** Gross annual salary in euros. */
  annualSalary: number
  isShortageOccupation: boolean
  isItSpecialist: boolean
  /** Degree obtained within the last 3 years. */
  isRecentGraduate: boolean
  age45OrOlder: boolean
  hasPensionProvision: boolean
  purpose: (typeof purposes)[number]
}

/**
 * Salary thresholds in euros per calendar year, percentages of the pension contribution ceiling
 * (Beitragsbemessungsgrenze): 2025 €96,600, 2026 €101,400. Published yearly by the Federal Ministry of
 * the Interior; add the new year here when it is announced.
 */
export const salaryThresholds = {
  2025: { blueCardStandard: 48_300, blueCardReduced: 43_759.8, age45: 53_130, experienceRoute: 43_470 },
  2026: { blueCardStandard: 50_700, blueCardReduced: 45_934.2, age45: 55_770, experienceRoute: 45_630 },
} as const satisfies Record<number, Record<string, number>>

export type ThresholdYear = keyof typeof salaryThresholds
export type ThresholdKind = keyof (typeof salaryThresholds)[ThresholdYear]

const thresholdYears = Object.keys(salaryThresholds).map(Number) as ThresholdYear[]

/** The latest year with published thresholds that is not after `date` (the earliest one before that). */
export function thresholdYearFor(date: Date): ThresholdYear {
  const year = date.getUTCFullYear()
  return thresholdYears.filter((known) => known <= year).at(-1) ?? thresholdYears[0]!
}

export type EligibleTitle = Exclude<ResidenceTitle, '§16d(3)'>

/** A sentence of the explanation: an i18n key in the `eligibility` namespace and its values. */
export type Reason = {
  key: string
  /** Euro amounts, formatted for display by the page. */
  amounts?: { salary: number; threshold: number }
  years?: number
}

export type Suggestion = {
  title: EligibleTitle
  procedure: ProcedureSlug
  /** Why the title fits. */
  reasons: Reason[]
  /** What is still missing before the title can be granted. */
  blockers: Reason[]
  /** The salary threshold that decided, if one applied. */
  threshold?: { kind: ThresholdKind; amount: number }
}

/**
 * How each title is named: `key` under `titles.*` in the `eligibility` namespace for the translation, and
 * the German legal name with its citation, shown as written in every language.
 */
export const titleDetails: Record<EligibleTitle, { key: string; germanName: string; citation: string }> = {
  '§16a': {
    key: 'training',
    germanName: 'Aufenthaltserlaubnis zur Berufsausbildung',
    citation: '§ 16a AufenthG',
  },
  '§16b': { key: 'study', germanName: 'Aufenthaltserlaubnis zum Studium', citation: '§ 16b AufenthG' },
  '§16d': {
    key: 'recognition',
    germanName: 'Maßnahmen zur Anerkennung ausländischer Berufsqualifikationen',
    citation: '§ 16d AufenthG',
  },
  '§18a': {
    key: 'skilledVocational',
    germanName: 'Fachkräfte mit Berufsausbildung',
    citation: '§ 18a AufenthG',
  },
  '§18b': {
    key: 'skilledAcademic',
    germanName: 'Fachkräfte mit akademischer Ausbildung',
    citation: '§ 18b AufenthG',
  },
  '§18d': {
    key: 'research',
    germanName: 'Aufenthaltserlaubnis zum Zweck der Forschung',
    citation: '§ 18d AufenthG',
  },
  '§18g': { key: 'blueCard', germanName: 'Blaue Karte EU', citation: '§ 18g AufenthG' },
  '§19c(2)': {
    key: 'experience',
    germanName: 'Beschäftigung bei ausgeprägter berufspraktischer Erfahrung',
    citation: '§ 19c Abs. 2 AufenthG',
  },
}

/** Employment titles first by how much they give (Blue Card before the fallback routes). */
const preference: EligibleTitle[] = ['§18g', '§18b', '§18a', '§19c(2)', '§16d', '§16b', '§18d', '§16a']

const BLUE_CARD_IT_EXPERIENCE_YEARS = 3
const EXPERIENCE_ROUTE_YEARS = 2

export function suggestTitles(answers: EligibilityAnswers, year: ThresholdYear): Suggestion[] {
  const thresholds = salaryThresholds[year]
  const suggestions = purposeTitle(answers) ?? [
    blueCard(answers, thresholds),
    skilledWorker(answers, thresholds),
    experienceRoute(answers, thresholds),
    recognitionMeasures(answers),
  ]
  return suggestions
    .filter((suggestion): suggestion is Suggestion => suggestion !== null)
    .sort(
      (a, b) =>
        Number(a.blockers.length > 0) - Number(b.blockers.length > 0) ||
        preference.indexOf(a.title) - preference.indexOf(b.title),
    )
}

type Thresholds = (typeof salaryThresholds)[ThresholdYear]

function purposeTitle(answers: EligibilityAnswers): Suggestion[] | null {
  switch (answers.purpose) {
    // § 16b AufenthG: admission by the university, funds and health insurance
    case 'study':
      return [{ title: '§16b', procedure: 'study', reasons: [{ key: 'reasons.study' }], blockers: [] }]
    // § 18d AufenthG: hosting agreement with a research institution
    case 'research':
      return [{ title: '§18d', procedure: 'research', reasons: [{ key: 'reasons.research' }], blockers: [] }]
    // § 16a AufenthG: a training place; covered by the accelerated procedure (§ 81a AufenthG)
    case 'training':
      return [
        {
          title: '§16a',
          procedure: 'skilled-workers',
          reasons: [{ key: 'reasons.training' }],
          blockers: answers.hasJobOffer ? [] : [{ key: 'blockers.trainingPlace' }],
        },
      ]
    case 'employment':
      return null
  }
}

const jobOfferBlocker = (answers: EligibilityAnswers): Reason[] =>
  answers.hasJobOffer ? [] : [{ key: 'blockers.jobOffer' }]

const recognitionBlocker = (answers: EligibilityAnswers): Reason[] =>
  answers.isRecognised === 'unknown' ? [{ key: 'blockers.recognitionUnknown' }] : []

const salaryReason = (salary: number, threshold: number): Reason => ({
  key: 'reasons.salaryMeetsThreshold',
  amounts: { salary, threshold },
})

/** A recognised (or not yet checked) qualification of this kind. */
const hasUsableQualification = (answers: EligibilityAnswers, kind: 'academic' | 'vocational') =>
  answers.qualificationKind === kind && (answers.isRecognised === 'yes' || answers.isRecognised === 'unknown')

/**
 * § 18g AufenthG, EU Blue Card: a recognised or comparable degree, or for IT specialists 3 years'
 * experience without a degree (§ 18g(2)). Salary at least 50% of the ceiling (§ 18g(1) S.1), or 45.3%
 * for shortage occupations, graduates of the last 3 years and IT specialists (§ 18g(1) S.2, § 18g(2)).
 */
function blueCard(answers: EligibilityAnswers, thresholds: Thresholds): Suggestion | null {
  const hasDegree = hasUsableQualification(answers, 'academic')
  const isItRoute =
    !hasDegree && answers.isItSpecialist && answers.yearsOfExperience >= BLUE_CARD_IT_EXPERIENCE_YEARS
  if (!hasDegree && !isItRoute) return null
  const isReduced = answers.isShortageOccupation || answers.isRecentGraduate || answers.isItSpecialist
  const kind: ThresholdKind = isReduced ? 'blueCardReduced' : 'blueCardStandard'
  const threshold = thresholds[kind]
  if (answers.annualSalary < threshold) return null
  return {
    title: '§18g',
    procedure: 'skilled-workers',
    reasons: [
      isItRoute
        ? { key: 'reasons.itExperience', years: answers.yearsOfExperience }
        : { key: 'reasons.academicQualification' },
      salaryReason(answers.annualSalary, threshold),
      // the Federal Employment Agency approves only Blue Cards at the reduced threshold
      { key: isReduced ? 'reasons.blueCardReduced' : 'reasons.blueCardStandard' },
    ],
    blockers: [...jobOfferBlocker(answers), ...(isItRoute ? [] : recognitionBlocker(answers))],
    threshold: { kind, amount: threshold },
  }
}

/**
 * § 18a AufenthG (vocational) and § 18b AufenthG (academic): a qualification recognised as equivalent and
 * a qualified job. From the age of 45 on first issue, a salary of at least 55% of the ceiling or adequate
 * pension provision (§ 18(2) Nr. 5 AufenthG).
 */
function skilledWorker(answers: EligibilityAnswers, thresholds: Thresholds): Suggestion | null {
  const kind = (['academic', 'vocational'] as const).find((candidate) =>
    hasUsableQualification(answers, candidate),
  )
  if (!kind) return null
  const reasons: Reason[] = [{ key: `reasons.${kind}Qualification` }]
  let threshold: Suggestion['threshold']
  if (answers.age45OrOlder) {
    if (answers.hasPensionProvision) reasons.push({ key: 'reasons.age45Pension' })
    else if (answers.annualSalary >= thresholds.age45) {
      reasons.push(salaryReason(answers.annualSalary, thresholds.age45))
      threshold = { kind: 'age45', amount: thresholds.age45 }
    } else return null
  }
  return {
    title: kind === 'academic' ? '§18b' : '§18a',
    procedure: 'skilled-workers',
    reasons,
    blockers: [...jobOfferBlocker(answers), ...recognitionBlocker(answers)],
    ...(threshold ? { threshold } : {}),
  }
}

/**
 * § 19c(2) AufenthG with § 6 BeschV, the experience route: a qualification of at least 2 years
 * state-recognised where it was obtained (no German recognition needed), 2 years' experience and a
 * salary of at least 45% of the ceiling. The alternative of a collectively bound employer is not asked.
 */
function experienceRoute(answers: EligibilityAnswers, thresholds: Thresholds): Suggestion | null {
  if (answers.qualificationKind === 'none') return null
  if (answers.yearsOfExperience < EXPERIENCE_ROUTE_YEARS) return null
  if (answers.annualSalary < thresholds.experienceRoute) return null
  return {
    title: '§19c(2)',
    procedure: 'skilled-workers',
    reasons: [
      { key: 'reasons.experience', years: answers.yearsOfExperience },
      salaryReason(answers.annualSalary, thresholds.experienceRoute),
      { key: 'reasons.recognisedAbroad' },
    ],
    blockers: jobOfferBlocker(answers),
    threshold: { kind: 'experienceRoute', amount: thresholds.experienceRoute },
  }
}

/**
 * § 16d AufenthG: a qualification recognised only partially (deficit notice) can be completed by
 * measures in Germany; the accelerated procedure continues on this route (§ 81a(3) S.2 AufenthG).
 */
function recognitionMeasures(answers: EligibilityAnswers): Suggestion | null {
  if (answers.qualificationKind === 'none' || answers.isRecognised !== 'partially') return null
  return {
    title: '§16d',
    procedure: 'skilled-workers',
    reasons: [{ key: 'reasons.partiallyRecognised' }],
    blockers: [],
  }
}
