import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

import { MessageComposer, MessageThread } from '~/components/messages/conversation'
import { listConversation, markRead, markUnread, authorityReader, postMessage } from '~/models/message.server'
import { MarkUnreadSchema, OfficerMessageSchema } from '~/schemas/message'
import messageStyles from '~/styles/messages.css'
import { requireAuthorityCase } from '~/utils/case-access.server'
import { isFormReply } from '~/utils/forms'
import { badRequest, formError, parseForm } from '~/utils/forms.server'
import type { PageHandle } from '~/utils/page-title'
import { notFound } from '~/utils/permissions.server'
import { redirectWithToast } from '~/utils/toast.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: messageStyles }]

export const handle: PageHandle = {
  pageTitle: (t, data) => {
    const fileNumber = (data as { kase?: { fileNumber: string } } | undefined)?.kase?.fileNumber
    return t('messages:thread.title', { fileNumber: fileNumber ?? '' })
  },
}

async function requireConversation(request: Request, params: LoaderFunctionArgs['params']) {
  const { user, kase } = await requireAuthorityCase(request, params)
  return { reader: authorityReader(user.id), kase }
}

/** Opening the conversation reads it: the messages shown are marked read for this officer. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reader, kase } = await requireConversation(request, params)
  const messages = await listConversation(reader, kase.id)
  await markRead(
    reader,
    kase.id,
    messages.filter((message) => message.isUnread).map((message) => message.id),
  )
  return {
    kase: { id: kase.id, organizationId: kase.organizationId, fileNumber: kase.fileNumber },
    messages,
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { reader, kase } = await requireConversation(request, params)
  const formData = await request.formData()
  const casePath = `/authority/cases/${kase.id}`
  if (formData.get('intent') === 'markUnread') {
    const submission = await parseForm(formData, MarkUnreadSchema)
    if (!submission.ok) return badRequest(submission.reply)
    if (!(await markUnread(reader, kase.id, submission.value.messageId))) notFound()
    // back to the inbox: staying here would read the message again
    return redirectWithToast('/inbox', 'messages:toast.markedUnread')
  }
  const submission = await parseForm(formData, OfficerMessageSchema)
  if (!submission.ok) return badRequest(submission.reply)
  const result = await postMessage(reader, kase.id, submission.value)
  if (!result.ok) return formError(result.error)
  return redirectWithToast(`${casePath}/messages#message-${result.id}`, 'messages:toast.sent')
}

export default function AuthorityCaseMessages() {
  const { t } = useTranslation('messages')
  const { kase, messages } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const reply = isFormReply(actionData) ? actionData : null
  return (
    <>
      <p>
        <Link to={`/authority/cases/${kase.id}`}>
          {t('thread.backToCase', { fileNumber: kase.fileNumber })}
        </Link>
      </p>
      <h1>{t('thread.title', { fileNumber: kase.fileNumber })}</h1>
      <p>{t('thread.officerIntro')}</p>
      <MessageThread messages={messages} />
      <MessageComposer audience="officer" reply={reply} />
    </>
  )
}
