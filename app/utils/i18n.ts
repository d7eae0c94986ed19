/** Languages the portal ships. The first is the default (the authority's working language). */
export const languages = [
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const

export type Language = (typeof languages)[number]['code']

export const defaultLanguage: Language = 'de'
export const supportedLanguages = languages.map((language) => language.code) as Language[]

export const namespaces = [
  'common',
  'auth',
  'organizations',
  'staff',
  'public',
  'eligibility',
  'candidates',
  'candidateImport',
  'workflow',
  'cases',
  'documents',
  'messages',
] as const
export const defaultNamespace = 'common'

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as string[]).includes(value)
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return languages.find((entry) => entry.code === language)?.dir ?? 'ltr'
}

export const i18nOptions = {
  supportedLngs: supportedLanguages,
  fallbackLng: defaultLanguage,
  defaultNS: defaultNamespace,
  ns: [...namespaces],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
} as const
