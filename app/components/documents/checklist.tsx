import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

import type { ChecklistItem, DocumentState, DocumentVersion } from '~/models/document.server'
import { fromDateOnly } from '~/utils/date-only'
import { formatDate, formatDateTime, formatFileSize } from '~/utils/locale-format'

const badgeClass: Record<DocumentState, string> = {
  MISSING: 'badge',
  UPLOADED: 'badge badge-pending',
  ACCEPTED: 'badge badge-verified',
  REJECTED: 'badge badge-rejected',
  EXPIRED: 'badge badge-rejected',
}

export function DocumentStateBadge({ state }: { state: DocumentState }) {
  const { t } = useTranslation('documents')
  return <span className={badgeClass[state]}>{t(`state.${state}`)}</span>
}

/** Bytes as the reader's language writes them, in kB or MB. */
export function FileSize({ bytes }: { bytes: number }) {
  const { t, i18n } = useTranslation('documents')
  const { value, unit } = formatFileSize(bytes, i18n.language)
  return <>{t(`size.${unit}`, { value })}</>
}

export type VersionLinks = {
  /** The file of a version, as a download. */
  fileHref: (version: DocumentVersion) => string
  /** The officer's review page of a version. */
  reviewHref?: (version: DocumentVersion) => string
}

/**
 * One checklist item: what is asked for and why, its state, the reason of a rejection where the reader
 * sees it first, the versions so far, and what the reader can do about it (`children`).
 */
export function ChecklistEntry({
  item,
  links,
  children,
}: {
  item: ChecklistItem
  links: VersionLinks
  children?: ReactNode
}) {
  const { t, i18n } = useTranslation('documents')
  const name = t(`workflow:documents.${item.key}.name`)
  const headingId = `document-${item.key}`
  const newest = item.versions[0]
  return (
    <li className="document-item" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {name} <DocumentStateBadge state={item.state} />
      </h2>
      <p>{t(`workflow:documents.${item.key}.hint`)}</p>
      <p className="document-meta">
        {t(item.isRequired ? 'item.required' : 'item.optional')} · {t(`item.providedBy.${item.providedBy}`)}
      </p>
      {item.state === 'REJECTED' && newest?.reviewNote ? (
        <div className="form-error">
          <p>{t('item.rejected', { reason: newest.reviewNote })}</p>
        </div>
      ) : null}
      {item.state === 'ACCEPTED' && !newest ? <p>{t('item.acceptedOnPaper')}</p> : null}
      {item.state === 'EXPIRED' && newest?.passportExpiry ? (
        <p className="notice">
          {t('item.expired', { date: formatDate(fromDateOnly(newest.passportExpiry), i18n.language) })}
        </p>
      ) : null}
      {item.passportWarning ? (
        <p className="notice">
          {t('item.passportWarning', {
            expiresOn: formatDate(fromDateOnly(item.passportWarning.expiresOn), i18n.language),
            entryOn: formatDate(fromDateOnly(item.passportWarning.entryOn), i18n.language),
          })}
        </p>
      ) : null}
      {item.versions.length > 0 ? (
        <VersionTable name={name} versions={item.versions} links={links} />
      ) : (
        <p>{t('versions.none')}</p>
      )}
      {children}
    </li>
  )
}

function VersionTable({
  name,
  versions,
  links,
}: {
  name: string
  versions: DocumentVersion[]
  links: VersionLinks
}) {
  const { t, i18n } = useTranslation('documents')
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('versions.caption', { document: name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.version')}</th>
            <th scope="col">{t('versions.file')}</th>
            <th scope="col">{t('versions.uploaded')}</th>
            <th scope="col">{t('versions.status')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.id}>
              <th scope="row">{version.version}</th>
              <td>
                <a
                  href={links.fileHref(version)}
                  download
                  aria-label={t('versions.download', {
                    version: version.version,
                    name: version.originalName,
                  })}
                >
                  <bdi>{version.originalName}</bdi>
                </a>{' '}
                (<FileSize bytes={version.size} />)
              </td>
              <td>
                {t('versions.by', {
                  date: formatDateTime(version.createdAt, i18n.language),
                  name: version.uploadedBy,
                })}
              </td>
              <td>
                {t(`status.${version.status}`)}
                {version.reviewedAt && version.reviewedBy ? (
                  <>
                    {' '}
                    {t('versions.by', {
                      date: formatDateTime(version.reviewedAt, i18n.language),
                      name: version.reviewedBy,
                    })}
                  </>
                ) : null}
                {version.status === 'REJECTED' && version.reviewNote ? (
                  <p>{t('versions.reason', { reason: version.reviewNote })}</p>
                ) : null}
                {links.reviewHref ? (
                  <p>
                    <Link to={links.reviewHref(version)}>
                      {t(version.status === 'UPLOADED' ? 'versions.review' : 'versions.view', {
                        version: version.version,
                      })}
                    </Link>
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
