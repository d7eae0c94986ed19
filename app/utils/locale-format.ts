/**
 * Numbers and dates for the page language. Pages format on the server and send the strings with the
 * loader data, so the browser hydrates exactly the same text.
 */

// Arabic pages keep Latin digits, like the German legal citations and amounts around them.
function intlLocale(language: string) {
  return language === 'ar' ? 'ar-u-nu-latn' : language
}

export function formatEuro(amount: number, language: string) {
  const fractionDigits = Number.isInteger(amount) ? 0 : 2
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(amount)
}

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

/** A calendar date given as YYYY-MM-DD, e.g. "24. November 2026"; `month` gives "November 2026". */
export function formatDate(isoDate: string, language: string, precision: 'day' | 'month' = 'day') {
  return new Intl.DateTimeFormat(intlLocale(language), {
    ...(precision === 'day' ? { day: 'numeric' } : {}),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`))
}
