import type { EmailTemplate } from './compose.server'
import type { OrganizationDecisionEmailProps } from './organization-verified'

/** The reason is not repeated in the email: it may be detailed, so it is shown only after signing in. */
export const organizationRejectedEmail: EmailTemplate<OrganizationDecisionEmailProps> = {
  subject: (t) => t('organizations:emails.rejected.subject'),
  Body: ({ t, firstName, organizationName, url }) => (
    <>
      <p>{t('organizations:emails.greeting', { firstName })}</p>
      <p>{t('organizations:emails.rejected.body', { organizationName })}</p>
      <p>{t('organizations:emails.rejected.reasonOnline')}</p>
      <p>
        <a href={url}>{t('organizations:emails.openOrganization')}</a>
      </p>
    </>
  ),
}
