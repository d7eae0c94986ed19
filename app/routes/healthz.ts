import { isDatabaseUp } from '~/utils/db.server'

/** Liveness and database check for load balancers and monitoring. */
export async function loader() {
  const isUp = await isDatabaseUp()
  return Response.json(
    { status: isUp ? 'ok' : 'error', db: isUp ? 'ok' : 'down' },
    { status: isUp ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
