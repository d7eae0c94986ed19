import { addMonths, todayDateOnly } from '~/utils/date-only'

let sequence = 0

/** A complete, valid candidate form; the passport is valid for two years and the number is unique. */
export function candidateForm(overrides: Record<string, string> = {}): Record<string, string> {
  sequence += 1
  return {
    surname: 'Müller',
    givenNames: 'Anna Lena',
    dateOfBirth: '1995-04-12',
    placeOfBirth: 'Kairo',
    nationality: 'EG',
    passportNumber: `a${String(sequence).padStart(7, '0')}${Date.now() % 10_000}`,
    passportExpiry: addMonths(todayDateOnly(), 24),
    email: 'Anna.Mueller@Example.test',
    phone: '+20 2 1234567',
    preferredLanguage: 'en',
    qualificationKind: 'ACADEMIC',
    qualificationTitle: 'Bachelor of Science in Nursing',
    qualificationCountry: 'EG',
    qualificationYear: '2018',
    countryOfResidence: 'EG',
    intendedEntryDate: addMonths(todayDateOnly(), 3),
    ...overrides,
  }
}
