import type { EmailTemplate } from './compose.server'

type Props = { firstName: string; url: string; validHours: number }

export const resetPasswordTemplate: EmailTemplate<Props> = {
  subject: (t) => t('auth:emails.reset.subject'),
  Body: ({ t, firstName, url, validHours }) => (
    <>
      <p>{t('auth:emails.greeting', { name: firstName })}</p>
      <p>{t('auth:emails.reset.intro')}</p>
      <p>
        <a href={url}>{t('auth:emails.reset.action')}</a>
      </p>
      <p>{t('auth:emails.linkValidity', { count: validHours })}</p>
      <p>{t('auth:emails.reset.notYou')}</p>
    </>
  ),
}
