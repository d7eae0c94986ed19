import type { EmailTemplate } from './compose.server'

type Props = { firstName: string; resetUrl: string }

/** A security notice: if someone else changed the password, the owner learns of it and can take it back. */
export const passwordChangedTemplate: EmailTemplate<Props> = {
  subject: (t) => t('auth:emails.passwordChanged.subject'),
  Body: ({ t, firstName, resetUrl }) => (
    <>
      <p>{t('auth:emails.greeting', { name: firstName })}</p>
      <p>{t('auth:emails.passwordChanged.intro')}</p>
      <p>{t('auth:emails.passwordChanged.sessions')}</p>
      <p>{t('auth:emails.passwordChanged.notYou')}</p>
      <p>
        <a href={resetUrl}>{t('auth:emails.passwordChanged.action')}</a>
      </p>
    </>
  ),
}
