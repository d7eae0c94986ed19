import { useTranslation } from 'react-i18next'

import type { OrganizationStatus } from '~/schemas/organization'

/** The status as a word, not only a colour (WCAG 1.4.1). */
export function OrganizationStatusBadge({ status }: { status: OrganizationStatus }) {
  const { t } = useTranslation('organizations')
  return <span className={`badge badge-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>
}
