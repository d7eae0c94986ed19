import {
  purposes,
  qualificationKinds,
  recognitionStates,
  type EligibilityAnswers,
} from '~/workflow/eligibility'
import { message, z } from '~/utils/validation'

const choice = <const T extends readonly [string, ...string[]]>(options: T) =>
  z.enum(options, { error: message('validation.choose') })

/** A yes/no radio group; an unanswered optional one counts as "no". */
const yesNo = choice(['yes', 'no'])
const optionalYesNo = yesNo.optional()

/** Digits as the browser sends them from a number input: no grouping, a point before the cents. */
const amount = (pattern: RegExp, max: number, key: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || (pattern.test(value) && Number(value) <= max), {
      error: message(key, { maximum: max }),
    })

/** Only these must be answered when the purpose is employment; study, research and training need none. */
const employmentFields = [
  'hasJobOffer',
  'qualificationKind',
  'isRecognised',
  'yearsOfExperience',
  'annualSalary',
  'age45OrOlder',
] as const

/** The eligibility questionnaire, sent with GET so the answers stay in the address. */
export const EligibilitySchema = z
  .object({
    purpose: choice(purposes),
    hasJobOffer: optionalYesNo,
    qualificationKind: choice(qualificationKinds).optional(),
    isRecognised: choice(recognitionStates).optional(),
    yearsOfExperience: amount(/^\d{1,2}$/, 60, 'eligibility:errors.years'),
    annualSalary: amount(/^\d{1,9}(\.\d{1,2})?$/, 10_000_000, 'eligibility:errors.salary'),
    isShortageOccupation: optionalYesNo,
    isItSpecialist: optionalYesNo,
    isRecentGraduate: optionalYesNo,
    age45OrOlder: optionalYesNo,
    hasPensionProvision: optionalYesNo,
  })
  .superRefine((input, context) => {
    if (input.purpose !== 'employment') return
    for (const field of employmentFields) {
      if (!input[field])
        context.addIssue({
          code: 'custom',
          path: [field],
          message: message(
            field === 'yearsOfExperience' || field === 'annualSalary'
              ? 'validation.required'
              : 'validation.choose',
          ),
        })
    }
  })
  .transform((input): EligibilityAnswers => ({
    purpose: input.purpose,
    hasJobOffer: input.hasJobOffer === 'yes',
    qualificationKind: input.qualificationKind ?? 'none',
    isRecognised: input.isRecognised ?? 'unknown',
    yearsOfExperience: Number(input.yearsOfExperience ?? 0),
    annualSalary: Number(input.annualSalary ?? 0),
    isShortageOccupation: input.isShortageOccupation === 'yes',
    isItSpecialist: input.isItSpecialist === 'yes',
    isRecentGraduate: input.isRecentGraduate === 'yes',
    age45OrOlder: input.age45OrOlder === 'yes',
    hasPensionProvision: input.hasPensionProvision === 'yes',
  }))
