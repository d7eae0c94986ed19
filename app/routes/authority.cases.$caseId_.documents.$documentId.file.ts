import type { LoaderFunctionArgs } from '@remix-run/node'

import { openDocumentFile } from '~/models/document.server'
import { requireAuthorityCase } from '~/utils/case-access.server'
import { isInlineRequest, serveDocumentFile } from '~/utils/document-response.server'

/** One version's file for the officers: a download, or with `?inline=1` the preview on the review page; audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, kase } = await requireAuthorityCase(request, params)
  const isInline = isInlineRequest(request)
  return serveDocumentFile(
    request,
    () => openDocumentFile(user, kase, params.documentId ?? '', isInline ? 'preview' : 'download'),
    { isInline },
  )
}
