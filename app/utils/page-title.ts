import { isRouteErrorResponse, useMatches, useRouteError } from '@remix-run/react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'

/** Routes name their page through `handle.pageTitle`, so every title is translated (WCAG 2.4.2). */
export type PageHandle = {
  pageTitle: (t: TFunction, data: unknown) => string
}

/** A page of one case, titled `key` with the case's file number (`kase.fileNumber` of the loader data). */
export function caseHandle(key: string): PageHandle {
  return {
    pageTitle: (t, data) => {
      const fileNumber = (data as { kase?: { fileNumber: string } } | undefined)?.kase?.fileNumber
      return fileNumber ? t(key, { fileNumber }) : t('cases:list.title')
    },
  }
}

export function errorKind(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500
  return status === 404 ? 'notFound' : status === 403 ? 'forbidden' : 'unexpected'
}

export function usePageTitle() {
  const { t } = useTranslation()
  const matches = useMatches()
  const error = useRouteError()
  const appName = t('app.name')
  if (error) return `${t(`errors.${errorKind(error)}.title`)} – ${appName}`
  const titled = matches.findLast((match) => (match.handle as Partial<PageHandle> | undefined)?.pageTitle)
  const pageTitle = (titled?.handle as PageHandle | undefined)?.pageTitle(t, titled?.data)
  return pageTitle ? `${pageTitle} – ${appName}` : appName
}
