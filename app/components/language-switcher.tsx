import { Form } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { languages } from '~/utils/i18n'

/** A plain form (works without JavaScript); the page reloads in the chosen language. */
export function LanguageSwitcher({ redirectTo }: { redirectTo: string }) {
  const { t, i18n } = useTranslation()
  const id = useId()
  return (
    <Form method="post" action="/language" reloadDocument className="language-switcher">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <label htmlFor={id}>{t('shell.language')}</label>
      <select id={id} name="lng" defaultValue={i18n.language}>
        {languages.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-quiet">
        {t('shell.changeLanguage')}
      </button>
    </Form>
  )
}
