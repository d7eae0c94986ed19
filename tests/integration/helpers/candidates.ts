import { prisma } from '~/utils/db.server'
import { addMonths, fromDateOnly, todayDateOnly } from '~/utils/date-only'

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

/** A stored candidate, written directly: the starting state of a test, not a user action. */
export async function createCandidate(input: {
  organizationId: string
  createdById: string
  surname?: string
  passportNumber?: string
  nationality?: string
}) {
  sequence += 1
  return prisma.candidate.create({
    data: {
      organizationId: input.organizationId,
      createdById: input.createdById,
      surname: input.surname ?? 'Haddad',
      givenNames: 'Omar',
      dateOfBirth: fromDateOnly('1990-01-31'),
      placeOfBirth: 'Amman',
      nationality: input.nationality ?? 'JO',
      passportNumber: input.passportNumber ?? `P${String(sequence).padStart(8, '0')}`,
      passportExpiry: fromDateOnly(addMonths(todayDateOnly(), 36)),
      email: `candidate${sequence}@example.test`,
      phone: '+962 6 1234567',
      preferredLanguage: 'ar',
      qualificationKind: 'VOCATIONAL',
      qualificationTitle: 'Electrician',
      qualificationCountry: 'JO',
      qualificationYear: 2012,
      countryOfResidence: 'JO',
    },
  })
}
