import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { SubmitButton } from '~/components/form'
import { listSessions, revokeOtherSessions } from '~/models/session.server'
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

/** Times in the authority's time zone, named, so server and browser render the same text. */
function dateFormatter(language: string) {
  const format = new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
    timeZoneName: 'short',
  })
  return (date: Date | string) => format.format(new Date(date))
}

export default function Sessions() {
  const { t, i18n } = useTranslation('auth')
  const { sessions } = useLoaderData<typeof loader>()
  const formatDate = dateFormatter(i18n.language)
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
                <td>{formatDate(session.createdAt)}</td>
                <td>{formatDate(session.lastSeenAt)}</td>
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
