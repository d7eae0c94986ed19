import type { TFunction } from 'i18next'

import type { StaffRole } from '~/utils/permissions'

import type { EmailTemplate } from './compose.server'

type StaffInvitationProps = {
  firstName: string
  role: StaffRole
  setupUrl: string
  validDays: number
}

function StaffInvitationBody({
  t,
  firstName,
  role,
  setupUrl,
  validDays,
}: StaffInvitationProps & { t: TFunction }) {
  return (
    <>
      <p>{t('staff:emails.invitation.greeting', { firstName })}</p>
      <p>{t('staff:emails.invitation.intro', { role: t(`staff:roles.${role}`) })}</p>
      <p>
        <a
          href={setupUrl}
          style={{
            display: 'inline-block',
            background: '#0b4f6c',
            color: '#ffffff',
            padding: '10px 18px',
            borderRadius: '6px',
            fontWeight: 700,
            textDecoration: 'none',
          }}
        >
          {t('staff:emails.invitation.action')}
        </a>
      </p>
      <p>{t('staff:emails.invitation.validity', { count: validDays })}</p>
      <p>{t('staff:emails.invitation.unexpected')}</p>
    </>
  )
}

/** Sent when an administrator creates a staff account: the link lets the new user set a password. */
export const staffInvitationEmail: EmailTemplate<StaffInvitationProps> = {
  subject: (t) => t('staff:emails.invitation.subject'),
  Body: StaffInvitationBody,
}
