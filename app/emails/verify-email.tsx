import type { EmailTemplate } from './compose.server'

type Props = { firstName: string; url: string; validHours: number }

export const verifyEmailTemplate: EmailTemplate<Props> = {
  subject: (t) => t('auth:emails.verify.subject'),
  Body: ({ t, firstName, url, validHours }) => (
    <>
      <p>{t('auth:emails.greeting', { name: firstName })}</p>
      <p>{t('auth:emails.verify.intro')}</p>
      <p>
        <a href={url}>{t('auth:emails.verify.action')}</a>
      </p>
      <p>{t('auth:emails.linkValidity', { count: validHours })}</p>
      <p>{t('auth:emails.verify.notYou')}</p>
    </>
  ),
}
