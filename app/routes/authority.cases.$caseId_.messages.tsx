import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'

import { ConversationPage } from '~/components/messages/conversation'
import { authorityReader } from '~/models/message.server'
import messageStyles from '~/styles/messages.css'
import { requireAuthorityCase } from '~/utils/case-access.server'
import { answerConversationPost, loadConversation } from '~/utils/conversation.server'
import { isFormReply } from '~/utils/forms'
import { caseHandle } from '~/utils/page-title'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: messageStyles }]

export const handle = caseHandle('messages:thread.title')

async function requireConversation(request: Request, params: LoaderFunctionArgs['params']) {
  const { user, kase } = await requireAuthorityCase(request, params)
  return { reader: authorityReader(user.id), kase }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reader, kase } = await requireConversation(request, params)
  return loadConversation(reader, kase)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { reader, kase } = await requireConversation(request, params)
  return answerConversationPost(request, reader, kase, `/authority/cases/${kase.id}`)
}

export default function AuthorityCaseMessages() {
  const { kase, messages } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <ConversationPage
      casePath={`/authority/cases/${kase.id}`}
      fileNumber={kase.fileNumber}
      messages={messages}
      audience="officer"
      reply={isFormReply(actionData) ? actionData : null}
    />
  )
}
