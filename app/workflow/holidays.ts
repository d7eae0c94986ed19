import type { LocalDate } from './calendar'

/** The 16 German Länder (ISO 3166-2:DE suffixes). */
export const lands = [
  'BW',
  'BY',
  'BE',
  'BB',
  'HB',
  'HH',
  'HE',
  'MV',
  'NI',
  'NW',
  'RP',
  'SL',
  'SN',
  'ST',
  'SH',
  'TH',
] as const
export type Land = (typeof lands)[number]

export function isLand(value: unknown): value is Land {
  return typeof value === 'string' && (lands as readonly string[]).includes(value)
}

/** i18n key of a public holiday (`holiday.<key>` in the locale files). */
export type HolidayKey =
  | 'newYear'
  | 'epiphany'
  | 'womensDay'
  | 'goodFriday'
  | 'easterMonday'
  | 'labourDay'
  | 'liberationDay'
  | 'ascensionDay'
  | 'whitMonday'
  | 'corpusChristi'
  | 'assumptionDay'
  | 'childrensDay'
  | 'germanUnityDay'
  | 'reformationDay'
  | 'allSaintsDay'
  | 'repentanceDay'
  | 'christmasDay'
  | 'secondChristmasDay'

export type PublicHoliday = { date: LocalDate; key: HolidayKey }

/**
 * The holiday table models the law from 1995, when Buß- und Bettag stopped being a holiday outside
 * Saxony; for earlier years it would be wrong, so it refuses them.
 */
export const firstHolidayYear = 1995
export const lastHolidayYear = 9999

/** The earliest year of the Gregorian calendar; the computus below is only defined from then on. */
const firstGregorianYear = 1583

/** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  if (!Number.isInteger(year) || year < firstGregorianYear || year > lastHolidayYear) {
    throw new RangeError(`easterSunday: year must be an integer from ${firstGregorianYear} to 9999: ${year}`)
  }
  const golden = year % 19
  const century = Math.floor(year / 100)
  const yearOfCentury = year % 100
  const leapCenturies = Math.floor(century / 4)
  const centuryRest = century % 4
  const moonCorrection = Math.floor((century + 8) / 25)
  const sunCorrection = Math.floor((century - moonCorrection + 1) / 3)
  const epact = (19 * golden + century - leapCenturies - sunCorrection + 15) % 30
  const leapYears = Math.floor(yearOfCentury / 4)
  const yearRest = yearOfCentury % 4
  const toSunday = (32 + 2 * centuryRest + 2 * leapYears - epact - yearRest) % 7
  const correction = Math.floor((golden + 11 * epact + 22 * toSunday) / 451)
  const monthAndDay = epact + toSunday - 7 * correction + 114
  return isoDate(year, Math.floor(monthAndDay / 31), (monthAndDay % 31) + 1)
}

type DateRule =
  | { kind: 'fixed'; month: number; day: number }
  | { kind: 'easter'; offset: number }
  | { kind: 'wednesdayBefore23November' }

/**
 * Where and when a holiday is kept: `lands` maps each Land to the first year it kept the day;
 * `onlyIn` limits a rule to single years (one-off holidays).
 */
type Observance = { lands: Partial<Record<Land, number>>; onlyIn?: readonly number[] }

type HolidayRule = { key: HolidayKey; date: DateRule; observance: Observance }

const everywhere: Partial<Record<Land, number>> = Object.fromEntries(
  lands.map((land) => [land, firstHolidayYear]),
)

function since(year: number, ...landList: Land[]): Partial<Record<Land, number>> {
  return Object.fromEntries(landList.map((land) => [land, year]))
}

const fixed = (month: number, day: number): DateRule => ({ kind: 'fixed', month, day })
const easter = (offset: number): DateRule => ({ kind: 'easter', offset })

/**
 * Public holidays at an authority's seat (§ 193 BGB, § 31(3) VwVfG "gesetzlicher Feiertag").
 * Source kind: every holiday except 3 October is set by the holiday statute of each Land (Feiertagsgesetz);
 * 3 October is federal law (Art. 2(2) Einigungsvertrag). Years of introduction were checked against press
 * reports of the Land parliaments' decisions, not against the statute texts.
 * Left out on purpose: holidays kept only in some municipalities of a Land (Corpus Christi in parts of SN and
 * TH, Assumption in most of BY, the Augsburg Peace Festival on 8 August), and Easter Sunday and Whit Sunday,
 * which § 2(1) FTG BB lists but which are Sundays and so never working days anyway.
 */
const holidayRules: readonly HolidayRule[] = [
  // Land statutes, nationwide
  { key: 'newYear', date: fixed(1, 1), observance: { lands: everywhere } },
  // Land statutes: BW, BY, ST
  { key: 'epiphany', date: fixed(1, 6), observance: { lands: since(firstHolidayYear, 'BW', 'BY', 'ST') } },
  // Land statutes: BE since 2019, MV since 2023 (press reports of the enacted amendments)
  {
    key: 'womensDay',
    date: fixed(3, 8),
    observance: { lands: { ...since(2019, 'BE'), ...since(2023, 'MV') } },
  },
  // Land statutes, nationwide: Easter Sunday − 2
  { key: 'goodFriday', date: easter(-2), observance: { lands: everywhere } },
  // Land statutes, nationwide: Easter Sunday + 1
  { key: 'easterMonday', date: easter(1), observance: { lands: everywhere } },
  // Land statutes, nationwide
  { key: 'labourDay', date: fixed(5, 1), observance: { lands: everywhere } },
  // Land statute BE, one-off amendments for the 75th and 80th anniversary (press reports)
  { key: 'liberationDay', date: fixed(5, 8), observance: { lands: since(2020, 'BE'), onlyIn: [2020, 2025] } },
  // Land statutes, nationwide: Easter Sunday + 39
  { key: 'ascensionDay', date: easter(39), observance: { lands: everywhere } },
  // Land statutes, nationwide: Easter Sunday + 50
  { key: 'whitMonday', date: easter(50), observance: { lands: everywhere } },
  // Land statutes: Easter Sunday + 60 in BW, BY, HE, NW, RP, SL (SN and TH only in some municipalities)
  {
    key: 'corpusChristi',
    date: easter(60),
    observance: { lands: since(firstHolidayYear, 'BW', 'BY', 'HE', 'NW', 'RP', 'SL') },
  },
  // Land statute SL (BY only in municipalities with a Catholic majority)
  { key: 'assumptionDay', date: fixed(8, 15), observance: { lands: since(firstHolidayYear, 'SL') } },
  // Land statute TH since 2019 (press reports of the enacted amendment)
  { key: 'childrensDay', date: fixed(9, 20), observance: { lands: since(2019, 'TH') } },
  // Federal law: Art. 2(2) Einigungsvertrag
  { key: 'germanUnityDay', date: fixed(10, 3), observance: { lands: everywhere } },
  // Land statutes: BB, MV, SN, ST, TH since reunification; HB, HH, NI, SH since 2018 (press reports)
  {
    key: 'reformationDay',
    date: fixed(10, 31),
    observance: {
      lands: {
        ...since(firstHolidayYear, 'BB', 'MV', 'SN', 'ST', 'TH'),
        ...since(2018, 'HB', 'HH', 'NI', 'SH'),
      },
    },
  },
  // Land statutes, one-off in every Land for the 500th anniversary of the Reformation (press reports)
  { key: 'reformationDay', date: fixed(10, 31), observance: { lands: everywhere, onlyIn: [2017] } },
  // Land statutes: BW, BY, NW, RP, SL
  {
    key: 'allSaintsDay',
    date: fixed(11, 1),
    observance: { lands: since(firstHolidayYear, 'BW', 'BY', 'NW', 'RP', 'SL') },
  },
  // Land statute SN: Buß- und Bettag, the Wednesday before 23 November
  {
    key: 'repentanceDay',
    date: { kind: 'wednesdayBefore23November' },
    observance: { lands: since(1995, 'SN') },
  },
  // Land statutes, nationwide
  { key: 'christmasDay', date: fixed(12, 25), observance: { lands: everywhere } },
  // Land statutes, nationwide
  { key: 'secondChristmasDay', date: fixed(12, 26), observance: { lands: everywhere } },
]

/**
 * The public holidays of `year` in `land`, sorted by date. Two holidays can share a date (1 May is Ascension
 * Day when Easter falls on 23 March, as in 2008); both are listed. Holidays that fall on a Sunday are listed
 * too.
 */
export function publicHolidays(year: number, land: Land): PublicHoliday[] {
  if (!isLand(land)) throw new RangeError(`publicHolidays: unknown Land: ${String(land)}`)
  if (!Number.isInteger(year) || year < firstHolidayYear || year > lastHolidayYear) {
    throw new RangeError(
      `publicHolidays: year must be an integer from ${firstHolidayYear} to ${lastHolidayYear}: ${year}`,
    )
  }
  const holidays: PublicHoliday[] = []
  for (const rule of holidayRules) {
    if (!isObserved(rule.observance, year, land)) continue
    const date = dateOf(rule.date, year)
    if (holidays.some((holiday) => holiday.key === rule.key && holiday.date === date)) continue
    holidays.push({ date, key: rule.key })
  }
  // Stable sort: holidays on the same date keep the table order.
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function isObserved(observance: Observance, year: number, land: Land): boolean {
  const firstYear = observance.lands[land]
  if (firstYear === undefined || year < firstYear) return false
  return observance.onlyIn === undefined || observance.onlyIn.includes(year)
}

function dateOf(rule: DateRule, year: number): LocalDate {
  switch (rule.kind) {
    case 'fixed':
      return isoDate(year, rule.month, rule.day)
    case 'easter': {
      const [, month, day] = easterSunday(year).split('-').map(Number) as [number, number, number]
      return isoDate(year, month, day + rule.offset)
    }
    case 'wednesdayBefore23November': {
      const weekdayOf22November = utcDate(year, 11, 22).getUTCDay()
      const wednesday = 3
      return isoDate(year, 11, 22 - ((weekdayOf22November - wednesday + 7) % 7))
    }
  }
}

/** Midnight UTC of a calendar day; month and day may overflow (day 35 of March is 4 April). */
function utcDate(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, 0, 1))
  // setUTCFullYear, unlike Date.UTC, does not map the years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day)
  return date
}

function isoDate(year: number, month: number, day: number): LocalDate {
  return utcDate(year, month, day).toISOString().slice(0, 10)
}
