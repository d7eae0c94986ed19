import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** The case page's way into its conversation, saying how many messages the reader has not read. */
export function CaseMessagesLink({ href, unread }: { href: string; unread: number }) {
  const { t } = useTranslation('messages')
  return (
    <p>
      <Link to={href}>{unread > 0 ? t('caseLinkUnread', { count: unread }) : t('caseLink')}</Link>
    </p>
  )
}
