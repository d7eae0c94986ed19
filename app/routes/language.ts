import { redirect, type ActionFunctionArgs } from '@remix-run/node'

import { setPreferredLanguage } from '~/models/user.server'
import { LanguageSchema } from '~/schemas/language'
import { parseForm } from '~/utils/forms.server'
import { languageCookie } from '~/utils/i18n.server'
import { getOptionalUser, safeRedirectPath } from '~/utils/session.server'

/** The language switcher: remembered in a cookie and, for signed-in users, in their profile. */
export async function action({ request }: ActionFunctionArgs) {
  const submission = await parseForm(request, LanguageSchema)
  if (!submission.ok) throw new Response('Bad Request', { status: 400 })
  const { lng, redirectTo } = submission.value
  const user = await getOptionalUser(request)
  if (user) await setPreferredLanguage(user.id, lng)
  return redirect(safeRedirectPath(redirectTo, '/'), {
    headers: { 'Set-Cookie': await languageCookie.serialize(lng) },
  })
}

export const loader = () => redirect('/')
