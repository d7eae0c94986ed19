import { redirect, type ActionFunctionArgs } from '@remix-run/node'

import { recordLogout } from '~/models/login.server'
import { destroySession, getOptionalUser } from '~/utils/session.server'

/** POST only: a link or prefetch must never sign anyone out. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getOptionalUser(request)
  const clearCookie = await destroySession(request)
  if (user) await recordLogout(user.id)
  return redirect('/', { headers: { 'Set-Cookie': clearCookie } })
}

export const loader = () => redirect('/')
