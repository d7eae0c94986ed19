import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton } from '~/components/form'
import { listSessions, revokeOtherSessions } from '~/models/session.server'
import { formatDateTime } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('auth:account.sessions.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { sessions: await listSessions(user) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  await revokeOtherSessions(user)
  return redirectWithToast('/account/sessions', 'auth:account.sessions.revoked')
}

export default function Sessions() {
  const { t, i18n } = useTranslation('auth')
  const { sessions } = useLoaderData<typeof loader>()
  const hasOthers = sessions.some((session) => !session.isCurrent)
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('account.sessions.title')}</h2>
      <p>{t('account.sessions.intro')}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('account.sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.sessions.device')}</th>
              <th scope="col">{t('account.sessions.signedIn')}</th>
              <th scope="col">{t('account.sessions.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  {session.device
                    ? t('account.sessions.deviceName', session.device)
                    : t('account.sessions.unknownDevice')}
                  {session.isCurrent ? (
                    <>
                      {' '}
                      <span className="badge badge-verified">{t('account.sessions.current')}</span>
                    </>
                  ) : null}
                </td>
                <td>{formatDateTime(session.createdAt, i18n.language)}</td>
                <td>{formatDateTime(session.lastSeenAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasOthers ? (
        <Form method="post">
          <SubmitButton className="button button-danger">{t('account.sessions.revokeOthers')}</SubmitButton>
        </Form>
      ) : (
        <p>{t('account.sessions.noOthers')}</p>
      )}
    </section>
  )
}
