import type { OrgRole } from '~/generated/prisma/client'
import { AUTHORITY_TIME_ZONE } from '~/utils/locale-format'

import type { EmailTemplate } from './compose.server'

export type OrganizationInvitationEmailProps = {
  organizationName: string
  role: OrgRole
  url: string
  /** ISO 8601: the values of a queued email travel as JSON. */
  expiresAt: string
}

export const organizationInvitationEmail: EmailTemplate<OrganizationInvitationEmailProps> = {
  subject: (t) => t('organizations:emails.invitation.subject'),
  Body: ({ t, organizationName, role, url, expiresAt }) => (
    <>
      <p>{t('organizations:emails.invitation.greeting')}</p>
      <p>
        {t('organizations:emails.invitation.body', {
          organizationName,
          role: t(`organizations:roles.${role}`),
        })}
      </p>
      <p>{t('organizations:emails.invitation.about')}</p>
      <p>
        <a href={url}>{t('organizations:emails.invitation.action')}</a>
      </p>
      <p>
        {t('organizations:emails.invitation.expires', {
          expiresAt: new Date(expiresAt),
          formatParams: {
            expiresAt: { dateStyle: 'long', timeStyle: 'short', timeZone: AUTHORITY_TIME_ZONE },
          },
        })}
      </p>
      <p>{t('organizations:emails.invitation.ignore')}</p>
    </>
  ),
}
