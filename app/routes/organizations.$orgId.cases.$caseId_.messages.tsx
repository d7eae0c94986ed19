import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'

import { ConversationPage } from '~/components/messages/conversation'
import { organizationReader } from '~/models/message.server'
import messageStyles from '~/styles/messages.css'
import { requireOrganizationCase } from '~/utils/case-access.server'
import { answerConversationPost, loadConversation } from '~/utils/conversation.server'
import { isFormReply } from '~/utils/forms'
import { caseHandle } from '~/utils/page-title'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: messageStyles }]

export const handle = caseHandle('messages:thread.title')

async function requireConversation(request: Request, params: LoaderFunctionArgs['params']) {
  const { user, kase } = await requireOrganizationCase(request, params)
  return { reader: organizationReader(user.id, kase.organizationId), kase }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { reader, kase } = await requireConversation(request, params)
  return loadConversation(reader, kase)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { reader, kase } = await requireConversation(request, params)
  return answerConversationPost(
    request,
    reader,
    kase,
    `/organizations/${kase.organizationId}/cases/${kase.id}`,
  )
}

export default function OrganizationCaseMessages() {
  const { kase, messages } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  return (
    <ConversationPage
      casePath={`/organizations/${kase.organizationId}/cases/${kase.id}`}
      fileNumber={kase.fileNumber}
      messages={messages}
      audience="org"
      reply={isFormReply(actionData) ? actionData : null}
    />
  )
}
