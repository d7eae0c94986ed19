import { type Land, isLand, publicHolidays } from './holidays'

export {
  easterSunday,
  firstHolidayYear,
  isLand,
  lands,
  lastHolidayYear,
  publicHolidays,
  type HolidayKey,
  type Land,
  type PublicHoliday,
} from './holidays'

/** A calendar date 'YYYY-MM-DD' (no time, no zone): deadlines are whole days at the authority's seat. */
export type LocalDate = string

export type DurationUnit = 'days' | 'weeks' | 'months' | 'workingDays'
export type Duration = { amount: number; unit: DurationUnit }
/** A duration counted in calendar units only, so its end does not depend on a Land's holidays. */
export type CalendarDuration = { amount: number; unit: Exclude<DurationUnit, 'workingDays'> }

const msPerDay = 86_400_000
const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/*
 * Internally a LocalDate is a day number: whole days since 1970-01-01, counted on the UTC time line, which
 * has no daylight saving time, so adding days never lands on the wrong date.
 */

function parse(date: LocalDate): { year: number; month: number; day: number } {
  const match = typeof date === 'string' ? localDatePattern.exec(date) : null
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
    if (year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day }
    }
  }
  throw new RangeError(`Not a calendar date 'YYYY-MM-DD': ${JSON.stringify(date)}`)
}

function utcMilliseconds(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, 0, 1))
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  return date.setUTCFullYear(year, month - 1, day)
}

function toDayNumber(date: LocalDate): number {
  const { year, month, day } = parse(date)
  return utcMilliseconds(year, month, day) / msPerDay
}

function fromDayNumber(dayNumber: number): LocalDate {
  const date = new Date(dayNumber * msPerDay)
  const year = date.getUTCFullYear()
  if (!(year >= 1 && year <= 9999)) throw new RangeError(`Date outside the years 0001–9999: day ${dayNumber}`)
  return `${String(year).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`
}

function pad2(value: number): string {
  return String(value).padStart(2, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMilliseconds(year, month + 1, 0)).getUTCDate()
}

function assertWholeNumber(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number: ${value}`)
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false
  try {
    parse(value)
    return true
  } catch {
    return false
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  assertWholeNumber('addDays: days', days)
  return fromDayNumber(toDayNumber(date) + days)
}

/** `to − from` in calendar days. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** Negative if a is earlier, 0 if the same day, positive if a is later. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return Math.sign(daysBetween(b, a))
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 (day 0) was a Thursday.
  const fromMonday = (((toDayNumber(date) + 3) % 7) + 7) % 7
  return fromMonday + 1
}

/**
 * The calendar date of `instant` in `timeZone` (an IANA name); the default is the seat of every German
 * authority, so a request sent at 00:30 Berlin time counts for that Berlin day, not the UTC one.
 */
export function toLocalDate(instant: Date, timeZone = 'Europe/Berlin'): LocalDate {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`toLocalDate: not a valid Date: ${String(instant)}`)
  }
  const parts = formatterFor(timeZone).formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const date = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`
  if (part('era') !== 'AD' || !isLocalDate(date)) {
    throw new RangeError(`toLocalDate: outside the years 0001–9999: ${instant.toISOString()}`)
  }
  return date
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    // Gregorian calendar and Latin digits whatever the runtime's default locale; the era tells AD from BC.
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      era: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The holiday dates of one year and Land, built once: deadline loops ask for them day by day. */
const holidayDates = new Map<string, ReadonlySet<LocalDate>>()

function isPublicHoliday(date: LocalDate, land: Land): boolean {
  if (!isLand(land)) throw new RangeError(`Unknown Land: ${String(land)}`)
  const year = parse(date).year
  const cacheKey = `${land}:${year}`
  let dates = holidayDates.get(cacheKey)
  if (!dates) {
    dates = new Set(publicHolidays(year, land).map((holiday) => holiday.date))
    holidayDates.set(cacheKey, dates)
  }
  return dates.has(date)
}

/** Monday to Friday and not a public holiday in `land` (§ 193 BGB, § 31(3) VwVfG). */
export function isWorkingDay(date: LocalDate, land: Land): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date, land)
}

/** `date` itself if it is a working day, else the first working day after it. */
export function nextWorkingDay(date: LocalDate, land: Land): LocalDate {
  let day = date
  while (!isWorkingDay(day, land)) day = addDays(day, 1)
  return day
}

/**
 * The last day of a period triggered by an event on `trigger`, without any shift for weekends or holidays:
 * § 187(1) BGB, the trigger day does not count; § 188(1) BGB, a period of days ends with its last day;
 * § 188(2) BGB, a period of weeks or months ends on the day with the trigger's weekday or date number;
 * § 188(3) BGB, if the final month has no such date, on its last day.
 * Use it on its own where the end must not shift: § 193 BGB moves only a day by which someone must declare or
 * perform something, not the last day of a validity period such as the pre-approval's 3 months.
 */
export function periodEnd(trigger: LocalDate, duration: CalendarDuration): LocalDate {
  assertPositiveAmount(duration.amount)
  switch (duration.unit) {
    case 'days':
      return addDays(trigger, duration.amount)
    case 'weeks':
      return addDays(trigger, 7 * duration.amount)
    case 'months': {
      const { year, month, day } = parse(trigger)
      const monthIndex = year * 12 + (month - 1) + duration.amount
      const endYear = Math.floor(monthIndex / 12)
      const endMonth = (monthIndex % 12) + 1
      if (endYear > 9999) throw new RangeError(`periodEnd: ends after the year 9999: ${trigger}`)
      return fromDayNumber(
        utcMilliseconds(endYear, endMonth, Math.min(day, daysInMonth(endYear, endMonth))) / msPerDay,
      )
    }
    default:
      throw new RangeError(`periodEnd: unknown unit: ${String((duration as { unit: unknown }).unit)}`)
  }
}

/**
 * The last day of a deadline triggered by an event on `trigger`, at an authority seated in `land`
 * (§ 31(1) VwVfG with §§ 187(1), 188 BGB, see `periodEnd`). An end on a Saturday, Sunday or public holiday
 * moves to the next working day (§ 31(3) VwVfG, § 193 BGB). `workingDays` counts working days after the
 * trigger, so its end is a working day already.
 */
export function deadlineFrom(trigger: LocalDate, duration: Duration, land: Land): LocalDate {
  if (duration.unit === 'workingDays') {
    assertPositiveAmount(duration.amount)
    let day = trigger
    for (let counted = 0; counted < duration.amount;) {
      day = addDays(day, 1)
      if (isWorkingDay(day, land)) counted += 1
    }
    return day
  }
  return nextWorkingDay(periodEnd(trigger, { amount: duration.amount, unit: duration.unit }), land)
}

function assertPositiveAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 1) {
    throw new RangeError(`A deadline's amount must be a whole number of at least 1: ${amount}`)
  }
}
