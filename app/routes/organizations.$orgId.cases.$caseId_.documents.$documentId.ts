import type { LoaderFunctionArgs } from '@remix-run/node'

import { openDocumentFile } from '~/models/document.server'
import { requireOrganizationCase } from '~/utils/case-access.server'
import { serveDocumentFile } from '~/utils/document-response.server'

/** One version's file for the organization's members, always as a download; audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, kase } = await requireOrganizationCase(request, params)
  return serveDocumentFile(request, () => openDocumentFile(user, kase, params.documentId ?? '', 'download'), {
    isInline: false,
  })
}
