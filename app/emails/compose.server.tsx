import type { TFunction } from 'i18next'
import type { ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import { directionOf } from '~/utils/i18n'
import { getTranslator } from '~/utils/i18n.server'

import { EmailLayout } from './layout'

/** An email: a translated subject and a React body, both rendered in the recipient's language. */
export type EmailTemplate<P> = {
  subject: (t: TFunction, props: P) => string
  Body: (props: P & { t: TFunction }) => ReactElement
}

export async function composeEmail<P>(template: EmailTemplate<P>, locale: string, props: P) {
  const t = await getTranslator(locale)
  const subject = template.subject(t, props)
  const body = <template.Body {...props} t={t} />
  const html = `<!DOCTYPE html>${renderToStaticMarkup(
    <EmailLayout lang={locale} dir={directionOf(locale)} title={subject} footer={t('email.footer')}>
      {body}
    </EmailLayout>,
  )}`
  return { subject, html, text: htmlToText(renderToStaticMarkup(body)) }
}

/** A readable plain-text alternative: paragraphs on their own lines, links spelled out. */
export function htmlToText(html: string) {
  return html
    .replace(/<a [^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/g, '$2: $1')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|h1|h2|li|div)>/g, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
