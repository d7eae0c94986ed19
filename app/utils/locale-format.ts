/**
 * Dates, months and amounts in the page language. The locale and the time zone are fixed here, so
 * the server and every browser render exactly the same text (and hydration matches).
 */

/** The authority works in German time. */
export const AUTHORITY_TIME_ZONE = 'Europe/Berlin'

// Arabic pages keep Latin digits, like the German legal citations, dates and amounts around them.
function intlLocale(language: string) {
  return language === 'ar' ? 'ar-u-nu-latn' : language
}

/** A point in time as a calendar date in the authority's time zone, e.g. "2. Mai 2026", "2 May 2026". */
export function formatDate(date: Date | string, language: string) {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeZone: AUTHORITY_TIME_ZONE,
  }).format(new Date(date))
}

/** A point in time with the clock time and the zone's name, e.g. "2. Mai 2026, 14:05 MESZ". */
export function formatDateTime(date: Date | string, language: string) {
  return new Intl.DateTimeFormat(intlLocale(language), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: AUTHORITY_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(date))
}

/** A month given as YYYY-MM-DD, e.g. "Januar 2026". */
export function formatMonth(isoDate: string, language: string) {
  return new Intl.DateTimeFormat(intlLocale(language), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`))
}

function formatEuro(amount: number, language: string) {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount)
}

/** Each amount in euros, e.g. "75 €", "€75". */
export function formatEuros<Name extends string>(
  amounts: Readonly<Record<Name, number>>,
  language: string,
): Record<Name, string> {
  const entries = Object.entries<number>(amounts).map(([name, amount]) => [
    name,
    formatEuro(amount, language),
  ])
  return Object.fromEntries(entries) as Record<Name, string>
}

/** A file size as kB or MB with one decimal, at least 0.1 so a small file never reads "0 kB". */
export function formatFileSize(bytes: number, language: string) {
  const isLarge = bytes >= 1024 * 1024
  const amount = Math.max(bytes / (isLarge ? 1024 * 1024 : 1024), 0.1)
  const value = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(amount)
  return { value, unit: isLarge ? ('megabytes' as const) : ('kilobytes' as const) }
}
