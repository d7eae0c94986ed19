/** The authority works in German time; fixing the zone keeps server and browser output identical. */
export const AUTHORITY_TIME_ZONE = 'Europe/Berlin'

/** A calendar date in the reader's language, e.g. "2. Mai 2026", "2 May 2026". */
export function formatDate(date: Date | string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: AUTHORITY_TIME_ZONE }).format(
    new Date(date),
  )
}
