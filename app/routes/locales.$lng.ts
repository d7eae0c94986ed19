import type { LoaderFunctionArgs } from '@remix-run/node'

import { isSupportedLanguage } from '~/utils/i18n'
import { getResources } from '~/utils/i18n.server'
import { notFound } from '~/utils/permissions.server'

/** All namespaces of one language, for the browser's i18next (public, cacheable). */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isSupportedLanguage(params.lng)) notFound()
  return Response.json(getResources()[params.lng], {
    headers: { 'Cache-Control': 'public, max-age=300' },
  })
}
