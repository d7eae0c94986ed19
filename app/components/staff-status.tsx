import { useTranslation } from 'react-i18next'

/** Active, deactivated, or still waiting for the person to set a password: in words, not only colour. */
export function StaffStatus({
  isDeactivated,
  hasPassword,
}: {
  isDeactivated: boolean
  hasPassword: boolean
}) {
  const { t } = useTranslation('staff')
  if (isDeactivated) return <span className="badge badge-rejected">{t('status.deactivated')}</span>
  return (
    <>
      <span className="badge badge-verified">{t('status.active')}</span>
      {hasPassword ? null : (
        <>
          {' '}
          <span className="badge badge-pending">{t('status.invitationPending')}</span>
        </>
      )}
    </>
  )
}
