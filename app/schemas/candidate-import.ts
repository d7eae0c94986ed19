import { z } from '~/utils/validation'

/** The columns of an import file, in the template's order: the candidate form's fields. */
export const importFields = [
  'surname',
  'givenNames',
  'dateOfBirth',
  'placeOfBirth',
  'nationality',
  'passportNumber',
  'passportExpiry',
  'email',
  'phone',
  'preferredLanguage',
  'qualificationKind',
  'qualificationTitle',
  'qualificationCountry',
  'qualificationYear',
  'countryOfResidence',
  'intendedEntryDate',
] as const

export type ImportField = (typeof importFields)[number]

/** The only column a file may leave out, as the form leaves the field empty. */
export const optionalImportFields: readonly ImportField[] = ['intendedEntryDate']

export const MAX_IMPORT_MEGABYTES = 2
export const MAX_IMPORT_BYTES = MAX_IMPORT_MEGABYTES * 1024 * 1024
/** A large university's intake in one file; larger lists are split. */
export const MAX_IMPORT_ROWS = 2_000

/** The confirmation of a checked file: the import to carry out. */
export const ImportConfirmationSchema = z.object({
  intent: z.literal('import'),
  importId: z.string().trim().min(1).max(40),
})

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26))
  return index < 26 ? letter : `${columnLetter(Math.floor(index / 26) - 1)}${letter}`
}
