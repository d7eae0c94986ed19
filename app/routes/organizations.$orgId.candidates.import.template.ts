import type { LoaderFunctionArgs } from '@remix-run/node'

import { candidateImportTemplate } from '~/models/candidate-import.server'
import { getLocale } from '~/utils/i18n.server'
import { requireOrganizationAccess } from '~/utils/permissions.server'

/** The import template in the user's language, as a download Excel opens with umlauts intact. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireOrganizationAccess(request, params.orgId, 'view')
  const { content, fileName, asciiFileName } = await candidateImportTemplate(await getLocale(request))
  return new Response(content, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      // RFC 6266: the plain name for old clients, the translated one (UTF-8, RFC 8187) for the rest
      'Content-Disposition': `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
