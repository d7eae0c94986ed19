import {
  listConversation,
  markRead,
  markUnread,
  postMessage,
  type MessageReader,
} from '~/models/message.server'
import { MarkUnreadSchema, OfficerMessageSchema, OrganizationMessageSchema } from '~/schemas/message'

import { badRequest, formError, parseForm } from './forms.server'
import { notFound } from './permissions.server'
import { redirectWithToast } from './toast.server'

type ConversationCase = { id: string; organizationId: string; fileNumber: string }

/** Opening the conversation reads it: the messages shown are marked read for this reader. */
export async function loadConversation(reader: MessageReader, kase: ConversationCase) {
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

/**
 * A post to the conversation at `casePath/messages`: a new message (officers may write internal notes,
 * organizations may not) or one of the others' messages marked unread.
 */
export async function answerConversationPost(
  request: Request,
  reader: MessageReader,
  kase: ConversationCase,
  casePath: string,
) {
  const formData = await request.formData()
  if (formData.get('intent') === 'markUnread') {
    const submission = await parseForm(formData, MarkUnreadSchema)
    if (!submission.ok) return badRequest(submission.reply)
    if (!(await markUnread(reader, kase.id, submission.value.messageId))) notFound()
    // back to the inbox: staying here would read the message again
    return redirectWithToast('/inbox', 'messages:toast.markedUnread')
  }
  const schema = reader.side === 'authority' ? OfficerMessageSchema : OrganizationMessageSchema
  const submission = await parseForm(formData, schema)
  if (!submission.ok) return badRequest(submission.reply)
  const result = await postMessage(reader, kase.id, submission.value)
  if (!result.ok) return formError(result.error)
  return redirectWithToast(`${casePath}/messages#message-${result.id}`, 'messages:toast.sent')
}
