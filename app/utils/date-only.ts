import { AUTHORITY_TIME_ZONE } from './locale-format'

/**
 * Calendar dates without a time of day (date of birth, passport expiry) as `YYYY-MM-DD`, the value of
 * an `<input type="date">` and of a PostgreSQL DATE column. Compared as strings, they sort correctly.
 */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

/** True for a real calendar date such as 2026-02-28 (not 2026-02-30). */
export function isDateOnly(value: string) {
  const match = DATE_ONLY.exec(value)
  if (!match) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && toDateOnly(date) === value
}

/** The date part of a DATE column's value (Prisma returns it as midnight UTC). */
export function toDateOnly(date: Date | string) {
  return new Date(date).toISOString().slice(0, 10)
}

/** Midnight UTC of that day, the value Prisma writes to a DATE column. */
export function fromDateOnly(value: string) {
  return new Date(`${value}T00:00:00Z`)
}

/** Today in the authority's time zone. */
export function todayDateOnly(now = new Date()) {
  // en-CA formats dates as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: AUTHORITY_TIME_ZONE }).format(now)
}

/** The same day `months` later; the 31st becomes the last day of a shorter month. */
export function addMonths(value: string, months: number) {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(year, month - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return toDateOnly(target)
}

/** Full years between two dates, e.g. a person's age on a given day. */
export function fullYearsBetween(from: string, to: string) {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4))
  return to.slice(5) < from.slice(5) ? years - 1 : years
}
