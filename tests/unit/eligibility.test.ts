import { describe, expect, it } from 'vitest'

import { EligibilitySchema } from '~/schemas/eligibility'
import {
  salaryThresholds,
  suggestTitles,
  thresholdYearFor,
  type EligibilityAnswers,
  type ThresholdYear,
} from '~/workflow/eligibility'

/** A recognised graduate with a job offer, under 45, in an ordinary occupation; each test changes what it needs. */
const graduate: EligibilityAnswers = {
  purpose: 'employment',
  hasJobOffer: true,
  qualificationKind: 'academic',
  isRecognised: 'yes',
  yearsOfExperience: 0,
  annualSalary: 60_000,
  isShortageOccupation: false,
  isItSpecialist: false,
  isRecentGraduate: false,
  age45OrOlder: false,
  hasPensionProvision: false,
}

const titles = (answers: Partial<EligibilityAnswers>, year: ThresholdYear = 2026) =>
  suggestTitles({ ...graduate, ...answers }, year).map((suggestion) => suggestion.title)

const suggestion = (answers: Partial<EligibilityAnswers>, title: string, year: ThresholdYear = 2026) =>
  suggestTitles({ ...graduate, ...answers }, year).find((candidate) => candidate.title === title)

describe('salary thresholds', () => {
  it('are the published figures for 2025 and 2026', () => {
    expect(salaryThresholds).toEqual({
      2025: { blueCardStandard: 48_300, blueCardReduced: 43_759.8, age45: 53_130, experienceRoute: 43_470 },
      2026: { blueCardStandard: 50_700, blueCardReduced: 45_934.2, age45: 55_770, experienceRoute: 45_630 },
    })
  })

  it('use the latest published year, never a future one', () => {
    expect(thresholdYearFor(new Date('2025-06-01'))).toBe(2025)
    expect(thresholdYearFor(new Date('2026-01-01'))).toBe(2026)
    expect(thresholdYearFor(new Date('2027-03-01'))).toBe(2026)
    expect(thresholdYearFor(new Date('2024-03-01'))).toBe(2025)
  })
})

describe('EU Blue Card (§ 18g)', () => {
  const cases = [
    { year: 2026, standard: 50_700, reduced: 45_934.2 },
    { year: 2025, standard: 48_300, reduced: 43_759.8 },
  ] as const

  for (const { year, standard, reduced } of cases) {
    it(`needs the standard threshold of ${year}: ${standard} passes, one cent less does not`, () => {
      expect(titles({ annualSalary: standard }, year)).toContain('§18g')
      expect(titles({ annualSalary: standard - 0.01 }, year)).not.toContain('§18g')
      expect(suggestion({ annualSalary: standard }, '§18g', year)).toMatchObject({
        procedure: 'skilled-workers',
        blockers: [],
        threshold: { kind: 'blueCardStandard', amount: standard },
        reasons: expect.arrayContaining([
          { key: 'reasons.salaryMeetsThreshold', amounts: { salary: standard, threshold: standard } },
          { key: 'reasons.blueCardStandard' },
        ]),
      })
    })

    for (const flag of ['isShortageOccupation', 'isRecentGraduate', 'isItSpecialist'] as const) {
      it(`uses the reduced threshold of ${year} for ${flag}`, () => {
        expect(titles({ [flag]: true, annualSalary: reduced }, year)).toContain('§18g')
        expect(titles({ [flag]: true, annualSalary: reduced - 0.01 }, year)).not.toContain('§18g')
        expect(suggestion({ [flag]: true, annualSalary: reduced }, '§18g', year)).toMatchObject({
          threshold: { kind: 'blueCardReduced', amount: reduced },
          reasons: expect.arrayContaining([{ key: 'reasons.blueCardReduced' }]),
        })
      })
    }

    it(`does not reduce the threshold of ${year} without a reason`, () => {
      expect(titles({ annualSalary: reduced }, year)).not.toContain('§18g')
    })
  }

  it('comes first when it fits', () => {
    expect(titles({ annualSalary: 50_700 })).toEqual(['§18g', '§18b'])
  })

  it('accepts IT specialists without a degree after 3 years of experience', () => {
    const it = { qualificationKind: 'none', isItSpecialist: true, annualSalary: 45_934.2 } as const
    expect(titles({ ...it, yearsOfExperience: 3 })).toEqual(['§18g'])
    expect(suggestion({ ...it, yearsOfExperience: 3 }, '§18g')?.reasons[0]).toEqual({
      key: 'reasons.itExperience',
      years: 3,
    })
    expect(titles({ ...it, yearsOfExperience: 2 })).toEqual([])
  })

  it('needs a recognised or comparable degree', () => {
    expect(titles({ qualificationKind: 'vocational' })).not.toContain('§18g')
    expect(titles({ isRecognised: 'no' })).not.toContain('§18g')
    expect(suggestion({ isRecognised: 'unknown' }, '§18g')?.blockers).toEqual([
      { key: 'blockers.recognitionUnknown' },
    ])
  })

  it('names a missing job offer as a blocker', () => {
    expect(suggestion({ hasJobOffer: false }, '§18g')?.blockers).toEqual([{ key: 'blockers.jobOffer' }])
  })
})

describe('skilled workers (§ 18a, § 18b)', () => {
  it('suggests § 18b for a recognised degree and § 18a for recognised vocational training', () => {
    expect(titles({ annualSalary: 40_000 })).toEqual(['§18b'])
    expect(titles({ qualificationKind: 'vocational', annualSalary: 40_000 })).toEqual(['§18a'])
    expect(
      suggestion({ qualificationKind: 'vocational', annualSalary: 40_000 }, '§18a')?.threshold,
    ).toBeUndefined()
  })

  for (const [year, age45] of [
    [2026, 55_770],
    [2025, 53_130],
  ] as const) {
    it(`from 45 on needs ${age45} (${year}) unless there is adequate pension provision`, () => {
      for (const kind of ['academic', 'vocational'] as const) {
        const title = kind === 'academic' ? '§18b' : '§18a'
        const older = { qualificationKind: kind, age45OrOlder: true } as const
        expect(titles({ ...older, annualSalary: age45 - 0.01 }, year)).not.toContain(title)
        expect(titles({ ...older, annualSalary: age45 - 0.01, hasPensionProvision: true }, year)).toContain(
          title,
        )
        expect(titles({ ...older, annualSalary: age45 }, year)).toContain(title)
        // the age rule is not one of the Blue Card's conditions
        expect(titles({ ...older, annualSalary: age45 - 0.01 }, year)).toEqual(
          kind === 'academic' ? ['§18g'] : [],
        )
      }
      expect(suggestion({ age45OrOlder: true, annualSalary: age45 }, '§18b', year)?.threshold).toEqual({
        kind: 'age45',
        amount: age45,
      })
      expect(
        suggestion({ age45OrOlder: true, hasPensionProvision: true }, '§18b', year)?.reasons,
      ).toContainEqual({
        key: 'reasons.age45Pension',
      })
    })
  }

  it('is not suggested for a qualification that was not recognised', () => {
    expect(titles({ qualificationKind: 'vocational', isRecognised: 'no', annualSalary: 40_000 })).toEqual([])
  })
})

describe('experience route (§ 19c(2))', () => {
  const experienced = {
    qualificationKind: 'vocational',
    isRecognised: 'no',
    yearsOfExperience: 2,
    annualSalary: 45_630,
  } as const

  it('needs 2 years of experience and the threshold, but no recognition in Germany', () => {
    expect(titles(experienced)).toEqual(['§19c(2)'])
    expect(suggestion(experienced, '§19c(2)')).toMatchObject({
      procedure: 'skilled-workers',
      threshold: { kind: 'experienceRoute', amount: 45_630 },
      reasons: [
        { key: 'reasons.experience', years: 2 },
        { key: 'reasons.salaryMeetsThreshold', amounts: { salary: 45_630, threshold: 45_630 } },
        { key: 'reasons.recognisedAbroad' },
      ],
    })
    expect(titles({ ...experienced, annualSalary: 45_629.99 })).toEqual([])
    expect(titles({ ...experienced, yearsOfExperience: 1 })).toEqual([])
  })

  it('uses the 2025 threshold in 2025', () => {
    expect(titles({ ...experienced, annualSalary: 43_470 }, 2025)).toEqual(['§19c(2)'])
    expect(titles({ ...experienced, annualSalary: 43_469.99 }, 2025)).toEqual([])
  })

  it('needs a formal qualification', () => {
    expect(titles({ ...experienced, qualificationKind: 'none' })).toEqual([])
  })

  it('comes after the titles without blockers', () => {
    expect(titles({ ...experienced, isRecognised: 'yes', hasJobOffer: true })).toEqual(['§18a', '§19c(2)'])
    expect(
      titles({
        ...experienced,
        isRecognised: 'unknown',
        annualSalary: 50_700,
        qualificationKind: 'academic',
      }),
    ).toEqual(['§19c(2)', '§18g', '§18b'])
  })
})

describe('recognition measures (§ 16d)', () => {
  it('is suggested for a partially recognised qualification', () => {
    expect(titles({ isRecognised: 'partially', annualSalary: 40_000 })).toEqual(['§16d'])
    expect(
      titles({ qualificationKind: 'vocational', isRecognised: 'partially', yearsOfExperience: 5 }),
    ).toEqual(['§19c(2)', '§16d'])
    expect(suggestion({ isRecognised: 'partially' }, '§16d')?.reasons).toEqual([
      { key: 'reasons.partiallyRecognised' },
    ])
  })
})

describe('other purposes', () => {
  it('suggests § 16b for study, § 18d for research and § 16a for training', () => {
    expect(suggestTitles({ ...graduate, purpose: 'study' }, 2026)).toEqual([
      { title: '§16b', procedure: 'study', reasons: [{ key: 'reasons.study' }], blockers: [] },
    ])
    expect(suggestTitles({ ...graduate, purpose: 'research' }, 2026)).toEqual([
      { title: '§18d', procedure: 'research', reasons: [{ key: 'reasons.research' }], blockers: [] },
    ])
    expect(suggestTitles({ ...graduate, purpose: 'training' }, 2026)).toEqual([
      { title: '§16a', procedure: 'skilled-workers', reasons: [{ key: 'reasons.training' }], blockers: [] },
    ])
  })

  it('names a missing training place', () => {
    expect(suggestion({ purpose: 'training', hasJobOffer: false }, '§16a')?.blockers).toEqual([
      { key: 'blockers.trainingPlace' },
    ])
  })
})

describe('EligibilitySchema', () => {
  const employment = {
    purpose: 'employment',
    hasJobOffer: 'yes',
    qualificationKind: 'academic',
    isRecognised: 'yes',
    yearsOfExperience: '4',
    annualSalary: '50700.00',
    age45OrOlder: 'no',
  }

  it('turns the query into answers; unanswered yes/no questions count as no', () => {
    expect(EligibilitySchema.parse(employment)).toEqual({
      ...graduate,
      yearsOfExperience: 4,
      annualSalary: 50_700,
    })
  })

  it('needs only the purpose for study, research and training', () => {
    expect(EligibilitySchema.parse({ purpose: 'study' })).toMatchObject({
      purpose: 'study',
      hasJobOffer: false,
    })
  })

  it('requires the employment questions and refuses malformed numbers', () => {
    const result = EligibilitySchema.safeParse({ purpose: 'employment', annualSalary: '50.700,00' })
    const fields = result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])
    expect(fields).toEqual(
      expect.arrayContaining([
        ['annualSalary', 'eligibility:errors.salary|{"maximum":10000000}'],
        ['hasJobOffer', 'validation.choose'],
      ]),
    )
    expect(EligibilitySchema.safeParse({}).error?.issues[0]).toMatchObject({
      path: ['purpose'],
      message: 'validation.choose',
    })
    expect(EligibilitySchema.safeParse({ ...employment, yearsOfExperience: '' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['yearsOfExperience'], message: 'validation.required' }),
    ])
  })
})
