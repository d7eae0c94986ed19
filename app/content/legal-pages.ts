/** Dates and facts of the legal pages (accessibility statement, privacy notice). */

/** The accessibility statement was prepared on this date (EU 2018/1523 model: date of preparation). */
export const ACCESSIBILITY_STATEMENT_DATE = '2026-11-24'

/** The privacy notice describes the portal as of this date. */
export const PRIVACY_NOTICE_DATE = '2026-11-24'

/**
 * Every cookie the portal sets: all strictly necessary (§ 25 Abs. 2 Nr. 2 TDDDG), no tracking.
 * Purpose and lifetime texts under `privacy.cookies.<key>`.
 */
export const cookies = [
  { name: '__session', key: 'session' },
  { name: 'lng', key: 'language' },
  { name: 'toast', key: 'notice' },
] as const
