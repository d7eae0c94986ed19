import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { createCookie } from '@remix-run/node'
import { createInstance, type Resource } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'

import { defaultLanguage, i18nOptions, isSupportedLanguage, supportedLanguages, type Language } from './i18n'
import { getOptionalUser } from './session.server'

const LOCALES_DIR = 'locales'

let cachedResources: Resource | undefined

/** All translations, read once from `locales/<lng>/<ns>.json`. */
export function getResources(): Resource {
  if (cachedResources && process.env.NODE_ENV === 'production') return cachedResources
  const resources: Resource = {}
  for (const language of supportedLanguages) {
    resources[language] = {}
    for (const file of readdirSync(join(LOCALES_DIR, language))) {
      if (!file.endsWith('.json')) continue
      resources[language][file.slice(0, -5)] = JSON.parse(
        readFileSync(join(LOCALES_DIR, language, file), 'utf8'),
      )
    }
  }
  cachedResources = resources
  return resources
}

export const languageCookie = createCookie('lng', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
})

/** Detection order: the signed-in user's saved preference, then the cookie, then Accept-Language. */
export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages,
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    order: ['custom', 'cookie', 'header'],
    async findLocale(request) {
      const user = await getOptionalUser(request)
      return user && isSupportedLanguage(user.locale) ? user.locale : null
    },
  },
  i18next: { ...i18nOptions, resources: getResources() },
})

export async function getLocale(request: Request): Promise<Language> {
  const locale = await remixI18n.getLocale(request)
  return isSupportedLanguage(locale) ? locale : defaultLanguage
}

/** A translator for server-side text (page titles, emails, messages in responses). */
export async function getTranslator(language: string) {
  const instance = createInstance()
  await instance.init({
    ...i18nOptions,
    lng: isSupportedLanguage(language) ? language : defaultLanguage,
    resources: getResources(),
  })
  return instance.t
}
