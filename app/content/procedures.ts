/**
 * The public procedure pages as data (domain-reference.md §1 accelerated procedure, §3 study, §2 § 18d
 * research). Texts live in locales/<lng>/public.json under the keys built here; a unit test checks
 * that every key exists, so data and translations cannot drift apart.
 */

export const procedureSlugs = ['skilled-workers', 'study', 'research'] as const
export type ProcedureSlug = (typeof procedureSlugs)[number]

/** Who acts in a step; labels under `procedure.actors.<actor>`. */
export const actors = [
  'worker',
  'employer',
  'authority',
  'recognitionBody',
  'employmentAgency',
  'mission',
  'university',
  'student',
  'researcher',
  'researchInstitution',
] as const
export type Actor = (typeof actors)[number]

/**
 * What a deadline means; labels under `procedure.deadlineKinds.<kind>`. The missions' § 31a AufenthV
 * periods are service targets, not legal fictions (domain-reference.md §8).
 */
export const deadlineKinds = ['statutory', 'deemedApproval', 'serviceTarget', 'usualValidity'] as const
export type DeadlineKind = (typeof deadlineKinds)[number]

export const durationUnits = ['weeks', 'months'] as const
export type Deadline = { amount: number; unit: (typeof durationUnits)[number]; kind: DeadlineKind }

export type ProcedureStep = {
  id: string
  titleKey: string
  paragraphsKey: string
  actors: Actor[]
  /** Citations of German law, shown as written in every language. */
  legalBasis: string[]
  deadline: Deadline | null
  isOptional: boolean
}

export type Procedure = {
  slug: ProcedureSlug
  titleKey: string
  summaryKey: string
  durationKey: string
  /** A list of `{ term, description }` shown as "at a glance". */
  factsKey: string
  overviewKey: string
  steps: ProcedureStep[]
  /** Sections (`{ heading, paragraphs?, items?, closing? }`) shown after the steps. */
  sectionKeys: string[]
}

/** How deadlines are counted (§ 31 VwVfG, §§ 187–193 BGB); closes every procedure page. */
export const COUNTING_SECTION_KEY = 'procedure.counting'

/** Sections whose list is numbered because the law numbers it. */
export const ORDERED_SECTION_KEYS: ReadonlySet<string> = new Set([
  'procedures.skilledWorkers.sections.agreement',
])

type StepSpec = Pick<ProcedureStep, 'actors' | 'legalBasis' | 'deadline'> & { isOptional?: boolean }

function defineProcedure(
  slug: ProcedureSlug,
  key: string,
  steps: Record<string, StepSpec>,
  sections: string[],
): Procedure {
  const base = `procedures.${key}`
  return {
    slug,
    titleKey: `${base}.title`,
    summaryKey: `${base}.summary`,
    durationKey: `${base}.duration`,
    factsKey: `${base}.facts`,
    overviewKey: `${base}.overview`,
    steps: Object.entries(steps).map(([id, spec]) => ({
      id,
      titleKey: `${base}.steps.${id}.title`,
      paragraphsKey: `${base}.steps.${id}.paragraphs`,
      isOptional: false,
      ...spec,
    })),
    sectionKeys: [...sections.map((section) => `${base}.sections.${section}`), COUNTING_SECTION_KEY],
  }
}

// § 17 Abs. 1 BMG: register the address within two weeks of moving in.
const addressRegistration: Deadline = { amount: 2, unit: 'weeks', kind: 'statutory' }

export const procedures: Procedure[] = [
  defineProcedure(
    'skilled-workers',
    'skilledWorkers',
    {
      powerOfAttorney: {
        actors: ['worker', 'employer'],
        legalBasis: ['§ 81a Abs. 1 AufenthG'],
        deadline: null,
      },
      advice: {
        actors: ['authority', 'employer'],
        legalBasis: ['§ 81a Abs. 3 Nr. 1 AufenthG'],
        deadline: null,
      },
      agreement: {
        actors: ['employer', 'authority'],
        legalBasis: ['§ 81a Abs. 2 AufenthG', '§ 47 Abs. 1 Nr. 15 AufenthV'],
        deadline: null,
      },
      recognition: {
        actors: ['authority', 'recognitionBody'],
        legalBasis: ['§ 81a Abs. 3 Nr. 2 AufenthG', '§ 14a BQFG', '§ 81a Abs. 3 Satz 2 AufenthG'],
        deadline: { amount: 2, unit: 'months', kind: 'statutory' },
      },
      employmentAgency: {
        actors: ['authority', 'employmentAgency'],
        legalBasis: ['§ 39 AufenthG', '§ 36 Abs. 2 BeschV'],
        deadline: { amount: 1, unit: 'weeks', kind: 'deemedApproval' },
      },
      preApproval: {
        actors: ['authority', 'employer'],
        legalBasis: ['§ 81a Abs. 3 Nr. 6 AufenthG', '§ 31 Abs. 3 AufenthV'],
        // Three months is administrative practice; the statutory basis is unverified (domain-reference §1).
        deadline: { amount: 3, unit: 'months', kind: 'usualValidity' },
      },
      appointment: {
        actors: ['worker', 'mission'],
        legalBasis: ['§ 31a Abs. 1 AufenthV'],
        deadline: { amount: 3, unit: 'weeks', kind: 'serviceTarget' },
      },
      visaDecision: {
        actors: ['mission'],
        legalBasis: ['§ 31a Abs. 2 AufenthV'],
        deadline: { amount: 3, unit: 'weeks', kind: 'serviceTarget' },
      },
      visaIssued: {
        actors: ['mission'],
        legalBasis: ['§ 6 Abs. 3 AufenthG', '§ 81a AufenthG'],
        // The federal template of the pre-approval sets a 12-month visa.
        deadline: { amount: 12, unit: 'months', kind: 'usualValidity' },
      },
      arrival: {
        actors: ['worker', 'authority'],
        legalBasis: ['§ 17 Abs. 1 BMG', '§ 81 AufenthG'],
        deadline: addressRegistration,
      },
    },
    ['agreement', 'documents', 'titles', 'problems'],
  ),
  defineProcedure(
    'study',
    'study',
    {
      admission: { actors: ['university'], legalBasis: ['§ 16b Abs. 1 AufenthG'], deadline: null },
      funds: {
        actors: ['student'],
        legalBasis: ['§ 2 Abs. 3 AufenthG', '§ 5 Abs. 1 Nr. 1 AufenthG', '§§ 66–68 AufenthG'],
        deadline: null,
      },
      preApproval: {
        actors: ['authority'],
        legalBasis: ['§ 31 Abs. 3 AufenthV'],
        deadline: null,
        isOptional: true,
      },
      visaApplication: {
        actors: ['student', 'mission'],
        legalBasis: ['§ 6 Abs. 3 AufenthG', '§ 31 Abs. 1 AufenthV'],
        deadline: null,
      },
      arrival: {
        actors: ['student', 'university', 'authority'],
        legalBasis: ['§ 17 Abs. 1 BMG', '§ 16b AufenthG', '§ 81 AufenthG'],
        deadline: addressRegistration,
      },
    },
    ['documents', 'funds', 'work', 'exemptions'],
  ),
  defineProcedure(
    'research',
    'research',
    {
      hostingAgreement: {
        actors: ['researchInstitution', 'researcher'],
        legalBasis: ['§ 18d Abs. 1 AufenthG'],
        deadline: null,
      },
      costCoverage: { actors: ['researchInstitution'], legalBasis: ['§ 18d AufenthG'], deadline: null },
      visaApplication: {
        actors: ['researcher', 'mission'],
        legalBasis: ['§ 6 Abs. 3 AufenthG', '§ 34 Nr. 4 AufenthV'],
        deadline: null,
      },
      arrival: {
        actors: ['researcher', 'authority'],
        legalBasis: ['§ 17 Abs. 1 BMG', '§ 18d AufenthG', '§ 81 AufenthG'],
        deadline: addressRegistration,
      },
    },
    ['documents'],
  ),
]

export function findProcedure(slug: unknown): Procedure | undefined {
  return procedures.find((procedure) => procedure.slug === slug)
}

/**
 * Euro amounts the texts quote as {{name}}. The salary thresholds are shares of the pension
 * contribution ceiling (Beitragsbemessungsgrenze, 2026: €101,400) and change every 1 January.
 */
export const amounts = {
  fee: 411, // § 47 Abs. 1 Nr. 15 AufenthV, per worker
  blueCardSalary: 50_700, // § 18g AufenthG, 50 % of the ceiling
  blueCardReducedSalary: 45_934.2, // § 18g AufenthG reduced threshold, 45.3 % of the ceiling
  olderWorkerSalary: 55_770, // §§ 18a, 18b AufenthG from age 45, 55 % of the ceiling
  experienceSalary: 45_630, // § 19c Abs. 2 AufenthG, 45 % of the ceiling
  blockedAccountYear: 11_904, // blocked account (Sperrkonto) since 1 January 2025
  blockedAccountMonth: 992,
  maxFine: 30_000, // breach of § 4a Abs. 5 Satz 3 Nr. 3 AufenthG
} as const

/** The legal status the procedure texts describe (domain-reference.md: state of law up to early 2026). */
export const LEGAL_STATUS_DATE = '2026-01-01'
