import type { EmailTemplate } from './compose.server'

export type OrganizationDecisionEmailProps = { firstName: string; organizationName: string; url: string }

export const organizationVerifiedEmail: EmailTemplate<OrganizationDecisionEmailProps> = {
  subject: (t) => t('organizations:emails.verified.subject'),
  Body: ({ t, firstName, organizationName, url }) => (
    <>
      <p>{t('organizations:emails.greeting', { firstName })}</p>
      <p>{t('organizations:emails.verified.body', { organizationName })}</p>
      <p>{t('organizations:emails.verified.nextSteps')}</p>
      <p>
        <a href={url}>{t('organizations:emails.openOrganization')}</a>
      </p>
    </>
  ),
}
