/** The one password of every demo and test account (README). Kept apart so browser tests need no database. */
export const DEMO_PASSWORD = 'liaison-demo-2026'
