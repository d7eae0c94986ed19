import { fromDateOnly } from '~/utils/date-only'
import { formatDate } from '~/utils/locale-format'
import type { LocalDate } from '~/workflow/calendar'

/** A `YYYY-MM-DD` day of the case state in the page language, e.g. "2. Mai 2026". */
export function formatDay(day: LocalDate, language: string) {
  return formatDate(fromDateOnly(day), language)
}
