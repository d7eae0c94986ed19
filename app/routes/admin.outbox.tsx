import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

import { SubmitButton } from '~/components/form'
import { outboxOverview, retryDeadEmail } from '~/models/outbox.server'
import { RetryOutboxEmailSchema } from '~/schemas/outbox'
import { badRequest, parseForm } from '~/utils/forms.server'
import { formatDateTime } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { requireAuthority } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const handle: PageHandle = { pageTitle: (t) => t('staff:outbox.title') }

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAuthority(request, 'manageSettings')
  return outboxOverview()
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAuthority(request, 'manageSettings')
  const submission = await parseForm(request, RetryOutboxEmailSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const isRetried = await retryDeadEmail(admin, submission.value.id)
  return redirectWithToast(
    '/admin/outbox',
    isRetried ? 'staff:outbox.toast.retried' : 'staff:outbox.toast.notDead',
  )
}

export default function Outbox() {
  const { t, i18n } = useTranslation('staff')
  const { counts, emails } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <dl className="details">
        {(['PENDING', 'SENT', 'DEAD'] as const).map((status) => (
          <Fragment key={status}>
            <dt>{t(`outbox.status.${status}`)}</dt>
            <dd>{counts[status]}</dd>
          </Fragment>
        ))}
      </dl>
      <h2>{t('outbox.troubled.heading')}</h2>
      {emails.length === 0 ? (
        <p role="status">{t('outbox.troubled.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>{t('outbox.troubled.caption', { total: emails.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.fields.kind')}</th>
                <th scope="col">{t('outbox.fields.recipient')}</th>
                <th scope="col">{t('outbox.fields.status')}</th>
                <th scope="col">{t('outbox.fields.createdAt')}</th>
                <th scope="col">{t('outbox.fields.attempts')}</th>
                <th scope="col">{t('outbox.fields.lastError')}</th>
                <th scope="col">{t('outbox.fields.nextAttemptAt')}</th>
                <th scope="col">{t('outbox.fields.action')}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => {
                const kind = t(`outbox.kinds.${email.kind}`, { defaultValue: email.kind })
                return (
                  <tr key={email.id}>
                    <th scope="row">{kind}</th>
                    <td dir="ltr">{email.recipient}</td>
                    <td>{t(`outbox.status.${email.status}`)}</td>
                    <td>{formatDateTime(email.createdAt, i18n.language)}</td>
                    <td>{email.attempts}</td>
                    <td dir="ltr">{email.lastError}</td>
                    <td>
                      {email.status === 'PENDING' ? formatDateTime(email.nextAttemptAt, i18n.language) : '–'}
                    </td>
                    <td>
                      {email.status === 'DEAD' ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="retry" />
                          <input type="hidden" name="id" value={email.id} />
                          <SubmitButton className="button">
                            {t('outbox.retry')}
                            <span className="visually-hidden">
                              {' '}
                              {t('outbox.retryWhich', { kind, recipient: email.recipient })}
                            </span>
                          </SubmitButton>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
