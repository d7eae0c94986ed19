import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  type Duration,
  type DurationUnit,
  type Land,
  type LocalDate,
  addDays,
  compareDates,
  daysBetween,
  deadlineFrom,
  easterSunday,
  isLocalDate,
  isWorkingDay,
  isoWeekday,
  lands,
  nextWorkingDay,
  periodEnd,
  publicHolidays,
  toLocalDate,
} from '~/workflow/calendar'

// Every weekday named in these tests was checked against Node's own calendar (`toLocaleDateString`).
const weeks = (amount: number): Duration => ({ amount, unit: 'weeks' })
const months = (amount: number): Duration => ({ amount, unit: 'months' })
const days = (amount: number): Duration => ({ amount, unit: 'days' })
const workingDays = (amount: number): Duration => ({ amount, unit: 'workingDays' })

describe('deadlineFrom', () => {
  it('ends a BA request sent on the Friday before Easter 2026 on Tuesday 7 April (domain reference §8)', () => {
    // Fri 27 Mar + 1 week = Fri 3 Apr, Good Friday; Sat, Sun, Easter Monday 6 Apr follow.
    expect(deadlineFrom('2026-03-27', weeks(1), 'NW')).toBe('2026-04-07')
    // § 188(2) BGB: the unshifted end is the same weekday one week later
    expect(periodEnd('2026-03-27', { amount: 1, unit: 'weeks' })).toBe('2026-04-03')
    // The approval is deemed granted from the day after the deadline ends.
    expect(addDays(deadlineFrom('2026-03-27', weeks(1), 'NW'), 1)).toBe('2026-04-08')
  })

  it('ends the 2-month recognition deadline from 15 January 2026 on Monday 16 March', () => {
    // § 188(2) BGB: 15 March 2026, a Sunday; § 193 BGB moves it to Monday.
    expect(periodEnd('2026-01-15', { amount: 2, unit: 'months' })).toBe('2026-03-15')
    expect(deadlineFrom('2026-01-15', months(2), 'NW')).toBe('2026-03-16')
  })

  it('ends one month from 31 January on the last day of February (§ 188(3) BGB)', () => {
    expect(periodEnd('2026-01-31', { amount: 1, unit: 'months' })).toBe('2026-02-28')
    // 28 February 2026 is a Saturday
    expect(deadlineFrom('2026-01-31', months(1), 'NW')).toBe('2026-03-02')
    // 2028 is a leap year; 29 February 2028 is a Tuesday
    expect(deadlineFrom('2028-01-31', months(1), 'NW')).toBe('2028-02-29')
    expect(periodEnd('2026-03-31', { amount: 1, unit: 'months' })).toBe('2026-04-30')
    expect(periodEnd('2028-02-29', { amount: 12, unit: 'months' })).toBe('2029-02-28')
    expect(periodEnd('2026-11-30', { amount: 3, unit: 'months' })).toBe('2027-02-28')
  })

  it('ends 3 weeks from a Thursday on the Thursday three weeks later', () => {
    expect(deadlineFrom('2026-01-08', weeks(3), 'NW')).toBe('2026-01-29')
    // Thu 23 Apr + 3 weeks = Thu 14 May 2026, Ascension Day everywhere → Friday
    expect(deadlineFrom('2026-04-23', weeks(3), 'BE')).toBe('2026-05-15')
  })

  it('moves an end on a Land holiday only in the Länder that keep it', () => {
    // Thu 14 May + 3 weeks = Thu 4 June 2026, Corpus Christi in NW but not in BE
    expect(deadlineFrom('2026-05-14', weeks(3), 'NW')).toBe('2026-06-05')
    expect(deadlineFrom('2026-05-14', weeks(3), 'BE')).toBe('2026-06-04')
  })

  it('counts working days across Christmas and New Year', () => {
    // From Wed 23 Dec 2026: Thu 24 Dec works; Fri 25 Dec, the weekend, then Mon 28, Tue 29 Dec.
    expect(deadlineFrom('2026-12-23', workingDays(1), 'NW')).toBe('2026-12-24')
    expect(deadlineFrom('2026-12-23', workingDays(3), 'NW')).toBe('2026-12-29')
    // Fri 1 Jan 2027 is New Year, then the weekend: 24, 28, 29, 30, 31 Dec, Mon 4 Jan
    expect(deadlineFrom('2026-12-23', workingDays(6), 'NW')).toBe('2027-01-04')
    // Wed 6 Jan 2027 is Epiphany in BY, not in NW
    expect(deadlineFrom('2026-12-23', workingDays(8), 'NW')).toBe('2027-01-06')
    expect(deadlineFrom('2026-12-23', workingDays(8), 'BY')).toBe('2027-01-07')
  })

  it('starts a deadline triggered on a holiday or weekend the next day (§ 187(1) BGB)', () => {
    // Triggered on Good Friday 3 April 2026: one week later is Fri 10 April, a working day
    expect(deadlineFrom('2026-04-03', weeks(1), 'NW')).toBe('2026-04-10')
    // The first working day after Good Friday is the Tuesday after Easter
    expect(deadlineFrom('2026-04-03', workingDays(1), 'NW')).toBe('2026-04-07')
    // Triggered on Easter Monday: Tue 7 April is the first working day
    expect(deadlineFrom('2026-04-06', workingDays(1), 'NW')).toBe('2026-04-07')
    // Triggered on Sat 4 April: 2 days end on Easter Monday → Tuesday
    expect(deadlineFrom('2026-04-04', days(2), 'NW')).toBe('2026-04-07')
  })

  it('counts calendar days from the day after the trigger', () => {
    expect(deadlineFrom('2026-03-27', days(7), 'NW')).toBe('2026-04-07')
    // Thu 8 Jan + 14 days = Thu 22 Jan, a working day
    expect(deadlineFrom('2026-01-08', days(14), 'NW')).toBe('2026-01-22')
    expect(periodEnd('2026-12-30', { amount: 3, unit: 'days' })).toBe('2027-01-02')
  })

  it('rejects amounts below 1, fractions, unknown units, bad dates and unknown Länder', () => {
    expect(() => deadlineFrom('2026-03-27', weeks(0), 'NW')).toThrow(RangeError)
    expect(() => deadlineFrom('2026-03-27', days(1.5), 'NW')).toThrow(RangeError)
    expect(() => deadlineFrom('2026-03-27', workingDays(-1), 'NW')).toThrow(RangeError)
    expect(() => deadlineFrom('2026-03-27', { amount: 1, unit: 'years' as DurationUnit }, 'NW')).toThrow(
      RangeError,
    )
    expect(() => deadlineFrom('2026-02-30', weeks(1), 'NW')).toThrow(RangeError)
    expect(() => deadlineFrom('27.03.2026', weeks(1), 'NW')).toThrow(RangeError)
    expect(() => deadlineFrom('2026-03-27', weeks(1), 'XX' as Land)).toThrow(RangeError)
  })
})

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('falls in %i on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected)
  })

  it('agrees with Knuth’s independent computus on a Sunday from 22 March to 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => {
        const easter = easterSunday(year)
        expect(easter).toBe(knuthEaster(year))
        expect(isoWeekday(easter)).toBe(7)
        expect(easter.slice(5) >= '03-22' && easter.slice(5) <= '04-25').toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('refuses years before the Gregorian calendar', () => {
    expect(() => easterSunday(1582)).toThrow(RangeError)
    expect(() => easterSunday(2026.5)).toThrow(RangeError)
  })
})

describe('publicHolidays', () => {
  it('lists exactly the 11 holidays of North Rhine-Westphalia in 2026', () => {
    expect(publicHolidays(2026, 'NW')).toEqual([
      { date: '2026-01-01', key: 'newYear' },
      { date: '2026-04-03', key: 'goodFriday' },
      { date: '2026-04-06', key: 'easterMonday' },
      { date: '2026-05-01', key: 'labourDay' },
      { date: '2026-05-14', key: 'ascensionDay' },
      { date: '2026-05-25', key: 'whitMonday' },
      { date: '2026-06-04', key: 'corpusChristi' },
      { date: '2026-10-03', key: 'germanUnityDay' },
      { date: '2026-11-01', key: 'allSaintsDay' },
      { date: '2026-12-25', key: 'christmasDay' },
      { date: '2026-12-26', key: 'secondChristmasDay' },
    ])
  })

  it('adds each Land’s own holidays to the nationwide nine', () => {
    const keysOf = (year: number, land: Land) => publicHolidays(year, land).map((holiday) => holiday.key)
    const has = (year: number, land: Land, date: LocalDate, key: string) =>
      publicHolidays(year, land).some((holiday) => holiday.date === date && holiday.key === key)

    expect(has(2026, 'BY', '2026-01-06', 'epiphany')).toBe(true)
    expect(keysOf(2026, 'BY')).not.toContain('assumptionDay')
    expect(has(2026, 'SL', '2026-08-15', 'assumptionDay')).toBe(true)
    expect(has(2026, 'BE', '2026-03-08', 'womensDay')).toBe(true)
    expect(has(2026, 'SN', '2026-11-18', 'repentanceDay')).toBe(true)
    expect(has(2025, 'SN', '2025-11-19', 'repentanceDay')).toBe(true)
    expect(has(2026, 'TH', '2026-09-20', 'childrensDay')).toBe(true)
    expect(keysOf(2026, 'TH')).not.toContain('corpusChristi')
    expect(keysOf(2026, 'SN')).not.toContain('corpusChristi')
    expect(has(2026, 'HE', '2026-06-04', 'corpusChristi')).toBe(true)
    expect(has(2026, 'BB', '2026-10-31', 'reformationDay')).toBe(true)
    expect(keysOf(2026, 'BB')).toHaveLength(10)
  })

  it('follows the year a Land introduced or kept a holiday once', () => {
    const keysOf = (year: number, land: Land) => publicHolidays(year, land).map((holiday) => holiday.key)
    expect(keysOf(2022, 'MV')).not.toContain('womensDay')
    expect(keysOf(2023, 'MV')).toContain('womensDay')
    expect(keysOf(2018, 'BE')).not.toContain('womensDay')
    expect(keysOf(2019, 'BE')).toContain('womensDay')
    expect(keysOf(2016, 'HB')).not.toContain('reformationDay')
    expect(keysOf(2017, 'NW')).toContain('reformationDay')
    expect(keysOf(2018, 'NW')).not.toContain('reformationDay')
    expect(keysOf(2018, 'HB')).toContain('reformationDay')
    expect(keysOf(2017, 'BB').filter((key) => key === 'reformationDay')).toHaveLength(1)
    expect(keysOf(2025, 'BE')).toContain('liberationDay')
    expect(keysOf(2026, 'BE')).not.toContain('liberationDay')
    expect(isWorkingDay('2025-05-08', 'BE')).toBe(false)
    expect(isWorkingDay('2025-05-08', 'BB')).toBe(true)
  })

  it('counts the holidays of every Land in 2026', () => {
    const counts = Object.fromEntries(lands.map((land) => [land, publicHolidays(2026, land).length]))
    expect(counts).toEqual({
      BW: 12,
      BY: 12,
      BE: 10,
      BB: 10,
      HB: 10,
      HH: 10,
      HE: 10,
      MV: 11,
      NI: 10,
      NW: 11,
      RP: 11,
      SL: 12,
      SN: 11,
      ST: 11,
      SH: 10,
      TH: 11,
    })
  })

  it('lists two holidays on one date when Ascension Day falls on 1 May', () => {
    const firstOfMay = publicHolidays(2008, 'NW').filter((holiday) => holiday.date === '2008-05-01')
    expect(firstOfMay.map((holiday) => holiday.key)).toEqual(['labourDay', 'ascensionDay'])
  })

  it('holds the nationwide nine in every Land and year, sorted and inside the year', () => {
    const nationwide = [
      'newYear',
      'goodFriday',
      'easterMonday',
      'labourDay',
      'ascensionDay',
      'whitMonday',
      'germanUnityDay',
      'christmasDay',
      'secondChristmasDay',
    ]
    fc.assert(
      fc.property(fc.integer({ min: 1995, max: 2200 }), fc.constantFrom(...lands), (year, land) => {
        const holidays = publicHolidays(year, land)
        expect(holidays.map((holiday) => holiday.key)).toEqual(expect.arrayContaining(nationwide))
        expect(holidays.every((holiday) => holiday.date.startsWith(`${year}-`))).toBe(true)
        expect(holidays.every((holiday) => isLocalDate(holiday.date))).toBe(true)
        const dates = holidays.map((holiday) => holiday.date)
        expect(dates).toEqual([...dates].sort())
      }),
      { numRuns: 300 },
    )
  })

  it('refuses years before the modelled law and unknown Länder', () => {
    expect(() => publicHolidays(1994, 'NW')).toThrow(RangeError)
    expect(() => publicHolidays(2026, 'nw' as Land)).toThrow(RangeError)
  })
})

describe('working days', () => {
  it('are Monday to Friday except public holidays', () => {
    expect(isWorkingDay('2026-03-27', 'NW')).toBe(true) // Friday
    expect(isWorkingDay('2026-03-28', 'NW')).toBe(false) // Saturday
    expect(isWorkingDay('2026-03-29', 'NW')).toBe(false) // Sunday
    expect(isWorkingDay('2026-04-03', 'NW')).toBe(false) // Good Friday
    expect(isWorkingDay('2026-12-24', 'NW')).toBe(true) // Christmas Eve is no public holiday
    expect(isWorkingDay('2026-01-06', 'BY')).toBe(false) // Epiphany, Tuesday
    expect(isWorkingDay('2026-01-06', 'NW')).toBe(true)
    expect(isWorkingDay('2026-11-18', 'SN')).toBe(false) // Repentance Day, Wednesday
    expect(isWorkingDay('2026-11-18', 'BB')).toBe(true)
  })

  it('next working day is the day itself or the first one after it', () => {
    expect(nextWorkingDay('2026-03-27', 'NW')).toBe('2026-03-27')
    expect(nextWorkingDay('2026-04-03', 'NW')).toBe('2026-04-07')
    expect(nextWorkingDay('2026-12-25', 'NW')).toBe('2026-12-28')
    expect(nextWorkingDay('2026-12-31', 'NW')).toBe('2026-12-31')
    expect(nextWorkingDay('2027-01-01', 'NW')).toBe('2027-01-04')
  })
})

describe('local dates', () => {
  it('validate the format and the calendar', () => {
    expect(isLocalDate('2026-03-27')).toBe(true)
    expect(isLocalDate('2028-02-29')).toBe(true)
    expect(isLocalDate('2026-02-29')).toBe(false)
    expect(isLocalDate('2026-04-31')).toBe(false)
    expect(isLocalDate('2026-13-01')).toBe(false)
    expect(isLocalDate('0000-01-01')).toBe(false)
    expect(isLocalDate('2026-3-27')).toBe(false)
    expect(isLocalDate('2026-03-27T00:00:00Z')).toBe(false)
    expect(isLocalDate(' 2026-03-27')).toBe(false)
    expect(isLocalDate(20260327)).toBe(false)
    expect(isLocalDate(new Date('2026-03-27'))).toBe(false)
    expect(isLocalDate(undefined)).toBe(false)
  })

  it('add, compare and subtract across months, years and DST changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29') // Berlin switches to summer time that night
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01')
    expect(daysBetween('2026-01-15', '2026-03-15')).toBe(59)
    expect(daysBetween('2026-03-15', '2026-01-15')).toBe(-59)
    expect(compareDates('2026-03-27', '2026-04-07')).toBeLessThan(0)
    expect(compareDates('2026-04-07', '2026-04-07')).toBe(0)
    expect(compareDates('2027-01-01', '2026-12-31')).toBeGreaterThan(0)
    expect(isoWeekday('2026-03-27')).toBe(5)
    expect(isoWeekday('2026-03-29')).toBe(7)
    expect(isoWeekday('1969-12-29')).toBe(1)
    expect(() => addDays('2026-03-27', 0.5)).toThrow(RangeError)
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError)
  })

  it('take an instant’s date at the authority’s seat, Europe/Berlin by default', () => {
    // 23:30 UTC on 28 March 2026 is 00:30 CET on 29 March (summer time starts at 01:00 UTC)
    expect(toLocalDate(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29')
    // 22:30 UTC on 24 October 2026 is 00:30 CEST on 25 October
    expect(toLocalDate(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25')
    expect(toLocalDate(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24')
    expect(toLocalDate(new Date('2026-03-28T23:30:00Z'), 'UTC')).toBe('2026-03-28')
    expect(toLocalDate(new Date('2026-03-27T20:00:00Z'), 'Asia/Kolkata')).toBe('2026-03-28')
    expect(() => toLocalDate(new Date('not a date'))).toThrow(RangeError)
    expect(() => toLocalDate(new Date('2026-03-27T20:00:00Z'), 'Mars/Olympus')).toThrow(RangeError)
  })
})

// Properties over the years the portal works in; the dates come from fast-check, not from the module.
const minDate = new Date('1995-01-01T00:00:00Z')
const maxDate = new Date('2100-12-31T00:00:00Z')
const localDate = fc.date({ min: minDate, max: maxDate, noInvalidDate: true }).map(isoDay)
const land = fc.constantFrom(...lands)
const unit = fc.constantFrom<DurationUnit>('days', 'weeks', 'months', 'workingDays')
const amount = fc.integer({ min: 1, max: 60 })
const duration = fc.record({ amount, unit })
const calendarUnit = fc.constantFrom<'days' | 'weeks' | 'months'>('days', 'weeks', 'months')

describe('deadline properties', () => {
  it('end after the trigger, on a working day', () => {
    fc.assert(
      fc.property(localDate, duration, land, (trigger, length, seat) => {
        const end = deadlineFrom(trigger, length, seat)
        expect(compareDates(end, trigger)).toBeGreaterThan(0)
        expect(isWorkingDay(end, seat)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('never move backwards when the trigger moves later', () => {
    fc.assert(
      fc.property(localDate, localDate, duration, land, (a, b, length, seat) => {
        const [earlier, later] = compareDates(a, b) <= 0 ? [a, b] : [b, a]
        expect(
          compareDates(deadlineFrom(earlier, length, seat), deadlineFrom(later, length, seat)),
        ).toBeLessThanOrEqual(0)
      }),
      { numRuns: 500 },
    )
  })

  it('never end earlier for a longer duration', () => {
    fc.assert(
      fc.property(localDate, unit, amount, amount, land, (trigger, durationUnit, a, b, seat) => {
        const [shorter, longer] = a <= b ? [a, b] : [b, a]
        const shortEnd = deadlineFrom(trigger, { amount: shorter, unit: durationUnit }, seat)
        const longEnd = deadlineFrom(trigger, { amount: longer, unit: durationUnit }, seat)
        expect(compareDates(shortEnd, longEnd)).toBeLessThanOrEqual(0)
      }),
      { numRuns: 500 },
    )
  })

  it('keep the trigger’s weekday or date number (§ 188(2), (3) BGB)', () => {
    fc.assert(
      fc.property(localDate, amount, (trigger, n) => {
        const weekEnd = periodEnd(trigger, { amount: n, unit: 'weeks' })
        expect(daysBetween(trigger, weekEnd)).toBe(7 * n)
        expect(isoWeekday(weekEnd)).toBe(isoWeekday(trigger))

        const monthEnd = periodEnd(trigger, { amount: n, unit: 'months' })
        const [year, month, day] = trigger.split('-').map(Number) as [number, number, number]
        const monthIndex = year * 12 + month - 1 + n
        const expectedMonth = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`
        expect(monthEnd.slice(0, 7)).toBe(expectedMonth)
        const endDay = Number(monthEnd.slice(8))
        const isLastOfMonth = !monthEnd.startsWith(addDays(monthEnd, 1).slice(0, 7))
        expect(endDay === day || (endDay < day && isLastOfMonth)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('move an end off a weekend or holiday to the first working day after it, no further (§ 193 BGB)', () => {
    fc.assert(
      fc.property(localDate, calendarUnit, amount, land, (trigger, durationUnit, n, seat) => {
        const unshifted = periodEnd(trigger, { amount: n, unit: durationUnit })
        const end = deadlineFrom(trigger, { amount: n, unit: durationUnit }, seat)
        expect(compareDates(end, unshifted)).toBeGreaterThanOrEqual(0)
        for (let day = unshifted; compareDates(day, end) < 0; day = addDays(day, 1)) {
          expect(isWorkingDay(day, seat)).toBe(false)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('count exactly n working days after the trigger', () => {
    fc.assert(
      fc.property(localDate, amount, land, (trigger, n, seat) => {
        const end = deadlineFrom(trigger, workingDays(n), seat)
        let counted = 0
        for (let day = addDays(trigger, 1); compareDates(day, end) <= 0; day = addDays(day, 1)) {
          if (isWorkingDay(day, seat)) counted += 1
        }
        expect(counted).toBe(n)
      }),
      { numRuns: 300 },
    )
  })

  it('treat n weeks and 7n days alike', () => {
    fc.assert(
      fc.property(localDate, amount, land, (trigger, n, seat) => {
        expect(deadlineFrom(trigger, weeks(n), seat)).toBe(deadlineFrom(trigger, days(7 * n), seat))
      }),
    )
  })

  it('next working day is a working day with none skipped', () => {
    fc.assert(
      fc.property(localDate, land, (date, seat) => {
        const next = nextWorkingDay(date, seat)
        expect(isWorkingDay(next, seat)).toBe(true)
        for (let day = date; compareDates(day, next) < 0; day = addDays(day, 1)) {
          expect(isWorkingDay(day, seat)).toBe(false)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('local date properties', () => {
  const anyDate = fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map(isoDay)

  it('addDays and daysBetween round-trip and agree with the UTC time line', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        const difference = daysBetween(a, b)
        expect(difference).toBe((Date.parse(b) - Date.parse(a)) / 86_400_000)
        expect(addDays(a, difference)).toBe(b)
        expect(daysBetween(b, addDays(b, 0 - difference))).toBe(0 - difference)
        expect(Math.sign(compareDates(a, b))).toBe(a < b ? -1 : a > b ? 1 : 0)
      }),
      { numRuns: 1000 },
    )
  })

  it('accept exactly the real calendar dates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
          const utc = new Date(0)
          utc.setUTCFullYear(year, month - 1, day)
          const isReal = year >= 1 && month >= 1 && month <= 12 && day >= 1 && isoDay(utc) === text
          expect(isLocalDate(text)).toBe(isReal)
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('take the UTC date of an instant when asked for UTC', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (instant) => {
          expect(toLocalDate(instant, 'UTC')).toBe(isoDay(instant))
        },
      ),
      { numRuns: 500 },
    )
  })
})

function isoDay(instant: Date): LocalDate {
  return instant.toISOString().slice(0, 10)
}

/** Knuth's Algorithm E (TAOCP vol. 1, 1.3.2): an Easter computus independent of the module's. */
function knuthEaster(year: number): LocalDate {
  const golden = (year % 19) + 1
  const century = Math.floor(year / 100) + 1
  const droppedLeapYears = Math.floor((3 * century) / 4) - 12
  const moonCorrection = Math.floor((8 * century + 5) / 25) - 5
  const sunday = Math.floor((5 * year) / 4) - droppedLeapYears - 10
  let epact = (((11 * golden + 20 + moonCorrection - droppedLeapYears) % 30) + 30) % 30
  if ((epact === 25 && golden > 11) || epact === 24) epact += 1
  let fullMoon = 44 - epact
  if (fullMoon < 21) fullMoon += 30
  const easter = fullMoon + 7 - ((sunday + fullMoon) % 7)
  const pad = (value: number) => String(value).padStart(2, '0')
  return easter > 31 ? `${year}-04-${pad(easter - 31)}` : `${year}-03-${pad(easter)}`
}
