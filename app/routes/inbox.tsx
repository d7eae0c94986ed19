import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

import { Pagination } from '~/components/pagination'
import { UnreadBadge } from '~/components/messages/unread-badge'
import {
  listInbox,
  markCaseUnread,
  markRead,
  messageReaderFor,
  type InboxEntry,
  type MessageReader,
} from '~/models/message.server'
import { InboxActionSchema, InboxQuerySchema, type InboxQuery } from '~/schemas/message'
import messageStyles from '~/styles/messages.css'
import { badRequest, parseForm } from '~/utils/forms.server'
import { formatDateTime } from '~/utils/locale-format'
import type { PageHandle } from '~/utils/page-title'
import { forbidden } from '~/utils/permissions.server'
import { requireUser } from '~/utils/session.server'
import { redirectWithToast } from '~/utils/toast.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: messageStyles }]

export const handle: PageHandle = { pageTitle: (t) => t('messages:inbox.title') }

/** Organization members and case-working officers have an inbox; admins and mission staff do not. */
async function requireReader(request: Request): Promise<MessageReader> {
  const user = await requireUser(request)
  return messageReaderFor(user) ?? forbidden()
}

export async function loader({ request }: LoaderFunctionArgs) {
  const reader = await requireReader(request)
  const query = InboxQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  return { side: reader.side, query, ...(await listInbox(reader, query)) }
}

export async function action({ request }: ActionFunctionArgs) {
  const reader = await requireReader(request)
  const submission = await parseForm(request, InboxActionSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const { intent, caseId } = submission.value
  if (intent === 'markRead') await markRead(reader, caseId)
  else await markCaseUnread(reader, caseId)
  const { search } = new URL(request.url)
  return redirectWithToast(
    `/inbox${search}`,
    intent === 'markRead' ? 'messages:toast.markedRead' : 'messages:toast.markedUnread',
  )
}

export default function Inbox() {
  const { t } = useTranslation('messages')
  const { side, query, rows, total, pageCount } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t('inbox.title')}</h1>
      <p>{t(side === 'organization' ? 'inbox.orgIntro' : 'inbox.officerIntro')}</p>
      <InboxFilters query={query} />
      <p role="status">{t('inbox.resultCount', { count: total })}</p>
      {rows.length > 0 ? <InboxTable rows={rows} side={side} /> : <p>{t('inbox.empty')}</p>}
      <InboxPagination query={query} pageCount={pageCount} />
    </>
  )
}

function InboxFilters({ query }: { query: InboxQuery }) {
  const { t } = useTranslation('messages')
  const id = useId()
  return (
    <Form method="get" role="search" className="form-grid">
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('inbox.search')}</label>
        <input id={`${id}-q`} type="search" name="q" defaultValue={query.q} maxLength={100} dir="ltr" />
      </div>
      <fieldset className="field">
        <legend>{t('inbox.showOnly')}</legend>
        <div className="choice">
          <input id={`${id}-unread`} type="checkbox" name="unread" defaultChecked={query.unread} />
          <label htmlFor={`${id}-unread`}>{t('inbox.unreadOnly')}</label>
        </div>
        <div className="choice">
          <input id={`${id}-waiting`} type="checkbox" name="waiting" defaultChecked={query.waiting} />
          <label htmlFor={`${id}-waiting`}>{t('inbox.waitingOnly')}</label>
        </div>
      </fieldset>
      <div className="field field-action">
        <button type="submit" className="button">
          {t('inbox.apply')}
        </button>
      </div>
    </Form>
  )
}

function conversationHref(entry: InboxEntry, side: MessageReader['side']) {
  return side === 'organization'
    ? `/organizations/${entry.case.organizationId}/cases/${entry.case.id}/messages`
    : `/authority/cases/${entry.case.id}/messages`
}

function InboxTable({ rows, side }: { rows: InboxEntry[]; side: MessageReader['side'] }) {
  const { t, i18n } = useTranslation('messages')
  const location = useLocation()
  const formAction = `/inbox${location.search}`
  return (
    <div className="table-wrap">
      <table className="inbox-table">
        <caption className="visually-hidden">{t('inbox.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('inbox.case')}</th>
            <th scope="col">{t('inbox.latest')}</th>
            <th scope="col">{t('inbox.unread')}</th>
            <th scope="col">{t('inbox.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entry) => (
            <tr key={entry.case.id} className={entry.unread > 0 ? 'inbox-unread' : undefined}>
              <th scope="row">
                <Link to={conversationHref(entry, side)} dir="ltr">
                  {entry.case.fileNumber}
                </Link>
                <br />
                {t('candidates:list.name', entry.case.candidate)}
              </th>
              <td>
                <p className="message-meta">
                  {entry.lastMessage.visibility === 'INTERNAL' ? (
                    <span className="badge badge-internal">{t('thread.internalShort')}</span>
                  ) : null}{' '}
                  {entry.lastMessage.authorName} ({t(`side.${entry.lastMessage.side}`)}),{' '}
                  <time dateTime={new Date(entry.lastMessage.createdAt).toISOString()}>
                    {formatDateTime(entry.lastMessage.createdAt, i18n.language)}
                  </time>
                </p>
                <p>{entry.lastMessage.excerpt}</p>
                {entry.isWaitingForReply ? <p className="badge badge-waiting">{t('inbox.waiting')}</p> : null}
              </td>
              <td>{entry.unread > 0 ? <UnreadBadge count={entry.unread} /> : t('inbox.noneUnread')}</td>
              <td>
                <Form method="post" action={formAction}>
                  <input type="hidden" name="caseId" value={entry.case.id} />
                  {entry.unread > 0 ? (
                    <button type="submit" name="intent" value="markRead" className="button button-quiet">
                      {t('inbox.markRead')}
                    </button>
                  ) : (
                    <button type="submit" name="intent" value="markUnread" className="button button-quiet">
                      {t('inbox.markUnread')}
                    </button>
                  )}
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function pageHref(query: InboxQuery, page: number) {
  return `?${new URLSearchParams({
    ...(query.q ? { q: query.q } : {}),
    ...(query.unread ? { unread: 'on' } : {}),
    ...(query.waiting ? { waiting: 'on' } : {}),
    page: String(page),
  })}`
}

function InboxPagination({ query, pageCount }: { query: InboxQuery; pageCount: number }) {
  const { t } = useTranslation('messages')
  return (
    <Pagination
      label={t('inbox.pagination')}
      page={query.page}
      pageCount={pageCount}
      hrefFor={(page) => pageHref(query, page)}
    />
  )
}
