import { describe, expect, it } from 'vitest'

import { formatDate, formatDateTime, formatEuros, formatFileSize, formatMonth } from '~/utils/locale-format'

// 22:30 UTC on 1 May is already 2 May in Berlin (summer time, UTC+2).
const lateEvening = '2026-05-01T22:30:00Z'

describe('formatting for the page language', () => {
  it('shows dates in the authority time zone', () => {
    expect(formatDate(lateEvening, 'de')).toBe('2. Mai 2026')
    expect(formatDate(new Date(lateEvening), 'en')).toBe('May 2, 2026')
    expect(formatDateTime(lateEvening, 'de')).toBe('2. Mai 2026, 00:30 MESZ')
  })

  it('keeps Latin digits on Arabic pages', () => {
    for (const text of [
      formatDate(lateEvening, 'ar'),
      formatDateTime(lateEvening, 'ar'),
      formatMonth('2026-01-15', 'ar'),
      formatEuros({ fee: 75 }, 'ar').fee,
    ]) {
      expect(text).toMatch(/[0-9]/)
      expect(text).not.toMatch(/[\u0660-\u0669]/)
    }
    expect(formatDate(lateEvening, 'ar')).toContain('2026')
  })

  it('names months and amounts in euros', () => {
    expect(formatMonth('2026-01-31', 'de')).toBe('Januar 2026')
    // Intl puts a no-break space between amount and sign.
    expect(formatEuros({ fee: 75, reduced: 37.5 }, 'de')).toEqual({
      fee: '75\u00a0€',
      reduced: '37,50\u00a0€',
    })
  })
})

describe('formatFileSize', () => {
  it('shows kB below a megabyte and MB above, never 0, with Latin digits in Arabic', () => {
    expect(formatFileSize(45, 'de')).toEqual({ value: '0,1', unit: 'kilobytes' })
    expect(formatFileSize(1536, 'en')).toEqual({ value: '1.5', unit: 'kilobytes' })
    expect(formatFileSize(20 * 1024 * 1024, 'ar')).toEqual({ value: '20', unit: 'megabytes' })
  })
})
