import { describe, expect, it } from 'vitest'

import { CandidateSchema, passportExpiresSoon } from '~/schemas/candidate'
import { addMonths, fullYearsBetween, isDateOnly, todayDateOnly } from '~/utils/date-only'

describe('calendar dates', () => {
  it('accepts only real dates', () => {
    expect(isDateOnly('2024-02-29')).toBe(true)
    expect(isDateOnly('2025-02-29')).toBe(false)
    expect(isDateOnly('2025-2-1')).toBe(false)
  })

  it('adds months, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15')
  })

  it('counts full years, a day before the birthday still the younger age', () => {
    expect(fullYearsBetween('2000-06-15', '2015-06-14')).toBe(14)
    expect(fullYearsBetween('2000-06-15', '2015-06-15')).toBe(15)
  })
})

describe('the passport validity warning', () => {
  it('asks for 6 months after the intended entry', () => {
    expect(passportExpiresSoon('2027-01-31', '2026-08-01')).toBe(true)
    expect(passportExpiresSoon('2027-02-01', '2026-08-01')).toBe(false)
  })

  it('is a confirmable warning, not an error', () => {
    const form = {
      surname: 'Nguyễn',
      givenNames: 'Thị Mai',
      dateOfBirth: '1998-03-01',
      placeOfBirth: 'Hà Nội',
      nationality: 'VN',
      passportNumber: 'c 1234567',
      passportExpiry: addMonths(todayDateOnly(), 3),
      email: 'mai@example.test',
      phone: '+84 24 1234567',
      preferredLanguage: 'en',
      qualificationKind: 'VOCATIONAL',
      qualificationTitle: 'Pflegefachfrau',
      qualificationCountry: 'VN',
      qualificationYear: '2019',
      countryOfResidence: 'VN',
    }
    const warned = CandidateSchema.safeParse(form)
    expect(warned.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['confirmPassportExpiry'])
    const confirmed = CandidateSchema.parse({ ...form, confirmPassportExpiry: 'on' })
    expect(confirmed.passportNumber).toBe('C1234567')
    expect(confirmed.qualificationYear).toBe(2019)
  })
})
