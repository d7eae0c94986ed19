import { useTranslation } from 'react-i18next'

/** A number to the eye, "3 unread" to a screen reader. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation('messages')
  return (
    <span className="badge badge-unread">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('unread', { count })}</span>
    </span>
  )
}
