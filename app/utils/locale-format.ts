/**
 * Amounts and months for the page language. Pages format on the server and send the strings with the
 * loader data, so the browser hydrates exactly the same text.
 */

// Arabic pages keep Latin digits, like the German legal citations and amounts around them.
function intlLocale(language: string) {
  return language === 'ar' ? 'ar-u-nu-latn' : language
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

/** A month given as YYYY-MM-DD, e.g. "Januar 2026" (full dates: formatDate in dates.ts). */
export function formatMonth(isoDate: string, language: string) {
  return new Intl.DateTimeFormat(intlLocale(language), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`))
}
