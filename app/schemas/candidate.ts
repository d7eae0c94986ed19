import { isCountryCode } from '~/utils/countries'
import { addMonths, fullYearsBetween, isDateOnly, todayDateOnly } from '~/utils/date-only'
import { emailField, languageField, message, phoneField, requiredText, z } from '~/utils/validation'

export const qualificationKinds = ['ACADEMIC', 'VOCATIONAL', 'OTHER'] as const

export const MIN_AGE = 15
export const MAX_AGE = 80
export const MIN_QUALIFICATION_YEAR = 1950
/** Most Schengen states ask for a passport valid well beyond the stay; German missions expect 6 months. */
export const PASSPORT_VALIDITY_MONTHS = 6
export const CANDIDATES_PER_PAGE = 50

// Letters of any script with their combining marks, spaces, hyphens and apostrophes (O'Brien, Al-Hassan).
const PASSPORT_NAME = /^[\p{L}\p{M}][\p{L}\p{M} '’-]*$/u
const PASSPORT_NUMBER = /^[A-Z0-9]{5,20}$/

const nameField = requiredText(100).regex(PASSPORT_NAME, { error: message('candidates:validation.name') })

const countryField = z
  .string()
  .trim()
  .refine(isCountryCode, { error: message('validation.choose') })

const dateField = z
  .string()
  .trim()
  .min(1)
  .refine(isDateOnly, { error: message('candidates:validation.date') })

const optionalDateField = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(dateField.optional())

/** A checkbox: the browser sends 'on' when it is ticked and nothing otherwise; react-hook-form reports a boolean. */
const checkbox = z
  .union([z.boolean(), z.literal('on')])
  .optional()
  .transform((value) => value === true || value === 'on')

const yearField = z
  .string()
  .trim()
  .min(1)
  .regex(/^\d{4}$/, { error: message('candidates:validation.year') })
  .transform(Number)
  .refine((year) => year >= MIN_QUALIFICATION_YEAR && year <= new Date().getFullYear(), {
    error: () =>
      message('candidates:validation.qualificationYear', {
        minimum: MIN_QUALIFICATION_YEAR,
        maximum: new Date().getFullYear(),
      }),
  })

/** The day from which the passport must stay valid: the planned entry, or today when none is planned. */
export function passportReferenceDate(intendedEntryDate: string | undefined) {
  return intendedEntryDate ?? todayDateOnly()
}

/** A warning, not an error: the candidate can renew the passport before the visa appointment. */
export function passportExpiresSoon(passportExpiry: string, intendedEntryDate: string | undefined) {
  return passportExpiry < addMonths(passportReferenceDate(intendedEntryDate), PASSPORT_VALIDITY_MONTHS)
}

export const CandidateSchema = z
  .object({
    surname: nameField,
    givenNames: nameField,
    dateOfBirth: dateField.refine(
      (date) => {
        const age = fullYearsBetween(date, todayDateOnly())
        return age >= MIN_AGE && age <= MAX_AGE
      },
      { error: message('candidates:validation.dateOfBirth', { minimum: MIN_AGE, maximum: MAX_AGE }) },
    ),
    placeOfBirth: requiredText(100),
    nationality: countryField,
    passportNumber: z
      .string()
      .trim()
      .min(1)
      .transform((value) => value.replace(/\s+/g, '').toUpperCase())
      .pipe(z.string().regex(PASSPORT_NUMBER, { error: message('candidates:validation.passportNumber') })),
    passportExpiry: dateField.refine((date) => date > todayDateOnly(), {
      error: message('candidates:validation.passportExpired'),
    }),
    email: emailField,
    phone: phoneField,
    preferredLanguage: languageField,
    qualificationKind: z.enum(qualificationKinds),
    qualificationTitle: requiredText(200),
    qualificationCountry: countryField,
    qualificationYear: yearField,
    countryOfResidence: countryField,
    intendedEntryDate: optionalDateField,
    confirmDuplicate: checkbox,
    confirmPassportExpiry: checkbox,
  })
  .superRefine(
    (value, context) => {
      if (value.confirmPassportExpiry) return
      if (!passportExpiresSoon(value.passportExpiry, value.intendedEntryDate)) return
      context.addIssue({
        code: 'custom',
        path: ['confirmPassportExpiry'],
        message: message(
          value.intendedEntryDate
            ? 'candidates:warnings.passportExpiryBeforeEntry'
            : 'candidates:warnings.passportExpirySoon',
          { months: PASSPORT_VALIDITY_MONTHS },
        ),
      })
    },
    // Only once both dates are valid, but also when other fields are wrong, so every message shows at once.
    {
      when: ({ issues }) =>
        !issues.some((issue) => ['passportExpiry', 'intendedEntryDate'].includes(String(issue.path?.[0]))),
    },
  )

export type CandidateInput = z.output<typeof CandidateSchema>

/** The list's query parameters from a GET form; anything unexpected falls back to the default. */
export const CandidateListQuerySchema = z.object({
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

export type CandidateListQuery = z.output<typeof CandidateListQuerySchema>
