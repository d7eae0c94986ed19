import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** Previous page, "page x of y", next page; `hrefFor` keeps the list's filters in each link. */
export function Pagination({
  label,
  page,
  pageCount,
  hrefFor,
}: {
  label: string
  page: number
  pageCount: number
  hrefFor: (page: number) => string
}) {
  const { t } = useTranslation()
  if (pageCount <= 1) return null
  return (
    <nav aria-label={label}>
      <p>
        {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : null}{' '}
        {t('pagination.pageOf', { page, pageCount })}{' '}
        {page < pageCount ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : null}
      </p>
    </nav>
  )
}
