import { redirect, type LoaderFunctionArgs } from '@remix-run/node'

import { requireAuthority } from '~/utils/permissions.server'

/** The administration area starts with the staff accounts. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuthority(request, 'manageStaff')
  return redirect('/admin/staff')
}
