/** The authority works in German time; fixing the zone keeps server and browser output identical. */
export const AUTHORITY_TIME_ZONE = 'Europe/Berlin'

/** A point in time as a calendar date in the reader's language, e.g. "2. Mai 2026", "2 May 2026". */
export function formatDate(date: Date | string, language: string) {
  // Latin digits in Arabic too, the same in every browser and on the server (as locale-format.ts does).
  const locale = language === 'ar' ? 'ar-u-nu-latn' : language
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: AUTHORITY_TIME_ZONE }).format(
    new Date(date),
  )
}
